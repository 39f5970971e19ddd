using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ParIndex.Accounts;

namespace ParIndex.Dossiers.Pages.Procedures;

/// <summary>The procedure catalogue: filter by sector, level and online level, search by code or name.</summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class ProcedureListModel(ProcedureService procedures) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sector { get; set; }
    [BindProperty(SupportsGet = true)] public string? Level { get; set; }
    [BindProperty(SupportsGet = true)] public string? Online { get; set; }
    [TempData] public string? Message { get; set; }

    public IReadOnlyList<Procedure> Procedures { get; private set; } = [];
    public IReadOnlyList<string> Sectors { get; private set; } = [];
    public int Total { get; private set; }
    public ProcedureLevel? SelectedLevel => Enum.TryParse<ProcedureLevel>(Level, out var level) && Enum.IsDefined(level) ? level : null;
    public OnlineLevel? SelectedOnline => Enum.TryParse<OnlineLevel>(Online, out var online) && Enum.IsDefined(online) ? online : null;
    public bool Filtered => !string.IsNullOrWhiteSpace(Q) || !string.IsNullOrWhiteSpace(Sector) || SelectedLevel is not null || SelectedOnline is not null;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Sectors = await procedures.SectorsAsync(cancellationToken);
        Total = await procedures.CountAsync(cancellationToken);
        Procedures = await procedures.ListAsync(new ProcedureFilter(string.IsNullOrWhiteSpace(Sector) ? null : Sector, SelectedLevel, SelectedOnline, Q), cancellationToken);
    }

    /// <summary>Share of the listed procedures at an online level, as a percentage for the summary.</summary>
    public decimal Share(OnlineLevel level) => Procedures.Count == 0 ? 0 : 100m * Procedures.Count(p => p.OnlineLevel == level) / Procedures.Count;
}
