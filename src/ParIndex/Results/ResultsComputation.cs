using Microsoft.EntityFrameworkCore;
using ParIndex.Audit;
using ParIndex.Core.Frameworks;
using ParIndex.Core.Lineage;
using ParIndex.Core.Scoring;
using ParIndex.Data;
using ParIndex.Frameworks;
using ParIndex.Units;
using ParIndex.Web;
using static ParIndex.Web.Text;

namespace ParIndex.Results;

public sealed record ComputedBlock(int Year, string BlockCode, int Units, decimal AverageIndex);

/// <summary>
/// Everything a block's computation needs besides the inputs: the block and its members, the published framework,
/// and each member's standing last year resolved through the lineage. Loaded once, it can compute the block from
/// several sets of inputs (the council compares self, appraised and proposed final inputs).
/// </summary>
public sealed record BlockComputationContext(Block Block, Framework Framework, FrameworkDefinition Definition, IReadOnlyList<Unit> Members, IReadOnlyDictionary<string, PreviousStanding?> Previous)
{
    /// <summary>The engine's result for the given inputs (unit code → node code → input), stored nowhere. Members without inputs score 0, flagged as missing.</summary>
    public BlockResult Compute(IReadOnlyDictionary<string, IReadOnlyDictionary<string, LeafInput>> inputsByUnit) =>
        IndexEngine.Compute(Definition, Members.Select(unit => new UnitInput
        {
            UnitCode = unit.Code,
            UnitName = unit.NameVi,
            Inputs = inputsByUnit.GetValueOrDefault(unit.Code) ?? new Dictionary<string, LeafInput>(),
            Previous = Previous.GetValueOrDefault(unit.Code),
        }).ToList());
}

/// <summary>
/// Computes a block's results from its published framework and the final inputs, with last year's
/// standing resolved through the lineage, and stores them (replacing the previous computation) in one
/// transaction. Compute years in order: a year's "previous" figures are the stored results of the year before.
/// The same code computes from any other inputs without storing (<see cref="ContextAsync"/> and
/// <see cref="BlockComputationContext.Compute"/>), for the council's preview.
/// </summary>
public sealed class ResultsComputation(AppDbContext db, FrameworkService frameworks, LineageService lineage, AuditLog audit, TimeProvider clock)
{
    public async Task<Outcome<ComputedBlock>> ComputeBlockAsync(int year, string blockCode, string actor, CancellationToken cancellationToken = default)
    {
        var loaded = await ContextAsync(year, blockCode, cancellationToken);
        if (!loaded.Succeeded)
            return new Outcome<ComputedBlock>(null, loaded.Problems, loaded.NotFound, loaded.Conflict);
        var context = loaded.Value!;
        var (block, framework, members) = (context.Block, context.Framework, context.Members);
        var result = context.Compute(await FinalInputsAsync(year, members, cancellationToken));

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.ResultRows.Where(r => r.ResultSet!.Year == year && r.ResultSet.BlockId == block.Id).ExecuteDeleteAsync(cancellationToken);
        await db.ResultSets.Where(s => s.Year == year && s.BlockId == block.Id).ExecuteDeleteAsync(cancellationToken);
        var unitsByCode = members.ToDictionary(u => u.Code);
        var set = new ResultSet
        {
            Year = year, BlockId = block.Id, FrameworkId = framework.Id, FrameworkRevision = framework.Revision,
            ComputedAtUtc = clock.GetUtcNow().UtcDateTime, ComputedBy = actor, AverageIndex = result.AverageIndex,
            AverageFieldIndexJson = ResultJson.Serialize(result.AverageFieldIndex),
            Rows = result.Units.Select(unit => new ResultRow
            {
                Year = year, UnitId = unitsByCode[unit.UnitCode].Id, Total = unit.Total, ApplicableMax = unit.ApplicableMax, Index = unit.Index,
                ClassCode = unit.Class.Code, Rank = unit.Rank, PreviousIndex = unit.Previous?.Index, PreviousRank = unit.Previous?.Rank, RankChange = unit.RankChange,
                RewardProposed = unit.Outcomes.Any(o => o.Kind == OutcomeKind.Reward && o.Applies),
                DisciplineReview = unit.Outcomes.Any(o => o.Kind == OutcomeKind.Discipline && o.Applies),
                FieldIndexJson = ResultJson.Serialize(unit.Fields.ToDictionary(f => f.Code, f => f.Index)),
                DetailJson = ResultJson.Serialize(unit),
            }).ToList(),
        };
        db.ResultSets.Add(set);
        audit.Record(actor, "results.computed", "results", $"{year}/{blockCode}", null,
            $"{result.Units.Count} units, framework r{framework.Revision}, average {Core.Scoring.Rounding.Round2(result.AverageIndex)}");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Outcome<ComputedBlock>.Ok(new ComputedBlock(year, blockCode, result.Units.Count, result.AverageIndex));
    }

    /// <summary>The block, its members, its published framework and last year's standings: what any computation of the block needs.</summary>
    public async Task<Outcome<BlockComputationContext>> ContextAsync(int year, string blockCode, CancellationToken cancellationToken = default)
    {
        var block = await db.Blocks.Include(b => b.Members).ThenInclude(m => m.Unit).ThenInclude(u => u!.Parent)
            .FirstOrDefaultAsync(b => b.Year == year && b.Code == blockCode, cancellationToken);
        if (block is null)
            return Outcome<BlockComputationContext>.Missing();
        var framework = await frameworks.PublishedAsync(year, blockCode, cancellationToken);
        if (framework is null)
            return Problems.Of("framework", T($"Khối {blockCode} năm {year} chưa có bộ tiêu chí đã ban hành.", $"Block {blockCode} has no published framework for {year}."));
        var definition = FrameworkService.Definition(framework);
        var members = block.Members.Select(m => m.Unit!).ToList();
        if (members.Count == 0)
            return Problems.Of("members", T($"Khối {blockCode} năm {year} chưa có đơn vị nào.", $"Block {blockCode} has no units in {year}."));

        var previous = await PreviousYearAsync(year - 1, cancellationToken);
        var previousBands = (await frameworks.PublishedAsync(year - 1, blockCode, cancellationToken)) is { } previousFramework
            ? FrameworkService.Definition(previousFramework).Classes
            : definition.Classes;
        var successions = await lineage.AllAsync(cancellationToken);
        var parents = await db.Units.AsNoTracking().Where(u => u.ParentId != null).Select(u => new { u.Code, Parent = u.Parent!.Code }).ToDictionaryAsync(u => u.Code, u => u.Parent, cancellationToken);
        var standings = members.ToDictionary(unit => unit.Code,
            unit => LineageResolver.Resolve(unit.Code, blockCode, previous, successions, code => parents.GetValueOrDefault(code), previousBands));
        return Outcome<BlockComputationContext>.Ok(new BlockComputationContext(block, framework, definition, members, standings));
    }

    /// <summary>The stored Final inputs of the given units, by unit code and node code.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyDictionary<string, LeafInput>>> FinalInputsAsync(int year, IReadOnlyList<Unit> members, CancellationToken cancellationToken = default)
    {
        var unitIds = members.Select(u => u.Id).ToList();
        var codes = members.ToDictionary(u => u.Id, u => u.Code);
        var scores = await db.LeafScores.AsNoTracking()
            .Where(s => s.Year == year && s.Stage == ScoreStage.Final && unitIds.Contains(s.UnitId))
            .ToListAsync(cancellationToken);
        return scores.GroupBy(s => s.UnitId).ToDictionary(g => codes[g.Key], g => (IReadOnlyDictionary<string, LeafInput>)g.ToDictionary(s => s.NodeCode, s => s.ToInput()));
    }

    /// <summary>Computes every block of a year that has a published framework; reports the blocks it could not compute.</summary>
    public async Task<(IReadOnlyList<ComputedBlock> Computed, IReadOnlyList<string> Problems)> ComputeYearAsync(int year, string actor, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        var blockCodes = await db.Blocks.Where(b => b.Year == year).Select(b => b.Code).ToListAsync(cancellationToken);
        var computed = new List<ComputedBlock>();
        var problems = new List<string>();
        if (blockCodes.Count == 0)
            problems.Add(T($"Năm {year} chưa có khối nào.", $"The year {year} has no blocks."));
        foreach (var code in blockCodes.Order(StringComparer.Ordinal))
        {
            progress?.Report(code);
            var outcome = await ComputeBlockAsync(year, code, actor, cancellationToken);
            if (outcome.Succeeded)
                computed.Add(outcome.Value!);
            else
                problems.AddRange(outcome.Problems?.Lines().Select(line => $"{year}/{code}: {line}") ?? [$"{year}/{code}"]);
        }
        return (computed, problems);
    }

    /// <summary>Last year's stored results of every block, by unit code, as the lineage resolver needs them.</summary>
    private async Task<IReadOnlyDictionary<string, PastResult>> PreviousYearAsync(int year, CancellationToken cancellationToken)
    {
        var rows = await db.ResultRows.AsNoTracking()
            .Where(r => r.Year == year)
            .Select(r => new { r.Unit!.Code, r.Unit.NameVi, Block = r.ResultSet!.Block!.Code, r.Index, r.Rank, r.ClassCode })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.Code, r => new PastResult(r.Code, r.NameVi, r.Block, r.Index, r.Rank, r.ClassCode));
    }
}
