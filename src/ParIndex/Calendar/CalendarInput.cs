using System.Globalization;
using ParIndex.Core.Calendar;
using ParIndex.Data.Tabular;

namespace ParIndex.Calendar;

/// <summary>Parsing of what people type for the calendar: instants, deadline units, yes/no.</summary>
public static class CalendarInput
{
    private static readonly string[] LocalFormats =
    [
        "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss",
        "dd/MM/yyyy HH:mm", "d/M/yyyy HH:mm", "dd/MM/yyyy HH:mm:ss", "d/M/yyyy H:mm",
    ];

    private static readonly string[] OffsetFormats =
    [
        "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd HH:mmK", "yyyy-MM-dd HH:mm:ssK",
    ];

    /// <summary>
    /// An instant as ISO 8601 with an offset or Z ("2025-01-24T16:20+07:00", "2025-01-24T09:20:00Z"), or a
    /// local Vietnamese time without one ("2025-01-24T16:20", as a datetime-local input sends it, or
    /// "24/01/2025 16:20"), which is read at +07:00. A bare date is refused: a receipt has a time.
    /// </summary>
    public static bool TryParseInstant(string? text, out DateTimeOffset instant)
    {
        instant = default;
        if (string.IsNullOrWhiteSpace(text))
            return false;
        var s = text.Trim();
        if (DateTimeOffset.TryParseExact(s, OffsetFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out instant)
            && (s.EndsWith('Z') || s.EndsWith('z') || HasOffset(s)))
            return true;
        if (DateTime.TryParseExact(s, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            instant = new DateTimeOffset(local, VietnamTime.Offset);
            return true;
        }
        instant = default;
        return false;
    }

    private static bool HasOffset(string s) => s.Length > 6 && (s[^6] is '+' or '-') && s[^3] == ':';

    /// <summary>"2025-01-24T16:20:00+07:00" — the form the API returns and the CLI accepts back.</summary>
    public static string Iso(DateTimeOffset instant) => VietnamTime.ToLocal(instant).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>The value of a datetime-local input for an instant (Vietnamese local time).</summary>
    public static string LocalInputValue(DateTimeOffset instant) => VietnamTime.ToLocal(instant).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    /// <summary>
    /// A deadline unit: the enum names (WorkingDays, CalendarDays, Hours), snake_case, or Vietnamese
    /// ("ngày làm việc", "ngày", "giờ", "giờ làm việc"), with or without diacritics.
    /// </summary>
    public static DeadlineUnit? ParseUnit(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        return ColumnName.Normalize(text) switch
        {
            "workingdays" or "working_days" or "working_day" or "ngay_lam_viec" or "ngay_lv" => DeadlineUnit.WorkingDays,
            "calendardays" or "calendar_days" or "calendar_day" or "days" or "ngay" => DeadlineUnit.CalendarDays,
            "hours" or "hour" or "office_hours" or "gio" or "gio_lam_viec" => DeadlineUnit.Hours,
            _ => null,
        };
    }

    /// <summary>"ngày làm việc", "ngày", "giờ làm việc" — the Vietnamese names the importer accepts and the template shows.</summary>
    public static string UnitVi(DeadlineUnit unit) => unit switch
    {
        DeadlineUnit.WorkingDays => "ngày làm việc",
        DeadlineUnit.CalendarDays => "ngày",
        _ => "giờ làm việc",
    };

    public static string UnitEn(DeadlineUnit unit) => unit switch
    {
        DeadlineUnit.WorkingDays => "working days",
        DeadlineUnit.CalendarDays => "calendar days",
        _ => "office hours",
    };

    public static string Unit(DeadlineUnit unit) => Web.Text.T(UnitVi(unit), UnitEn(unit));

    /// <summary>có/không, yes/no, true/false, x, 1/0; null when the text is none of these.</summary>
    public static bool? ParseYesNo(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        return ColumnName.Normalize(text) switch
        {
            "co" or "yes" or "y" or "true" or "x" or "1" or "dung" => true,
            "khong" or "no" or "n" or "false" or "0" or "sai" => false,
            _ => null,
        };
    }
}
