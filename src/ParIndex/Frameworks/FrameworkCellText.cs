using System.Globalization;
using System.Text;
using ParIndex.Core.Frameworks;
using ParIndex.Data.Tabular;

namespace ParIndex.Frameworks;

/// <summary>A reason a piece of text could not be read, in both languages.</summary>
public sealed record TextProblem(string Vi, string En);

/// <summary>
/// The small text notations an officer types in a workbook cell or an editor's text box: rubric levels
/// (<c>A=Hoàn thành 100 %:1 | B=Dưới 100 %:0,5</c>), brackets (<c>[80;100):1 | [50;80):0,5</c>), rule
/// conditions (<c>class &lt;= kha</c>, <c>top 1/3</c>), the enumerations in Vietnamese or English, and
/// decimals with a comma or a point. Formatting and parsing are inverse: what <c>Format…</c> writes,
/// <c>Parse…</c> reads back to an equal value (docs/framework-xlsx.md).
/// </summary>
public static class FrameworkCellText
{
    private static readonly NumberFormatInfo ViNumbers = new() { NumberDecimalSeparator = ",", NegativeSign = "-" };
    private const string Plain = "0.############################";

    /// <summary>Vietnamese decimal: 0,5 — the comma is the decimal mark, which is why lists use | and bounds use ;.</summary>
    public static string Number(decimal value) => value.ToString(Plain, ViNumbers);

    public static string Number(decimal? value) => value is { } v ? Number(v) : "";

    public static bool TryNumber(string? text, out decimal value) => Cells.TryDecimal(text, out value);

    // ---- enumerations ------------------------------------------------------------------------------

    public static string Kind(NodeKind kind) => kind switch
    {
        NodeKind.Group => "nhóm",
        NodeKind.Leaf => "tiêu chí",
        NodeKind.Bonus => "điểm thưởng",
        _ => "điểm trừ",
    };

    public static NodeKind? ParseKind(string text) => ColumnName.Normalize(text) switch
    {
        "nhom" or "group" or "linh_vuc" or "field" => NodeKind.Group,
        "tieu_chi" or "leaf" or "tieu_chi_thanh_phan" or "criterion" => NodeKind.Leaf,
        "diem_thuong" or "thuong" or "bonus" => NodeKind.Bonus,
        "diem_tru" or "tru" or "penalty" => NodeKind.Penalty,
        _ => null,
    };

    public const string KindChoices = "nhóm, tiêu chí, điểm thưởng, điểm trừ";
    public const string KindChoicesEn = "group, leaf, bonus, penalty";

    public static string? ParseMethodType(string text) => ColumnName.Normalize(text) switch
    {
        "manual" or "nhap_diem" => "manual",
        "rubric" or "chon_muc" or "theo_muc" => "rubric",
        "ratio" or "ty_le" => "ratio",
        "metric" or "chi_so" or "chi_so_du_lieu" => "metric",
        "survey" or "khao_sat" => "survey",
        _ => null,
    };

    public const string MethodChoices = "manual, rubric, ratio, metric, survey";

    public static string Mode(PointsMode mode) => mode switch
    {
        PointsMode.Proportional => "proportional",
        PointsMode.Threshold => "threshold",
        _ => "brackets",
    };

    public static PointsMode? ParseMode(string text) => ColumnName.Normalize(text) switch
    {
        "proportional" or "ty_le_thuan" or "theo_ty_le" => PointsMode.Proportional,
        "threshold" or "nguong" or "theo_nguong" => PointsMode.Threshold,
        "brackets" or "khung_diem" or "theo_khung" => PointsMode.Brackets,
        _ => null,
    };

    public const string ModeChoices = "proportional, threshold, brackets";

    public static string NotApplicable(NotApplicablePolicy policy) => policy switch
    {
        NotApplicablePolicy.NotAllowed => "notAllowed",
        NotApplicablePolicy.FullPoints => "fullPoints",
        _ => "removeFromMaximum",
    };

    public static NotApplicablePolicy? ParseNotApplicable(string? text) => text is null ? NotApplicablePolicy.NotAllowed : ColumnName.Normalize(text) switch
    {
        "" or "notallowed" or "not_allowed" or "khong_cho_phep" or "khong" => NotApplicablePolicy.NotAllowed,
        "fullpoints" or "full_points" or "du_diem" or "tinh_du_diem" => NotApplicablePolicy.FullPoints,
        "removefrommaximum" or "remove_from_maximum" or "bo_khoi_diem_toi_da" or "giam_diem_toi_da" => NotApplicablePolicy.RemoveFromMaximum,
        _ => null,
    };

    public const string NotApplicableChoices = "notAllowed, fullPoints, removeFromMaximum";

    public static string YesNo(bool value) => value ? "có" : "không";

    public static bool? ParseYesNo(string? text) => text is null ? false : ColumnName.Normalize(text) switch
    {
        "co" or "x" or "yes" or "y" or "true" or "1" or "bat_buoc" => true,
        "" or "khong" or "no" or "n" or "false" or "0" => false,
        _ => null,
    };

    public static string OutcomeKind(OutcomeKind kind) => kind == Core.Frameworks.OutcomeKind.Reward ? "khen thưởng" : "kỷ luật";

    public static OutcomeKind? ParseOutcomeKind(string text) => ColumnName.Normalize(text) switch
    {
        "khen_thuong" or "reward" => Core.Frameworks.OutcomeKind.Reward,
        "ky_luat" or "xu_ly" or "xem_xet_xu_ly" or "discipline" => Core.Frameworks.OutcomeKind.Discipline,
        _ => null,
    };

    // ---- rubric levels -----------------------------------------------------------------------------

    /// <summary><c>A=Hoàn thành 100 %:1 | B=Từ 80 % đến dưới 100 %:0,5</c>.</summary>
    public static string Levels(IEnumerable<RubricLevel> levels, string separator = " | ") =>
        string.Join(separator, levels.Select(l => $"{Escape(l.Code, "=:")}={Escape(l.LabelVi, "")}:{Number(l.Points)}"));

    /// <summary>English labels by level code, for the levels that have one: <c>A=Plan fully done | C=Below 80 %</c>.</summary>
    public static string LevelLabelsEn(IEnumerable<RubricLevel> levels, string separator = " | ") =>
        string.Join(separator, levels.Where(l => !string.IsNullOrEmpty(l.LabelEn)).Select(l => $"{Escape(l.Code, "=:")}={Escape(l.LabelEn!, "")}"));

    public static IReadOnlyList<RubricLevel> ParseLevels(string? text, string? labelsEn, List<TextProblem> problems)
    {
        var levels = new List<RubricLevel>();
        foreach (var item in SplitItems(text))
        {
            var equals = item.FirstUnescaped('=');
            var colon = item.LastUnescaped(':');
            if (equals < 0 || colon < equals)
            {
                problems.Add(new($"mức «{item.Raw}» phải viết dạng MÃ=Tên mức:điểm (ví dụ A=Hoàn thành 100 %:1)",
                    $"the level “{item.Raw}” must read CODE=Label:points (e.g. A=Plan fully done:1)"));
                continue;
            }
            var code = item.Text(0, equals).Trim();
            var label = item.Text(equals + 1, colon).Trim();
            var pointsText = item.Text(colon + 1, item.Length).Trim();
            if (!TryNumber(pointsText, out var points))
            {
                problems.Add(new($"mức «{code}»: điểm «{pointsText}» không phải là số", $"level “{code}”: the points “{pointsText}” are not a number"));
                continue;
            }
            levels.Add(new RubricLevel { Code = code, LabelVi = label, Points = points });
        }

        foreach (var item in SplitItems(labelsEn))
        {
            var equals = item.FirstUnescaped('=');
            if (equals < 0)
            {
                problems.Add(new($"nhãn tiếng Anh «{item.Raw}» phải viết dạng MÃ=Nhãn", $"the English label “{item.Raw}” must read CODE=Label"));
                continue;
            }
            var code = item.Text(0, equals).Trim();
            var index = levels.FindIndex(l => l.Code == code);
            if (index < 0)
                problems.Add(new($"nhãn tiếng Anh cho mức «{code}» nhưng không có mức này", $"an English label for the level “{code}”, which does not exist"));
            else if (levels[index].LabelEn is not null)
                problems.Add(new($"mức «{code}» có hai nhãn tiếng Anh", $"the level “{code}” has two English labels"));
            else
                levels[index] = levels[index] with { LabelEn = item.Text(equals + 1, item.Length).Trim() };
        }
        return levels;
    }

    // ---- brackets ----------------------------------------------------------------------------------

    /// <summary><c>[80;100):1 | [50;80):0,5 | [;50):0</c> — an empty bound is open.</summary>
    public static string Brackets(IEnumerable<Bracket> brackets, string separator = " | ") =>
        string.Join(separator, brackets.Select(b => $"[{Number(b.From)};{Number(b.To)}):{Number(b.Points)}"));

    public static IReadOnlyList<Bracket> ParseBrackets(string? text, List<TextProblem> problems)
    {
        var brackets = new List<Bracket>();
        foreach (var item in SplitItems(text))
        {
            var raw = item.Text(0, item.Length).Trim();
            var colon = raw.LastIndexOf(':');
            if (colon < 0 || !TryRange(raw[..colon].Trim(), out var from, out var to))
            {
                problems.Add(new($"khung «{raw}» phải viết dạng [từ;đến):điểm, ví dụ [80;100):1 hoặc [;50):0 (để trống cận không giới hạn)",
                    $"the bracket “{raw}” must read [from;to):points, e.g. [80;100):1 or [;50):0 (an empty bound is open)"));
                continue;
            }
            var pointsText = raw[(colon + 1)..].Trim();
            if (!TryNumber(pointsText, out var points))
            {
                problems.Add(new($"khung «{raw}»: điểm «{pointsText}» không phải là số", $"the bracket “{raw}”: the points “{pointsText}” are not a number"));
                continue;
            }
            brackets.Add(new Bracket { From = from, To = to, Points = points });
        }
        return brackets;
    }

    private static bool TryRange(string range, out decimal? from, out decimal? to)
    {
        from = to = null;
        if (range.StartsWith('[') && range.EndsWith(')'))
        {
            var parts = range[1..^1].Split(';');
            return parts.Length == 2 && TryBound(parts[0], out from) && TryBound(parts[1], out to);
        }
        foreach (var prefix in (string[])[">=", "≥"])
            if (range.StartsWith(prefix, StringComparison.Ordinal))
                return TryBound(range[prefix.Length..], out from) && from is not null;
        if (range.StartsWith('<') && !range.StartsWith("<=", StringComparison.Ordinal))
            return TryBound(range[1..], out to) && to is not null;
        return false;
    }

    private static bool TryBound(string text, out decimal? bound)
    {
        bound = null;
        var t = text.Trim();
        if (t is "" or "∞" or "+∞" or "-∞" or "−∞")
            return true;
        if (!TryNumber(t, out var value))
            return false;
        bound = value;
        return true;
    }

    // ---- rule conditions ---------------------------------------------------------------------------

    /// <summary><c>class &lt;= kha</c>, <c>previous.class &lt;= kha</c>, <c>class &gt;= tot</c>, <c>rankDropped</c>, <c>top 1/3</c>, <c>index &gt;= 80 and index &lt; 90</c>.</summary>
    public static string Condition(RuleCondition condition) => condition switch
    {
        ClassCondition c => Bounds(c.Year == RuleYear.Previous ? "previous.class" : "class", (">=", c.AtLeast), ("<=", c.AtMost)),
        TopFractionCondition t => $"top {t.Numerator}/{t.Denominator}",
        RankDroppedCondition => "rankDropped",
        IndexCondition i => Bounds("index", (">=", i.AtLeast is { } low ? Number(low) : null), ("<", i.Below is { } high ? Number(high) : null)),
        _ => "",
    };

    private static string Bounds(string subject, params (string Op, string? Value)[] bounds)
    {
        var parts = bounds.Where(b => b.Value is not null).Select(b => $"{subject} {b.Op} {b.Value}").ToList();
        return parts.Count == 0 ? subject : string.Join(" and ", parts);
    }

    public static RuleCondition? ParseCondition(string text, List<TextProblem> problems)
    {
        var t = text.Trim();
        var key = ColumnName.Normalize(t);
        if (key is "rankdropped" or "rank_dropped" or "tut_hang")
            return new RankDroppedCondition();
        if (key.StartsWith("top_", StringComparison.Ordinal) || key.StartsWith("thuoc_top_", StringComparison.Ordinal))
        {
            var fraction = t[(t.IndexOf("top", StringComparison.OrdinalIgnoreCase) + 3)..].Split('/');
            if (fraction.Length == 2 && Cells.TryInt(fraction[0], out var n) && Cells.TryInt(fraction[1], out var d))
                return new TopFractionCondition { Numerator = n, Denominator = d };
            problems.Add(new($"điều kiện «{t}»: tỷ lệ phải viết dạng top 1/3", $"the condition “{t}”: the fraction must read top 1/3"));
            return null;
        }

        string? subject = null;
        var bounds = new List<(string Op, string Value)>();
        foreach (var part in SplitAnd(t))
        {
            var (partSubject, op, value) = SplitComparison(part);
            if (partSubject.Length > 0)
            {
                if (subject is not null && Subject(partSubject) != Subject(subject))
                {
                    problems.Add(new($"điều kiện «{t}»: hai vế nối bằng and phải cùng một đại lượng", $"the condition “{t}”: both sides of and must compare the same thing"));
                    return null;
                }
                subject ??= partSubject;
            }
            if (op is not null)
                bounds.Add((op, value));
            else if (partSubject.Length == 0)
            {
                problems.Add(new($"điều kiện «{t}» không đọc được", $"the condition “{t}” cannot be read"));
                return null;
            }
        }

        switch (subject is null ? null : Subject(subject))
        {
            case "class" or "previous.class":
            {
                var condition = new ClassCondition { Year = Subject(subject!) == "class" ? RuleYear.Current : RuleYear.Previous };
                foreach (var (op, value) in bounds)
                {
                    if (op == ">=" && condition.AtLeast is null)
                        condition = condition with { AtLeast = value };
                    else if (op == "<=" && condition.AtMost is null)
                        condition = condition with { AtMost = value };
                    else
                        return Unreadable(t, "xếp loại chỉ so sánh bằng >= (từ … trở lên) hoặc <= (từ … trở xuống), mỗi loại một lần",
                            "a class is compared with >= (or better) or <= (or worse), each at most once", problems);
                }
                return condition;
            }
            case "index":
            {
                var condition = new IndexCondition();
                foreach (var (op, value) in bounds)
                {
                    if (!TryNumber(value, out var number))
                        return Unreadable(t, $"«{value}» không phải là số", $"“{value}” is not a number", problems);
                    if (op == ">=" && condition.AtLeast is null)
                        condition = condition with { AtLeast = number };
                    else if (op == "<" && condition.Below is null)
                        condition = condition with { Below = number };
                    else
                        return Unreadable(t, "chỉ số chỉ so sánh bằng >= (từ … trở lên) hoặc < (dưới …), mỗi loại một lần",
                            "an index is compared with >= (at least) or < (below), each at most once", problems);
                }
                return condition;
            }
            default:
                return Unreadable(t, "viết một trong các dạng: class <= kha, previous.class <= kha, class >= tot, rankDropped, top 1/3, index >= 80, index < 50",
                    "write one of: class <= kha, previous.class <= kha, class >= tot, rankDropped, top 1/3, index >= 80, index < 50", problems);
        }
    }

    private static RuleCondition? Unreadable(string text, string vi, string en, List<TextProblem> problems)
    {
        problems.Add(new($"điều kiện «{text}»: {vi}", $"the condition “{text}”: {en}"));
        return null;
    }

    private static string? Subject(string subject) => ColumnName.Normalize(subject) switch
    {
        "class" or "xep_loai" => "class",
        "previous_class" or "prev_class" or "previous_year_class" or "xep_loai_nam_truoc" => "previous.class",
        "index" or "chi_so" => "index",
        _ => null,
    };

    private static IEnumerable<string> SplitAnd(string text)
    {
        var parts = new List<string>();
        var rest = text;
        while (true)
        {
            var at = IndexOfAnd(rest, out var length);
            if (at < 0)
            {
                parts.Add(rest);
                return parts;
            }
            parts.Add(rest[..at]);
            rest = rest[(at + length)..];
        }
    }

    private static int IndexOfAnd(string text, out int length)
    {
        foreach (var word in (string[])[" and ", " và ", "&&"])
        {
            var at = text.IndexOf(word, StringComparison.OrdinalIgnoreCase);
            if (at >= 0)
            {
                length = word.Length;
                return at;
            }
        }
        length = 0;
        return -1;
    }

    private static (string Subject, string? Op, string Value) SplitComparison(string part)
    {
        (string Text, string Op)[] operators = [(">=", ">="), ("≥", ">="), ("<=", "<="), ("≤", "<="), ("<", "<"), (">", ">"), ("=", "=")];
        foreach (var (opText, op) in operators)
        {
            var at = part.IndexOf(opText, StringComparison.Ordinal);
            if (at >= 0)
                return (part[..at].Trim(), op, part[(at + opText.Length)..].Trim());
        }
        return (part.Trim(), null, "");
    }

    // ---- lists with escapes ------------------------------------------------------------------------

    /// <summary>Backslash escapes the characters that separate parts; | and line breaks separate items.</summary>
    private static string Escape(string text, string extra)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '\\' or '|' or '\n' or '\r' || extra.Contains(c))
                builder.Append('\\');
            builder.Append(c);
        }
        return builder.ToString();
    }

    private sealed class Item(List<(char C, bool Escaped)> chars)
    {
        public int Length => chars.Count;
        public string Raw => Text(0, chars.Count).Trim();
        public string Text(int from, int to) => new(chars.Skip(from).Take(to - from).Select(c => c.C).ToArray());

        public int FirstUnescaped(char c) => chars.FindIndex(x => x.C == c && !x.Escaped);

        public int LastUnescaped(char c) => chars.FindLastIndex(x => x.C == c && !x.Escaped);
    }

    private static IEnumerable<Item> SplitItems(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            yield break;
        var current = new List<(char, bool)>();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\\' && i + 1 < text.Length)
            {
                current.Add((text[++i], true));
                continue;
            }
            if (c is '|' or '\n' or '\r')
            {
                if (current.Any(x => !char.IsWhiteSpace(x.Item1)))
                    yield return new Item(current);
                current = [];
                continue;
            }
            current.Add((c, false));
        }
        if (current.Any(x => !char.IsWhiteSpace(x.Item1)))
            yield return new Item(current);
    }
}
