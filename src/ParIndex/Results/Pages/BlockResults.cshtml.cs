using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using ParIndex.Accounts;
using ParIndex.Publication;
using ParIndex.Web;

namespace ParIndex.Results.Pages;

/// <summary>
/// A block's ranked results of a year: summary, sortable table, bar chart, exports, the publication stamp and the
/// corrections log. The public reads the current published snapshot (one query for its id, the parsed document
/// from memory), sorted in memory, cached for anonymous readers; unpublished results are a plain 404 for them.
/// Administrators read the live results, with a banner whenever those are not exactly the published version.
/// </summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicCache.Policy)]
public sealed class BlockResultsModel(ResultsQuery query, PublishedResults published) : PageModel
{
    public static readonly string[] SortKeys = ["rank", "name", "index", "change"];

    [BindProperty(SupportsGet = true, Name = "sort")] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true, Name = "dir")] public string? Dir { get; set; }

    public BlockResultsView? View { get; private set; }

    /// <summary>The published version shown to the public (null for an administrator's live view).</summary>
    public SnapshotDocument? Published { get; private set; }

    /// <summary>For administrators: what the public sees of this block (for the banner and the publication line).</summary>
    public PublicationStatus? Status { get; private set; }
    public IReadOnlyList<ResultLine> Rows { get; private set; } = [];
    public string SortKey { get; private set; } = "rank";
    public bool Descending { get; private set; }

    /// <summary>Units per class, best class first, including classes no unit reached.</summary>
    public IReadOnlyList<(string Code, string Name, string Color, int Count)> Distribution { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int year, string block, CancellationToken cancellationToken)
    {
        if (User.IsInRole(Roles.Administrator))
        {
            View = await query.BlockAsync(year, block, includeUnpublished: true, cancellationToken);
            // Resolved here only: the public's requests never need the publishing service.
            Status = View is null ? null : await HttpContext.RequestServices.GetRequiredService<PublicationService>().StatusAsync(year, block, cancellationToken);
            ViewData[PublicationBanner.Key] = Status;
        }
        else
        {
            Published = (await published.CurrentAsync(year, block, cancellationToken))?.Document;
            View = Published?.Block;
        }
        if (View is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        SortKey = SortKeys.Contains(Sort) ? Sort! : "rank";
        Descending = Dir switch
        {
            "desc" => true,
            "asc" => false,
            _ => DefaultDescending(SortKey),
        };
        Rows = Sorted(View.Rows, SortKey, Descending);

        var counts = View.Rows.GroupBy(r => r.ClassCode).ToDictionary(g => g.Key, g => g.Count());
        var distribution = View.Classes.Select(c => (c.Code, ResultsUi.ClassName(c), c.Color, counts.GetValueOrDefault(c.Code))).ToList();
        // Units whose class is not one of the framework's bands (e.g. unclassified) are still counted.
        foreach (var other in View.Rows.Where(r => View.Classes.All(c => c.Code != r.ClassCode)).GroupBy(r => r.ClassCode))
            distribution.Add((other.Key, ResultsUi.ClassName(other.First()), other.First().ClassColor, other.Count()));
        Distribution = distribution;
        return Page();
    }

    public static bool DefaultDescending(string key) => key is "index" or "change";

    /// <summary>Sorts the rows; ties (and rows without a change) fall back to rank, then the Vietnamese name.</summary>
    public static IReadOnlyList<ResultLine> Sorted(IReadOnlyList<ResultLine> rows, string key, bool descending)
    {
        var names = VietnameseText.Comparer;
        IOrderedEnumerable<ResultLine> ordered = key switch
        {
            "name" => descending
                ? rows.OrderByDescending(ResultsUi.UnitName, names)
                : rows.OrderBy(ResultsUi.UnitName, names),
            "index" => descending ? rows.OrderByDescending(r => r.Index) : rows.OrderBy(r => r.Index),
            // Units without last year's figure go last whichever way the column is sorted.
            "change" => descending
                ? rows.OrderBy(r => r.IndexChange is null).ThenByDescending(r => r.IndexChange)
                : rows.OrderBy(r => r.IndexChange is null).ThenBy(r => r.IndexChange),
            _ => descending ? rows.OrderByDescending(r => r.Rank) : rows.OrderBy(r => r.Rank),
        };
        return ordered.ThenBy(r => r.Rank).ThenBy(ResultsUi.UnitName, names).ThenBy(r => r.UnitCode, StringComparer.Ordinal).ToList();
    }

    /// <summary>The link of a column header: toggles the direction of the current column, else the column's natural direction.</summary>
    public string SortLink(string key)
    {
        var descending = key == SortKey ? !Descending : DefaultDescending(key);
        var link = $"?sort={key}&dir={(descending ? "desc" : "asc")}";
        // A language chosen in the query string (not by cookie) is kept by the sort links.
        return Request.Query.TryGetValue("lang", out var lang) && lang.ToString() is "en" or "en-GB" or "vi" or "vi-VN" ? $"{link}&lang={lang}" : link;
    }

    public string? AriaSort(string key) => key == SortKey ? Descending ? "descending" : "ascending" : "none";
}
