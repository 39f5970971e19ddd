using ParIndex.Core;
using static ParIndex.Web.Text;

namespace ParIndex.Campaign;

/// <summary>Names of phases in both languages, and the short names used in URLs and on the command line.</summary>
public static class PhaseLabels
{
    public static readonly IReadOnlyList<CampaignPhaseKind> All = Enum.GetValues<CampaignPhaseKind>();

    public static string NameVi(CampaignPhaseKind kind) => kind switch
    {
        CampaignPhaseKind.SelfAssessment => "tự đánh giá",
        CampaignPhaseKind.Appraisal => "thẩm định",
        CampaignPhaseKind.Explanation => "giải trình",
        CampaignPhaseKind.Reappraisal => "thẩm định lại",
        CampaignPhaseKind.Council => "hội đồng thẩm định",
        CampaignPhaseKind.Publication => "công bố",
        CampaignPhaseKind.Reexamination => "phúc khảo",
        _ => kind.ToString(),
    };

    public static string NameEn(CampaignPhaseKind kind) => kind switch
    {
        CampaignPhaseKind.SelfAssessment => "self-assessment",
        CampaignPhaseKind.Appraisal => "appraisal",
        CampaignPhaseKind.Explanation => "explanation",
        CampaignPhaseKind.Reappraisal => "re-appraisal",
        CampaignPhaseKind.Council => "council",
        CampaignPhaseKind.Publication => "publication",
        CampaignPhaseKind.Reexamination => "re-examination (appeal)",
        _ => kind.ToString(),
    };

    public static string Name(CampaignPhaseKind kind) => T(NameVi(kind), NameEn(kind));

    public static string Name(CampaignPhaseKind kind, Language language) => language == Language.En ? NameEn(kind) : NameVi(kind);

    /// <summary>"Tự đánh giá" — the name as a heading or table cell.</summary>
    public static string Title(CampaignPhaseKind kind) => Capitalize(Name(kind));

    /// <summary>The phase in a URL or on the command line: self-assessment, appraisal, …</summary>
    public static string Slug(CampaignPhaseKind kind) => kind switch
    {
        CampaignPhaseKind.SelfAssessment => "self-assessment",
        CampaignPhaseKind.Reappraisal => "reappraisal",
        CampaignPhaseKind.Reexamination => "reexamination",
        _ => kind.ToString().ToLowerInvariant(),
    };

    private static string SlugVi(CampaignPhaseKind kind) => kind switch
    {
        CampaignPhaseKind.SelfAssessment => "tu-danh-gia",
        CampaignPhaseKind.Appraisal => "tham-dinh",
        CampaignPhaseKind.Explanation => "giai-trinh",
        CampaignPhaseKind.Reappraisal => "tham-dinh-lai",
        CampaignPhaseKind.Council => "hoi-dong",
        CampaignPhaseKind.Publication => "cong-bo",
        CampaignPhaseKind.Reexamination => "phuc-khao",
        _ => kind.ToString(),
    };

    /// <summary>Reads a phase by its enum name (SelfAssessment), its slug (self-assessment) or its Vietnamese slug (tu-danh-gia).</summary>
    public static bool TryParse(string? text, out CampaignPhaseKind kind)
    {
        kind = default;
        if (string.IsNullOrWhiteSpace(text))
            return false;
        var value = text.Trim();
        foreach (var candidate in All)
            if (string.Equals(candidate.ToString(), value, StringComparison.OrdinalIgnoreCase)
                || string.Equals(Slug(candidate), value, StringComparison.OrdinalIgnoreCase)
                || string.Equals(SlugVi(candidate), value, StringComparison.OrdinalIgnoreCase))
            {
                kind = candidate;
                return true;
            }
        return false;
    }

    public static string Accepted => string.Join(", ", All.Select(Slug));

    public static string UnknownPhase(string? text) => T(
        $"Không có giai đoạn '{text}' (dùng một trong: {Accepted}).",
        $"There is no phase '{text}' (use one of: {Accepted}).");

    public static string StatusName(PhaseStatus status) => StatusName(status, Web.UiLanguage.Current);

    public static string StatusName(PhaseStatus status, Language language) => (status, language == Language.En) switch
    {
        (PhaseStatus.NotOpened, false) => "Chưa mở",
        (PhaseStatus.NotOpened, true) => "Not opened",
        (PhaseStatus.Scheduled, false) => "Đã mở, chưa đến ngày bắt đầu",
        (PhaseStatus.Scheduled, true) => "Opened, not started yet",
        (PhaseStatus.Running, false) => "Đang diễn ra",
        (PhaseStatus.Running, true) => "Running",
        (PhaseStatus.Ended, false) => "Đã quá ngày kết thúc",
        (PhaseStatus.Ended, true) => "Past its closing date",
        (PhaseStatus.Closed, false) => "Đã đóng",
        (PhaseStatus.Closed, true) => "Closed",
        _ => status.ToString(),
    };

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
