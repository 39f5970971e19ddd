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

    /// <summary>The latest published version (whether or not the block is public now).</summary>
    public int? Version { get; init; }
    public string? DecisionNumber { get; init; }
    public DateTime? VersionComputedAtUtc { get; init; }

    /// <summary>Published, but the results were recomputed since: the public still sees the last version.</summary>
    public bool RecomputedSincePublication => IsPublished && Version is not null && ComputedAtUtc != VersionComputedAtUtc;
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

    /// <summary>Publishes the block's current results as a frozen version; the decision fields are optional here (the publication page asks for them).</summary>
    public async Task<IActionResult> OnPostPublishAsync(int year, string block, string? decisionNumber, DateOnly? decisionDate, string? reason, CancellationToken cancellationToken)
    {
        var outcome = await publication.PublishAsync(new PublishRequest(year, block, decisionNumber, decisionDate, reason), Actor.Of(User), cancellationToken);
        if (outcome.Succeeded)
            return Done(PublishedMessage(outcome.Value!));
        if (outcome.NotFound)
            Problems.Add(T($"Không có khối {block} năm {year}.", $"There is no block {block} in {year}."));
        else
            Problems.AddRange(Lines(outcome.Problems));
        return await ShowAsync(refused: true, cancellationToken);
    }

    public async Task<IActionResult> OnPostWithdrawAsync(int year, string block, string? reason, CancellationToken cancellationToken)
    {
        var outcome = await publication.WithdrawAsync(year, block, reason, Actor.Of(User), cancellationToken);
        if (outcome.Succeeded)
            return Done(T($"Đã thu hồi công bố kết quả khối {block} năm {year}; kết quả không còn công khai.", $"Results of block {block} for {year} withdrawn; they are no longer public."));
        Problems.Add(T($"Không có khối {block} năm {year}.", $"There is no block {block} in {year}."));
        return await ShowAsync(refused: true, cancellationToken);
    }

    public static string PublishedMessage(PublishResult result) => result.Kind switch
    {
        PublishKind.First => T($"Đã công bố kết quả khối {result.BlockCode} năm {result.Year} (phiên bản {result.Version}).", $"Results of block {result.BlockCode} for {result.Year} published (version {result.Version})."),
        PublishKind.Correction => T($"Đã công bố đính chính kết quả khối {result.BlockCode} năm {result.Year}: phiên bản {result.Version}, {result.Changes.Count} đơn vị thay đổi.",
            $"Correction of block {result.BlockCode} for {result.Year} published: version {result.Version}, {result.Changes.Count} units changed."),
        PublishKind.Reinstated => T($"Đã công bố lại kết quả khối {result.BlockCode} năm {result.Year} (phiên bản {result.Version}, không thay đổi).", $"Results of block {result.BlockCode} for {result.Year} published again (version {result.Version}, unchanged)."),
        _ => T($"Kết quả khối {result.BlockCode} năm {result.Year} không thay đổi so với phiên bản {result.Version} đang công bố; không tạo phiên bản mới.",
            $"Results of block {result.BlockCode} for {result.Year} are unchanged from published version {result.Version}; no new version was created."),
    };

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
        var versions = await db.PublicationSnapshots.AsNoTracking()
            .Select(p => new { p.BlockId, p.Version, p.DecisionNumber, p.ComputedAtUtc })
            .ToListAsync(cancellationToken);
        var versionOf = versions.GroupBy(v => v.BlockId).ToDictionary(g => g.Key, g => g.MaxBy(v => v.Version)!);
        Years = blocks
            .Select(b =>
            {
                var framework = frameworkOf.GetValueOrDefault(b.Id);
                var set = setOf.GetValueOrDefault(b.Id);
                var version = versionOf.GetValueOrDefault(b.Id);
                return new BlockResultsStatus(
                    b.Year, b.Code, ResultsUi.BlockName(b.NameVi, b.NameEn),
                    b.Members.OrderBy(m => m.NameVi, VietnameseText.Comparer).Select(m => (m.Code, m.NameVi)).ToList(),
                    framework?.Status, framework?.Revision,
                    set?.ComputedAtUtc, set?.ComputedBy, set?.FrameworkRevision, set?.Units ?? 0, set?.AverageIndex,
                    b.IsPublished, b.PublishedAtUtc, b.PublishedBy)
                {
                    Version = version?.Version, DecisionNumber = version?.DecisionNumber, VersionComputedAtUtc = version?.ComputedAtUtc,
                };
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
