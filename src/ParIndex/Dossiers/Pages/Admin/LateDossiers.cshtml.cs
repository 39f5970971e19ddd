using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ParIndex.Accounts;
using ParIndex.Core.Dossiers;

namespace ParIndex.Dossiers.Pages.Admin;

/// <summary>Late dossiers (ended late, or open and overdue) that still have no apology: the inspection list of DOMAIN.md §6.</summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class LateDossiersModel(DossierService dossiers) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Unit { get; set; }
    [BindProperty(SupportsGet = true)] public string? Period { get; set; }

    public IReadOnlyList<LateDossierRow> Rows { get; private set; } = [];
    public string? PeriodProblem { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        DossierPeriod? period = null;
        if (!string.IsNullOrWhiteSpace(Period))
        {
            if (DossierPeriod.TryParse(Period, out var parsed))
                period = parsed;
            else
                PeriodProblem = Web.Text.T("Kỳ phải có dạng 2025-03, 2025-Q1 hoặc 2025.", "The period must look like 2025-03, 2025-Q1 or 2025.");
        }
        Rows = await dossiers.LateWithoutApologyAsync(string.IsNullOrWhiteSpace(Unit) ? null : Unit.Trim(), period, 500, cancellationToken);
    }
}
