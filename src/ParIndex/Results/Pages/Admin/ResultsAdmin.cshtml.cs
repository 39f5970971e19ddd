using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ParIndex.Accounts;
using ParIndex.Data;
using ParIndex.Frameworks;
using ParIndex.Publication;
using ParIndex.Web;
using static ParIndex.Web.Text;

namespace ParIndex.Results.Pages.Admin;

/// <summary>The state of one block and year as the administrator manages it.</summary>
public sealed record BlockResultsStatus(
    int Year, string BlockCode, string BlockName, IReadOnlyList<(string Code, string Name)> Members,
    FrameworkStatus? FrameworkStatus, int? FrameworkRevision,
    DateTime? ComputedAtUtc, string? ComputedBy, int? ComputedRevision, int ResultUnits, decimal? AverageIndex,
    bool IsPublished, DateTime? PublishedAtUtc, string? PublishedBy)
{
    public bool Computed => ComputedAtUtc is not null;
}

/// <summary>
/// Computing and publishing results: per year and block the framework's status, the last computation, and the
/// published flag, with actions to compute a year or a block, publish or withdraw, and preview unpublished results.
/// </summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class ResultsAdminModel(AppDbContext db, ResultsComputation computation, PublicationService publication) : PageModel
{
    [TempData] public string? Message { get; set; }

    public IReadOnlyList<IGrouping<int, BlockResultsStatus>> Years { get; private set; } = [];
    public List<string> Problems { get; } = [];
    public string? Notice { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostComputeYearAsync(int year, CancellationToken cancellationToken)
    {
        var (computed, problems) = await computation.ComputeYearAsync(year, Actor.Of(User), cancellationToken: cancellationToken);
        await publication.EvictPublicPagesAsync(cancellationToken);
        var done = computed.Count == 0 ? null : T(
            $"Đã tính kết quả năm {year}: {Describe(computed)}. Trang công khai đã được làm mới.",
            $"Results of {year} computed: {Describe(computed)}. Public pages were refreshed.");
        if (problems.Count == 0)
            return Done(done!);
        Notice = done;
        Problems.AddRange(problems);
        return await ShowAsync(computed.Count == 0, cancellationToken);
    }

    public async Task<IActionResult> OnPostComputeBlockAsync(int year, string block, CancellationToken cancellationToken)
    {
        var outcome = await computation.ComputeBlockAsync(year, block, Actor.Of(User), cancellationToken);
        await publication.EvictPublicPagesAsync(cancellationToken);
        if (outcome.Succeeded)
            return Done(T($"Đã tính kết quả khối {block} năm {year}: {Describe([outcome.Value!])}.", $"Results of block {block} for {year} computed: {Describe([outcome.Value!])}."));
        if (outcome.NotFound)
            Problems.Add(T($"Không có khối {block} năm {year}.", $"There is no block {block} in {year}."));
        else
            Problems.AddRange(Lines(outcome.Problems));
        return await ShowAsync(refused: true, cancellationToken);
    }

    public Task<IActionResult> OnPostPublishAsync(int year, string block, CancellationToken cancellationToken) => SetPublishedAsync(year, block, true, cancellationToken);

    public Task<IActionResult> OnPostWithdrawAsync(int year, string block, CancellationToken cancellationToken) => SetPublishedAsync(year, block, false, cancellationToken);

    private async Task<IActionResult> SetPublishedAsync(int year, string block, bool published, CancellationToken cancellationToken)
    {
        var outcome = await publication.SetPublishedAsync(year, block, published, Actor.Of(User), cancellationToken);
        if (outcome.Succeeded)
            return Done(published
                ? T($"Đã công bố kết quả khối {block} năm {year}.", $"Results of block {block} for {year} published.")
                : T($"Đã thu hồi công bố kết quả khối {block} năm {year}; kết quả không còn công khai.", $"Results of block {block} for {year} withdrawn; they are no longer public."));
        if (outcome.NotFound)
            Problems.Add(T($"Không có khối {block} năm {year}.", $"There is no block {block} in {year}."));
        else
            Problems.AddRange(Lines(outcome.Problems));
        return await ShowAsync(refused: true, cancellationToken);
    }

    private IActionResult Done(string message)
    {
        Message = message;
        return RedirectToPage();
    }

    private async Task<IActionResult> ShowAsync(bool refused, CancellationToken cancellationToken)
    {
        if (refused)
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        await LoadAsync(cancellationToken);
        return Page();
    }

    private static IEnumerable<string> Lines(Web.Problems? problems) =>
        problems?.ToDictionary().SelectMany(p => p.Value) ?? [];

    private static string Describe(IEnumerable<ComputedBlock> blocks) => string.Join("; ", blocks.Select(b =>
        T($"{b.BlockCode} ({b.Units} đơn vị, bình quân {Number(b.AverageIndex)})", $"{b.BlockCode} ({b.Units} units, average {Number(b.AverageIndex)})")));

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var blocks = await db.Blocks.AsNoTracking()
            .Select(b => new
            {
                b.Id, b.Year, b.Code, b.NameVi, b.NameEn, b.IsPublished, b.PublishedAtUtc, b.PublishedBy,
                Members = b.Members.Select(m => new { m.Unit!.Code, m.Unit.NameVi }).ToList(),
            })
            .ToListAsync(cancellationToken);
        var frameworks = await db.Frameworks.AsNoTracking().Select(f => new { f.BlockId, f.Revision, f.Status }).ToListAsync(cancellationToken);
        var sets = await db.ResultSets.AsNoTracking()
            .Select(s => new { s.BlockId, s.ComputedAtUtc, s.ComputedBy, s.FrameworkRevision, s.AverageIndex, Units = s.Rows.Count })
            .ToListAsync(cancellationToken);
        var frameworkOf = frameworks.GroupBy(f => f.BlockId).ToDictionary(g => g.Key,
            g => g.FirstOrDefault(f => f.Status == FrameworkStatus.Published) ?? g.OrderByDescending(f => f.Revision).First());
        var setOf = sets.GroupBy(s => s.BlockId).ToDictionary(g => g.Key, g => g.OrderByDescending(s => s.ComputedAtUtc).First());
        Years = blocks
            .Select(b =>
            {
                var framework = frameworkOf.GetValueOrDefault(b.Id);
                var set = setOf.GetValueOrDefault(b.Id);
                return new BlockResultsStatus(
                    b.Year, b.Code, ResultsUi.BlockName(b.NameVi, b.NameEn),
                    b.Members.OrderBy(m => m.NameVi, VietnameseText.Comparer).Select(m => (m.Code, m.NameVi)).ToList(),
                    framework?.Status, framework?.Revision,
                    set?.ComputedAtUtc, set?.ComputedBy, set?.FrameworkRevision, set?.Units ?? 0, set?.AverageIndex,
                    b.IsPublished, b.PublishedAtUtc, b.PublishedBy);
            })
            .OrderByDescending(s => s.Year).ThenBy(s => s.BlockCode, StringComparer.Ordinal)
            .GroupBy(s => s.Year)
            .ToList();
    }

    public static string FrameworkStatusText(BlockResultsStatus status) => status.FrameworkStatus switch
    {
        null => T("Chưa có bộ tiêu chí", "No framework"),
        FrameworkStatus.Published => T($"Đã ban hành (lần {status.FrameworkRevision})", $"Published (revision {status.FrameworkRevision})"),
        FrameworkStatus.Draft => T($"Bản nháp (lần {status.FrameworkRevision}) — chưa tính được", $"Draft (revision {status.FrameworkRevision}) — cannot compute yet"),
        _ => T($"Đã thay thế (lần {status.FrameworkRevision})", $"Superseded (revision {status.FrameworkRevision})"),
    };
}
