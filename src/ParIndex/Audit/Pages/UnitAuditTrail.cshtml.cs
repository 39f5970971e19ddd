using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ParIndex.Data;

namespace ParIndex.Audit.Pages;

/// <summary>
/// The audit trail of one unit: the unit's own record and every entry keyed <c>{year}/{unit}</c> or <c>{year}/{unit}/…</c>
/// (its scores, self-assessment, evidence, appraisals), optionally narrowed to one year and one leaf.
/// </summary>
[Authorize(Policy = AuditPolicies.Reader)]
public sealed class UnitAuditTrailModel(AuditQuery query, AppDbContext db, TimeProvider clock) : AuditTrailPageModel(query, clock)
{
    [BindProperty(SupportsGet = true)] public string Unit { get; set; } = "";
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public string? Node { get; set; }

    public string? UnitName { get; private set; }

    public override string Path => $"{AuditTrailModel.AdminPath}/don-vi/{Uri.EscapeDataString(Unit)}";

    protected override AuditFilter Narrow(AuditFilter filter)
    {
        filter = filter with { Unit = Unit };
        if (Year is { } year)
            filter = filter with { Key = string.IsNullOrWhiteSpace(Node) ? $"{year}/{Unit}" : $"{year}/{Unit}/{Node.Trim()}" };
        return filter;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var unit = await db.Units.AsNoTracking().Where(u => u.Code == Unit).Select(u => new { u.NameVi, u.NameEn }).FirstOrDefaultAsync(cancellationToken);
        UnitName = unit is null ? null : Web.Text.T(unit.NameVi, unit.NameEn ?? unit.NameVi);
        await LoadAsync(cancellationToken);
        return Page();
    }

    public Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken) => CsvAsync($"nhat-ky-{Unit}", cancellationToken);

    public override IEnumerable<(string Name, string? Value)> ScopeQuery =>
        [("year", Year?.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("node", Node)];
}
