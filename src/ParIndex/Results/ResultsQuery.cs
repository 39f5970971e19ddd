using Microsoft.EntityFrameworkCore;
using ParIndex.Core.Frameworks;
using ParIndex.Data;
using ParIndex.Frameworks;
using ParIndex.Publication;
using ParIndex.Web;

namespace ParIndex.Results;

/// <summary>
/// Reads results for pages, the API and exports. With <c>includeUnpublished: false</c> (the public) it reads only
/// published snapshots (<see cref="PublishedResults"/>): the current version of blocks an administrator has
/// published, frozen when published, so nothing computed since ever shows. With <c>includeUnpublished: true</c>
/// (administrators) it reads the live results; <see cref="BlockResultsView.IsPublished"/> then says whether the
/// live results are exactly the published version.
/// </summary>
public sealed class ResultsQuery(AppDbContext db, PublishedResults published)
{
    public async Task<IReadOnlyList<AvailableResults>> AvailableAsync(bool includeUnpublished, CancellationToken cancellationToken = default)
    {
        if (!includeUnpublished)
            return await published.AvailableAsync(cancellationToken);
        var sets = await db.ResultSets.AsNoTracking()
            .Select(s => new
            {
                s.Year, s.Block!.Code, s.Block.NameVi, s.Block.NameEn, s.Block.IsPublished, Units = s.Rows.Count, s.AverageIndex, s.ComputedAtUtc,
                PublishedComputedAt = db.PublicationSnapshots.Where(p => p.BlockId == s.BlockId).OrderByDescending(p => p.Version).Select(p => (DateTime?)p.ComputedAtUtc).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return sets.OrderByDescending(s => s.Year).ThenBy(s => s.Code, StringComparer.Ordinal)
            .Select(s => new AvailableResults(s.Year, s.Code, s.NameVi, s.NameEn, s.IsPublished && s.PublishedComputedAt == s.ComputedAtUtc, s.Units, s.AverageIndex)).ToList();
    }

    public async Task<BlockResultsView?> BlockAsync(int year, string blockCode, bool includeUnpublished, CancellationToken cancellationToken = default)
    {
        if (!includeUnpublished)
            return (await published.CurrentAsync(year, blockCode, cancellationToken))?.View;
        var set = await db.ResultSets.AsNoTracking().Include(s => s.Block)
            .FirstOrDefaultAsync(s => s.Year == year && s.Block!.Code == blockCode, cancellationToken);
        if (set is null)
            return null;
        var rows = await db.ResultRows.AsNoTracking()
            .Where(r => r.ResultSetId == set.Id)
            .Select(r => new LiveRow(
                r.Rank, r.Unit!.Code, r.Unit.NameVi, r.Unit.NameEn, r.Index, r.Total, r.ApplicableMax, r.ClassCode,
                r.PreviousIndex, r.PreviousRank, r.RankChange, r.RewardProposed, r.DisciplineReview, r.FieldIndexJson))
            .ToListAsync(cancellationToken);
        var current = await db.PublicationSnapshots.AsNoTracking()
            .Where(p => p.BlockId == set.BlockId).OrderByDescending(p => p.Version)
            .Select(p => new { p.ComputedAtUtc, p.PublishedAtUtc })
            .FirstOrDefaultAsync(cancellationToken);
        var isPublished = set.Block!.IsPublished && current is not null && current.ComputedAtUtc == set.ComputedAtUtc;
        return BuildView(set, rows, await DefinitionAsync(set.FrameworkId, cancellationToken), isPublished, isPublished ? current!.PublishedAtUtc : null);
    }

    public async Task<UnitResultView?> UnitAsync(int year, string blockCode, string unitCode, bool includeUnpublished, CancellationToken cancellationToken = default)
    {
        if (!includeUnpublished)
        {
            var current = await published.CurrentAsync(year, blockCode, cancellationToken);
            var publishedLine = current?.View.Rows.FirstOrDefault(r => r.UnitCode == unitCode);
            if (current is null || publishedLine is null || await published.UnitDetailAsync(current.SnapshotId, unitCode, cancellationToken) is not { } detail)
                return null;
            return new UnitResultView(current.View, publishedLine, detail, await DefinitionAsync(current.View.FrameworkId, cancellationToken), await published.TrendAsync(unitCode, cancellationToken));
        }
        var block = await BlockAsync(year, blockCode, includeUnpublished, cancellationToken);
        var line = block?.Rows.FirstOrDefault(r => r.UnitCode == unitCode);
        if (block is null || line is null)
            return null;
        var row = await db.ResultRows.AsNoTracking()
            .FirstAsync(r => r.ResultSet!.Year == year && r.ResultSet.Block!.Code == blockCode && r.Unit!.Code == unitCode, cancellationToken);
        return new UnitResultView(block, line, ResultJson.Unit(row), await DefinitionAsync(block.FrameworkId, cancellationToken), await TrendAsync(unitCode, cancellationToken));
    }

    /// <summary>The figures of one stored result row that a block view shows.</summary>
    internal sealed record LiveRow(
        int Rank, string Code, string NameVi, string? NameEn, decimal Index, decimal Total, decimal ApplicableMax, string ClassCode,
        decimal? PreviousIndex, int? PreviousRank, int? RankChange, bool RewardProposed, bool DisciplineReview, string FieldIndexJson);

    /// <summary>A block view from a stored result set (also what a publication freezes).</summary>
    internal static BlockResultsView BuildView(ResultSet set, IReadOnlyList<LiveRow> rows, FrameworkDefinition definition, bool isPublished, DateTime? publishedAtUtc)
    {
        var classes = definition.Classes.ToDictionary(c => c.Code);
        var lines = rows
            .OrderBy(r => r.Rank).ThenBy(r => r.NameVi, VietnameseText.Comparer).ThenBy(r => r.Code, StringComparer.Ordinal)
            .Select(r =>
            {
                var band = classes.GetValueOrDefault(r.ClassCode) ?? Core.Scoring.IndexEngine.Unclassified;
                return new ResultLine(r.Rank, r.Code, r.NameVi, r.NameEn, r.Index, r.Total, r.ApplicableMax, r.ClassCode, band.NameVi, band.NameEn, band.Color,
                    r.PreviousIndex, r.PreviousRank, r.RankChange, r.RewardProposed, r.DisciplineReview, ResultJson.Fields(r.FieldIndexJson));
            })
            .ToList();
        var averages = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, decimal>>(set.AverageFieldIndexJson, ResultJson.Options)!;
        return new BlockResultsView(set.Year, set.Block!.Code, set.Block.NameVi, set.Block.NameEn, isPublished, publishedAtUtc, set.ComputedAtUtc,
            set.FrameworkId, set.FrameworkRevision, set.AverageIndex, averages,
            definition.Fields().Select(f => new FieldHeader(f.Code, f.TitleVi, f.TitleEn, f.MaxPoints)).ToList(), definition.Classes, lines);
    }

    /// <summary>
    /// The parsed framework a result set was computed with. A framework revision with a given concurrency stamp never
    /// changes, so its definition is kept by (id, stamp) and a page view reads only the stamp, not the whole JSON
    /// document (over 100 KB for a real framework: a large-object allocation per request otherwise).
    /// </summary>
    internal async Task<FrameworkDefinition> DefinitionAsync(int frameworkId, CancellationToken cancellationToken)
    {
        var stamp = await db.Frameworks.AsNoTracking().Where(f => f.Id == frameworkId).Select(f => f.ConcurrencyStamp).FirstAsync(cancellationToken);
        if (Definitions.TryGetValue((frameworkId, stamp), out var known))
            return known;
        var framework = await db.Frameworks.AsNoTracking().FirstAsync(f => f.Id == frameworkId, cancellationToken);
        return Definitions.GetOrAdd((framework.Id, framework.ConcurrencyStamp), _ => FrameworkService.Definition(framework));
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(int Id, Guid Stamp), FrameworkDefinition> Definitions = new();

    /// <summary>The unit's own live results in every year, plus the lineage comparison for the year before its first.</summary>
    private async Task<IReadOnlyList<TrendPoint>> TrendAsync(string unitCode, CancellationToken cancellationToken)
    {
        var own = await db.ResultRows.AsNoTracking()
            .Where(r => r.Unit!.Code == unitCode)
            .Select(r => new { r.Year, r.Index, r.Rank, Block = r.ResultSet!.Block!.Code, r.PreviousIndex })
            .ToListAsync(cancellationToken);
        var points = own.Select(r => new TrendPoint(r.Year, r.Index, r.Rank, r.Block, false)).ToList();
        var first = own.OrderBy(r => r.Year).FirstOrDefault();
        if (first?.PreviousIndex is { } inherited && points.All(p => p.Year != first.Year - 1))
            points.Add(new TrendPoint(first.Year - 1, inherited, null, "", true));
        return points.OrderBy(p => p.Year).ToList();
    }
}
