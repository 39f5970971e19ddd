using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ParIndex.Units.Pages;
using ParIndex.Web;
using static ParIndex.Web.Text;

namespace ParIndex.Audit.Pages;

/// <summary>What the audit pages share: the filters read from the query string, paging, and the CSV download of the same selection.</summary>
public abstract class AuditTrailPageModel(AuditQuery query, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? EntityType { get; set; }
    [BindProperty(SupportsGet = true)] public string? Key { get; set; }
    [BindProperty(SupportsGet = true, Name = "actor")] public string? ActorName { get; set; }
    [BindProperty(SupportsGet = true, Name = "action")] public string? ActionName { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "trang")] public int PageNumber { get; set; } = 1;

    public FormErrors Errors { get; } = new();
    public AuditPage Entries { get; private set; } = new([], 0, 1, AuditQuery.DefaultPageSize);
    public IReadOnlyList<string> EntityTypes { get; private set; } = [];
    public IReadOnlyList<string> Actions { get; private set; } = [];

    /// <summary>The unit (per-unit page) and the key it narrows to.</summary>
    protected virtual AuditFilter Narrow(AuditFilter filter) => filter;

    public abstract string Path { get; }

    /// <summary>Query parameters of the page's own scope (the per-unit page's year and leaf), kept in its links.</summary>
    public virtual IEnumerable<(string Name, string? Value)> ScopeQuery => [];

    protected async Task LoadAsync(CancellationToken cancellationToken)
    {
        var filter = Filter();
        EntityTypes = await query.EntityTypesAsync(cancellationToken);
        Actions = await query.ActionsAsync(cancellationToken);
        if (filter is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        Entries = await query.PageAsync(filter, PageNumber, AuditQuery.DefaultPageSize, cancellationToken);
    }

    protected async Task<IActionResult> CsvAsync(string name, CancellationToken cancellationToken)
    {
        var filter = Filter();
        if (filter is null)
            return BadRequest(string.Join(" ", Errors.All));
        var day = Core.Calendar.VietnamTime.LocalDate(clock.GetUtcNow()).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = new System.Net.Http.Headers.ContentDispositionHeaderValue("attachment") { FileName = $"{name}-{day}.csv" }.ToString();
        await AuditQuery.WriteCsvAsync(query.AllAsync(filter, cancellationToken), Response.Body, UiLanguage.Current, cancellationToken);
        return new EmptyResult();
    }

    /// <summary>The query string of the current filters (without the page), for paging links and the CSV link.</summary>
    public string FilterQuery(params (string Name, string? Value)[] extra)
    {
        var parts = new List<(string, string?)>
        {
            ("entityType", EntityType), ("key", Key), ("actor", ActorName), ("action", ActionName), ("from", From), ("to", To),
        };
        parts.AddRange(ScopeQuery);
        parts.AddRange(extra);
        var text = new StringBuilder();
        foreach (var (name, value) in parts)
            if (!string.IsNullOrWhiteSpace(value))
                text.Append(text.Length == 0 ? "" : "&").Append(name).Append('=').Append(Uri.EscapeDataString(value.Trim()));
        return text.ToString();
    }

    public string PageLink(int page) => $"{Path}?{FilterQuery(("trang", page.ToString(System.Globalization.CultureInfo.InvariantCulture)))}";

    public string CsvLink => $"{Path}?{FilterQuery(("handler", "Csv"))}";

    private AuditFilter? Filter()
    {
        var problems = new Problems();
        var from = AuditApi.ParseDate(From, "from", problems);
        var to = AuditApi.ParseDate(To, "to", problems);
        if (from is not null && to is not null && to < from)
            problems.Add("to", T("Ngày kết thúc đứng trước ngày bắt đầu.", "The end date is before the start date."));
        Errors.Merge(problems);
        if (problems.Any)
            return null;
        return Narrow(new AuditFilter { EntityType = EntityType, Key = Key, Actor = ActorName, Action = ActionName, From = from, To = to });
    }
}
