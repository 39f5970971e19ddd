using System.Globalization;

namespace ParIndex.Core.Calendar;

/// <summary>
/// How the calendar writes dates, weekdays and lunar days for people, in Vietnamese and English.
/// Written out by hand rather than through CultureInfo so that the text does not depend on the ICU data
/// installed on the server (and Vietnamese weekday capitalisation is "thứ Hai", "Chủ nhật").
/// </summary>
internal static class CalendarText
{
    private static readonly string[] WeekdaysVi = ["Chủ nhật", "thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy"];
    private static readonly string[] WeekdaysEn = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

    public static string WeekdayVi(DateOnly date) => WeekdaysVi[(int)date.DayOfWeek];
    public static string WeekdayEn(DateOnly date) => WeekdaysEn[(int)date.DayOfWeek];

    /// <summary>dd/MM/yyyy, the form used on Vietnamese official documents and receipts.</summary>
    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static string Time(long ticksOfDay) => new TimeOnly(ticksOfDay).ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>"thứ Sáu 24/01/2025".</summary>
    public static string DayVi(DateOnly date) => $"{WeekdayVi(date)} {Date(date)}";

    /// <summary>"Friday 24/01/2025".</summary>
    public static string DayEn(DateOnly date) => $"{WeekdayEn(date)} {Date(date)}";

    /// <summary>"27/01–31/01/2025", "30/12/2024–02/01/2025", or a single date.</summary>
    public static string Range(DateOnly first, DateOnly last)
    {
        if (first == last)
            return Date(first);
        string left = first.Year == last.Year
            ? first.ToString("dd/MM", CultureInfo.InvariantCulture)
            : Date(first);
        return $"{left}–{Date(last)}";
    }

    /// <summary>How a Tết day is named: "mùng 1", "29 tháng Chạp", "12 tháng Giêng".</summary>
    public static string LunarDayVi(LunarDate d)
    {
        string month = d.Month switch
        {
            1 => "tháng Giêng",
            12 => "tháng Chạp",
            _ => $"tháng {d.Month}",
        };
        if (d.IsLeapMonth)
            month += " nhuận";
        return d.Month == 1 && !d.IsLeapMonth && d.Day <= 10 ? $"mùng {d.Day}" : $"{d.Day} {month}";
    }

    /// <summary>"lunar 1/1", "lunar 29/12", "lunar 15/6 (leap month)".</summary>
    public static string LunarDayEn(LunarDate d) =>
        $"lunar {d.Day}/{d.Month}{(d.IsLeapMonth ? " (leap month)" : "")}";
}
