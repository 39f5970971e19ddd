namespace ParIndex.Core.Calendar;

/// <summary>
/// Local time for deadlines: a fixed UTC+07:00 offset. Vietnam (IANA Asia/Ho_Chi_Minh) has observed no
/// daylight saving time since 1975, and every date this product handles is later, so a fixed offset is
/// exact. Using it rather than a TimeZoneInfo keeps the deadline hot path free of zone look-ups and makes
/// the result independent of the tz database installed on the server.
/// </summary>
public static class VietnamTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    internal const long OffsetTicks = 7 * TimeSpan.TicksPerHour;

    /// <summary>The same instant expressed at +07:00.</summary>
    public static DateTimeOffset ToLocal(DateTimeOffset instant) => instant.ToOffset(Offset);

    /// <summary>The Vietnamese calendar date of an instant.</summary>
    public static DateOnly LocalDate(DateTimeOffset instant) =>
        DateOnly.FromDayNumber((int)((instant.UtcTicks + OffsetTicks) / TimeSpan.TicksPerDay));

    /// <summary>An instant from a Vietnamese local date and time.</summary>
    public static DateTimeOffset At(DateOnly date, TimeOnly time) => new(date.ToDateTime(time), Offset);
}
