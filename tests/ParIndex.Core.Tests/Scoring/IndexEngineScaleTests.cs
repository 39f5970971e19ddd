using ParIndex.Core.Frameworks;
using ParIndex.Core.Scoring;

namespace ParIndex.Core.Tests.Scoring;

/// <summary>
/// A city-sized block (400 units × 150 leaves with every method) computes consistently. Its speed is
/// measured by the benchmark in bench/ (scripts/bench.sh), not here.
/// </summary>
public class IndexEngineScaleTests
{
    [Fact]
    public void CitySizedBlockIsComputedConsistently()
    {
        var (framework, units) = CityBlock(unitCount: 400, fieldCount: 10, criteriaPerField: 5, leavesPerCriterion: 3);
        Assert.Equal(150, framework.Leaves().Count(n => n.Kind == NodeKind.Leaf));
        var result = IndexEngine.Compute(framework, units);

        Assert.Equal(400, result.Units.Count);
        for (var i = 1; i < result.Units.Count; i++)
        {
            var (before, unit) = (result.Units[i - 1], result.Units[i]);
            Assert.True(before.Index >= unit.Index);
            Assert.Equal(before.Index == unit.Index ? before.Rank : i + 1, unit.Rank);
        }

        // The lazily built node scores agree with scoring each leaf on its own and with the totals.
        var inputs = units.ToDictionary(u => u.UnitCode);
        foreach (var unit in result.Units.Where((_, i) => i % 57 == 0))
        {
            foreach (var leaf in framework.Leaves())
            {
                inputs[unit.UnitCode].Inputs.TryGetValue(leaf.Code, out var input);
                Assert.Equal(LeafScorer.Score(leaf, input).Points, unit.Nodes[leaf.Code].Points);
            }
            var adjustments = unit.Nodes["thuong"].Points - unit.Nodes["tru"].Points;
            Assert.Equal(Math.Clamp(unit.Fields.Sum(f => f.Points) + adjustments, 0, unit.ApplicableMax), unit.Total);
        }
    }

    internal static (FrameworkDefinition, UnitInput[]) CityBlock(int unitCount, int fieldCount, int criteriaPerField, int leavesPerCriterion)
    {
        var random = new Random(2025);
        var rubric = new RubricMethod
        {
            Levels = [new() { Code = "dat", LabelVi = "Đạt", Points = 1 }, new() { Code = "mot-phan", LabelVi = "Đạt một phần", Points = 0.5m }, new() { Code = "khong", LabelVi = "Không đạt", Points = 0 }],
        };
        ScoringMethod[] methods =
        [
            new ManualMethod { Step = 0.25m },
            rubric,
            new RatioMethod { Rule = Build.CompletionBrackets() },
            new MetricMethod { Metric = "dossiers.on_time_rate", Rule = new PointsRule { Mode = PointsMode.Threshold, Threshold = 80 } },
            new SurveyMethod { Survey = "sipas" },
        ];

        var fields = new List<FrameworkNode>();
        var leafNumber = 0;
        for (var f = 1; f <= fieldCount; f++)
        {
            var criteria = new List<FrameworkNode>();
            for (var c = 1; c <= criteriaPerField; c++)
            {
                var leaves = new List<FrameworkNode>();
                for (var l = 1; l <= leavesPerCriterion; l++)
                    leaves.Add(Build.Leaf($"{f}.{c}.{l}", 2, methods[leafNumber++ % methods.Length], NotApplicablePolicy.RemoveFromMaximum));
                criteria.Add(Build.Group($"{f}.{c}", 2 * leavesPerCriterion, [.. leaves]));
            }
            fields.Add(Build.Group($"{f}", 2 * leavesPerCriterion * criteriaPerField, [.. criteria]));
        }
        fields.Add(Build.Bonus("thuong", 3));
        fields.Add(Build.Penalty("tru", 3));
        var framework = Build.Framework([.. fields]) with { Classes = ClassBand.HcmcSixBands, Rules = OutcomeRule.HcmcDefault };

        var scored = framework.Leaves().ToArray();
        var units = new UnitInput[unitCount];
        for (var u = 0; u < unitCount; u++)
        {
            var inputs = new Dictionary<string, LeafInput>();
            foreach (var node in scored)
            {
                if (random.Next(60) == 0)
                    continue; // some inputs missing
                inputs[node.Code] = random.Next(40) == 0 ? LeafInput.NotApplicableInput : node.Method switch
                {
                    ManualMethod => LeafInput.OfPoints(random.Next(0, 9) * 0.25m),
                    RubricMethod => LeafInput.OfLevel(rubric.Levels[random.Next(3)].Code),
                    RatioMethod => LeafInput.OfRatio(random.Next(0, 41), 40),
                    _ => LeafInput.OfValue(random.Next(0, 10001) / 100m),
                };
            }
            var previous = random.Next(5) == 0 ? null : new PreviousStanding
            {
                Index = random.Next(4000, 10001) / 100m,
                Rank = random.Next(1, unitCount + 1),
                ClassCode = ClassBand.HcmcSixBands[random.Next(6)].Code,
                BasisVi = "Chỉ số năm trước của chính đơn vị",
            };
            units[u] = new UnitInput { UnitCode = $"U{u:000}", UnitName = $"Phường {random.Next(1, 120)}", Inputs = inputs, Previous = previous };
        }
        return (framework, units);
    }
}
