namespace ParIndex.Core.Calendar;

/// <summary>
/// A date of the Vietnamese lunisolar calendar (âm lịch). <see cref="Year"/> is the Gregorian year in which
/// the lunar year begins (its Tết), so the 12th month of lunar year 2024 falls in January 2025.
/// A leap month (tháng nhuận) repeats the number of the month before it and has <see cref="IsLeapMonth"/> set.
/// </summary>
public readonly record struct LunarDate(int Year, int Month, int Day, bool IsLeapMonth = false)
{
    /// <summary>The sexagenary name of the lunar year in Vietnamese, e.g. "Ất Tỵ" for 2025.</summary>
    public string YearName => LunarCalendar.YearName(Year);

    /// <summary>Compact numeric form, day/month/year, with "n" after a leap month: 10/3/2025, 15/6n/2025.</summary>
    public override string ToString() => $"{Day}/{Month}{(IsLeapMonth ? "n" : "")}/{Year}";
}
