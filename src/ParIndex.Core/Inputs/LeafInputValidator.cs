using System.Globalization;
using ParIndex.Core.Frameworks;
using ParIndex.Core.Scoring;

namespace ParIndex.Core.Inputs;

/// <summary>A problem with an input for one node, in both languages.</summary>
public sealed record InputProblem(string Field, string MessageVi, string MessageEn)
{
    public string Message(Language language) => language == Language.En ? MessageEn : MessageVi;
}

/// <summary>
/// Checks an input typed or imported for a scored node before it is stored: the kind of input the node's
/// method needs, values within range and on the step. The engine never sees an input this refuses, so
/// its defensive clamping is for data stored before a framework was corrected.
/// </summary>
public static class LeafInputValidator
{
    public static IReadOnlyList<InputProblem> Validate(FrameworkNode node, LeafInput input)
    {
        var problems = new List<InputProblem>();
        if (!node.IsScored)
        {
            problems.Add(new("nodeCode", $"Tiêu chí {node.Code} là nhóm tiêu chí, không chấm điểm trực tiếp.", $"Criterion {node.Code} is a group and is not scored directly."));
            return problems;
        }
        if (input.Kind == InputKind.NotApplicable)
        {
            if (node.NotApplicable == NotApplicablePolicy.NotAllowed)
                problems.Add(new("kind", $"Tiêu chí {node.Code} không cho phép \"không phát sinh\".", $"Criterion {node.Code} cannot be declared not applicable."));
            return problems;
        }
        var expected = ExpectedKind(node.Method);
        if (input.Kind != expected)
        {
            problems.Add(new("kind", $"Tiêu chí {node.Code} cần {KindVi(expected)}, không phải {KindVi(input.Kind)}.", $"Criterion {node.Code} needs {KindEn(expected)}, not {KindEn(input.Kind)}."));
            return problems;
        }
        switch (node.Method)
        {
            case ManualMethod manual:
                if (input.Points is not { } points)
                    problems.Add(new("points", $"Thiếu số điểm của tiêu chí {node.Code}.", $"The points of criterion {node.Code} are missing."));
                else if (points < 0 || points > node.MaxPoints)
                    problems.Add(new("points", $"Điểm {Vi(points)} của tiêu chí {node.Code} phải từ 0 đến {Vi(node.MaxPoints)}.", $"Points {En(points)} of criterion {node.Code} must be between 0 and {En(node.MaxPoints)}."));
                else if (manual.Step is { } step && step > 0 && points % step != 0)
                    problems.Add(new("points", $"Điểm {Vi(points)} của tiêu chí {node.Code} phải là bội số của {Vi(step)}.", $"Points {En(points)} of criterion {node.Code} must be a multiple of {En(step)}."));
                break;
            case RubricMethod rubric:
                if (string.IsNullOrWhiteSpace(input.Level) || rubric.Levels.All(l => l.Code != input.Level))
                    problems.Add(new("level", $"Mức '{input.Level}' không có trong tiêu chí {node.Code} (các mức: {string.Join(", ", rubric.Levels.Select(l => l.Code))}).", $"Level '{input.Level}' is not a level of criterion {node.Code} (levels: {string.Join(", ", rubric.Levels.Select(l => l.Code))})."));
                break;
            case RatioMethod:
                if (input.Numerator is not { } numerator || input.Denominator is not { } denominator)
                    problems.Add(new("numerator", $"Tiêu chí {node.Code} cần cả tử số và mẫu số.", $"Criterion {node.Code} needs both numerator and denominator."));
                else if (numerator < 0 || denominator < 0)
                    problems.Add(new("numerator", $"Tử số và mẫu số của tiêu chí {node.Code} không được âm.", $"The numerator and denominator of criterion {node.Code} cannot be negative."));
                else if (numerator > denominator)
                    problems.Add(new("numerator", $"Tử số ({Vi(numerator)}) lớn hơn mẫu số ({Vi(denominator)}) ở tiêu chí {node.Code}.", $"The numerator ({En(numerator)}) exceeds the denominator ({En(denominator)}) in criterion {node.Code}."));
                break;
            case SurveyMethod:
                if (input.Value is not { } share || share < 0 || share > 100)
                    problems.Add(new("value", $"Tỷ lệ hài lòng của tiêu chí {node.Code} phải từ 0 đến 100 (%).", $"The satisfaction share of criterion {node.Code} must be between 0 and 100 (%)."));
                break;
            case MetricMethod:
                if (input.Value is null)
                    problems.Add(new("value", $"Thiếu giá trị chỉ số của tiêu chí {node.Code}.", $"The metric value of criterion {node.Code} is missing."));
                break;
        }
        return problems;
    }

    public static InputKind ExpectedKind(ScoringMethod? method) => method switch
    {
        RubricMethod => InputKind.Level,
        RatioMethod => InputKind.Ratio,
        MetricMethod or SurveyMethod => InputKind.Value,
        _ => InputKind.Points,
    };

    private static string KindVi(InputKind kind) => kind switch
    {
        InputKind.Points => "số điểm",
        InputKind.Level => "một mức đánh giá",
        InputKind.Ratio => "tử số và mẫu số",
        InputKind.Value => "giá trị chỉ số",
        _ => "\"không phát sinh\"",
    };

    private static string KindEn(InputKind kind) => kind switch
    {
        InputKind.Points => "points",
        InputKind.Level => "a level",
        InputKind.Ratio => "a numerator and denominator",
        InputKind.Value => "a value",
        _ => "\"not applicable\"",
    };

    private static string Vi(decimal value) => value.ToString("0.####", CultureInfo.GetCultureInfo("vi-VN"));
    private static string En(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
