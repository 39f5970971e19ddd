using System.Globalization;

namespace ParIndex.Core.Frameworks;

/// <summary>Wording shared by the problem messages: numbers, node names and ranges in both languages.</summary>
internal static class ProblemText
{
    // Vietnamese writes 5,5 where English writes 5.5. A fixed format object rather than the vi-VN culture,
    // so messages are the same whether or not the host has ICU data, and no thousands separator is added.
    private static readonly NumberFormatInfo ViNumbers = new() { NumberDecimalSeparator = ",", NegativeSign = "-" };
    private const string Plain = "0.############################";

    public static string Vi(decimal value) => value.ToString(Plain, ViNumbers);

    public static string En(decimal value) => value.ToString(Plain, CultureInfo.InvariantCulture);

    /// <summary>"Lĩnh vực 3", "Tiêu chí 3.2", "Tiêu chí thành phần 3.2.1", "Điểm thưởng 9.1", "Điểm trừ 9.2".</summary>
    public static string NodeVi(FrameworkNode node, int depth) => $"{KindVi(node, depth)} {Name(node)}";

    public static string NodeEn(FrameworkNode node, int depth) => $"{KindEn(node, depth)} {Name(node)}";

    private static string KindVi(FrameworkNode node, int depth) => node.Kind switch
    {
        NodeKind.Bonus => "Điểm thưởng",
        NodeKind.Penalty => "Điểm trừ",
        NodeKind.Group when depth == 0 => "Lĩnh vực",
        _ when depth >= 2 => "Tiêu chí thành phần",
        _ => "Tiêu chí",
    };

    private static string KindEn(FrameworkNode node, int depth) => node.Kind switch
    {
        NodeKind.Bonus => "Bonus item",
        NodeKind.Penalty => "Penalty item",
        NodeKind.Group when depth == 0 => "Field",
        _ when depth >= 2 => "Sub-criterion",
        _ => "Criterion",
    };

    // A node without a usable code is named by its title so the reader can still find it.
    private static string Name(FrameworkNode node) =>
        !string.IsNullOrWhiteSpace(node.Code) ? node.Code : $"«{node.TitleVi}»";

    /// <summary>[70; 80), ≥ 80, &lt; 50 — Vietnamese separates bounds with ";" because "," is the decimal mark.</summary>
    public static string RangeVi(decimal? from, decimal? to) => (from, to) switch
    {
        ({ } f, { } t) => $"[{Vi(f)}; {Vi(t)})",
        ({ } f, null) => $"≥ {Vi(f)}",
        (null, { } t) => $"< {Vi(t)}",
        _ => "mọi giá trị",
    };

    public static string RangeEn(decimal? from, decimal? to) => (from, to) switch
    {
        ({ } f, { } t) => $"[{En(f)}, {En(t)})",
        ({ } f, null) => $"≥ {En(f)}",
        (null, { } t) => $"< {En(t)}",
        _ => "any value",
    };

    public static string MethodVi(ScoringMethod method) => method switch
    {
        ManualMethod => "nhập điểm",
        RubricMethod => "chọn mức",
        RatioMethod => "tỷ lệ",
        MetricMethod => "chỉ số dữ liệu",
        SurveyMethod => "khảo sát",
        _ => method.TypeName,
    };
}
