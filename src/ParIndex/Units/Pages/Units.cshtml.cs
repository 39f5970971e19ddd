using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ParIndex.Accounts;

namespace ParIndex.Units.Pages;

/// <summary>All units, sorted by Vietnamese name, filtered by kind, by year of validity and by a name/code search.</summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class UnitsModel(UnitService units) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [TempData] public string? Message { get; set; }

    public IReadOnlyList<Unit> Units { get; private set; } = [];
    public int Total { get; private set; }
    public bool Filtered => !string.IsNullOrWhiteSpace(Q) || SelectedKind is not null || Year is not null;
    public UnitKind? SelectedKind => UnitPageText.TryParseKind(Kind, out var kind) ? kind : null;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var all = await units.ListAsync(Year, SelectedKind, cancellationToken);
        Total = all.Count;
        var needle = string.IsNullOrWhiteSpace(Q) ? null : UnitPageText.Fold(Q);
        Units = needle is null || needle.Length == 0
            ? all
            : all.Where(u => UnitPageText.Fold(u.Code).Contains(needle, StringComparison.Ordinal)
                             || UnitPageText.Fold(u.NameVi).Contains(needle, StringComparison.Ordinal)
                             || (u.NameEn is not null && UnitPageText.Fold(u.NameEn).Contains(needle, StringComparison.Ordinal)))
                .ToList();
    }
}
