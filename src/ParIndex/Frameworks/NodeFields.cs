using ParIndex.Core.Frameworks;
using static ParIndex.Frameworks.FrameworkCellText;

namespace ParIndex.Frameworks;

/// <summary>The fields of a node as an officer types them: a row of the "Tiêu chí" sheet or the node editor's form.</summary>
public enum NodeField
{
    Code, Parent, Kind, Title, TitleEn, Max, Method, Step, Levels, LevelsEn, Numerator, Denominator,
    Metric, Mode, Threshold, Brackets, NotApplicable, Evidence, LeadAgency, LegalBasis, Guidance, GuidanceEn,
}

/// <summary>A problem with one field of a node, in both languages.</summary>
public sealed record NodeFieldProblem(NodeField Field, string Vi, string En);

/// <summary>
/// A node as text, field by field, and its conversion to and from <see cref="FrameworkNode"/>. Shared by the
/// workbook (one row per node) and the node editor, so both accept exactly the same notations. Reading
/// checks only what it must to build the node (numbers are numbers, names are known, a field belongs to the
/// chosen method); whether the framework adds up is the validator's job.
/// </summary>
public sealed class NodeFields
{
    private readonly Dictionary<NodeField, string?> values = [];

    public string? this[NodeField field]
    {
        get => values.TryGetValue(field, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
        set => values[field] = value;
    }

    /// <summary>The fields each method uses; any other method field left filled in is reported, not dropped.</summary>
    private static readonly Dictionary<string, NodeField[]> FieldsOfMethod = new()
    {
        ["manual"] = [NodeField.Step],
        ["rubric"] = [NodeField.Levels, NodeField.LevelsEn],
        ["ratio"] = [NodeField.Mode, NodeField.Threshold, NodeField.Brackets, NodeField.Numerator, NodeField.Denominator],
        ["metric"] = [NodeField.Metric, NodeField.Mode, NodeField.Threshold, NodeField.Brackets],
        ["survey"] = [NodeField.Metric],
    };

    private static readonly NodeField[] MethodFields =
        [NodeField.Step, NodeField.Levels, NodeField.LevelsEn, NodeField.Numerator, NodeField.Denominator, NodeField.Metric, NodeField.Mode, NodeField.Threshold, NodeField.Brackets];

    /// <param name="listSeparator">Between rubric levels and brackets: " | " in a cell, a line break in a text box.</param>
    public static NodeFields From(FrameworkNode node, string? parentCode, string listSeparator = " | ")
    {
        var fields = new NodeFields
        {
            [NodeField.Code] = node.Code,
            [NodeField.Parent] = parentCode,
            [NodeField.Kind] = Kind(node.Kind),
            [NodeField.Title] = node.TitleVi,
            [NodeField.TitleEn] = node.TitleEn,
            [NodeField.Max] = Number(node.MaxPoints),
            [NodeField.Method] = node.Method?.TypeName,
            [NodeField.NotApplicable] = node.NotApplicable == NotApplicablePolicy.NotAllowed ? null : NotApplicable(node.NotApplicable),
            [NodeField.Evidence] = node.EvidenceRequired ? YesNo(true) : null,
            [NodeField.LeadAgency] = node.LeadAgencyCode,
            [NodeField.LegalBasis] = node.LegalBasis,
            [NodeField.Guidance] = node.GuidanceVi,
            [NodeField.GuidanceEn] = node.GuidanceEn,
        };
        switch (node.Method)
        {
            case ManualMethod manual:
                fields[NodeField.Step] = Number(manual.Step);
                break;
            case RubricMethod rubric:
                fields[NodeField.Levels] = Levels(rubric.Levels, listSeparator);
                fields[NodeField.LevelsEn] = LevelLabelsEn(rubric.Levels, listSeparator);
                break;
            case RatioMethod ratio:
                fields.SetRule(ratio.Rule, listSeparator);
                fields[NodeField.Numerator] = ratio.NumeratorLabelVi;
                fields[NodeField.Denominator] = ratio.DenominatorLabelVi;
                break;
            case MetricMethod metric:
                fields[NodeField.Metric] = metric.Metric;
                fields.SetRule(metric.Rule, listSeparator);
                break;
            case SurveyMethod survey:
                fields[NodeField.Metric] = survey.Survey;
                break;
        }
        return fields;
    }

    private void SetRule(PointsRule rule, string listSeparator)
    {
        this[NodeField.Mode] = Mode(rule.Mode);
        this[NodeField.Threshold] = Number(rule.Threshold);
        this[NodeField.Brackets] = rule.Brackets.Count == 0 ? null : Brackets(rule.Brackets, listSeparator);
    }

    /// <summary>The node (without children), or null with the problems that prevented building it.</summary>
    public FrameworkNode? ToNode(List<NodeFieldProblem> problems)
    {
        var before = problems.Count;
        void Problem(NodeField field, string vi, string en) => problems.Add(new(field, vi, en));

        var code = this[NodeField.Code];
        if (code is null)
            Problem(NodeField.Code, "chưa có mã", "the code is missing");
        var title = this[NodeField.Title];
        if (title is null)
            Problem(NodeField.Title, "chưa có tên", "the title is missing");

        NodeKind? kind = NodeKind.Leaf;
        if (this[NodeField.Kind] is { } kindText && (kind = ParseKind(kindText)) is null)
            Problem(NodeField.Kind, $"loại «{kindText}» không hợp lệ; chọn một trong: {KindChoices}", $"the kind “{kindText}” is not valid; use one of: {KindChoicesEn}");
        if (this[NodeField.Kind] is null)
            Problem(NodeField.Kind, $"chưa có loại ({KindChoices})", $"the kind is missing ({KindChoicesEn})");

        var max = Decimal(NodeField.Max, "điểm tối đa", "the maximum", problems, required: true);

        var notApplicable = ParseNotApplicable(this[NodeField.NotApplicable]);
        if (notApplicable is null)
            Problem(NodeField.NotApplicable, $"«{this[NodeField.NotApplicable]}» không hợp lệ; chọn một trong: {NotApplicableChoices}",
                $"“{this[NodeField.NotApplicable]}” is not valid; use one of: {NotApplicableChoices}");
        var evidence = ParseYesNo(this[NodeField.Evidence]);
        if (evidence is null)
            Problem(NodeField.Evidence, $"«{this[NodeField.Evidence]}» không hợp lệ; ghi «có» hoặc «không»", $"“{this[NodeField.Evidence]}” is not valid; write yes or no");

        var method = Method(problems);
        if (problems.Count > before)
            return null;
        return new FrameworkNode
        {
            Code = code!,
            TitleVi = title!,
            TitleEn = this[NodeField.TitleEn],
            Kind = kind!.Value,
            MaxPoints = max!.Value,
            Method = method,
            NotApplicable = notApplicable!.Value,
            EvidenceRequired = evidence!.Value,
            LeadAgencyCode = this[NodeField.LeadAgency],
            LegalBasis = this[NodeField.LegalBasis],
            GuidanceVi = this[NodeField.Guidance],
            GuidanceEn = this[NodeField.GuidanceEn],
        };
    }

    private ScoringMethod? Method(List<NodeFieldProblem> problems)
    {
        var typeText = this[NodeField.Method];
        string? type = null;
        if (typeText is not null && (type = ParseMethodType(typeText)) is null)
        {
            problems.Add(new(NodeField.Method, $"phương pháp «{typeText}» không hợp lệ; chọn một trong: {MethodChoices}",
                $"the method “{typeText}” is not valid; use one of: {MethodChoices}"));
            return null;
        }
        var used = type is null ? [] : FieldsOfMethod[type];
        foreach (var field in MethodFields.Where(f => this[f] is not null && !used.Contains(f)))
            problems.Add(new(field, type is null
                    ? "ô này chỉ dùng khi có phương pháp chấm điểm; hãy chọn phương pháp hoặc xóa nội dung ô"
                    : $"ô này không dùng cho phương pháp {type}; hãy xóa nội dung ô hoặc đổi phương pháp",
                type is null
                    ? "this field is used only with a scoring method; choose a method or clear the field"
                    : $"this field is not used by the {type} method; clear it or change the method"));

        var textProblems = new List<TextProblem>();
        ScoringMethod? method = null;
        switch (type)
        {
            case "manual":
                method = new ManualMethod { Step = Decimal(NodeField.Step, "bước điểm", "the step", problems) };
                break;
            case "rubric":
                var levels = ParseLevels(this[NodeField.Levels], this[NodeField.LevelsEn], textProblems);
                Report(NodeField.Levels, textProblems, problems);
                method = new RubricMethod { Levels = levels };
                break;
            case "ratio":
                method = Rule(problems) is { } ratioRule
                    ? new RatioMethod { Rule = ratioRule, NumeratorLabelVi = this[NodeField.Numerator], DenominatorLabelVi = this[NodeField.Denominator] }
                    : null;
                break;
            case "metric":
                var metric = this[NodeField.Metric];
                if (metric is null)
                    problems.Add(new(NodeField.Metric, "phương pháp metric cần tên chỉ số (ví dụ dossiers.on_time_rate)", "the metric method needs a metric name (e.g. dossiers.on_time_rate)"));
                method = Rule(problems) is { } metricRule && metric is not null ? new MetricMethod { Metric = metric, Rule = metricRule } : null;
                break;
            case "survey":
                var survey = this[NodeField.Metric];
                if (survey is null)
                    problems.Add(new(NodeField.Metric, "phương pháp survey cần tên kết quả khảo sát (ví dụ sipas.overall)", "the survey method needs a survey name (e.g. sipas.overall)"));
                else
                    method = new SurveyMethod { Survey = survey };
                break;
        }
        return method;
    }

    private PointsRule? Rule(List<NodeFieldProblem> problems)
    {
        var modeText = this[NodeField.Mode];
        PointsMode? mode = null;
        if (modeText is null)
            problems.Add(new(NodeField.Mode, $"chưa có cách tính điểm ({ModeChoices})", $"the points mode is missing ({ModeChoices})"));
        else if ((mode = ParseMode(modeText)) is null)
            problems.Add(new(NodeField.Mode, $"cách tính «{modeText}» không hợp lệ; chọn một trong: {ModeChoices}", $"the points mode “{modeText}” is not valid; use one of: {ModeChoices}"));
        var threshold = Decimal(NodeField.Threshold, "ngưỡng", "the threshold", problems);
        var textProblems = new List<TextProblem>();
        var brackets = ParseBrackets(this[NodeField.Brackets], textProblems);
        Report(NodeField.Brackets, textProblems, problems);
        return mode is null ? null : new PointsRule { Mode = mode.Value, Threshold = threshold, Brackets = brackets };
    }

    private decimal? Decimal(NodeField field, string vi, string en, List<NodeFieldProblem> problems, bool required = false)
    {
        var text = this[field];
        if (text is null)
        {
            if (required)
                problems.Add(new(field, $"chưa có {vi}", $"{en} is missing"));
            return null;
        }
        if (TryNumber(text, out var value))
            return value;
        problems.Add(new(field, $"{vi} «{text}» không phải là số (ví dụ 2 hoặc 0,5)", $"{en} “{text}” is not a number (e.g. 2 or 0.5)"));
        return null;
    }

    private static void Report(NodeField field, List<TextProblem> textProblems, List<NodeFieldProblem> problems)
    {
        problems.AddRange(textProblems.Select(p => new NodeFieldProblem(field, p.Vi, p.En)));
        textProblems.Clear();
    }
}
