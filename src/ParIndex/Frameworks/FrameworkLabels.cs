using System.Globalization;
using ParIndex.Core.Frameworks;
using static ParIndex.Web.Text;

namespace ParIndex.Frameworks;

/// <summary>How a framework's parts read on the administrator's pages, in the reader's language.</summary>
public static class FrameworkLabels
{
    /// <summary>A point value as written in the reader's language: 0,5 in Vietnamese, 0.5 in English; no padding zeros.</summary>
    public static string Points(decimal value) =>
        Web.UiLanguage.IsEnglish ? value.ToString("0.############################", CultureInfo.InvariantCulture) : FrameworkCellText.Number(value);

    public static string Points(decimal? value) => value is { } v ? Points(v) : "—";

    public static string Status(FrameworkStatus status) => status switch
    {
        FrameworkStatus.Draft => T("Nháp", "Draft"),
        FrameworkStatus.Published => T("Đã ban hành", "Published"),
        _ => T("Đã thay thế", "Superseded"),
    };

    public static string Kind(FrameworkNode node, int depth) => node.Kind switch
    {
        NodeKind.Bonus => T("Điểm thưởng", "Bonus"),
        NodeKind.Penalty => T("Điểm trừ", "Penalty"),
        NodeKind.Group when depth == 0 => T("Lĩnh vực", "Field"),
        NodeKind.Group => T("Nhóm tiêu chí", "Group"),
        _ when depth >= 2 => T("Tiêu chí thành phần", "Sub-criterion"),
        _ => T("Tiêu chí", "Criterion"),
    };

    public static string KindChoice(NodeKind kind) => kind switch
    {
        NodeKind.Group => T("Nhóm (lĩnh vực, tiêu chí có tiêu chí con)", "Group (field, or criterion with sub-criteria)"),
        NodeKind.Leaf => T("Tiêu chí chấm điểm", "Scored criterion"),
        NodeKind.Bonus => T("Điểm thưởng", "Bonus points"),
        _ => T("Điểm trừ", "Penalty points"),
    };

    public static string MethodName(string type) => type switch
    {
        "manual" => T("Nhập điểm", "Points typed in"),
        "rubric" => T("Chọn mức", "Rubric levels"),
        "ratio" => T("Tỷ lệ (tử số/mẫu số)", "Ratio (numerator/denominator)"),
        "metric" => T("Chỉ số dữ liệu", "Data metric"),
        "survey" => T("Kết quả khảo sát", "Survey result"),
        _ => type,
    };

    public static string ModeName(PointsMode mode) => mode switch
    {
        PointsMode.Proportional => T("tỷ lệ thuận", "proportional"),
        PointsMode.Threshold => T("theo ngưỡng", "by threshold"),
        _ => T("theo khung điểm", "by brackets"),
    };

    /// <summary>One line: "Chỉ số dossiers.on_time_rate, theo ngưỡng 90".</summary>
    public static string Method(ScoringMethod? method) => method switch
    {
        null => "—",
        ManualMethod { Step: { } step } => $"{MethodName("manual")}, {T("bước", "step")} {Points(step)}",
        ManualMethod => MethodName("manual"),
        RubricMethod rubric => $"{MethodName("rubric")}: {string.Join(" · ", rubric.Levels.Select(l => $"{l.Code} {Points(l.Points)}"))}",
        RatioMethod ratio => $"{MethodName("ratio")}, {Rule(ratio.Rule)}",
        MetricMethod metric => $"{MethodName("metric")} {metric.Metric}, {Rule(metric.Rule)}",
        SurveyMethod survey => $"{MethodName("survey")} {survey.Survey}",
        _ => method.TypeName,
    };

    private static string Rule(PointsRule rule) => rule.Mode switch
    {
        PointsMode.Threshold => $"{ModeName(rule.Mode)} {Points(rule.Threshold)}",
        PointsMode.Brackets => $"{ModeName(rule.Mode)} {string.Join(" · ", rule.Brackets.Select(b => $"{Range(b.From, b.To)}: {Points(b.Points)}"))}",
        _ => ModeName(rule.Mode),
    };

    public static string NotApplicable(NotApplicablePolicy policy) => policy switch
    {
        NotApplicablePolicy.NotAllowed => T("Không cho phép", "Not allowed"),
        NotApplicablePolicy.FullPoints => T("Tính đủ điểm", "Full points"),
        _ => T("Bỏ khỏi điểm tối đa", "Leaves the maximum"),
    };

    /// <summary>[80; 90), ≥ 90, &lt; 30.</summary>
    public static string Range(decimal? from, decimal? to) => (from, to) switch
    {
        ({ } f, { } t) => $"[{Points(f)}{T(";", ",")} {Points(t)})",
        ({ } f, null) => $"≥ {Points(f)}",
        (null, { } t) => $"< {Points(t)}",
        _ => T("mọi giá trị", "any value"),
    };

    public static string OutcomeKind(OutcomeKind kind) => kind == Core.Frameworks.OutcomeKind.Reward ? T("Khen thưởng", "Reward") : T("Kỷ luật", "Discipline");

    /// <summary>A rule condition in words, naming classes by their names: "Năm trước xếp loại Khá trở xuống".</summary>
    public static string Condition(RuleCondition condition, IReadOnlyList<ClassBand> classes)
    {
        string Class(string code) => classes.FirstOrDefault(c => c.Code == code)?.Name(Web.UiLanguage.Current) ?? code;
        return condition switch
        {
            ClassCondition c => $"{(c.Year == RuleYear.Previous ? T("Năm trước xếp loại", "Previous year's class") : T("Xếp loại", "Class"))} " + (c.AtLeast, c.AtMost) switch
            {
                // "At least Khá" is Khá or better; "at most Tốt" is Tốt or worse: together, Khá to Tốt.
                ({ } atLeast, { } atMost) => T($"từ {Class(atLeast)} đến {Class(atMost)}", $"from {Class(atLeast)} to {Class(atMost)}"),
                ({ } atLeast, null) => T($"{Class(atLeast)} trở lên", $"{Class(atLeast)} or better"),
                (null, { } atMost) => T($"{Class(atMost)} trở xuống", $"{Class(atMost)} or worse"),
                _ => T("bất kỳ", "any"),
            },
            TopFractionCondition t => T($"Thuộc {t.Numerator}/{t.Denominator} số đơn vị có điểm cao nhất của khối",
                $"Within the top {t.Numerator}/{t.Denominator} of the block"),
            RankDroppedCondition => T("Bị tụt hạng trong khối so với năm trước", "Dropped in rank within the block since the previous year"),
            IndexCondition i => (i.AtLeast, i.Below) switch
            {
                ({ } low, { } high) => T($"Chỉ số từ {Points(low)} đến dưới {Points(high)}", $"Index from {Points(low)} to below {Points(high)}"),
                ({ } low, null) => T($"Chỉ số từ {Points(low)} trở lên", $"Index {Points(low)} or more"),
                (null, { } high) => T($"Chỉ số dưới {Points(high)}", $"Index below {Points(high)}"),
                _ => T("Chỉ số bất kỳ", "Any index"),
            },
            _ => condition.GetType().Name,
        };
    }

    /// <summary>A node field's name as its label reads on the editor (and as the workbook's column is headed).</summary>
    public static string Field(NodeField field) => field switch
    {
        NodeField.Code => T("Mã", "Code"),
        NodeField.Parent => T("Mã cha", "Parent code"),
        NodeField.Kind => T("Loại", "Kind"),
        NodeField.Title => T("Tên", "Title"),
        NodeField.TitleEn => T("Tên tiếng Anh", "English title"),
        NodeField.Max => T("Điểm tối đa", "Maximum points"),
        NodeField.Method => T("Phương pháp", "Method"),
        NodeField.Step => T("Bước điểm", "Step"),
        NodeField.Levels => T("Các mức", "Levels"),
        NodeField.LevelsEn => T("Tên mức tiếng Anh", "English level labels"),
        NodeField.Numerator => T("Nhãn tử số", "Numerator label"),
        NodeField.Denominator => T("Nhãn mẫu số", "Denominator label"),
        NodeField.Metric => T("Chỉ số", "Metric"),
        NodeField.Mode => T("Cách tính điểm", "Points mode"),
        NodeField.Threshold => T("Ngưỡng", "Threshold"),
        NodeField.Brackets => T("Khung điểm", "Brackets"),
        NodeField.NotApplicable => T("Không phát sinh", "Not applicable"),
        NodeField.Evidence => T("Tài liệu kiểm chứng", "Evidence"),
        NodeField.LeadAgency => T("Cơ quan thẩm định", "Lead agency"),
        NodeField.LegalBasis => T("Căn cứ pháp lý", "Legal basis"),
        NodeField.Guidance => T("Hướng dẫn", "Guidance"),
        _ => T("Hướng dẫn tiếng Anh", "English guidance"),
    };
}
