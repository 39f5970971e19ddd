using ParIndex.Core.Frameworks;
using ParIndex.Core.Scoring;

namespace ParIndex.Bench;

/// <summary>
/// A synthetic block the size of a large city: 8 fields, 150 leaves, 400 units. Deterministic (its own
/// generator, not <see cref="Random"/>, so the data cannot change with the runtime), and built to make the
/// engine do every kind of work it does in production: every scoring method and points mode, bonus and
/// penalty nodes, not-applicable inputs under both policies, zero denominators, a few missing inputs, the
/// default four classes, and last year's standing for most units so the rank-drop and two-year rules run.
/// </summary>
public static class SyntheticBlock
{
    public const int Fields = 8;
    public const int Leaves = 150;

    /// <summary>Leaf maxima cycle through these; every three leaves are worth 2 points, so 150 leaves make 100.</summary>
    private static readonly decimal[] LeafMaxima = [0.5m, 0.75m, 0.75m];

    private static readonly string[] GivenNames =
    [
        "Bến Thành", "Sài Gòn", "Tân Định", "Đa Kao", "Cầu Ông Lãnh", "Bàn Cờ", "Xuân Hòa", "Nhiêu Lộc",
        "Chợ Quán", "Chợ Lớn", "Bình Tây", "Bình Tiên", "Phú Lâm", "Tân Thuận", "Phú Thuận", "Tân Mỹ",
        "Tân Hưng", "Chánh Hưng", "Phú Định", "Bình Đông", "Diên Hồng", "Vườn Lài", "Hòa Hưng", "Minh Phụng",
        "Bình Thới", "Hòa Bình", "Phú Thọ", "Đông Hưng Thuận", "Trung Mỹ Tây", "Tân Thới Hiệp", "Thới An",
        "An Phú Đông", "An Lạc", "Tân Tạo", "Bình Tân", "Bình Trị Đông", "Bình Hưng Hòa", "Gia Định",
        "Bình Thạnh", "Bình Lợi Trung", "Thạnh Mỹ Tây", "Bình Quới", "Hạnh Thông", "An Nhơn", "Gò Vấp",
        "An Hội Đông", "Thông Tây Hội", "An Hội Tây", "Đức Nhuận", "Cầu Kiệu", "Phú Nhuận", "Tân Sơn Hòa",
        "Tân Sơn Nhất", "Tân Hòa", "Bảy Hiền", "Tân Bình", "Tân Sơn", "Tây Thạnh", "Tân Sơn Nhì", "Phú Thọ Hòa",
        "Tân Phú", "Phú Thạnh", "Ân Phú", "Ấp Bắc", "Dương Minh Châu", "Đống Đa", "An Khánh", "Cát Lái",
    ];

    /// <summary>A valid framework: 8 fields of 3–4 criteria each, 150 leaves, bonus and penalty nodes, the default classes and rules.</summary>
    public static FrameworkDefinition Framework()
    {
        var fields = new List<FrameworkNode>();
        var leaf = 0;
        for (var f = 1; f <= Fields; f++)
        {
            // 150 = 6 × 19 + 2 × 18.
            var leavesInField = f <= 6 ? 19 : 18;
            var criteria = new List<FrameworkNode>();
            var criterionCount = f % 2 == 0 ? 4 : 3;
            var perCriterion = SplitEvenly(leavesInField, criterionCount);
            for (var c = 1; c <= criterionCount; c++)
            {
                var children = new List<FrameworkNode>();
                for (var l = 1; l <= perCriterion[c - 1]; l++)
                    children.Add(Leaf($"{f}.{c}.{l}", leaf++, f));
                // Field 3's first criterion also carries a bonus and a penalty, as "điểm thưởng/điểm trừ" inside a field.
                if (f == 3 && c == 1)
                {
                    children.Add(new FrameworkNode
                    {
                        Code = $"{f}.{c}.T", TitleVi = "Điểm thưởng sáng kiến", Kind = NodeKind.Bonus, MaxPoints = 0.5m,
                        Method = new ManualMethod { Step = 0.25m }, NotApplicable = NotApplicablePolicy.RemoveFromMaximum,
                    });
                    children.Add(new FrameworkNode
                    {
                        Code = $"{f}.{c}.TR", TitleVi = "Điểm trừ chậm báo cáo", Kind = NodeKind.Penalty, MaxPoints = 0.5m,
                        Method = new RatioMethod { Rule = new PointsRule { Mode = PointsMode.Proportional } },
                        NotApplicable = NotApplicablePolicy.RemoveFromMaximum,
                    });
                }
                criteria.Add(Group($"{f}.{c}", $"Tiêu chí {f}.{c}", children));
            }
            fields.Add(Group($"{f}", $"Lĩnh vực {f}", criteria));
        }

        fields.Add(new FrameworkNode
        {
            Code = "T", TitleVi = "Điểm thưởng", Kind = NodeKind.Bonus, MaxPoints = 2m,
            Method = new ManualMethod { Step = 0.25m },
        });
        fields.Add(new FrameworkNode
        {
            Code = "TR", TitleVi = "Điểm trừ", Kind = NodeKind.Penalty, MaxPoints = 3m,
            Method = new RubricMethod
            {
                Levels =
                [
                    new() { Code = "none", LabelVi = "Không vi phạm", Points = 0m },
                    new() { Code = "minor", LabelVi = "Vi phạm nhẹ", Points = 1m },
                    new() { Code = "major", LabelVi = "Vi phạm nghiêm trọng", Points = 3m },
                ],
            },
        });

        return new FrameworkDefinition
        {
            Year = 2025,
            BlockCode = "BENCH",
            TitleVi = "Bộ tiêu chí tổng hợp để đo hiệu năng",
            Nodes = fields,
            Classes = ClassBand.Default,
            Rules = OutcomeRule.HcmcDefault,
        };
    }

    /// <summary>The method of the <paramref name="leaf"/>-th leaf: cycles through every method and points mode.</summary>
    private static FrameworkNode Leaf(string code, int leaf, int field)
    {
        var max = LeafMaxima[leaf % LeafMaxima.Length];
        var half = max / 2;
        ScoringMethod method;
        var notApplicable = NotApplicablePolicy.NotAllowed;
        switch (leaf % 10)
        {
            case 0:
                method = new ManualMethod { Step = 0.25m };
                break;
            case 1:
                method = new RubricMethod
                {
                    Levels =
                    [
                        new() { Code = "dat", LabelVi = "Đạt", Points = max },
                        new() { Code = "mot-phan", LabelVi = "Đạt một phần", Points = half },
                        new() { Code = "khong-dat", LabelVi = "Không đạt", Points = 0m },
                    ],
                };
                notApplicable = NotApplicablePolicy.FullPoints;
                break;
            case 2:
                method = new RatioMethod
                {
                    Rule = new PointsRule
                    {
                        Mode = PointsMode.Brackets,
                        Brackets = [new() { From = 90, Points = max }, new() { From = 70, To = 90, Points = half }, new() { To = 70, Points = 0m }],
                    },
                };
                notApplicable = NotApplicablePolicy.RemoveFromMaximum;
                break;
            case 3:
                method = new RatioMethod { Rule = new PointsRule { Mode = PointsMode.Proportional } };
                notApplicable = NotApplicablePolicy.RemoveFromMaximum;
                break;
            case 4:
                method = new MetricMethod { Metric = MetricNames.DossiersOnTimeRate, Rule = new PointsRule { Mode = PointsMode.Threshold, Threshold = 95 } };
                break;
            case 5:
                // A late share: lower is better, so brackets.
                method = new MetricMethod
                {
                    Metric = MetricNames.DossiersLateRate,
                    Rule = new PointsRule
                    {
                        Mode = PointsMode.Brackets,
                        Brackets = [new() { To = 2, Points = max }, new() { From = 2, To = 5, Points = half }, new() { From = 5, Points = 0m }],
                    },
                };
                notApplicable = NotApplicablePolicy.RemoveFromMaximum;
                break;
            case 6:
                method = new SurveyMethod { Survey = MetricNames.SociologicalField(field) };
                break;
            case 7:
                method = new SurveyMethod { Survey = MetricNames.SipasOverall };
                break;
            case 8:
                method = new MetricMethod { Metric = MetricNames.DossiersOnlineShare, Rule = new PointsRule { Mode = PointsMode.Proportional } };
                break;
            default:
                method = new ManualMethod();
                notApplicable = NotApplicablePolicy.FullPoints;
                break;
        }
        return new FrameworkNode
        {
            Code = code, TitleVi = $"Tiêu chí thành phần {code}", Kind = NodeKind.Leaf, MaxPoints = max,
            Method = method, NotApplicable = notApplicable, EvidenceRequired = leaf % 3 == 0,
        };
    }

    private static FrameworkNode Group(string code, string title, List<FrameworkNode> children) => new()
    {
        Code = code, TitleVi = title, Kind = NodeKind.Group, Children = children,
        MaxPoints = children.Where(c => c.Kind == NodeKind.Leaf || c.Kind == NodeKind.Group).Sum(c => c.MaxPoints),
    };

    private static int[] SplitEvenly(int total, int parts)
    {
        var sizes = new int[parts];
        for (var i = 0; i < parts; i++)
            sizes[i] = total / parts + (i < total % parts ? 1 : 0);
        return sizes;
    }

    /// <summary>
    /// <paramref name="count"/> units with deterministic inputs for every scored node of <paramref name="framework"/>.
    /// Unit quality spreads the indices over all four classes; about 90 % have last year's standing (most with a rank).
    /// </summary>
    public static IReadOnlyList<UnitInput> Units(FrameworkDefinition framework, int count, ulong seed = 2025)
    {
        var random = new SplitMix(seed);
        var scored = framework.AllNodes().Where(n => n.IsScored).ToList();
        var previousRanks = Enumerable.Range(1, count).ToArray();
        random.Shuffle(previousRanks);

        var units = new List<UnitInput>(count);
        for (var u = 0; u < count; u++)
        {
            // Quality in [0.35, 1): a unit's inputs cluster around it, so indices range from Yếu to Tốt.
            var quality = 0.35 + 0.65 * random.NextDouble();
            var inputs = new Dictionary<string, LeafInput>(scored.Count, StringComparer.Ordinal);
            foreach (var node in scored)
            {
                if (Input(node, quality, random) is { } input)
                    inputs[node.Code] = input;
            }

            PreviousStanding? previous = null;
            var roll = random.NextDouble();
            if (roll < 0.9)
            {
                var previousIndex = Math.Round((decimal)(100 * Math.Clamp(quality + (random.NextDouble() - 0.5) * 0.2, 0, 1)), 2);
                previous = new PreviousStanding
                {
                    Index = previousIndex,
                    // A tenth of those with a previous standing come from merged units: no comparable rank.
                    Rank = roll < 0.81 ? previousRanks[u] : null,
                    ClassCode = ClassBand.Default.First(band => band.Contains(previousIndex)).Code,
                    BasisVi = "Kết quả năm trước của chính đơn vị",
                    BasisEn = "The unit's own result last year",
                };
            }

            units.Add(new UnitInput
            {
                UnitCode = $"U{u + 1:D3}",
                UnitName = $"Phường {GivenNames[u % GivenNames.Length]}" + (u >= GivenNames.Length ? $" {u / GivenNames.Length + 1}" : ""),
                Inputs = inputs,
                Previous = previous,
            });
        }
        return units;
    }

    private static LeafInput? Input(FrameworkNode node, double quality, SplitMix random)
    {
        var roll = random.NextDouble();
        // About 1 % of inputs are missing (scored 0, flagged), as in a block where one appraisal was never entered.
        if (roll < 0.01)
            return null;
        // About 4 % are declared not applicable where the framework allows it.
        if (roll < 0.05 && node.NotApplicable != NotApplicablePolicy.NotAllowed)
            return LeafInput.NotApplicableInput;

        var level = Math.Clamp(quality + (random.NextDouble() - 0.5) * 0.3, 0, 1);
        return node.Method switch
        {
            ManualMethod { Step: { } step } => LeafInput.OfPoints(Math.Floor(node.MaxPoints * (decimal)level / step) * step),
            ManualMethod => LeafInput.OfPoints(Math.Round(node.MaxPoints * (decimal)level, 2)),
            RubricMethod rubric => LeafInput.OfLevel(rubric.Levels[level > 0.8 ? 0 : level > 0.5 ? 1 : rubric.Levels.Count - 1].Code),
            RatioMethod => Ratio(level, random),
            MetricMethod { Metric: MetricNames.DossiersLateRate } => LeafInput.OfValue(Math.Round((decimal)((1 - level) * 12), 2), "766: hồ sơ tháng 01–12/2025"),
            MetricMethod => LeafInput.OfValue(Math.Round((decimal)(level * 100), 2), "766: hồ sơ tháng 01–12/2025"),
            SurveyMethod => LeafInput.OfValue(Math.Round((decimal)(60 + level * 40), 2)),
            _ => LeafInput.OfPoints(0m),
        };
    }

    private static LeafInput Ratio(double level, SplitMix random)
    {
        var denominator = random.Next(0, 60);
        // Zero assigned tasks (about 1 in 60) is "nothing to do": not applicable by the leaf's policy.
        var numerator = (int)Math.Round(denominator * level);
        return LeafInput.OfRatio(numerator, denominator);
    }

    /// <summary>SplitMix64: tiny, fast and fixed, so the data set is the same on every runtime.</summary>
    private sealed class SplitMix(ulong seed)
    {
        private ulong _state = seed;

        public ulong NextUInt64()
        {
            var z = _state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }

        public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

        public int Next(int minInclusive, int maxExclusive) => minInclusive + (int)(NextUInt64() % (ulong)(maxExclusive - minInclusive));

        public void Shuffle(int[] values)
        {
            for (var i = values.Length - 1; i > 0; i--)
            {
                var j = Next(0, i + 1);
                (values[i], values[j]) = (values[j], values[i]);
            }
        }
    }
}
