using ParIndex.Core.Frameworks;

namespace ParIndex.Demo;

/// <summary>Writes the scoring scale of a leaf in words ("Từ 80 % đến dưới 100 %: 0,5 điểm"), so guidance always matches the method.</summary>
internal static class DemoGuidance
{
    public static (string Vi, string En) Describe(FrameworkNode node)
    {
        var max = node.MaxPoints;
        var (vi, en) = node.Method switch
        {
            ManualMethod m => m.Step is { } step
                ? ($"Chấm từ 0 đến {DemoText.Vi(max)} điểm, theo bước {DemoText.Vi(step)} điểm.", $"Score 0 to {DemoText.En(max)} points in steps of {DemoText.En(step)}.")
                : ($"Chấm từ 0 đến {DemoText.Vi(max)} điểm.", $"Score 0 to {DemoText.En(max)} points."),
            RubricMethod r => (
                string.Join("; ", r.Levels.Select(l => $"{l.LabelVi}: {DemoText.Vi(l.Points)} điểm")) + ".",
                string.Join("; ", r.Levels.Select(l => $"{l.LabelEn ?? l.LabelVi}: {Points(l.Points)}")) + "."),
            RatioMethod ratio => Rule(ratio.Rule, max, " %", "%"),
            MetricMethod metric => metric.Metric switch
            {
                _ when metric.Metric.EndsWith("_days", StringComparison.Ordinal) => Rule(metric.Rule, max, " ngày", " days"),
                "dossiers.score_766" => Rule(metric.Rule, max, " điểm", " points"),
                _ => Rule(metric.Rule, max, " %", "%"),
            },
            SurveyMethod => ($"Điểm = tỷ lệ hài lòng (%) × {DemoText.Vi(max)} ÷ 100.", $"Points = satisfaction share (%) × {DemoText.En(max)} ÷ 100."),
            _ => ("", ""),
        };
        switch (node.NotApplicable)
        {
            case NotApplicablePolicy.FullPoints:
                vi += " Trường hợp không phát sinh: được điểm tối đa.";
                en += " If not applicable: full points.";
                break;
            case NotApplicablePolicy.RemoveFromMaximum:
                vi += " Trường hợp không phát sinh: không tính vào tổng điểm tối đa.";
                en += " If not applicable: removed from the maximum.";
                break;
        }
        return (vi, en);
    }

    private static (string Vi, string En) Rule(PointsRule rule, decimal max, string unitVi, string unitEn) => rule.Mode switch
    {
        PointsMode.Proportional => ($"Điểm = tỷ lệ (%) × {DemoText.Vi(max)} ÷ 100.", $"Points = rate (%) × {DemoText.En(max)} ÷ 100."),
        PointsMode.Threshold when rule.Threshold is { } t => (
            $"Đạt từ {DemoText.Vi(t)}{unitVi} trở lên: {DemoText.Vi(max)} điểm; dưới {DemoText.Vi(t)}{unitVi}: điểm = tỷ lệ × {DemoText.Vi(max)} ÷ {DemoText.Vi(t)}.",
            $"{DemoText.En(t)}{unitEn} or more: {Points(max)}; below: rate × {DemoText.En(max)} ÷ {DemoText.En(t)}."),
        PointsMode.Brackets => (
            Capitalise(string.Join("; ", rule.Brackets.Select(b => $"{RangeVi(b, unitVi)}: {DemoText.Vi(b.Points)} điểm"))) + ".",
            Capitalise(string.Join("; ", rule.Brackets.Select(b => $"{RangeEn(b, unitEn)}: {Points(b.Points)}"))) + "."),
        _ => ("", ""),
    };

    private static string RangeVi(Bracket b, string unit) => (b.From, b.To) switch
    {
        ({ } from, { } to) => $"từ {DemoText.Vi(from)}{unit} đến dưới {DemoText.Vi(to)}{unit}",
        ({ } from, null) => $"từ {DemoText.Vi(from)}{unit} trở lên",
        (null, { } to) => $"dưới {DemoText.Vi(to)}{unit}",
        _ => "mọi giá trị",
    };

    private static string RangeEn(Bracket b, string unit) => (b.From, b.To) switch
    {
        ({ } from, { } to) => $"from {DemoText.En(from)}{unit} to under {DemoText.En(to)}{unit}",
        ({ } from, null) => $"{DemoText.En(from)}{unit} or more",
        (null, { } to) => $"under {DemoText.En(to)}{unit}",
        _ => "any value",
    };

    private static string Points(decimal value) => value == 1 ? "1 point" : $"{DemoText.En(value)} points";

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
