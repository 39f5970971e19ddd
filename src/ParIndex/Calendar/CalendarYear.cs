using ParIndex.Core.Calendar;
using ParIndex.Web;
using VietnamTime = ParIndex.Core.Calendar.VietnamTime;
using static ParIndex.Web.Text;

namespace ParIndex.Calendar;

/// <summary>Where the notice in force for a year comes from.</summary>
public enum NoticeStatus
{
    /// <summary>Shipped with the app from a documented government notice (<see cref="DocumentedNotices"/>): "Đã công bố".</summary>
    Documented,
    /// <summary>Entered by an administrator and stored: "Đã nhập".</summary>
    Stored,
    /// <summary>No notice known: derived by rule (<see cref="HolidayRules.DerivedNotice"/>): "Mặc định suy ra".</summary>
    Derived,
}

/// <summary>A year of the working calendar as administrators and the public see it.</summary>
/// <param name="NonWorkingDays">Every day off, weekends included, in date order, each with its reason.</param>
/// <param name="WorkedDays">Saturdays and Sundays worked because of a swap.</param>
public sealed record CalendarYear(
    int Year,
    NoticeStatus Status,
    YearNotice Notice,
    IReadOnlyList<NonWorkingDay> NonWorkingDays,
    IReadOnlyList<WorkedWeekendDay> WorkedDays,
    int WorkingDays,
    DateTime? UpdatedAtUtc,
    string? UpdatedBy)
{
    /// <summary>The days off other than plain Saturdays and Sundays: holidays, make-up, swapped and extra days off.</summary>
    public IEnumerable<NonWorkingDay> DaysOffBesidesWeekends => NonWorkingDays.Where(d => d.Kind != NonWorkingKind.Weekend);
}

/// <summary>Labels of the calendar in both languages, shared by the pages, the API and the CLI.</summary>
public static class CalendarLabels
{
    public static string StatusVi(NoticeStatus status) => status switch
    {
        NoticeStatus.Documented => "Đã công bố",
        NoticeStatus.Stored => "Đã nhập",
        _ => "Mặc định suy ra",
    };

    public static string StatusEn(NoticeStatus status) => status switch
    {
        NoticeStatus.Documented => "Published notice",
        NoticeStatus.Stored => "Entered",
        _ => "Derived by rule",
    };

    public static string Status(NoticeStatus status) => T(StatusVi(status), StatusEn(status));

    /// <summary>What the status means, for the badge's explanation.</summary>
    public static string StatusHint(NoticeStatus status) => status switch
    {
        NoticeStatus.Documented => T("Thông báo nghỉ lễ của năm được phát hành cùng phần mềm, theo văn bản đã công bố.", "The year's notice ships with the software, from the published document."),
        NoticeStatus.Stored => T("Thông báo do quản trị viên nhập; được dùng thay cho mọi giá trị mặc định.", "An administrator entered this notice; it takes precedence over any default."),
        _ => T("Chưa có thông báo của năm: ngày nghỉ Tết và Quốc khánh được suy ra theo quy tắc, không có hoán đổi. Hãy nhập thông báo chính thức khi có.", "No notice for the year yet: the Tết and National Day days are derived by rule, with no swaps. Enter the official notice when it is published."),
    };

    public static string Kind(NonWorkingKind kind) => kind switch
    {
        NonWorkingKind.Weekend => T("Cuối tuần", "Weekend"),
        NonWorkingKind.Holiday => T("Ngày lễ, Tết", "Holiday"),
        NonWorkingKind.MakeUpDay => T("Nghỉ bù", "Make-up day"),
        NonWorkingKind.SwappedDayOff => T("Nghỉ hoán đổi", "Swapped day off"),
        _ => T("Nghỉ thêm", "Extra day off"),
    };

    public static string Reason(NonWorkingDay day) => T(day.ReasonVi, day.ReasonEn);

    public static string Reason(WorkedWeekendDay day) => T(day.ReasonVi, day.ReasonEn);

    private static readonly string[] WeekdaysVi = ["Chủ nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"];

    public static string Weekday(DateOnly date) => UiLanguage.IsEnglish ? date.DayOfWeek.ToString() : WeekdaysVi[(int)date.DayOfWeek];

    public static string Weekday(DateOnly date, Core.Language language) => language == Core.Language.En ? date.DayOfWeek.ToString() : WeekdaysVi[(int)date.DayOfWeek];

    public static string Step(DeadlineStep step) => T(step.Vi, step.En);

    /// <summary>"17:00 thứ Tư 05/02/2025" / "17:00 Wednesday 05/02/2025".</summary>
    public static string Instant(DateTimeOffset instant) => Instant(instant, UiLanguage.Current);

    public static string Instant(DateTimeOffset instant, Core.Language language)
    {
        var local = VietnamTime.ToLocal(instant);
        var date = DateOnly.FromDateTime(local.DateTime);
        var weekday = Weekday(date, language);
        if (language == Core.Language.Vi && weekday != "Chủ nhật")
            weekday = char.ToLowerInvariant(weekday[0]) + weekday[1..];
        return $"{local.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)} {weekday} {Date(date)}";
    }

    public static string Policy(DeadlinePolicy policy) => T(policy.DescribeVi(), policy.DescribeEn());
}
