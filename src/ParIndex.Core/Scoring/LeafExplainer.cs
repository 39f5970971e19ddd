using ParIndex.Core.Frameworks;

namespace ParIndex.Core.Scoring;

/// <summary>
/// Writes the steps of a scored node in Vietnamese and English ("45/50 = 90 % ≥ 80 % → 2 điểm"), from the
/// numbers <see cref="LeafScorer"/> produced. Kept apart from the scorer so the engine can skip the text
/// in its hot loop and build it only when a page asks.
/// </summary>
internal static class LeafExplainer
{
    public static LeafExplanation Explain(FrameworkNode node, LeafInput? input, in LeafOutcome outcome)
    {
        var method = node.Method;
        return new LeafExplanation
        {
            Method = method?.TypeName ?? "manual",
            Input = input,
            Value = outcome.Value,
            BracketHit = outcome.Bracket,
            LevelLabelVi = outcome.Level?.LabelVi,
            StepsVi = Steps(node, input, outcome, new Words(Language.Vi, node.Kind)),
            StepsEn = Steps(node, input, outcome, new Words(Language.En, node.Kind)),
        };
    }

    private static string Steps(FrameworkNode node, LeafInput? input, in LeafOutcome o, Words w)
    {
        var max = node.MaxPoints > 0 ? node.MaxPoints : 0m;
        var zero = w.Points(0);
        switch (o.Reason)
        {
            case LeafReason.Missing:
                return w.Vi ? $"Chưa có dữ liệu chấm điểm → {zero}" : $"No input → {zero}";
            case LeafReason.NotApplicableFullPoints:
                return WithZeroDenominator(input, o, w, w.Vi ? $"Không phát sinh → đạt điểm tối đa {w.Points(max)}" : $"Not applicable → full {w.Points(max)}");
            case LeafReason.NotApplicableRemoved:
                return WithZeroDenominator(input, o, w, w.Vi
                    ? $"Không phát sinh → không chấm điểm, điểm tối đa được giảm {w.N(max)}"
                    : $"Not applicable → not scored; the maximum is reduced by {w.N(max)}");
            case LeafReason.NotApplicableAdjustment:
                return WithZeroDenominator(input, o, w, w.Vi
                    ? (node.Kind == NodeKind.Penalty ? "Không phát sinh → không trừ điểm" : "Không phát sinh → không cộng điểm")
                    : (node.Kind == NodeKind.Penalty ? "Not applicable → nothing subtracted" : "Not applicable → nothing added"));
            case LeafReason.NotApplicableNotAllowed:
                return w.Vi
                    ? $"Khai báo không phát sinh, nhưng tiêu chí này không cho phép → {zero}"
                    : $"Declared not applicable, which this criterion does not allow → {zero}";
            case LeafReason.KindMismatch:
                return w.Vi
                    ? $"Dữ liệu nhập ({KindVi(input!.Kind)}) không phù hợp phương pháp chấm {MethodVi(node.Method)} → {zero}"
                    : $"Input of kind {input!.Kind} does not fit the {node.Method?.TypeName ?? "manual"} method → {zero}";
            case LeafReason.IncompleteInput:
                return w.Vi ? $"Dữ liệu nhập thiếu giá trị → {zero}" : $"The input has no value → {zero}";
            case LeafReason.UnknownLevel:
                return w.Vi ? $"Mức “{input!.Level}” không có trong thang chấm → {zero}" : $"Unknown level “{input!.Level}” → {zero}";
            case LeafReason.ZeroDenominatorNotAllowed:
                return w.Vi
                    ? $"{w.N(input!.Numerator!.Value)}/0: mẫu số bằng 0 và tiêu chí không cho phép không phát sinh → {zero}"
                    : $"{w.N(input!.Numerator!.Value)}/0: the denominator is 0 and the criterion cannot be not applicable → {zero}";
            case LeafReason.NegativeDenominator:
                return w.Vi
                    ? $"{w.N(input!.Numerator!.Value)}/{w.N(input.Denominator!.Value)}: mẫu số âm không hợp lệ → {zero}"
                    : $"{w.N(input!.Numerator!.Value)}/{w.N(input.Denominator!.Value)}: a negative denominator is invalid → {zero}";
            case LeafReason.Overflow:
                return w.Vi ? $"Giá trị nhập quá lớn, không tính được → {zero}" : $"The input is too large to compute → {zero}";
            case LeafReason.UnsupportedMethod:
                return w.Vi ? $"Phương pháp chấm không được hỗ trợ → {zero}" : $"Unsupported scoring method → {zero}";
        }

        return node.Method switch
        {
            RubricMethod => RubricSteps(o, max, w),
            RatioMethod ratio => RuleSteps(ratio.Rule, $"{w.N(input!.Numerator!.Value)}/{w.N(input.Denominator!.Value)} = ", " %", input, o, max, w),
            MetricMethod metric => RuleSteps(metric.Rule, $"{metric.Metric} = ", "", input!, o, max, w),
            SurveyMethod survey => SurveySteps(survey, input!, o, max, w),
            _ => ManualSteps(node.Method as ManualMethod, o, max, w),
        };
    }

    private static string ManualSteps(ManualMethod? method, in LeafOutcome o, decimal max, Words w)
    {
        var text = w.Vi ? $"Điểm chấm {w.N(o.RawPoints)}" : $"Entered {w.N(o.RawPoints)}";
        if (o.Reason == LeafReason.OffStep)
        {
            var step = method!.Step!.Value;
            text += w.Vi
                ? $", không theo bước {w.N(step)} → làm tròn xuống {w.N(o.Stepped)}"
                : $", not a multiple of the step {w.N(step)} → rounded down to {w.N(o.Stepped)}";
        }
        if (o.Stepped > max)
            text += w.Vi ? $", vượt điểm tối đa {w.N(max)}" : $", above the maximum {w.N(max)}";
        else if (o.Stepped < 0)
            text += w.Vi ? ", nhỏ hơn 0" : ", below zero";
        return $"{text} → {w.Points(o.Points)}";
    }

    private static string RubricSteps(in LeafOutcome o, decimal max, Words w)
    {
        var level = o.Level!;
        var label = w.Vi || string.IsNullOrWhiteSpace(level.LabelEn) ? level.LabelVi : level.LabelEn;
        return (w.Vi ? $"Mức “{label}”" : $"Level “{label}”") + Result(o, max, w);
    }

    private static string SurveySteps(SurveyMethod survey, LeafInput input, in LeafOutcome o, decimal max, Words w)
    {
        var share = o.Value!.Value;
        var head = w.Vi ? $"Khảo sát {survey.Survey}: tỷ lệ {w.N(share)} %" : $"Survey {survey.Survey}: share {w.N(share)} %";
        return head + Source(input, w) + $" → {w.N(max)} × {w.N(share)} %" + Result(o, max, w, equals: true);
    }

    /// <summary>Ratio and metric steps: the value, how the points rule applied to it, the result.</summary>
    private static string RuleSteps(PointsRule rule, string head, string unit, LeafInput input, in LeafOutcome o, decimal max, Words w)
    {
        var value = o.Value!.Value;
        var source = Source(input, w);
        switch (rule.Mode)
        {
            case PointsMode.Proportional:
            {
                var product = unit.Length > 0 ? $"{w.N(max)} × {w.N(value)} %" : $"{w.N(max)} × {w.N(value)} ÷ 100";
                return $"{head}{w.N(value)}{unit}{source} → {product}" + Result(o, max, w, equals: true);
            }
            case PointsMode.Threshold:
            {
                var threshold = LeafScorer.ThresholdOf(rule);
                var shown = w.Against(value, threshold);
                return value >= threshold
                    ? $"{head}{shown}{unit}{source} ≥ {w.N(threshold)}{unit} → {w.Points(o.Points)}"
                    : $"{head}{shown}{unit}{source} < {w.N(threshold)}{unit} → {w.N(max)} × {shown} ÷ {w.N(threshold)}" + Result(o, max, w, equals: true);
            }
            default:
            {
                if (o.Bracket is not { } bracket)
                {
                    return w.Vi
                        ? $"{head}{w.N(value)}{unit}{source}: không thuộc khoảng nào của thang điểm → {w.Points(0)}"
                        : $"{head}{w.N(value)}{unit}{source}: outside every bracket → {w.Points(0)}";
                }
                var decimals = Math.Max(
                    bracket.From is { } f ? NumberText.DecimalsFor(value, f) : 2,
                    bracket.To is { } t ? NumberText.DecimalsFor(value, t) : 2);
                var shown = NumberText.Format(value, decimals, w.Language);
                var range = (bracket.From, bracket.To) switch
                {
                    ({ } from, { } to) => w.Vi
                        ? $", trong khoảng {w.N(from)}{unit} – dưới {w.N(to)}{unit}"
                        : $", within {w.N(from)}{unit} – under {w.N(to)}{unit}",
                    ({ } from, null) => $" ≥ {w.N(from)}{unit}",
                    (null, { } to) => $" < {w.N(to)}{unit}",
                    _ => "",
                };
                return $"{head}{shown}{unit}{source}{range}" + Result(o, max, w);
            }
        }
    }

    /// <summary>" → 2 điểm", or the clamp when the method's result left [0, max].</summary>
    private static string Result(in LeafOutcome o, decimal max, Words w, bool equals = false)
    {
        // After an arithmetic expression the raw result is a bare number ("= 2,4"); after an arrow it is points.
        var raw = equals ? " = " + w.N(o.RawPoints) : " → " + w.Points(o.RawPoints);
        if (o.RawPoints > max)
            return w.Vi
                ? $"{raw}, vượt điểm tối đa {w.N(max)} → {w.Points(o.Points)}"
                : $"{raw}, above the maximum {w.N(max)} → {w.Points(o.Points)}";
        if (o.RawPoints < 0)
            return w.Vi ? $"{raw}, nhỏ hơn 0 → {w.Points(0)}" : $"{raw}, below zero → {w.Points(0)}";
        return (equals ? " = " : " → ") + w.Points(o.Points);
    }

    /// <summary>"0/0, mẫu số bằng 0: không phát sinh → …" when a zero denominator made the leaf not applicable.</summary>
    private static string WithZeroDenominator(LeafInput? input, in LeafOutcome o, Words w, string sentence)
    {
        if (!o.ZeroDenominator || input?.Numerator is not { } n)
            return sentence;
        var prefix = w.Vi ? $"{w.N(n)}/0, mẫu số bằng 0: " : $"{w.N(n)}/0, the denominator is 0: ";
        return prefix + char.ToLowerInvariant(sentence[0]) + sentence[1..];
    }

    private static string Source(LeafInput input, Words w) =>
        string.IsNullOrWhiteSpace(input.Source) ? "" : w.Vi ? $" (nguồn: {input.Source})" : $" (source: {input.Source})";

    private static string KindVi(InputKind kind) => kind switch
    {
        InputKind.Points => "điểm",
        InputKind.Level => "mức",
        InputKind.Ratio => "tử số/mẫu số",
        InputKind.Value => "giá trị",
        _ => "không phát sinh",
    };

    private static string MethodVi(ScoringMethod? method) => method switch
    {
        RubricMethod => "theo mức",
        RatioMethod => "theo tỷ lệ",
        MetricMethod => "theo số liệu",
        SurveyMethod => "theo kết quả khảo sát",
        _ => "chấm điểm trực tiếp",
    };

    /// <summary>The language of one text and the word for the node's points.</summary>
    private readonly record struct Words(Language Language, NodeKind Kind)
    {
        public bool Vi => Language == Language.Vi;

        public string N(decimal value) => NumberText.Format(value, 2, Language);

        public string Against(decimal value, decimal bound) => NumberText.Format(value, NumberText.DecimalsFor(value, bound), Language);

        public string Points(decimal value)
        {
            if (Vi)
                return Kind switch
                {
                    NodeKind.Bonus => $"{N(value)} điểm thưởng",
                    NodeKind.Penalty => $"{N(value)} điểm trừ",
                    _ => $"{N(value)} điểm",
                };
            var noun = value == 1 ? "point" : "points";
            return Kind switch
            {
                NodeKind.Bonus => $"{N(value)} bonus {noun}",
                NodeKind.Penalty => $"{N(value)} penalty {noun}",
                _ => $"{N(value)} {noun}",
            };
        }
    }
}
