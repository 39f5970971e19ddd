using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ParIndex.Audit.Pages;

/// <summary>
/// The audit trail (administrators and viewers): every recorded change, newest first, filtered by entity type, key
/// (the key and everything under it, e.g. 2025/Q1/1.2.3), actor, action and a date range; exported as CSV.
/// </summary>
[Authorize(Policy = AuditPolicies.Reader)]
public sealed class AuditTrailModel(AuditQuery query, TimeProvider clock) : AuditTrailPageModel(query, clock)
{
    public const string AdminPath = "/quan-tri/nhat-ky";

    public override string Path => AdminPath;

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken) => CsvAsync("nhat-ky", cancellationToken);
}
