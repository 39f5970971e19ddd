using ParIndex.Core.Calendar;
using ParIndex.Data.Tabular;
using static ParIndex.Web.Text;

namespace ParIndex.Calendar.Pages;

/// <summary>What the calendar pages share: the year shown by default, date inputs, badge styles.</summary>
public static class CalendarPageText
{
    public const string AdminPath = "/quan-tri/lich-lam-viec";
    public const string PublicPath = "/lich-lam-viec";

    /// <summary>The current year in Vietnam, the year a page shows when none is asked for.</summary>
    public static int CurrentYear(TimeProvider clock) => Core.Calendar.VietnamTime.LocalDate(clock.GetUtcNow()).Year;

    /// <summary>The value of an input type="date".</summary>
    public static string InputDate(DateOnly? date) => date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "";

    /// <summary>A date typed as yyyy-MM-dd (date inputs) or dd/MM/yyyy (browsers without a date picker).</summary>
    public static DateOnly? ParseDate(string? text) => Cells.TryDate(text, out var date) ? date : null;

    public static string BadgeClass(NoticeStatus status) => status switch
    {
        NoticeStatus.Documented => "badge badge--excellent",
        NoticeStatus.Stored => "badge badge--good",
        _ => "badge badge--unpublished",
    };

    public static string DateWithWeekday(DateOnly date) => $"{CalendarLabels.Weekday(date)} {Date(date)}";
}
