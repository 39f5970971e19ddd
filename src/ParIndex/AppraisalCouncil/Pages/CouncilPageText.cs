using System.Globalization;
using ParIndex.Assessments;
using ParIndex.Core.Frameworks;
using ParIndex.Core.Inputs;
using ParIndex.Core.Scoring;
using ParIndex.Data.Tabular;
using ParIndex.Units.Pages;
using ParIndex.Web;
using static ParIndex.Web.Text;

namespace ParIndex.AppraisalCouncil.Pages;

/// <summary>What the council pages share: paths, input texts, and reading an input typed in a form.</summary>
public static class CouncilPageText
{
    public static string YearPath(int year) => $"/hoi-dong/{year}";

    public static string BlockPath(int year, string block) => $"{YearPath(year)}/{Uri.EscapeDataString(block)}";

    public static string UnitPath(int year, string block, string unit) => $"{BlockPath(year, block)}/{Uri.EscapeDataString(unit)}";

    public static string AppealsPath(int year) => $"{YearPath(year)}/phuc-khao";

    public static string Name(string vi, string? en) => UiLanguage.IsEnglish && !string.IsNullOrWhiteSpace(en) ? en : vi;

    public static string InputText(LeafInput? input) => input is null ? "—" : Results.Pages.Admin.ScoreEntryModel.InputText(input);

    public static string SourceText(ProposedSource source) => source switch
    {
        ProposedSource.Self => T("theo tự chấm", "self score"),
        ProposedSource.Appraised => T("theo thẩm định", "appraised"),
        ProposedSource.Data => T("từ dữ liệu", "from data"),
        _ => T("chưa có dữ liệu", "no input"),
    };

    public static string StatusText(CouncilStatusView status) => status.IsFinalised
        ? T($"Đã chốt lúc {DateTimeLocal(status.FinalisedAtUtc)} bởi {status.FinalisedBy}", $"Finalised at {DateTimeLocal(status.FinalisedAtUtc)} by {status.FinalisedBy}")
        : T("Đang xem xét (chưa chốt)", "Deliberating (not finalised)");

    /// <summary>An input typed in a council form, for the kind of input the node's method takes; null with errors when a number does not parse.</summary>
    public static LeafInput? ParseInput(FrameworkNode node, string? points, string? level, string? numerator, string? denominator, string? value, bool notApplicable, FormErrors errors)
    {
        if (notApplicable)
            return LeafInput.NotApplicableInput;
        decimal? Number(string field, string? text, string label)
        {
            if (string.IsNullOrWhiteSpace(text))
                return null;
            if (Cells.TryDecimal(text, out var parsed))
                return parsed;
            errors.Add(field, T($"{label} '{text}' không phải là số.", $"{label} '{text}' is not a number."));
            return null;
        }
        return LeafInputValidator.ExpectedKind(node.Method) switch
        {
            InputKind.Level => new LeafInput { Kind = InputKind.Level, Level = string.IsNullOrWhiteSpace(level) ? null : level.Trim() },
            InputKind.Ratio => new LeafInput { Kind = InputKind.Ratio, Numerator = Number("numerator", numerator, T("Tử số", "The numerator")), Denominator = Number("denominator", denominator, T("Mẫu số", "The denominator")) },
            InputKind.Value => new LeafInput { Kind = InputKind.Value, Value = Number("value", value, T("Giá trị", "The value")) },
            _ => new LeafInput { Kind = InputKind.Points, Points = Number("points", points, T("Điểm", "The points")) },
        };
    }

    public static string? Show(decimal? value) => value?.ToString("0.####", CultureInfo.CurrentCulture);

    /// <summary>Parses dd/MM/yyyy (or ISO) typed dates.</summary>
    public static DateOnly? ParseDate(string? text) => UnitPageText.ParseDate(text);

    public static int? ParseInt(string? text) => int.TryParse(text?.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;
}
