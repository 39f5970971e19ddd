namespace ParIndex.Core.Calendar;

/// <summary>
/// The Vietnamese lunisolar calendar, computed astronomically for UTC+7 with the rules Hồ Ngọc Đức
/// describes for Vietnam (the Chinese rules applied to Vietnamese civil time):
/// <list type="number">
/// <item>a month begins on the civil day (UTC+7) of a new moon;</item>
/// <item>the 11th month is the one containing the winter solstice (Sun's longitude 270°);</item>
/// <item>when 13 months lie between two 11th months, the first of them (after the first 11th month)
///   that contains no major solar term (trung khí: longitude a multiple of 30°) is a leap month,
///   numbered as the month before it.</item>
/// </list>
/// Because the time zone is part of the rule, the result differs from the Chinese (UTC+8) calendar in some
/// years: Tết 1968 was 29 January in (North) Vietnam and 30 January in China; Tết 1985 was 21 January in
/// Vietnam and 20 February in China; Tết 2007 was 17 February against China's 18th.
/// Before 1968 Vietnam's official calendar followed UTC+8, so for earlier dates this is the astronomical
/// UTC+7 calendar, not necessarily the one printed at the time.
/// </summary>
/// <remarks>
/// The whole range is computed once, on first use, into a table of month starts (about 2,500 months, a few
/// milliseconds); conversions are then table look-ups. Supported: solar dates 1900-01-01 to 2100-12-31,
/// lunar years 1900 to 2100 in full (and the last months of lunar 1899, which begin solar 1900).
/// </remarks>
public static class LunarCalendar
{
    /// <summary>Vietnam's standard time offset, the meridian the calendar is computed for.</summary>
    public const int TimeZoneHours = 7;

    public static DateOnly MinDate { get; } = new(1900, 1, 1);
    public static DateOnly MaxDate { get; } = new(2100, 12, 31);
    public const int MinYear = 1900;
    public const int MaxYear = 2100;

    public static LunarDate FromSolar(DateOnly date)
    {
        if (date < MinDate || date > MaxDate)
            throw new ArgumentOutOfRangeException(nameof(date), date, $"The lunar calendar is supported from {MinDate:yyyy-MM-dd} to {MaxDate:yyyy-MM-dd}.");
        var table = Table.Instance;
        int index = table.MonthIndexOf(date.DayNumber);
        int label = table.Labels[index];
        return new LunarDate(label >> 5, (label >> 1) & 0xF, date.DayNumber - table.Starts[index] + 1, (label & 1) != 0);
    }

    public static DateOnly ToSolar(int year, int month, int day, bool isLeapMonth = false) =>
        ToSolar(new LunarDate(year, month, day, isLeapMonth));

    public static DateOnly ToSolar(LunarDate date)
    {
        var table = Table.Instance;
        int index = table.FindMonth(date.Year, date.Month, date.IsLeapMonth);
        if (index < 0)
            throw new ArgumentOutOfRangeException(nameof(date), date, $"Lunar year {date.Year} has no month {date.Month}{(date.IsLeapMonth ? " (leap)" : "")} in the supported range.");
        int length = table.Starts[index + 1] - table.Starts[index];
        if (date.Day < 1 || date.Day > length)
            throw new ArgumentOutOfRangeException(nameof(date), date, $"Lunar month {date.Month}{(date.IsLeapMonth ? " (leap)" : "")}/{date.Year} has {length} days.");
        return DateOnly.FromDayNumber(table.Starts[index] + date.Day - 1);
    }

    /// <summary>Tết Nguyên đán: the first day of the first month of <paramref name="lunarYear"/>.</summary>
    public static DateOnly NewYear(int lunarYear)
    {
        RequireFullYear(lunarYear);
        return ToSolar(lunarYear, 1, 1);
    }

    /// <summary>The number of the month that is followed by a leap month in <paramref name="lunarYear"/>, or 0 when the year has none.</summary>
    public static int LeapMonth(int lunarYear)
    {
        RequireFullYear(lunarYear);
        var table = Table.Instance;
        for (int i = table.FirstMonthOfYear(lunarYear); table.Labels[i] >> 5 == lunarYear; i++)
            if ((table.Labels[i] & 1) != 0)
                return (table.Labels[i] >> 1) & 0xF;
        return 0;
    }

    /// <summary>29 or 30.</summary>
    public static int DaysInMonth(int lunarYear, int month, bool isLeapMonth = false)
    {
        var table = Table.Instance;
        int index = table.FindMonth(lunarYear, month, isLeapMonth);
        if (index < 0)
            throw new ArgumentOutOfRangeException(nameof(month), month, $"Lunar year {lunarYear} has no month {month}{(isLeapMonth ? " (leap)" : "")} in the supported range.");
        return table.Starts[index + 1] - table.Starts[index];
    }

    private static readonly string[] Stems = ["Giáp", "Ất", "Bính", "Đinh", "Mậu", "Kỷ", "Canh", "Tân", "Nhâm", "Quý"];
    private static readonly string[] Branches = ["Tý", "Sửu", "Dần", "Mão", "Thìn", "Tỵ", "Ngọ", "Mùi", "Thân", "Dậu", "Tuất", "Hợi"];

    /// <summary>The sexagenary (can chi) name of a lunar year: 1984 and 2044 are "Giáp Tý", 2025 is "Ất Tỵ".</summary>
    public static string YearName(int lunarYear) =>
        $"{Stems[Mod(lunarYear - 4, 10)]} {Branches[Mod(lunarYear - 4, 12)]}";

    private static int Mod(int a, int m) => ((a % m) + m) % m;

    private static void RequireFullYear(int lunarYear)
    {
        if (lunarYear < MinYear || lunarYear > MaxYear)
            throw new ArgumentOutOfRangeException(nameof(lunarYear), lunarYear, $"Lunar years {MinYear}–{MaxYear} are supported.");
    }

    /// <summary>
    /// Every lunar month from the 11th month of 1899 to the one before the 11th month of 2101, as
    /// (start day, label) pairs. Labels pack year, month and the leap flag: year &lt;&lt; 5 | month &lt;&lt; 1 | leap.
    /// </summary>
    private sealed class Table
    {
        public static readonly Table Instance = new();

        // Solar years whose winter-solstice month bounds a "suì" (the span from one 11th month to the next).
        private const int FirstSui = 1900, LastSui = 2101;

        /// <summary>DateOnly.DayNumber of each month's first day, plus one sentinel (the start of the month after the last).</summary>
        public readonly int[] Starts;
        public readonly int[] Labels;
        private readonly int[] _yearFirstIndex;
        private readonly int _firstLabelYear;

        private Table()
        {
            var month11 = new int[LastSui - FirstSui + 2];
            for (int y = FirstSui - 1; y <= LastSui; y++)
                month11[y - FirstSui + 1] = LunationOfMonth11(y);

            int total = month11[^1] - month11[0];
            Starts = new int[total + 1];
            Labels = new int[total];
            int n = 0;
            for (int sui = FirstSui; sui <= LastSui; sui++)
            {
                int k1 = month11[sui - FirstSui], k2 = month11[sui - FirstSui + 1];
                int count = k2 - k1;
                int leapAt = count == 13 ? LeapMonthOffset(k1) : 0;
                int number = 11, year = sui - 1;
                for (int i = 0; i < count; i++)
                {
                    bool leap = i == leapAt && leapAt != 0;
                    if (i > 0 && !leap)
                    {
                        number++;
                        if (number == 13) { number = 1; year = sui; }
                    }
                    Starts[n] = NewMoonDay(k1 + i);
                    Labels[n] = year << 5 | number << 1 | (leap ? 1 : 0);
                    n++;
                }
            }
            Starts[n] = NewMoonDay(month11[^1]);

            _firstLabelYear = Labels[0] >> 5;
            int lastLabelYear = Labels[^1] >> 5;
            _yearFirstIndex = new int[lastLabelYear - _firstLabelYear + 2];
            for (int i = Labels.Length - 1; i >= 0; i--)
                _yearFirstIndex[(Labels[i] >> 5) - _firstLabelYear] = i;
            _yearFirstIndex[^1] = Labels.Length;
        }

        public int MonthIndexOf(int dayNumber)
        {
            int i = (int)((dayNumber - Starts[0]) / Astronomy.SynodicMonth);
            if (i >= Labels.Length) i = Labels.Length - 1;
            while (Starts[i] > dayNumber) i--;
            while (Starts[i + 1] <= dayNumber) i++;
            return i;
        }

        public int FirstMonthOfYear(int lunarYear) => _yearFirstIndex[lunarYear - _firstLabelYear];

        public int FindMonth(int lunarYear, int month, bool leap)
        {
            if (lunarYear < _firstLabelYear || lunarYear > Labels[^1] >> 5 || month < 1 || month > 12)
                return -1;
            int wanted = lunarYear << 5 | month << 1 | (leap ? 1 : 0);
            for (int i = FirstMonthOfYear(lunarYear); i < Labels.Length && Labels[i] >> 5 == lunarYear; i++)
                if (Labels[i] == wanted)
                    return i;
            return -1;
        }

        /// <summary>DateOnly.DayNumber of the civil day (UTC+7) on which new moon k falls.</summary>
        private static int NewMoonDay(int k)
        {
            double jd = Astronomy.NewMoonUT(k) + TimeZoneHours / 24.0;
            // A Julian Date's day starts at noon; +0.5 moves the boundary to midnight.
            return (int)Math.Floor(jd + 0.5) - 1721426;
        }

        /// <summary>Which 30° sector (0 = spring equinox … 9 = winter solstice) the Sun is in at local midnight starting a day.</summary>
        private static int SectorAtStartOf(int dayNumber)
        {
            double jdUT = dayNumber + 1721426 - 0.5 - TimeZoneHours / 24.0;
            return (int)(Astronomy.SunApparentLongitudeAtUT(jdUT) / 30.0);
        }

        /// <summary>Lunation number of the month containing the winter solstice of solar year <paramref name="year"/>.</summary>
        private static int LunationOfMonth11(int year)
        {
            int dec31 = new DateOnly(year, 12, 31).DayNumber;
            int k = (int)Math.Floor((Astronomy.JulianDayNumber(new DateOnly(year, 12, 31)) - Astronomy.NewMoonEpoch) / Astronomy.SynodicMonth);
            while (NewMoonDay(k + 1) <= dec31) k++;
            while (NewMoonDay(k) > dec31) k--;
            // The last new moon of December begins month 11 only if the solstice had not passed by then.
            return SectorAtStartOf(NewMoonDay(k)) >= 9 ? k - 1 : k;
        }

        /// <summary>In a 13-month suì starting at lunation k11: the offset (1–12) of the first month without a major solar term.</summary>
        private static int LeapMonthOffset(int k11)
        {
            int previous = SectorAtStartOf(NewMoonDay(k11 + 1));
            for (int i = 1; i <= 12; i++)
            {
                int next = SectorAtStartOf(NewMoonDay(k11 + i + 1));
                if (next == previous)
                    return i;
                previous = next;
            }
            throw new InvalidOperationException($"No month without a major solar term after lunation {k11}.");
        }
    }
}
