using ParIndex.Core.Frameworks;
using ParIndex.Core.Rules;

namespace ParIndex.Core.Scoring;

/// <summary>
/// Computes a block's results for one year: every node's points, the unit totals, index and field
/// sub-indices, classes, ranks, year-over-year change and reward/discipline outcomes. Pure and
/// deterministic; the method is docs/methodology-index.md.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>A group's points are the sum of its regular children (groups and leaves) plus its bonus children
/// minus its penalty children, kept within [0, its maximum]. Its applicable maximum is its maximum less
/// what its regular children lost to "not applicable".</item>
/// <item>The unit total applies the same rule to the top-level nodes, but is kept within [0, the applicable
/// maximum], so the index never exceeds 100.</item>
/// <item>Index = total ÷ applicable maximum × 100, exact; classes and ranks use the exact index, and
/// rounding (<see cref="Rounding.Round2"/>) is for display only.</item>
/// </list>
/// </remarks>
public static class IndexEngine
{
    /// <summary>Given to a unit whose index falls in no band (a framework whose bands leave a gap).</summary>
    public static ClassBand Unclassified { get; } = new() { Code = "chua-xep-loai", NameVi = "Chưa xếp loại", NameEn = "Unclassified" };

    public static BlockResult Compute(FrameworkDefinition framework, IReadOnlyList<UnitInput> units)
    {
        ArgumentNullException.ThrowIfNull(framework);
        ArgumentNullException.ThrowIfNull(units);

        var plan = FrameworkPlan.Build(framework);
        // Bands and rules can be null in a framework deserialised from hand-written JSON.
        var bands = framework.Classes ?? [];
        var rules = framework.Rules ?? [];
        var count = units.Count;

        var seen = new HashSet<string>(count, StringComparer.Ordinal);
        var scores = new UnitScore[count];
        var scratch = new Scratch(plan.Nodes.Length + 1);
        for (var i = 0; i < count; i++)
        {
            var unit = units[i];
            if (!seen.Add(unit.UnitCode))
                throw new ArgumentException($"Unit {unit.UnitCode} appears more than once in the block.", nameof(units));
            scores[i] = ScoreUnit(plan, unit, scratch);
        }

        var index = new decimal[count];
        var names = new string[count];
        var codes = new string[count];
        for (var i = 0; i < count; i++)
        {
            index[i] = scores[i].Index;
            names[i] = units[i].UnitName;
            codes[i] = units[i].UnitCode;
        }
        var (order, ranks) = BlockRanking.Rank(index, names, codes);

        var results = new UnitResult[count];
        for (var position = 0; position < count; position++)
        {
            var i = order[position];
            results[position] = Result(plan, bands, rules, units[i], scores[i], ranks[i], count);
        }

        return new BlockResult
        {
            Year = framework.Year,
            BlockCode = framework.BlockCode,
            Units = results,
            AverageIndex = count == 0 ? 0m : Sum(index) / count,
            AverageFieldIndex = AverageFields(plan, scores),
        };
    }

    private static UnitScore ScoreUnit(FrameworkPlan plan, UnitInput unit, Scratch scratch)
    {
        var count = plan.Nodes.Length;
        var slots = new NodeSlot[count];
        var inputs = new LeafInput?[count];
        var given = unit.Inputs ?? EmptyInputs;
        var (sum, removed, missing) = scratch.Clear();

        // Pre-order places every descendant after its node, so walking backwards finishes children first.
        for (var i = count - 1; i >= 0; i--)
        {
            var kind = plan.Kinds[i];
            ref var slot = ref slots[i];
            if (kind == NodeKind.Group)
            {
                var max = plan.Max[i];
                slot.RawPoints = sum[i];
                slot.Points = Clamp(sum[i], max);
                slot.ApplicableMax = Clamp(max - removed[i], max);
                slot.NotApplicable = max > 0 && slot.ApplicableMax == 0;
                slot.MissingInput = missing[i];
            }
            else
            {
                given.TryGetValue(plan.Codes[i], out var input);
                inputs[i] = input;
                var outcome = LeafScorer.Evaluate(plan.Nodes[i], input);
                slot.Points = outcome.Points;
                slot.RawPoints = outcome.RawPoints;
                slot.ApplicableMax = outcome.ApplicableMax;
                slot.NotApplicable = outcome.NotApplicable;
                slot.MissingInput = outcome.MissingInput;
            }

            var parent = plan.Parent[i];
            switch (kind)
            {
                case NodeKind.Bonus:
                    sum[parent] += slot.Points;
                    break;
                case NodeKind.Penalty:
                    sum[parent] -= slot.Points;
                    break;
                default:
                    sum[parent] += slot.Points;
                    removed[parent] += plan.Max[i] - slot.ApplicableMax;
                    break;
            }
            missing[parent] |= slot.MissingInput;
        }

        var root = plan.Root;
        var applicableMax = Clamp(plan.MaxPoints - removed[root], plan.MaxPoints);
        var total = Clamp(sum[root], applicableMax);

        var fields = new FieldIndex[plan.FieldSlots.Length];
        for (var f = 0; f < fields.Length; f++)
        {
            var slot = plan.FieldSlots[f];
            ref readonly var s = ref slots[slot];
            fields[f] = new FieldIndex
            {
                Code = plan.Codes[slot],
                Points = s.Points,
                ApplicableMax = s.ApplicableMax,
                Index = s.ApplicableMax > 0 ? IndexOf(s.Points, s.ApplicableMax) : null,
            };
        }

        return new UnitScore(slots, inputs, total, applicableMax, applicableMax > 0 ? IndexOf(total, applicableMax) : 0m, fields);
    }

    private static UnitResult Result(FrameworkPlan plan, IReadOnlyList<ClassBand> bands, IReadOnlyList<OutcomeRule> rules, UnitInput unit, UnitScore score, int rank, int unitCount)
    {
        var band = ClassOf(bands, score.Index);
        var previous = unit.Previous;
        var subject = new RuleSubject(score.Index, band, rank, unitCount, previous);
        var outcomes = new RuleOutcome[rules.Count];
        for (var r = 0; r < outcomes.Length; r++)
            outcomes[r] = RuleEvaluator.Evaluate(rules[r], subject, bands);

        return new UnitResult
        {
            UnitCode = unit.UnitCode,
            UnitName = unit.UnitName,
            Total = score.Total,
            ApplicableMax = score.ApplicableMax,
            Index = score.Index,
            Fields = score.Fields,
            Nodes = new NodeScoreMap(plan, score.Slots, score.Inputs),
            Class = band,
            Rank = rank,
            Previous = previous,
            IndexChange = previous is null ? null : score.Index - previous.Index,
            RankChange = previous?.Rank is { } previousRank ? previousRank - rank : null,
            Outcomes = outcomes,
        };
    }

    /// <summary>The first band, best first, whose range holds the exact index.</summary>
    internal static ClassBand ClassOf(IReadOnlyList<ClassBand> bands, decimal index)
    {
        for (var i = 0; i < bands.Count; i++)
            if (bands[i].Contains(index))
                return bands[i];
        return Unclassified;
    }

    /// <summary>Mean per field over the units where the field applied; a field that applied to no unit is left out.</summary>
    private static Dictionary<string, decimal> AverageFields(FrameworkPlan plan, UnitScore[] scores)
    {
        var averages = new Dictionary<string, decimal>(plan.FieldSlots.Length, StringComparer.Ordinal);
        for (var f = 0; f < plan.FieldSlots.Length; f++)
        {
            var sum = 0m;
            var counted = 0;
            foreach (var score in scores)
            {
                if (score.Fields[f].Index is { } value)
                {
                    sum += value;
                    counted++;
                }
            }
            if (counted > 0)
                averages[plan.Codes[plan.FieldSlots[f]]] = sum / counted;
        }
        return averages;
    }

    /// <summary>Multiplying before dividing keeps one more exact digit than (points ÷ max) × 100.</summary>
    private static decimal IndexOf(decimal points, decimal max) => points * 100m / max;

    private static decimal Clamp(decimal value, decimal max) => value < 0 ? 0 : value > max ? max : value;

    private static decimal Sum(decimal[] values)
    {
        var sum = 0m;
        foreach (var value in values)
            sum += value;
        return sum;
    }

    private static readonly IReadOnlyDictionary<string, LeafInput> EmptyInputs = new Dictionary<string, LeafInput>();

    private sealed record UnitScore(NodeSlot[] Slots, LeafInput?[] Inputs, decimal Total, decimal ApplicableMax, decimal Index, FieldIndex[] Fields);

    /// <summary>Per-node running sums reused across the units of one computation.</summary>
    private sealed class Scratch(int length)
    {
        private readonly decimal[] _sum = new decimal[length];
        private readonly decimal[] _removed = new decimal[length];
        private readonly bool[] _missing = new bool[length];

        public (decimal[] Sum, decimal[] Removed, bool[] Missing) Clear()
        {
            Array.Clear(_sum);
            Array.Clear(_removed);
            Array.Clear(_missing);
            return (_sum, _removed, _missing);
        }
    }
}
