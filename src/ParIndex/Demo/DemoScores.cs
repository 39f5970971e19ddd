using ParIndex.Core.Frameworks;
using ParIndex.Core.Scoring;

namespace ParIndex.Demo;

/// <summary>
/// Deterministic final inputs for the demo: every unit has a latent quality that changes a little from
/// year to year, so a block's distribution resembles HCMC's 2018 results (mostly Tốt, some Xuất sắc and
/// Khá, a couple Trung bình, rarely Yếu) and some units drop in rank. The same unit, year and framework
/// always give the same inputs.
/// </summary>
public static class DemoScores
{
    /// <summary>Every metric and survey name the demo frameworks may use.</summary>
    public static IReadOnlyList<string> ValueNames { get; } =
    [
        "dossiers.on_time_rate", "dossiers.late_rate", "dossiers.apology_rate", "dossiers.online_share",
        "dossiers.end_to_end_online_share", "dossiers.online_payment_share", "dossiers.digitised_share",
        "dossiers.avg_processing_days", "dossiers.score_766", "procedures.online_offered_share",
        "sipas.overall", "sipas.access", "sipas.procedure", "sipas.civil_servant", "sipas.result", "sipas.feedback",
        "sociological.overall", "sociological.field1", "sociological.field2", "sociological.field3", "sociological.field4",
        "sociological.field5", "sociological.field6", "sociological.field7", "sociological.field8", "counter.satisfied_share",
    ];

    private static readonly string[] SipasElements = ["access", "procedure", "civil_servant", "result", "feedback"];

    /// <summary>The unit's latent quality in the year (0–1): a stable base plus a small yearly drift.</summary>
    public static decimal Quality(string unitCode, int year)
    {
        var random = DemoRandom.For(unitCode, year, "drift");
        var quality = BaseQuality(unitCode) + 0.02 * random.Normal() + 0.006 * (year - 2023);
        return (decimal)Math.Round(DemoRandom.Clamp(quality, 0.3, 0.99), 4);
    }

    public static DemoUnitYearProfile Profile(string unitCode, int year)
    {
        var kind = KindOf(unitCode);
        var quality = Quality(unitCode, year);
        var q = (double)quality;
        var r = DemoRandom.For(unitCode, year, "profile");
        var newWard = kind == DemoProfile.Ward && year >= DemoCity.ReformDate.Year;
        var start = newWard ? DemoCity.ReformDate : new DateOnly(year, 1, 1);
        var end = new DateOnly(year, 12, 31);
        var period = $"{start:dd/MM}–{end:dd/MM/yyyy}";
        var digitalYears = year - 2023;

        var dossiers = (int)Math.Round(kind switch
        {
            DemoProfile.Department => r.LogBetween(3_000, 250_000),
            DemoProfile.District => r.LogBetween(60_000, 400_000),
            _ => r.LogBetween(8_000, 60_000) * (newWard ? 0.5 : 1),
        });
        var onTime = DemoRandom.Clamp(100 - (1.02 - q) * 18 * (0.3 + 1.2 * r.NextDouble()), 75, 100);
        var apology = DemoRandom.Clamp(50 + 50 * q + 6 * r.Normal(), 20, 100);
        var onlineBase = (kind switch { DemoProfile.Department => 62, DemoProfile.District => 40, _ => 36 }) + 8 * digitalYears;
        var online = DemoRandom.Clamp(onlineBase + (q - 0.85) * 90 + 9 * r.Normal(), 5, 99);
        var endToEnd = DemoRandom.Clamp(online * r.Between(0.45, 0.8), 1, 99);
        var payment = DemoRandom.Clamp(55 + 6 * digitalYears + (q - 0.8) * 110 + 8 * r.Normal(), 10, 99.5);
        var digitised = DemoRandom.Clamp(68 + 5 * digitalYears + (q - 0.8) * 110 + 6 * r.Normal(), 20, 100);
        var offered = DemoRandom.Clamp(72 + 5 * digitalYears + (q - 0.8) * 90 + 6 * r.Normal(), 30, 100);
        var days = (kind switch
        {
            DemoProfile.Department => r.Between(2.5, 7.5),
            DemoProfile.District => r.Between(1.5, 4.2),
            _ => r.Between(0.8, 3),
        }) * (1.6 - q) / 0.75;
        var counter = DemoRandom.Clamp(95 + (q - 0.85) * 25 + 1.5 * r.Normal(), 70, 100);

        var values = new Dictionary<string, decimal>
        {
            ["dossiers.on_time_rate"] = Round(onTime),
            ["dossiers.late_rate"] = Round(100 - onTime),
            ["dossiers.apology_rate"] = Round(apology),
            ["dossiers.online_share"] = Round(online),
            ["dossiers.end_to_end_online_share"] = Round(endToEnd),
            ["dossiers.online_payment_share"] = Round(payment),
            ["dossiers.digitised_share"] = Round(digitised),
            ["dossiers.avg_processing_days"] = Round(days),
            ["procedures.online_offered_share"] = Round(offered),
            ["counter.satisfied_share"] = Round(counter),
        };
        // The 766 index from its five parts (transparency 18, timeliness 20, online services and payment 22,
        // digitisation 22, satisfaction 18), each scored against its threshold.
        var transparency = 18 * DemoRandom.Clamp(0.55 + 0.4 * q + 0.05 * r.Normal(), 0, 1);
        var timeliness = 20 * onTime / 100;
        var onlineServices = 22 * (Math.Min(1, online / 50) + Math.Min(1, payment / 80) + Math.Min(1, offered / 80)) / 3;
        var digitisation = 22 * Math.Min(1, digitised / 80);
        var satisfaction = 18 * Math.Min(1, (100 - (100 - onTime) - (100 - counter) / 2) / 90);
        values["dossiers.score_766"] = Round(DemoRandom.Clamp((transparency + timeliness + onlineServices + digitisation + satisfaction) * (0.86 + 0.1 * q), 0, 100));

        foreach (var element in SipasElements)
            values[$"sipas.{element}"] = Round(DemoRandom.Clamp(82 + (q - 0.85) * 70 + 3.5 * r.Normal(), 45, 99));
        values["sipas.overall"] = Round(SipasElements.Average(e => (double)values[$"sipas.{e}"]));
        for (var field = 1; field <= 8; field++)
            values[$"sociological.field{field}"] = Round(DemoRandom.Clamp(80 + (q - 0.85) * 85 + 4 * r.Normal(), 40, 99));
        values["sociological.overall"] = Round(DemoRandom.Clamp(
            Enumerable.Range(1, 8).Average(f => (double)values[$"sociological.field{f}"]) + 1.5 * r.Normal(), 40, 99));

        var counterRatings = (int)Math.Round(dossiers * r.Between(0.25, 0.6));
        var sipasRespondents = (int)Math.Round(kind switch
        {
            DemoProfile.Department => r.Between(200, 600),
            DemoProfile.District => r.Between(300, 800),
            _ => r.Between(100, 300),
        });
        var sociologicalRespondents = (int)Math.Round(r.Between(30, 90));

        var sources = new Dictionary<string, string>();
        foreach (var name in ValueNames)
            sources[name] = name switch
            {
                "procedures.online_offered_share" => $"Cổng Dịch vụ công Thành phố, danh mục TTHC tại {end:dd/MM/yyyy}",
                "counter.satisfied_share" => $"Thiết bị đánh giá tại Bộ phận Một cửa, {period}: {DemoText.Count(counterRatings)} lượt đánh giá",
                _ when name.StartsWith("dossiers.", StringComparison.Ordinal) =>
                    $"Hệ thống thông tin giải quyết TTHC Thành phố, {period}: {DemoText.Count(dossiers)} hồ sơ",
                _ when name.StartsWith("sipas.", StringComparison.Ordinal) =>
                    $"Khảo sát SIPAS năm {year}: {DemoText.Count(sipasRespondents)} phiếu hợp lệ",
                _ => $"Điều tra xã hội học Chỉ số CCHC năm {year}: {sociologicalRespondents} phiếu",
            };

        return new DemoUnitYearProfile
        {
            UnitCode = unitCode,
            Year = year,
            Quality = quality,
            PeriodVi = period,
            PeriodStart = start,
            PeriodEnd = end,
            Dossiers = dossiers,
            CounterRatings = counterRatings,
            SipasRespondents = sipasRespondents,
            SociologicalRespondents = sociologicalRespondents,
            Values = values,
            Sources = sources,
        };
    }

    /// <summary>Final inputs for every scored node of the framework (leaves, bonus and penalty), keyed by node code.</summary>
    public static IReadOnlyDictionary<string, LeafInput> InputsFor(FrameworkDefinition framework, string unitCode, int year)
    {
        var profile = Profile(unitCode, year);
        var kind = KindOf(unitCode);
        var q = (double)profile.Quality;
        var random = DemoRandom.For(unitCode, year, $"inputs|{framework.BlockCode}");
        var inputs = new Dictionary<string, LeafInput>();
        foreach (var node in framework.Leaves())
            inputs[node.Code] = node.Kind switch
            {
                NodeKind.Bonus => Bonus(node, q, random),
                NodeKind.Penalty => Penalty(node, q, random),
                _ => Leaf(node, q, kind, profile, random),
            };
        return inputs;
    }

    private static LeafInput Leaf(FrameworkNode node, double q, DemoProfile kind, DemoUnitYearProfile profile, Random r)
    {
        switch (node.Method)
        {
            case MetricMethod metric:
                if (node.NotApplicable != NotApplicablePolicy.NotAllowed && metric.Metric == "dossiers.apology_rate"
                    && profile.Values["dossiers.late_rate"] == 0)
                    return LeafInput.NotApplicableInput;
                return LeafInput.OfValue(profile.Values[metric.Metric], profile.Sources[metric.Metric]);
            case SurveyMethod survey:
                return LeafInput.OfValue(profile.Values[survey.Survey], profile.Sources[survey.Survey]);
        }

        if (node.NotApplicable != NotApplicablePolicy.NotAllowed && r.NextDouble() < 0.12)
            return LeafInput.NotApplicableInput;
        var x = DemoRandom.Clamp(q + 0.10 * r.Normal(), 0, 1);
        return node.Method switch
        {
            ManualMethod manual => LeafInput.OfPoints(OnStep(node.MaxPoints * (decimal)x, manual.Step ?? 0.05m, node.MaxPoints)),
            RubricMethod rubric => LeafInput.OfLevel(PickLevel(rubric, x, r)),
            RatioMethod ratio => Ratio(ratio, x, kind, profile, r),
            _ => LeafInput.OfPoints(0),
        };
    }

    private static string PickLevel(RubricMethod rubric, double x, Random r)
    {
        var levels = rubric.Levels.OrderByDescending(l => l.Points).ToArray();
        // Pass/fail rubrics (within the quota, no excess deputies) are failed rarely.
        var top = levels.Length == 2
            ? DemoRandom.Clamp((x - 0.4) / 0.4, 0.03, 0.97)
            : DemoRandom.Clamp((x - 0.55) / 0.4, 0.03, 0.97);
        if (r.NextDouble() < top || levels.Length == 1)
            return levels[0].Code;
        if (levels.Length == 2 || r.NextDouble() >= 0.7)
            return levels[^1].Code;
        return levels[1].Code;
    }

    private static LeafInput Ratio(RatioMethod ratio, double x, DemoProfile kind, DemoUnitYearProfile profile, Random r)
    {
        var label = ratio.DenominatorLabelVi ?? "";
        var denominator = Math.Max(1, Math.Round(DemoDenominators.Draw(label, kind, profile, r)));
        var (target, lowerIsBetter) = Target(ratio.Rule);
        var full = r.NextDouble() < DemoRandom.Clamp((x - 0.6) / 0.33, 0.03, 0.95);
        double rate;
        if (lowerIsBetter)
            rate = full ? target * r.NextDouble() : target * (1 + Math.Abs(r.Normal()) * (1.05 - x) * 5);
        else if (full)
            rate = target + r.NextDouble() * (100 - target) * 0.5;
        else
            rate = target * (1 - Math.Abs(r.Normal()) * (1.05 - x) * 0.6);
        // A ratio never exceeds 100 %: the input validator refuses a numerator above the denominator.
        rate = DemoRandom.Clamp(rate, 0, 100);
        var numerator = Math.Round(denominator * rate / 100);
        // Rounding must not turn a full score into a near miss, or the other way round.
        if (!lowerIsBetter && full && rate >= 100 && numerator < denominator)
            numerator = denominator;
        return LeafInput.OfRatio((decimal)numerator, (decimal)denominator);
    }

    /// <summary>The value that earns full points, and whether lower values are better (e.g. "dưới 1 %: 1 điểm").</summary>
    private static (double Target, bool LowerIsBetter) Target(PointsRule rule)
    {
        switch (rule.Mode)
        {
            case PointsMode.Threshold:
                return ((double)(rule.Threshold ?? 100), false);
            case PointsMode.Brackets when rule.Brackets.Count > 0:
                var best = rule.Brackets.MaxBy(b => b.Points)!;
                return best.From is null && best.To is not null ? ((double)best.To.Value, true) : ((double)(best.From ?? 100), false);
            default:
                return (100, false);
        }
    }

    private static LeafInput Bonus(FrameworkNode node, double q, Random r)
    {
        var chance = 0.12 + 0.55 * DemoRandom.Clamp((q - 0.8) / 0.15, 0, 1);
        if (r.NextDouble() >= chance)
            return LeafInput.OfPoints(0);
        var steps = 1 + r.Next(0, 2 + (int)(6 * q));
        return LeafInput.OfPoints(Math.Min(node.MaxPoints, 0.25m * steps));
    }

    private static LeafInput Penalty(FrameworkNode node, double q, Random r)
    {
        var chance = 0.04 + 0.45 * DemoRandom.Clamp((0.82 - q) / 0.2, 0, 1);
        if (r.NextDouble() >= chance)
            return LeafInput.OfPoints(0);
        var steps = 1 + r.Next(0, 6) + (q < 0.65 ? r.Next(0, 5) : 0);
        return LeafInput.OfPoints(Math.Min(node.MaxPoints, 0.25m * steps));
    }

    private static decimal OnStep(decimal value, decimal step, decimal max) =>
        Math.Clamp(Math.Round(value / step, MidpointRounding.AwayFromZero) * step, 0, max);

    private static decimal Round(double value) => Math.Round((decimal)value, 2);

    private static DemoProfile KindOf(string unitCode) =>
        DemoCity.TryGetUnit(unitCode, out var unit)
            ? unit.Kind switch
            {
                DemoUnitKind.District or DemoUnitKind.ThuDucCity => DemoProfile.District,
                DemoUnitKind.Ward => DemoProfile.Ward,
                _ => DemoProfile.Department,
            }
            : DemoProfile.Department;

    /// <summary>
    /// A department formed on 1 July 2025 from others (Sở Nông nghiệp và Môi trường, Sở Dân tộc và Tôn giáo,
    /// Sở An toàn thực phẩm) inherits its predecessors' mean quality; everyone else draws their own.
    /// </summary>
    private static double BaseQuality(string unitCode)
    {
        if (DemoCity.TryGetUnit(unitCode, out var unit) && unit.Kind == DemoUnitKind.Department && unit.ValidFrom >= DemoCity.ReformDate)
        {
            var predecessors = DemoLineage.All.Where(s => s.SuccessorCode == unitCode).Select(s => s.PredecessorCode).ToArray();
            if (predecessors.Length > 0)
                return predecessors.Average(DrawQuality);
        }
        return DrawQuality(unitCode);
    }

    private static double DrawQuality(string unitCode)
    {
        var r = DemoRandom.For(unitCode, 0, "quality");
        var struggling = r.NextDouble() < 0.08;
        return DemoRandom.Clamp(struggling ? 0.66 + 0.08 * r.Normal() : 0.848 + 0.042 * r.Normal(), 0.35, 0.985);
    }
}
