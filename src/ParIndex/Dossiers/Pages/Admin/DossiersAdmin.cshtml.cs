using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ParIndex.Accounts;
using ParIndex.Data;
using ParIndex.Web;
using static ParIndex.Web.Text;

namespace ParIndex.Dossiers.Pages.Admin;

/// <summary>The dossiers' administration home: recent import batches, look-up by code, the metric feed.</summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class DossiersAdminModel(DossierService dossiers, DossierMetricFeed feed, AppDbContext db, TimeProvider clock) : PageModel
{
    public List<DossierImportBatch> Batches { get; private set; } = [];
    public IReadOnlyList<int> Years { get; private set; } = [];
    public long DossierCount { get; private set; }
    public MetricFeedResult? FeedResult { get; private set; }
    public List<string> Problems { get; } = [];

    [BindProperty(SupportsGet = true)] public string? Code { get; set; }
    [BindProperty] public int Year { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(Code))
        {
            var code = Code.Trim();
            if (await db.Dossiers.AnyAsync(d => d.Code == code, cancellationToken))
                return Redirect($"/quan-tri/ho-so/{Uri.EscapeDataString(code)}");
            Problems.Add(T($"Không có hồ sơ mã '{code}'.", $"There is no dossier '{code}'."));
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostFeedAsync(CancellationToken cancellationToken)
    {
        var outcome = await feed.FeedYearAsync(Year, Actor.Of(User), cancellationToken);
        if (outcome.Succeeded)
            FeedResult = outcome.Value;
        else
        {
            Problems.AddRange(outcome.Problems?.Lines() ?? []);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Batches = await dossiers.BatchesAsync(20, cancellationToken);
        Years = await db.Blocks.Select(b => b.Year).Distinct().OrderByDescending(y => y).ToListAsync(cancellationToken);
        if (Year == 0)
            Year = Years.FirstOrDefault(y => y <= clock.GetUtcNow().Year, clock.GetUtcNow().Year);
        DossierCount = await db.Dossiers.LongCountAsync(cancellationToken);
    }
}
