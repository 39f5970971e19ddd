using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using ParIndex.Audit;
using ParIndex.Data;
using ParIndex.Results;
using ParIndex.Web;
using static ParIndex.Web.Text;

namespace ParIndex.Publication;

/// <summary>A request to publish a block's current results of a year (a first publication or a correction).</summary>
public sealed record PublishRequest(int Year, string BlockCode, string? DecisionNumber = null, DateOnly? DecisionDate = null, string? Reason = null, int? AppealId = null);

public enum PublishKind
{
    /// <summary>Version 1: the block's results were not published before.</summary>
    First,
    /// <summary>A new version with a corrections log entry.</summary>
    Correction,
    /// <summary>A withdrawn block made public again with its last version (the results had not changed).</summary>
    Reinstated,
    /// <summary>Nothing to do: the public already sees these results.</summary>
    Unchanged,
}

public sealed record PublishResult(int Year, string BlockCode, int Version, PublishKind Kind, IReadOnlyList<UnitChange> Changes);

/// <summary>What publishing now would do: the status, and the changes a new version would make.</summary>
public sealed record PublicationPreview(PublicationStatus Status, bool Computed, bool ContentDiffers, IReadOnlyList<UnitChange> Changes);

/// <summary>
/// Publishing freezes a block's computed results of a year into an immutable, versioned snapshot
/// (<see cref="PublicationSnapshot"/>) with the approving decision; a later publication with different results is a
/// correction: a new version with a public corrections log entry (what changed, why, under which decision).
/// Withdrawing hides a block from the public without deleting any version. Every change is audited and evicts the
/// public pages from the output cache.
/// </summary>
public sealed partial class PublicationService(AppDbContext db, ResultsQuery query, AuditLog audit, TimeProvider clock, IOutputCacheStore? cache = null)
{
    /// <summary>The former published flag: publish (first version, or re-instate unchanged results) or withdraw.</summary>
    public async Task<Outcome<bool>> SetPublishedAsync(int year, string blockCode, bool published, string actor, CancellationToken cancellationToken = default)
    {
        if (!published)
        {
            var withdrawn = await WithdrawAsync(year, blockCode, null, actor, cancellationToken);
            return withdrawn.Succeeded ? Outcome<bool>.Ok(false) : new Outcome<bool>(false, withdrawn.Problems, withdrawn.NotFound, withdrawn.Conflict);
        }
        var outcome = await PublishAsync(new PublishRequest(year, blockCode), actor, cancellationToken);
        return outcome.Succeeded ? Outcome<bool>.Ok(true) : new Outcome<bool>(false, outcome.Problems, outcome.NotFound, outcome.Conflict);
    }

    public async Task<Outcome<PublishResult>> PublishAsync(PublishRequest request, string actor, CancellationToken cancellationToken = default)
    {
        var (year, blockCode) = (request.Year, request.BlockCode);
        var block = await db.Blocks.FirstOrDefaultAsync(b => b.Year == year && b.Code == blockCode, cancellationToken);
        if (block is null)
            return Outcome<PublishResult>.Missing();
        var set = await db.ResultSets.AsNoTracking().Include(s => s.Block).Include(s => s.Rows).ThenInclude(r => r.Unit)
            .AsSplitQuery()
            .FirstOrDefaultAsync(s => s.BlockId == block.Id, cancellationToken);
        var problems = CheckDecision(request, year);
        if (set is null)
            problems.Add("results", T($"Khối {blockCode} năm {year} chưa có kết quả tính toán để công bố.", $"Block {blockCode} has no computed results for {year} to publish."));
        if (await CouncilRefusalAsync(year, cancellationToken) is { } councilProblem)
            problems.Add("council", councilProblem);
        if (set is null || problems.Any)
            return problems;

        var now = clock.GetUtcNow().UtcDateTime;
        var view = await FrozenViewAsync(set, now, cancellationToken);
        var hash = ContentHash(view, set.Rows);
        var latest = await db.PublicationSnapshots.AsNoTracking().Where(s => s.BlockId == block.Id).OrderByDescending(s => s.Version)
            .Select(s => new { s.Id, s.Version, s.ContentHash, s.DocumentJson }).FirstOrDefaultAsync(cancellationToken);

        if (latest is not null && latest.ContentHash == hash)
        {
            if (block.IsPublished)
                return Outcome<PublishResult>.Ok(new PublishResult(year, blockCode, latest.Version, PublishKind.Unchanged, []));
            block.IsPublished = true;
            block.PublishedAtUtc = now;
            block.PublishedBy = actor;
            audit.Record(actor, "results.published", "block", $"{year}/{blockCode}", "False", $"True (v{latest.Version})", request.Reason);
            await db.SaveChangesAsync(cancellationToken);
            await EvictPublicPagesAsync(cancellationToken);
            return Outcome<PublishResult>.Ok(new PublishResult(year, blockCode, latest.Version, PublishKind.Reinstated, []));
        }

        var previous = latest is null ? null : JsonSerializer.Deserialize<SnapshotDocument>(latest.DocumentJson, PublishedResults.DocumentOptions)!;
        if (previous is not null)
        {
            problems
                .AddIf(string.IsNullOrWhiteSpace(request.Reason), "reason", T(
                    $"Kết quả khác với phiên bản {previous.Publication.Version} đã công bố: đính chính phải nêu lý do.",
                    $"The results differ from published version {previous.Publication.Version}: a correction needs a reason."))
                .AddIf(string.IsNullOrWhiteSpace(request.DecisionNumber), "decisionNumber", T(
                    "Đính chính phải có số quyết định phê duyệt kết quả mới.", "A correction needs the number of the decision approving the new results."))
                .AddIf(request.DecisionDate is null, "decisionDate", T(
                    "Đính chính phải có ngày của quyết định.", "A correction needs the date of the decision."));
            if (problems.Any)
                return problems;
        }

        var version = (latest?.Version ?? 0) + 1;
        var stamp = new PublicationStamp(version, Clean(request.DecisionNumber), request.DecisionDate, now);
        var changes = previous is null ? [] : Changes(previous.Block, view);
        CorrectionView? correction = previous is null ? null : new CorrectionView(
            year, blockCode, view.BlockNameVi, view.BlockNameEn, previous.Publication.Version, version, request.Reason!.Trim(),
            stamp.DecisionNumber, stamp.DecisionDate, now, changes, request.AppealId);
        var document = new SnapshotDocument(view, stamp, correction is null ? previous?.Corrections ?? [] : [correction, .. previous!.Corrections]);
        var snapshot = new PublicationSnapshot
        {
            Year = year, BlockId = block.Id, BlockCode = blockCode, Version = version,
            DecisionNumber = stamp.DecisionNumber, DecisionDate = stamp.DecisionDate, PublishedAtUtc = now, PublishedBy = actor,
            ComputedAtUtc = set.ComputedAtUtc, FrameworkId = set.FrameworkId, FrameworkRevision = set.FrameworkRevision,
            UnitCount = view.Rows.Count, AverageIndex = view.AverageIndex, BlockNameVi = view.BlockNameVi, BlockNameEn = view.BlockNameEn,
            ContentHash = hash,
            DocumentJson = JsonSerializer.Serialize(document, PublishedResults.DocumentOptions),
            Units = set.Rows.Select(r => new PublicationSnapshotUnit
            {
                Year = year, UnitCode = r.Unit!.Code, Index = r.Index, Rank = r.Rank, ClassCode = r.ClassCode, PreviousIndex = r.PreviousIndex, DetailJson = r.DetailJson,
            }).ToList(),
        };
        db.PublicationSnapshots.Add(snapshot);
        if (correction is not null)
        {
            db.PublicationCorrections.Add(new PublicationCorrection
            {
                Year = year, BlockId = block.Id, BlockCode = blockCode, Snapshot = snapshot,
                FromVersion = correction.FromVersion, ToVersion = version, Reason = correction.Reason,
                DecisionNumber = stamp.DecisionNumber, DecisionDate = stamp.DecisionDate, PublishedAtUtc = now, PublishedBy = actor,
                ChangesJson = JsonSerializer.Serialize(changes, PublishedResults.DocumentOptions), AppealId = request.AppealId,
            });
        }
        var wasPublished = block.IsPublished;
        block.IsPublished = true;
        block.PublishedAtUtc = now;
        block.PublishedBy = actor;
        var described = $"v{version}{(stamp.DecisionNumber is null ? "" : $", {stamp.DecisionNumber}")}{(stamp.DecisionDate is { } d ? $" ngày {Date(d)}" : "")}";
        if (correction is null)
            audit.Record(actor, "results.published", "block", $"{year}/{blockCode}", wasPublished.ToString(), $"True ({described})");
        else
            audit.Record(actor, "results.corrected", "block", $"{year}/{blockCode}", $"v{previous!.Publication.Version}",
                $"{described}; {changes.Count} {(changes.Count == 1 ? "unit" : "units")} changed", correction.Reason);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two administrators publishing at once: the unique (block, version) index lets only one of them through.
            db.ChangeTracker.Clear();
            if (!await db.PublicationSnapshots.AnyAsync(s => s.BlockId == block.Id && s.Version == version, cancellationToken))
                throw;
            return Outcome<PublishResult>.Clash(Problems.Of("version", T(
                $"Phiên bản {version} của khối {blockCode} năm {year} vừa được người khác công bố. Hãy tải lại trang.",
                $"Version {version} of block {blockCode} for {year} was just published by someone else. Reload the page.")));
        }
        await EvictPublicPagesAsync(cancellationToken);
        return Outcome<PublishResult>.Ok(new PublishResult(year, blockCode, version, correction is null ? PublishKind.First : PublishKind.Correction, changes));
    }

    /// <summary>Hides a block from the public. Its versions stay; publishing again re-instates the last one or adds a correction.</summary>
    public async Task<Outcome<bool>> WithdrawAsync(int year, string blockCode, string? reason, string actor, CancellationToken cancellationToken = default)
    {
        var block = await db.Blocks.FirstOrDefaultAsync(b => b.Year == year && b.Code == blockCode, cancellationToken);
        if (block is null)
            return Outcome<bool>.Missing();
        if (!block.IsPublished)
            return Outcome<bool>.Ok(false);
        block.IsPublished = false;
        audit.Record(actor, "results.unpublished", "block", $"{year}/{blockCode}", "True", "False", string.IsNullOrWhiteSpace(reason) ? null : reason.Trim());
        await db.SaveChangesAsync(cancellationToken);
        await EvictPublicPagesAsync(cancellationToken);
        return Outcome<bool>.Ok(false);
    }

    /// <summary>The block's publication state for administrators.</summary>
    public async Task<PublicationStatus?> StatusAsync(int year, string blockCode, CancellationToken cancellationToken = default)
    {
        var block = await db.Blocks.AsNoTracking().Where(b => b.Year == year && b.Code == blockCode)
            .Select(b => new { b.Id, b.IsPublished }).FirstOrDefaultAsync(cancellationToken);
        if (block is null)
            return null;
        var current = await db.PublicationSnapshots.AsNoTracking().Where(s => s.BlockId == block.Id).OrderByDescending(s => s.Version)
            .Select(s => new PublicationSnapshotInfo(s.Id, s.Version, s.DecisionNumber, s.DecisionDate, s.PublishedAtUtc, s.PublishedBy, s.ComputedAtUtc))
            .FirstOrDefaultAsync(cancellationToken);
        var computed = await db.ResultSets.AsNoTracking().Where(s => s.BlockId == block.Id).Select(s => (DateTime?)s.ComputedAtUtc).FirstOrDefaultAsync(cancellationToken);
        return new PublicationStatus(year, blockCode, block.IsPublished, current, computed);
    }

    /// <summary>What publishing now would change against the last version (every unit is "new" before the first).</summary>
    public async Task<PublicationPreview?> PreviewAsync(int year, string blockCode, CancellationToken cancellationToken = default)
    {
        var status = await StatusAsync(year, blockCode, cancellationToken);
        if (status is null)
            return null;
        var set = await db.ResultSets.AsNoTracking().Include(s => s.Block).Include(s => s.Rows).ThenInclude(r => r.Unit)
            .AsSplitQuery()
            .FirstOrDefaultAsync(s => s.Year == year && s.Block!.Code == blockCode, cancellationToken);
        if (set is null)
            return new PublicationPreview(status, false, false, []);
        var view = await FrozenViewAsync(set, clock.GetUtcNow().UtcDateTime, cancellationToken);
        if (status.Current is null)
            return new PublicationPreview(status, true, true, []);
        var latest = await db.PublicationSnapshots.AsNoTracking().Where(s => s.Id == status.Current.Id).Select(s => new { s.ContentHash, s.DocumentJson }).FirstAsync(cancellationToken);
        if (latest.ContentHash == ContentHash(view, set.Rows))
            return new PublicationPreview(status, true, false, []);
        var previous = JsonSerializer.Deserialize<SnapshotDocument>(latest.DocumentJson, PublishedResults.DocumentOptions)!;
        return new PublicationPreview(status, true, true, Changes(previous.Block, view));
    }

    /// <summary>The versions of a block (administrators see them whether or not the block is public now), newest first.</summary>
    public async Task<IReadOnlyList<(VersionSummary Version, string PublishedBy, CorrectionView? Correction)>> HistoryAsync(int year, string blockCode, CancellationToken cancellationToken = default)
    {
        var snapshots = await db.PublicationSnapshots.AsNoTracking()
            .Where(s => s.Year == year && s.BlockCode == blockCode)
            .Select(s => new { s.Id, s.Version, s.DecisionNumber, s.DecisionDate, s.PublishedAtUtc, s.ComputedAtUtc, s.UnitCount, s.AverageIndex, s.PublishedBy, s.BlockNameVi, s.BlockNameEn })
            .ToListAsync(cancellationToken);
        var corrections = await db.PublicationCorrections.AsNoTracking().Where(c => c.Year == year && c.BlockCode == blockCode).ToListAsync(cancellationToken);
        var latest = snapshots.Count == 0 ? 0 : snapshots.Max(s => s.Version);
        return snapshots.OrderByDescending(s => s.Version).Select(s => (
            new VersionSummary(s.Version, s.DecisionNumber, s.DecisionDate, s.PublishedAtUtc, s.ComputedAtUtc, s.UnitCount, s.AverageIndex, s.Version == latest),
            s.PublishedBy,
            corrections.FirstOrDefault(c => c.SnapshotId == s.Id) is { } c ? PublishedResults.ToView(c, s.BlockNameVi, s.BlockNameEn) : null)).ToList();
    }

    /// <summary>Public pages are cached; any change to what is published or computed evicts them.</summary>
    public async Task EvictPublicPagesAsync(CancellationToken cancellationToken = default)
    {
        if (cache is not null)
            await cache.EvictByTagAsync(PublicCache.Tag, cancellationToken);
    }

    /// <summary>Units whose rounded index, rank or class differ between two versions, in the new rank order (removed units last).</summary>
    public static IReadOnlyList<UnitChange> Changes(BlockResultsView before, BlockResultsView after)
    {
        var old = before.Rows.ToDictionary(r => r.UnitCode);
        var changes = new List<UnitChange>();
        foreach (var row in after.Rows)
        {
            var was = old.GetValueOrDefault(row.UnitCode);
            var change = new UnitChange(row.UnitCode, row.UnitNameVi, row.UnitNameEn, was?.Index, row.Index, was?.Rank, row.Rank, was?.ClassCode, row.ClassCode,
                was?.ClassNameVi, row.ClassNameVi, was?.ClassNameEn, row.ClassNameEn);
            if (change.IndexChanged || change.RankChanged || change.ClassChanged)
                changes.Add(change);
        }
        var current = after.Rows.Select(r => r.UnitCode).ToHashSet();
        foreach (var gone in before.Rows.Where(r => !current.Contains(r.UnitCode)))
            changes.Add(new UnitChange(gone.UnitCode, gone.UnitNameVi, gone.UnitNameEn, gone.Index, null, gone.Rank, null, gone.ClassCode, null, gone.ClassNameVi, null, gone.ClassNameEn, null));
        return changes;
    }

    /// <summary>The block view as it will be frozen: the live results, marked published at <paramref name="now"/>.</summary>
    private async Task<BlockResultsView> FrozenViewAsync(ResultSet set, DateTime now, CancellationToken cancellationToken)
    {
        var rows = set.Rows.Select(r => new ResultsQuery.LiveRow(
            r.Rank, r.Unit!.Code, r.Unit.NameVi, r.Unit.NameEn, r.Index, r.Total, r.ApplicableMax, r.ClassCode,
            r.PreviousIndex, r.PreviousRank, r.RankChange, r.RewardProposed, r.DisciplineReview, r.FieldIndexJson)).ToList();
        return ResultsQuery.BuildView(set, rows, await query.DefinitionAsync(set.FrameworkId, cancellationToken), isPublished: true, publishedAtUtc: now);
    }

    /// <summary>A fingerprint of what the public would see, leaving out instants (recomputing identical results is no change).</summary>
    private static string ContentHash(BlockResultsView view, IEnumerable<ResultRow> rows)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(JsonSerializer.SerializeToUtf8Bytes(view with { ComputedAtUtc = default, PublishedAtUtc = null }, PublishedResults.DocumentOptions));
        foreach (var row in rows.OrderBy(r => r.Unit!.Code, StringComparer.Ordinal))
        {
            sha.AppendData(Encoding.UTF8.GetBytes(row.Unit!.Code));
            sha.AppendData(Encoding.UTF8.GetBytes(row.DetailJson));
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    internal Problems CheckDecision(PublishRequest request, int year)
    {
        var problems = new Problems();
        var number = Clean(request.DecisionNumber);
        problems.AddIf(number is not null && (number.Length > 64 || !DecisionNumberPattern().IsMatch(number)), "decisionNumber", T(
            $"Số quyết định '{number}' không đúng dạng, ví dụ: 1234/QĐ-UBND.", $"The decision number '{number}' is not in the usual form, e.g. 1234/QĐ-UBND."));
        var today = Core.Calendar.VietnamTime.LocalDate(clock.GetUtcNow());
        if (request.DecisionDate is { } date)
        {
            problems.AddIf(date > today, "decisionDate", T($"Ngày quyết định {Date(date)} ở tương lai.", $"The decision date {Date(date)} is in the future."));
            problems.AddIf(date.Year < year, "decisionDate", T(
                $"Ngày quyết định {Date(date)} trước năm đánh giá {year}.", $"The decision date {Date(date)} is before the assessed year {year}."));
        }
        problems.AddIf(request.DecisionDate is not null && number is null, "decisionNumber", T(
            "Đã nhập ngày quyết định nhưng chưa nhập số quyết định.", "A decision date was given without the decision number."));
        problems.AddIf(request.Reason is { Length: > 2000 }, "reason", T("Lý do dài quá 2.000 ký tự.", "The reason is longer than 2,000 characters."));
        return problems;
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    [GeneratedRegex(@"^\d{1,6}[a-zA-Z]?/[\p{L}\p{N}.\-]+(/[\p{L}\p{N}.\-]+)?$")]
    private static partial Regex DecisionNumberPattern();
}
