using ParIndex.Core.Frameworks;
using ParIndex.Core.Rules;
using ParIndex.Core.Scoring;
using System.Text.Json;

namespace ParIndex.Bench;

/// <summary>The index engine on a large synthetic block (400 units × 150 leaves).</summary>
public static class EngineBenchmarks
{
    public const int Units = 400;

    /// <summary>Target of the foundation issue: a full computation with ranks and rules in at most 20 ms.</summary>
    public const double ComputeTargetMs = 20;

    /// <summary><c>IndexEngine.Compute</c>: scores, totals, indices, classes, ranks, changes and rule outcomes.</summary>
    public static IEnumerable<ResultRow> Compute(BenchContext context)
    {
        var (framework, units) = Block(context);
        var measurement = Harness.Measure("engine", () => IndexEngine.Compute(framework, units), context.Options);
        context.Describe(measurement);

        const string name = "engine: Compute, 400 units × 150 leaves";
        yield return new ResultRow($"{name} — median", measurement.MedianMs, "ms", Goal.AtMost, ComputeTargetMs, Judged: true);
        yield return new ResultRow($"{name} — p95", measurement.P95Ms, "ms");
        // Robust to other work on the machine: if the wall median is far above this, the machine was busy.
        yield return new ResultRow($"{name} — thread CPU median", measurement.CpuMedianMs, "ms");
        yield return new ResultRow($"{name} — allocated per call", measurement.AllocatedBytesPerOp / 1024.0 / 1024.0, "MB");
    }

    /// <summary>
    /// What the app does on "compute a block" apart from the database: the computation plus the JSON of every
    /// unit's detail (which builds all 400 × 152 node explanations) and field indices, as ResultsComputation stores them
    /// (ResultJson.Serialize is JsonSerializer with FrameworkJson.Options, used here directly so this project needs only Core).
    /// No target; it shows what a computation costs end to end in CPU.
    /// </summary>
    public static IEnumerable<ResultRow> ComputeAndStore(BenchContext context)
    {
        var (framework, units) = Block(context);
        var measurement = Harness.Measure("engine-store", () =>
        {
            var result = IndexEngine.Compute(framework, units);
            var bytes = 0L;
            foreach (var unit in result.Units)
            {
                bytes += JsonSerializer.Serialize(unit, FrameworkJson.Options).Length;
                bytes += JsonSerializer.Serialize(unit.Fields.ToDictionary(f => f.Code, f => f.Index), FrameworkJson.Options).Length;
            }
            return bytes;
        }, context.Options);
        context.Describe(measurement);

        const string name = "engine-store: Compute + detail JSON of 400 units";
        yield return new ResultRow($"{name} — median", measurement.MedianMs, "ms");
        yield return new ResultRow($"{name} — thread CPU median", measurement.CpuMedianMs, "ms");
        yield return new ResultRow($"{name} — allocated per call", measurement.AllocatedBytesPerOp / 1024.0 / 1024.0, "MB");
    }

    /// <summary>
    /// Where Compute's time goes, from the outside (the engine's internals are not visible to this project):
    /// the same block with parts of the work taken away, and the parts that have public entry points timed alone.
    /// No targets; read the differences against the full computation.
    /// </summary>
    public static IEnumerable<ResultRow> Breakdown(BenchContext context)
    {
        var (framework, units) = Block(context);
        var full = IndexEngine.Compute(framework, units);
        var noRules = framework with { Rules = [] };
        var noPrevious = units.Select(u => u with { Previous = null }).ToList();
        var noInputs = units.Select(u => u with { Inputs = new Dictionary<string, LeafInput>() }).ToList();
        var codes = framework.AllNodes().Where(n => n.IsScored).Select(n => n.Code).ToArray();
        var subjects = full.Units.Select(u => new RuleSubject(u.Index, u.Class, u.Rank, full.Units.Count, u.Previous)).ToArray();
        var indices = full.Units.Select(u => u.Index).ToArray();
        var names = full.Units.Select(u => u.UnitName).ToArray();
        var vietnamese = StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"), ignoreCase: false);

        var parts = new (string Name, Func<object> Run)[]
        {
            ("Compute (full)", () => IndexEngine.Compute(framework, units)),
            ("Compute without rules", () => IndexEngine.Compute(noRules, units)),
            ("Compute without last year's standing", () => IndexEngine.Compute(framework, noPrevious)),
            ("Compute with no inputs (tree walk, no scoring)", () => IndexEngine.Compute(framework, noInputs)),
            ("input lookups alone (400 × 152 TryGetValue)", () =>
            {
                var found = 0;
                foreach (var unit in units)
                    foreach (var code in codes)
                        if (unit.Inputs.TryGetValue(code, out _))
                            found++;
                return found;
            }),
            ("rules alone (400 × RuleEvaluator.Evaluate × 2)", () =>
            {
                var outcomes = new RuleOutcome[subjects.Length * framework.Rules.Count];
                var k = 0;
                foreach (var subject in subjects)
                    foreach (var rule in framework.Rules)
                        outcomes[k++] = RuleEvaluator.Evaluate(rule, subject, framework.Classes);
                return outcomes;
            }),
            ("ranking sort alone (index, then vi-VN name)", () =>
            {
                var order = Enumerable.Range(0, indices.Length).Reverse().ToArray();
                Array.Sort(order, (a, b) => indices[b].CompareTo(indices[a]) is var c && c != 0 ? c : vietnamese.Compare(names[a], names[b]));
                return order;
            }),
        };
        foreach (var (name, run) in parts)
        {
            var measurement = Harness.Measure(name, run, context.Options);
            context.Describe(measurement);
            yield return new ResultRow($"engine-breakdown: {name} — median", measurement.MedianMs, "ms");
            yield return new ResultRow($"engine-breakdown: {name} — thread CPU median", measurement.CpuMedianMs, "ms");
            yield return new ResultRow($"engine-breakdown: {name} — allocated", measurement.AllocatedBytesPerOp / 1024.0 / 1024.0, "MB");
        }
    }

    /// <summary>The synthetic block, checked: a benchmark on an invalid framework or on data that skips the rules would be meaningless.</summary>
    private static (FrameworkDefinition Framework, IReadOnlyList<UnitInput> Units) Block(BenchContext context)
    {
        var framework = SyntheticBlock.Framework();
        var problems = FrameworkValidator.Validate(framework);
        if (problems.Count > 0)
            throw new InvalidOperationException("The synthetic framework is not valid:\n  " + string.Join("\n  ", problems));

        var leaves = framework.Leaves().Where(n => n.Kind == NodeKind.Leaf).ToList();
        var methods = leaves.Select(n => n.Method switch
        {
            RatioMethod r => $"ratio/{r.Rule.Mode}",
            MetricMethod m => $"metric/{m.Rule.Mode}",
            ManualMethod { Step: not null } => "manual/step",
            { } other => other.TypeName,
            null => "none",
        }).Distinct().Order().ToList();
        Require(framework.Fields().Count() == SyntheticBlock.Fields && leaves.Count == SyntheticBlock.Leaves,
            $"expected {SyntheticBlock.Fields} fields and {SyntheticBlock.Leaves} leaves");
        Require(framework.AllNodes().Any(n => n.Kind == NodeKind.Bonus) && framework.AllNodes().Any(n => n.Kind == NodeKind.Penalty), "bonus and penalty nodes");

        var units = SyntheticBlock.Units(framework, Units);
        var notApplicable = units.Sum(u => u.Inputs.Values.Count(i => i.Kind == InputKind.NotApplicable));
        var zeroDenominators = units.Sum(u => u.Inputs.Values.Count(i => i is { Kind: InputKind.Ratio, Denominator: 0 }));
        var withRank = units.Count(u => u.Previous?.Rank is not null);
        var withPrevious = units.Count(u => u.Previous is not null);

        // One untimed run to show (and check) that the data exercises every part of the engine.
        var result = IndexEngine.Compute(framework, units);
        var classes = result.Units.GroupBy(u => u.Class.Code).ToDictionary(g => g.Key, g => g.Count());
        var rewards = result.Units.Count(u => Applies(u, OutcomeKind.Reward));
        var twoYears = result.Units.Count(u => u.Outcomes.Any(o => o.Kind == OutcomeKind.Discipline && o.Applies && o.ExplanationVi.Contains("02 năm liên tục")));
        var disciplines = result.Units.Count(u => Applies(u, OutcomeKind.Discipline));
        foreach (var band in ClassBand.Default)
            Require(classes.GetValueOrDefault(band.Code) > 0, $"at least one unit in class {band.Code}");
        Require(rewards > 0 && twoYears > 0 && disciplines > twoYears, "reward, two-year and in-year discipline outcomes");

        context.Log($"  framework: {SyntheticBlock.Fields} fields, {leaves.Count} leaves, {framework.AllNodes().Count()} nodes, valid; methods: {string.Join(", ", methods)}");
        context.Log($"  units: {units.Count}; not-applicable inputs {notApplicable}, zero denominators {zeroDenominators}; previous standing {withPrevious} (with rank {withRank})");
        context.Log($"  outcome: classes {string.Join(", ", ClassBand.Default.Select(b => $"{b.Code} {classes.GetValueOrDefault(b.Code)}"))}; reward {rewards}; discipline {disciplines} (two-year + rank drop {twoYears})");
        return (framework, units);
    }

    private static bool Applies(UnitResult unit, OutcomeKind kind) => unit.Outcomes.Any(o => o.Kind == kind && o.Applies);

    private static void Require(bool condition, string what)
    {
        if (!condition)
            throw new InvalidOperationException($"The synthetic block does not have {what}; fix SyntheticBlock before trusting its timings.");
    }
}
