using System.Globalization;
using ParIndex.Core.Frameworks;
using ParIndex.Core.Inputs;
using ParIndex.Core.Scoring;
using ParIndex.Data.Tabular;
using ParIndex.Evidence;
using ParIndex.Units.Pages;
using static ParIndex.Web.Text;

namespace ParIndex.Assessments.Pages;

/// <summary>The input fields of one leaf as a form posts them (text, so that a refused value is shown again as typed).</summary>
public sealed class LeafFields
{
    public string? Points { get; set; }
    public string? Level { get; set; }
    public string? Numerator { get; set; }
    public string? Denominator { get; set; }
    public bool NotApplicable { get; set; }

    public static LeafFields Of(LeafInput? input) => new()
    {
        Points = Show(input?.Points), Level = input?.Level, Numerator = Show(input?.Numerator), Denominator = Show(input?.Denominator),
        NotApplicable = input?.Kind == InputKind.NotApplicable,
    };

    /// <summary>The input the fields describe for the node's method; null when nothing was typed; errors for numbers that do not parse.</summary>
    public LeafInput? Parse(FrameworkNode node, FormErrors errors)
    {
        if (NotApplicable)
            return LeafInput.NotApplicableInput;
        decimal? Number(string field, string? text, string label)
        {
            if (string.IsNullOrWhiteSpace(text))
                return null;
            if (Cells.TryDecimal(text, out var value))
                return value;
            errors.Add(field, T($"{label} '{text}' không phải là số.", $"{label} '{text}' is not a number."));
            return null;
        }
        return LeafInputValidator.ExpectedKind(node.Method) switch
        {
            InputKind.Level => string.IsNullOrWhiteSpace(Level) ? null : LeafInput.OfLevel(Level.Trim()),
            InputKind.Ratio when string.IsNullOrWhiteSpace(Numerator) && string.IsNullOrWhiteSpace(Denominator) => null,
            InputKind.Ratio => new LeafInput { Kind = InputKind.Ratio, Numerator = Number("numerator", Numerator, T("Tử số", "The numerator")), Denominator = Number("denominator", Denominator, T("Mẫu số", "The denominator")) },
            InputKind.Value => null,
            _ => string.IsNullOrWhiteSpace(Points) ? null : new LeafInput { Kind = InputKind.Points, Points = Number("points", Points, T("Điểm", "The points")) },
        };
    }

    public static string? Show(decimal? value) => value?.ToString("0.####", CultureInfo.CurrentCulture);
}

/// <summary>What the leaf-input partial needs: the node, the field values, the errors and the id prefix of this form.</summary>
public sealed record LeafInputModel(FrameworkNode Node, LeafFields Fields, FormErrors Errors, string IdPrefix, string NamePrefix = "");

/// <summary>Labels the campaign pages share.</summary>
public static class CampaignText
{
    public static string SelfPath(int year) => $"/don-vi/tu-danh-gia/{year}";
    public static string ExplanationPath(int year) => $"/don-vi/giai-trinh/{year}";
    public static string AppraisalPath(int year) => $"/tham-dinh/{year}";
    public static string UploadFormPath(int year, string unit) => $"/api/v1/years/{year}/units/{Uri.EscapeDataString(unit)}/evidence/upload-form";
    public static string ReportPath(int year, string unit, string format) => $"/api/v1/years/{year}/units/{Uri.EscapeDataString(unit)}/self-assessment/report?format={format}";
    public static string ZipPath(int year, string unit) => $"/api/v1/years/{year}/units/{Uri.EscapeDataString(unit)}/evidence.zip";

    public static string Status(AssessmentStatus status) => status switch
    {
        AssessmentStatus.Submitted => T("Đã gửi", "Submitted"),
        _ => T("Đang tự đánh giá", "In progress"),
    };

    public static string Verdict(EvidenceVerdict? verdict) => verdict switch
    {
        EvidenceVerdict.Accepted => T("Chấp nhận", "Accepted"),
        EvidenceVerdict.Insufficient => T("Chưa đủ", "Insufficient"),
        EvidenceVerdict.Irrelevant => T("Không phù hợp", "Irrelevant"),
        _ => T("Chưa kết luận", "No verdict yet"),
    };

    public static string State(AppraisalState state) => state switch
    {
        AppraisalState.Undecided => T("Chưa thẩm định", "Not appraised"),
        AppraisalState.Accepted => T("Giữ nguyên", "Accepted"),
        AppraisalState.Adjusted => T("Điều chỉnh, chờ giải trình", "Adjusted, awaiting explanation"),
        AppraisalState.Explained => T("Đã giải trình, chờ thẩm định lại", "Explained, awaiting reappraisal"),
        _ => T("Đã thẩm định lại", "Reappraised"),
    };

    public static string Decision(AppraisalDto decision) => decision.Decision == AppraisalDecision.Accepted
        ? T("Giữ nguyên", "Accepted")
        : T($"Điều chỉnh thành {InputText(decision.Input)} ({Number(decision.Points)} điểm)", $"Adjusted to {InputText(decision.Input)} ({Number(decision.Points)} points)");

    public static string InputText(LeafInput? input) => input is null ? T("chưa chấm", "not scored") : AssessmentService.InputText(input);

    public static string Size(long bytes) => bytes < 1024 * 1024 ? $"{Number(bytes / 1024m, 0)} KB" : $"{Number(bytes / 1024m / 1024m, 1)} MB";

    public static string DocumentLine(EvidenceDto d)
    {
        var parts = new[] { d.DocumentNumber, d.DocumentDate is { } date ? Date(date) : null, d.IssuingBody }.Where(p => !string.IsNullOrWhiteSpace(p));
        var described = string.Join(", ", parts);
        return described.Length == 0 ? "" : $" ({described})";
    }
}
