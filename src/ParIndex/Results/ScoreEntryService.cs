using Microsoft.EntityFrameworkCore;
using ParIndex.Audit;
using ParIndex.Core.Frameworks;
using ParIndex.Core.Inputs;
using ParIndex.Core.Scoring;
using ParIndex.Data;
using ParIndex.Frameworks;
using ParIndex.Web;
using static ParIndex.Web.Text;

namespace ParIndex.Results;

public sealed record ScoreDto(string NodeCode, InputKind Kind, decimal? Points, string? Level, decimal? Numerator, decimal? Denominator, decimal? Value, string? Source, DateTime UpdatedAtUtc, string? UpdatedBy)
{
    public static ScoreDto From(LeafScore score) =>
        new(score.NodeCode, score.Kind, score.Points, score.Level, score.Numerator, score.Denominator, score.Value, score.Source, score.UpdatedAtUtc, score.UpdatedBy);
}

/// <summary>
/// Final inputs per unit, leaf and year, checked against the unit's framework for that year before they are
/// stored, and audited (old → new). The assessment campaign writes them through here when the council decides.
/// </summary>
public sealed class ScoreEntryService(AppDbContext db, FrameworkService frameworks, AuditLog audit, TimeProvider clock)
{
    /// <summary>The framework a unit is scored under in a year: the one of the block it belongs to (published, else the latest draft).</summary>
    public async Task<(Units.Unit Unit, string BlockCode, FrameworkDefinition Framework)?> ContextAsync(int year, string unitCode, CancellationToken cancellationToken)
    {
        var member = await db.BlockMembers.AsNoTracking().Include(m => m.Unit).Include(m => m.Block)
            .FirstOrDefaultAsync(m => m.Year == year && m.Unit!.Code == unitCode, cancellationToken);
        if (member is null)
            return null;
        var framework = await frameworks.PublishedAsync(year, member.Block!.Code, cancellationToken) ?? await frameworks.LatestAsync(year, member.Block.Code, cancellationToken);
        return framework is null ? null : (member.Unit!, member.Block.Code, FrameworkService.Definition(framework));
    }

    public async Task<IReadOnlyList<ScoreDto>> ListAsync(int year, string unitCode, CancellationToken cancellationToken = default) =>
        (await db.LeafScores.AsNoTracking()
            .Where(s => s.Year == year && s.Unit!.Code == unitCode && s.Stage == ScoreStage.Final)
            .ToListAsync(cancellationToken))
        .OrderBy(s => s.NodeCode, StringComparer.Ordinal).Select(ScoreDto.From).ToList();

    public async Task<Outcome<ScoreDto>> SetAsync(int year, string unitCode, string nodeCode, LeafInput input, string actor, CancellationToken cancellationToken = default)
    {
        var context = await ContextAsync(year, unitCode, cancellationToken);
        if (context is null)
            return Problems.Of("unitCode", T($"Đơn vị '{unitCode}' không thuộc khối nào có bộ tiêu chí năm {year}.", $"Unit '{unitCode}' is in no block with a framework in {year}."));
        var (unit, _, framework) = context.Value;
        var problems = Check(framework, nodeCode, input);
        if (problems is not null)
            return problems;
        var score = await db.LeafScores.FirstOrDefaultAsync(s => s.Year == year && s.UnitId == unit.Id && s.NodeCode == nodeCode && s.Stage == ScoreStage.Final, cancellationToken);
        Stage(year, unit.Id, unitCode, nodeCode, input, score, actor);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<ScoreDto>.Ok(ScoreDto.From(await db.LeafScores.AsNoTracking().FirstAsync(s => s.Year == year && s.UnitId == unit.Id && s.NodeCode == nodeCode && s.Stage == ScoreStage.Final, cancellationToken)));
    }

    /// <summary>Problems of an input for a node of the framework, or null when it can be stored.</summary>
    public static Problems? Check(FrameworkDefinition framework, string nodeCode, LeafInput input)
    {
        var node = framework.AllNodes().FirstOrDefault(n => n.Code == nodeCode);
        if (node is null)
            return Problems.Of("nodeCode", T($"Bộ tiêu chí không có tiêu chí mã '{nodeCode}'.", $"The framework has no criterion '{nodeCode}'."));
        var found = LeafInputValidator.Validate(node, input);
        if (found.Count == 0)
            return null;
        var problems = new Problems();
        foreach (var problem in found)
            problems.Add(problem.Field, problem.Message(UiLanguage.Current));
        return problems;
    }

    /// <summary>Creates or updates the stored input (not saved) and audits the change.</summary>
    internal void Stage(int year, int unitId, string unitCode, string nodeCode, LeafInput input, LeafScore? score, string actor)
    {
        var old = score is null ? null : Describe(score.ToInput());
        if (score is null)
        {
            score = new LeafScore { Year = year, UnitId = unitId, NodeCode = nodeCode, Stage = ScoreStage.Final };
            db.LeafScores.Add(score);
        }
        score.Apply(input);
        score.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        score.UpdatedBy = actor;
        var updated = Describe(input);
        if (old != updated)
            audit.Record(actor, "score.final-set", "score", $"{year}/{unitCode}/{nodeCode}", old, updated);
    }

    /// <summary>
    /// The audited form of an input. Numbers are written invariantly and without trailing zeros, because a value
    /// read back from the database carries the column's scale (3.500000) and must still read as unchanged (3.5).
    /// </summary>
    public static string Describe(LeafInput input) => input.Kind switch
    {
        InputKind.Points => $"points={Plain(input.Points)}",
        InputKind.Level => $"level={input.Level}",
        InputKind.Ratio => $"ratio={Plain(input.Numerator)}/{Plain(input.Denominator)}",
        InputKind.Value => $"value={Plain(input.Value)}",
        _ => "not-applicable",
    };

    private static string Plain(decimal? value) => value?.ToString("0.############################", System.Globalization.CultureInfo.InvariantCulture) ?? "";
}
