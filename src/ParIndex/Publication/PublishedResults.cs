using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ParIndex.Core.Scoring;
using ParIndex.Data;
using ParIndex.Results;

namespace ParIndex.Publication;

/// <summary>A published version as read for the public: its row id (the cache key) and its document.</summary>
public sealed record PublishedBlock(int SnapshotId, SnapshotDocument Document)
{
    public BlockResultsView View => Document.Block;
}

/// <summary>
/// The public's reads: only published snapshots of blocks that are published now, newest version first. Nothing
/// here reads the live results, so recomputing (or renaming a unit) after publication changes nothing the public
/// sees until an administrator publishes a new version. A page view costs one small query for the current
/// version's id; the parsed document comes from <see cref="SnapshotCache"/>.
/// </summary>
public sealed class PublishedResults(AppDbContext db, SnapshotCache cache)
{
    public static JsonSerializerOptions DocumentOptions { get; } = new(ResultJson.Options) { WriteIndented = false };

    /// <summary>The current version of a block and year, or null when it is not published (or does not exist).</summary>
    public async Task<PublishedBlock?> CurrentAsync(int year, string blockCode, CancellationToken cancellationToken = default)
    {
        var id = await db.PublicationSnapshots.AsNoTracking()
            .Where(s => s.Year == year && s.BlockCode == blockCode && s.Block!.IsPublished)
            .OrderByDescending(s => s.Version)
            .Select(s => (int?)s.Id)
            .FirstOrDefaultAsync(cancellationToken);
        return id is null ? null : new PublishedBlock(id.Value, await DocumentAsync(id.Value, cancellationToken));
    }

    /// <summary>A given version (superseded ones included) of a block that is published now.</summary>
    public async Task<PublishedBlock?> VersionAsync(int year, string blockCode, int version, CancellationToken cancellationToken = default)
    {
        var id = await db.PublicationSnapshots.AsNoTracking()
            .Where(s => s.Year == year && s.BlockCode == blockCode && s.Version == version && s.Block!.IsPublished)
            .Select(s => (int?)s.Id)
            .FirstOrDefaultAsync(cancellationToken);
        return id is null ? null : new PublishedBlock(id.Value, await DocumentAsync(id.Value, cancellationToken));
    }

    /// <summary>The document of a snapshot, from the cache or parsed once.</summary>
    public async Task<SnapshotDocument> DocumentAsync(int snapshotId, CancellationToken cancellationToken = default)
    {
        if (cache.TryGetBlock(snapshotId, out var known))
            return known!;
        var json = await db.PublicationSnapshots.AsNoTracking().Where(s => s.Id == snapshotId).Select(s => s.DocumentJson).FirstAsync(cancellationToken);
        return cache.AddBlock(snapshotId, JsonSerializer.Deserialize<SnapshotDocument>(json, DocumentOptions)!, json.Length);
    }

    /// <summary>One unit's detail in a snapshot, or null when the unit is not in it.</summary>
    public async Task<UnitResult?> UnitDetailAsync(int snapshotId, string unitCode, CancellationToken cancellationToken = default)
    {
        if (cache.TryGetUnit(snapshotId, unitCode, out var known))
            return known;
        var json = await db.PublicationSnapshotUnits.AsNoTracking()
            .Where(u => u.SnapshotId == snapshotId && u.UnitCode == unitCode)
            .Select(u => u.DetailJson)
            .FirstOrDefaultAsync(cancellationToken);
        return json is null ? null : cache.AddUnit(snapshotId, unitCode, JsonSerializer.Deserialize<UnitResult>(json, ResultJson.Options)!, json.Length);
    }

    /// <summary>The unit's published index in every year whose block is published now, plus the lineage comparison for the year before its first.</summary>
    public async Task<IReadOnlyList<TrendPoint>> TrendAsync(string unitCode, CancellationToken cancellationToken = default)
    {
        var own = await CurrentUnits()
            .Where(u => u.UnitCode == unitCode)
            .Select(u => new { u.Year, u.Index, u.Rank, u.Snapshot!.BlockCode, u.PreviousIndex })
            .ToListAsync(cancellationToken);
        var points = own.Select(r => new TrendPoint(r.Year, r.Index, r.Rank, r.BlockCode, false)).ToList();
        var first = own.OrderBy(r => r.Year).FirstOrDefault();
        if (first?.PreviousIndex is { } inherited && points.All(p => p.Year != first.Year - 1))
            points.Add(new TrendPoint(first.Year - 1, inherited, null, "", true));
        return points.OrderBy(p => p.Year).ToList();
    }

    /// <summary>Years and blocks the public may read, from their current versions.</summary>
    public async Task<IReadOnlyList<AvailableResults>> AvailableAsync(CancellationToken cancellationToken = default)
    {
        var current = await Current()
            .Select(s => new { s.Year, s.BlockCode, s.BlockNameVi, s.BlockNameEn, s.UnitCount, s.AverageIndex })
            .ToListAsync(cancellationToken);
        return current.OrderByDescending(s => s.Year).ThenBy(s => s.BlockCode, StringComparer.Ordinal)
            .Select(s => new AvailableResults(s.Year, s.BlockCode, s.BlockNameVi, s.BlockNameEn, true, s.UnitCount, s.AverageIndex)).ToList();
    }

    /// <summary>The public corrections log of blocks published now, newest first, optionally of one year.</summary>
    public async Task<IReadOnlyList<CorrectionView>> CorrectionsAsync(int? year = null, CancellationToken cancellationToken = default)
    {
        var rows = await db.PublicationCorrections.AsNoTracking()
            .Where(c => c.Block!.IsPublished && (year == null || c.Year == year))
            .Select(c => new { Correction = c, c.Snapshot!.BlockNameVi, c.Snapshot.BlockNameEn })
            .ToListAsync(cancellationToken);
        return rows
            .OrderByDescending(r => r.Correction.PublishedAtUtc).ThenByDescending(r => r.Correction.Id)
            .Select(r => ToView(r.Correction, r.BlockNameVi, r.BlockNameEn))
            .ToList();
    }

    /// <summary>A published block's versions and corrections, or null when the block is not published.</summary>
    public async Task<BlockPublicationView?> PublicationAsync(int year, string blockCode, CancellationToken cancellationToken = default)
    {
        var current = await CurrentAsync(year, blockCode, cancellationToken);
        if (current is null)
            return null;
        var versions = await db.PublicationSnapshots.AsNoTracking()
            .Where(s => s.Year == year && s.BlockCode == blockCode)
            .Select(s => new { s.Version, s.DecisionNumber, s.DecisionDate, s.PublishedAtUtc, s.ComputedAtUtc, s.UnitCount, s.AverageIndex })
            .ToListAsync(cancellationToken);
        var latest = versions.Max(v => v.Version);
        return new BlockPublicationView(year, blockCode, true, current.Document.Publication,
            versions.OrderByDescending(v => v.Version)
                .Select(v => new VersionSummary(v.Version, v.DecisionNumber, v.DecisionDate, v.PublishedAtUtc, v.ComputedAtUtc, v.UnitCount, v.AverageIndex, v.Version == latest))
                .ToList(),
            current.Document.Corrections);
    }

    /// <summary>The newest version of each block that is published now.</summary>
    private IQueryable<PublicationSnapshot> Current() =>
        db.PublicationSnapshots.AsNoTracking()
            .Where(s => s.Block!.IsPublished && !db.PublicationSnapshots.Any(n => n.BlockId == s.BlockId && n.Version > s.Version));

    private IQueryable<PublicationSnapshotUnit> CurrentUnits() =>
        db.PublicationSnapshotUnits.AsNoTracking()
            .Where(u => u.Snapshot!.Block!.IsPublished && !db.PublicationSnapshots.Any(n => n.BlockId == u.Snapshot.BlockId && n.Version > u.Snapshot.Version));

    public static CorrectionView ToView(PublicationCorrection correction, string blockNameVi, string? blockNameEn) => new(
        correction.Year, correction.BlockCode, blockNameVi, blockNameEn, correction.FromVersion, correction.ToVersion, correction.Reason,
        correction.DecisionNumber, correction.DecisionDate, correction.PublishedAtUtc,
        JsonSerializer.Deserialize<List<UnitChange>>(correction.ChangesJson, DocumentOptions)!, correction.AppealId);
}
