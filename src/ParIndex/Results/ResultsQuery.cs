using Microsoft.EntityFrameworkCore;
using ParIndex.Core.Frameworks;
using ParIndex.Data;
using ParIndex.Frameworks;
using ParIndex.Web;

namespace ParIndex.Results;

/// <summary>
/// Reads stored results for pages, the API and exports. With <c>includeUnpublished: false</c> (the public)
/// only blocks an administrator has published are visible; everything else reads as not found.
/// </summary>
public sealed class ResultsQuery(AppDbContext db)
{
    public async Task<IReadOnlyList<AvailableResults>> AvailableAsync(bool includeUnpublished, CancellationToken cancellationToken = default)
    {
        var sets = await db.ResultSets.AsNoTracking()
            .Where(s => includeUnpublished || s.Block!.IsPublished)
            .Select(s => new { s.Year, s.Block!.Code, s.Block.NameVi, s.Block.NameEn, s.Block.IsPublished, Units = s.Rows.Count, s.AverageIndex })
            .ToListAsync(cancellationToken);
        return sets.OrderByDescending(s => s.Year).ThenBy(s => s.Code, StringComparer.Ordinal)
            .Select(s => new AvailableResults(s.Year, s.Code, s.NameVi, s.NameEn, s.IsPublished, s.Units, s.AverageIndex)).ToList();
    }

    public async Task<BlockResultsView?> BlockAsync(int year, string blockCode, bool includeUnpublished, CancellationToken cancellationToken = default)
    {
        var set = await db.ResultSets.AsNoTracking().Include(s => s.Block)
            .FirstOrDefaultAsync(s => s.Year == year && s.Block!.Code == blockCode && (includeUnpublished || s.Block.IsPublished), cancellationToken);
        if (set is null)
            return null;
        var definition = await DefinitionAsync(set.FrameworkId, cancellationToken);
        var rows = await db.ResultRows.AsNoTracking()
            .Where(r => r.ResultSetId == set.Id)
            .Select(r => new
            {
                r.Rank, r.Unit!.Code, r.Unit.NameVi, r.Unit.NameEn, r.Index, r.Total, r.ApplicableMax, r.ClassCode,
                r.PreviousIndex, r.PreviousRank, r.RankChange, r.RewardProposed, r.DisciplineReview, r.FieldIndexJson,
            })
            .ToListAsync(cancellationToken);
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
        return new BlockResultsView(year, blockCode, set.Block!.NameVi, set.Block.NameEn, set.Block.IsPublished, set.Block.PublishedAtUtc, set.ComputedAtUtc,
            set.FrameworkId, set.FrameworkRevision, set.AverageIndex, averages,
            definition.Fields().Select(f => new FieldHeader(f.Code, f.TitleVi, f.TitleEn, f.MaxPoints)).ToList(), definition.Classes, lines);
    }

    public async Task<UnitResultView?> UnitAsync(int year, string blockCode, string unitCode, bool includeUnpublished, CancellationToken cancellationToken = default)
    {
        var block = await BlockAsync(year, blockCode, includeUnpublished, cancellationToken);
        var line = block?.Rows.FirstOrDefault(r => r.UnitCode == unitCode);
        if (block is null || line is null)
            return null;
        var row = await db.ResultRows.AsNoTracking()
            .FirstAsync(r => r.ResultSet!.Year == year && r.ResultSet.Block!.Code == blockCode && r.Unit!.Code == unitCode, cancellationToken);
        return new UnitResultView(block, line, ResultJson.Unit(row), await DefinitionAsync(block.FrameworkId, cancellationToken), await TrendAsync(unitCode, line, year, includeUnpublished, cancellationToken));
    }

    /// <summary>
    /// The parsed framework a result set was computed with. A framework revision with a given concurrency stamp never
    /// changes, so its definition is kept by (id, stamp) and a page view reads only the stamp, not the whole JSON
    /// document (over 100 KB for a real framework: a large-object allocation per request otherwise).
    /// </summary>
    private async Task<FrameworkDefinition> DefinitionAsync(int frameworkId, CancellationToken cancellationToken)
    {
        var stamp = await db.Frameworks.AsNoTracking().Where(f => f.Id == frameworkId).Select(f => f.ConcurrencyStamp).FirstAsync(cancellationToken);
        if (Definitions.TryGetValue((frameworkId, stamp), out var known))
            return known;
        var framework = await db.Frameworks.AsNoTracking().FirstAsync(f => f.Id == frameworkId, cancellationToken);
        return Definitions.GetOrAdd((framework.Id, framework.ConcurrencyStamp), _ => FrameworkService.Definition(framework));
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(int Id, Guid Stamp), FrameworkDefinition> Definitions = new();

    /// <summary>The unit's own results in every visible year, plus the lineage comparison for the year before its first.</summary>
    private async Task<IReadOnlyList<TrendPoint>> TrendAsync(string unitCode, ResultLine current, int year, bool includeUnpublished, CancellationToken cancellationToken)
    {
        var own = await db.ResultRows.AsNoTracking()
            .Where(r => r.Unit!.Code == unitCode && (includeUnpublished || r.ResultSet!.Block!.IsPublished))
            .Select(r => new { r.Year, r.Index, r.Rank, Block = r.ResultSet!.Block!.Code, r.PreviousIndex })
            .ToListAsync(cancellationToken);
        var points = own.Select(r => new TrendPoint(r.Year, r.Index, r.Rank, r.Block, false)).ToList();
        var first = own.OrderBy(r => r.Year).FirstOrDefault();
        if (first?.PreviousIndex is { } inherited && points.All(p => p.Year != first.Year - 1))
            points.Add(new TrendPoint(first.Year - 1, inherited, null, "", true));
        return points.OrderBy(p => p.Year).ToList();
    }
}
