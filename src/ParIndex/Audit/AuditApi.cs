using Microsoft.AspNetCore.Http.HttpResults;
using ParIndex.Web;
using static ParIndex.Web.Text;

namespace ParIndex.Audit;

public sealed record AuditEntryDto(long Id, DateTime AtUtc, string Actor, string Action, string EntityType, string EntityKey, string? OldValue, string? NewValue, string? Reason)
{
    public static AuditEntryDto From(AuditEntry e) => new(e.Id, e.AtUtc, e.Actor, e.Action, e.EntityType, e.EntityKey, e.OldValue, e.NewValue, e.Reason);
}

public sealed record AuditPageDto(int Total, int Page, int PageSize, int Pages, IReadOnlyList<AuditEntryDto> Items);

/// <summary>The audit trail under /api/v1/audit: read-only, for administrators and viewers.</summary>
public static class AuditApi
{
    public static RouteGroupBuilder MapAuditApi(this RouteGroupBuilder api)
    {
        api.MapGet("/audit", async Task<Results<Ok<AuditPageDto>, ValidationProblem>> (string? entityType, string? key, string? actor, string? action, string? from, string? to, string? unit,
                int? page, int? pageSize, AuditQuery query, CancellationToken ct) =>
            {
                var problems = new Problems();
                var fromDate = ParseDate(from, "from", problems);
                var toDate = ParseDate(to, "to", problems);
                if (fromDate is not null && toDate is not null && toDate < fromDate)
                    problems.Add("to", T("Ngày kết thúc đứng trước ngày bắt đầu.", "The end date is before the start date."));
                if (problems.Any)
                    return TypedResults.ValidationProblem(problems.ToDictionary(), title: T("Dữ liệu không hợp lệ", "Invalid input"));
                var filter = new AuditFilter { EntityType = entityType, Key = key, Actor = actor, Action = action, From = fromDate, To = toDate, Unit = unit };
                var result = await query.PageAsync(filter, page ?? 1, pageSize ?? AuditQuery.DefaultPageSize, ct);
                return TypedResults.Ok(new AuditPageDto(result.Total, result.Page, result.PageSize, result.Pages, [.. result.Items.Select(AuditEntryDto.From)]));
            })
            .RequireAuthorization(AuditPolicies.Reader)
            .WithTags("Audit")
            .WithSummary("The audit trail, newest first (administrators and viewers): filter by entityType, key (the key and everything under it, e.g. 2025/Q1 or 2025/Q1/1.2.3; end with * for a plain prefix), actor (contains), action (prefix), from/to (Vietnamese dates, yyyy-MM-dd or dd/MM/yyyy, both included) and unit (everything about one unit); page and pageSize (at most 500).");
        return api;
    }

    internal static DateOnly? ParseDate(string? text, string field, Problems problems)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        if (DateOnly.TryParseExact(text.Trim(), ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy"], System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date))
            return date;
        problems.Add(field, T($"'{text}' không phải ngày hợp lệ (dd/MM/yyyy).", $"'{text}' is not a date (dd/MM/yyyy)."));
        return null;
    }
}
