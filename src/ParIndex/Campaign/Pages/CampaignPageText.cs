using ParIndex.Core.Calendar;
using static ParIndex.Web.Text;

namespace ParIndex.Campaign.Pages;

/// <summary>What the campaign pages share: paths, the current year, date inputs, status badges.</summary>
public static class CampaignPageText
{
    public static string AdminPath(int year) => $"/quan-tri/chien-dich/{year}";
    public static string BoardPath(int year) => $"/quan-tri/chien-dich/{year}/tien-do";
    public static string UnitPath(int year, string? unit = null) => unit is null ? $"/chien-dich/{year}/tien-do-don-vi" : $"/chien-dich/{year}/tien-do-don-vi/{Uri.EscapeDataString(unit)}";
    public const string NotificationsPath = "/thong-bao";
    public const string OutboxPath = "/quan-tri/thu-di";

    public static int CurrentYear(TimeProvider clock) => VietnamTime.LocalDate(clock.GetUtcNow()).Year;

    /// <summary>The value of an input type="date".</summary>
    public static string InputDate(DateOnly? date) => date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "";

    /// <summary>A date typed as yyyy-MM-dd (date inputs) or dd/MM/yyyy (browsers without a date picker); null when it is neither.</summary>
    public static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy"], System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date)
            ? date
            : null;

    public static string BadgeClass(PhaseStatus status) => status switch
    {
        PhaseStatus.Running => "badge badge--good",
        PhaseStatus.Scheduled => "badge badge--fair",
        PhaseStatus.Ended => "badge badge--weak",
        PhaseStatus.Closed => "badge badge--unpublished",
        _ => "badge badge--unpublished",
    };

    /// <summary>"Đang diễn ra — còn 5 ngày (đến hết 30/11/2025)" and the like.</summary>
    public static string StatusLine(PhaseView phase) => phase.Status switch
    {
        PhaseStatus.Running when phase.DaysLeft == 1 => T($"Đang diễn ra — hôm nay là ngày cuối ({Date(phase.ClosesOn)}).", $"Running — today is the last day ({Date(phase.ClosesOn)})."),
        PhaseStatus.Running => T($"Đang diễn ra — còn {phase.DaysLeft} ngày (đến hết ngày {Date(phase.ClosesOn)}).", $"Running — {phase.DaysLeft} days left (until the end of {Date(phase.ClosesOn)})."),
        PhaseStatus.Scheduled => T($"Đã mở, bắt đầu nhận từ ngày {Date(phase.OpensOn)}.", $"Opened; work is accepted from {Date(phase.OpensOn)}."),
        PhaseStatus.Ended => T($"Đã quá ngày kết thúc {Date(phase.ClosesOn)}: không nhận thêm; hãy đóng giai đoạn hoặc dời ngày kết thúc.", $"Past its closing date {Date(phase.ClosesOn)}: nothing more is accepted; close the phase or move the closing date."),
        PhaseStatus.Closed => T($"Đã đóng lúc {DateTimeLocal(phase.ClosedAtUtc)} bởi {phase.ClosedBy}.", $"Closed at {DateTimeLocal(phase.ClosedAtUtc)} by {phase.ClosedBy}."),
        _ when phase.OpensOn is null => T("Chưa đặt ngày.", "No dates set."),
        _ => T("Chưa mở.", "Not opened."),
    };
}
