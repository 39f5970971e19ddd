namespace ParIndex.Core.Calendar;

/// <summary>
/// Working days of the Vietnamese civil service over a range of years, built once from the years' notices
/// (entered, or derived by rule) and then answering every query in constant time.
/// </summary>
/// <remarks>
/// The precomputation is a flat array over every day of the range: <c>_prefix[i]</c> counts the working days
/// before day i, and <c>_working</c> lists the working days in order. Counting working days between two
/// dates is a subtraction; the n-th working day after a date is one look-up in <c>_working</c>. A per-year
/// array would work the same way; one array spanning the years lets a deadline cross New Year for free.
/// For 1900–2100 the tables take about 0.6 MB; a city builds ten or twenty years.
/// The calendar is immutable: when a notice changes, build a new one (and recompute the deadlines that
/// depended on the old, see DOMAIN.md §7).
/// </remarks>
public sealed partial class WorkingCalendar
{
    private readonly int _firstDayNumber;
    private readonly int _dayCount;
    private readonly int[] _prefix;
    private readonly int[] _working;
    private readonly NonWorkingDay?[] _offDays;
    private readonly Dictionary<DateOnly, WorkedWeekendDay> _workedWeekendDays;
    private readonly YearNotice[] _notices;
    private readonly NonWorkingDay[][] _nonWorkingByYear;

    public int FirstYear { get; }
    public int LastYear { get; }
    public DateOnly FirstDate => DateOnly.FromDayNumber(_firstDayNumber);
    public DateOnly LastDate => DateOnly.FromDayNumber(_firstDayNumber + _dayCount - 1);
    public HolidayOptions Options { get; }

    /// <summary>A calendar from the notices shipped in <see cref="DocumentedNotices"/>, other years derived.</summary>
    public static WorkingCalendar CreateDefault(int firstYear, int lastYear, HolidayOptions? options = null) =>
        Create(firstYear, lastYear, DocumentedNotices.All, options);

    /// <summary>
    /// Builds the calendar for <paramref name="firstYear"/>–<paramref name="lastYear"/>. Years without a notice
    /// get <see cref="HolidayRules.DerivedNotice"/>. Notices for years outside the range still contribute the
    /// swaps that reach into it. Throws <see cref="ArgumentException"/> naming the notice and date when a notice
    /// is invalid or two notices contradict each other (e.g. a worked Saturday that is a holiday).
    /// </summary>
    public static WorkingCalendar Create(int firstYear, int lastYear, IEnumerable<YearNotice> notices, HolidayOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(notices);
        if (firstYear < LunarCalendar.MinYear || lastYear > LunarCalendar.MaxYear || firstYear > lastYear)
            throw new ArgumentOutOfRangeException(nameof(firstYear), $"Years {firstYear}–{lastYear}: a range within {LunarCalendar.MinYear}–{LunarCalendar.MaxYear} is required.");
        return new WorkingCalendar(firstYear, lastYear, [.. notices], options ?? HolidayOptions.Default);
    }

    private WorkingCalendar(int firstYear, int lastYear, List<YearNotice> given, HolidayOptions options)
    {
        FirstYear = firstYear;
        LastYear = lastYear;
        Options = options;
        _firstDayNumber = new DateOnly(firstYear, 1, 1).DayNumber;
        _dayCount = new DateOnly(lastYear, 12, 31).DayNumber - _firstDayNumber + 1;

        foreach (var duplicate in given.GroupBy(n => n.Year).Where(g => g.Count() > 1))
            throw new ArgumentException($"Two notices for {duplicate.Key}.", "notices");
        foreach (var notice in given)
        {
            var errors = notice.Validate();
            if (errors.Count > 0)
                throw new ArgumentException($"Notice {notice.Year}: {string.Join(" ", errors.Select(e => $"{e.Field}: {e.MessageEn}"))}", "notices");
        }

        var byYear = given.ToDictionary(n => n.Year);
        _notices = new YearNotice[lastYear - firstYear + 1];
        for (int y = firstYear; y <= lastYear; y++)
            _notices[y - firstYear] = byYear.TryGetValue(y, out var n) ? n : HolidayRules.DerivedNotice(y);

        // Statutory holidays first, then the notices' own days off, then make-up days, which must avoid both.
        var off = new Dictionary<DateOnly, NonWorkingDay>();
        var holidaysByYear = new IReadOnlyList<NonWorkingDay>[_notices.Length];
        for (int i = 0; i < _notices.Length; i++)
        {
            holidaysByYear[i] = HolidayRules.StatutoryHolidays(_notices[i], options);
            foreach (var holiday in holidaysByYear[i])
                off.TryAdd(holiday.Date, holiday); // a second holiday on the same date earns a make-up day instead
        }

        var allNotices = _notices.Concat(given.Where(n => n.Year < firstYear || n.Year > lastYear)).ToList();
        foreach (var notice in allNotices)
            foreach (var day in HolidayRules.OtherDaysOff(notice))
            {
                if (!Covers(day.Date))
                    continue;
                if (off.TryGetValue(day.Date, out var existing))
                    throw new ArgumentException($"Notice {notice.Year}: {CalendarText.Date(day.Date)} is given as \"{day.ReasonEn}\" but is already \"{existing.ReasonEn}\".", "notices");
                off.Add(day.Date, day);
            }

        var occupied = new HashSet<DateOnly>(off.Keys);
        foreach (var holidays in holidaysByYear)
            foreach (var makeUp in HolidayRules.MakeUpDays(holidays, occupied))
            {
                occupied.Add(makeUp.Date);
                if (Covers(makeUp.Date))
                    off.Add(makeUp.Date, makeUp);
            }

        _workedWeekendDays = [];
        foreach (var notice in allNotices)
            foreach (var worked in HolidayRules.WorkedWeekendDays(notice))
            {
                if (!Covers(worked.Date))
                    continue;
                if (off.TryGetValue(worked.Date, out var existing))
                    throw new ArgumentException($"Notice {notice.Year}: {CalendarText.Date(worked.Date)} is to be worked but is \"{existing.ReasonEn}\".", "notices");
                if (!_workedWeekendDays.TryAdd(worked.Date, worked))
                    throw new ArgumentException($"Notice {notice.Year}: {CalendarText.Date(worked.Date)} is worked in exchange for two days off.", "notices");
            }

        _offDays = new NonWorkingDay?[_dayCount];
        _prefix = new int[_dayCount + 1];
        var working = new List<int>(_dayCount * 5 / 7 + 1);
        var perYear = new List<NonWorkingDay>[_notices.Length];
        for (int i = 0; i < perYear.Length; i++)
            perYear[i] = new List<NonWorkingDay>(128);
        for (int i = 0; i < _dayCount; i++)
        {
            var date = DateOnly.FromDayNumber(_firstDayNumber + i);
            NonWorkingDay? day = off.GetValueOrDefault(date);
            if (day is null && YearNotice.IsWeekend(date) && !_workedWeekendDays.ContainsKey(date))
                day = date.DayOfWeek == DayOfWeek.Saturday
                    ? new(date, NonWorkingKind.Weekend, Occasion.None, "Thứ Bảy", "Saturday")
                    : new(date, NonWorkingKind.Weekend, Occasion.None, "Chủ nhật", "Sunday");
            _offDays[i] = day;
            _prefix[i + 1] = _prefix[i] + (day is null ? 1 : 0);
            if (day is null)
                working.Add(i);
            else
                perYear[date.Year - firstYear].Add(day);
        }
        _working = [.. working];
        _nonWorkingByYear = [.. perYear.Select(l => l.ToArray())];

        bool Covers(DateOnly date) => date.Year >= firstYear && date.Year <= lastYear;
    }

    /// <summary>The notice in force for a year: the one entered, or the derived one.</summary>
    public YearNotice Notice(int year) => _notices[YearIndex(year)];

    public bool IsWorkingDay(DateOnly date)
    {
        int i = Index(date);
        return _prefix[i + 1] != _prefix[i];
    }

    /// <summary>
    /// The <paramref name="n"/>-th working day after <paramref name="start"/> (before it when n is negative);
    /// <paramref name="start"/> itself when n is 0. Whether <paramref name="start"/> is a working day does not matter.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly start, int n)
    {
        int i = Index(start);
        if (n == 0)
            return start;
        int k = n > 0 ? _prefix[i + 1] + n - 1 : _prefix[i] + n;
        return DateOnly.FromDayNumber(_firstDayNumber + WorkingDayAt(k));
    }

    /// <summary>Working days in (<paramref name="fromExclusive"/>, <paramref name="toInclusive"/>]; negative when the dates are reversed.</summary>
    public int CountWorkingDays(DateOnly fromExclusive, DateOnly toInclusive) =>
        _prefix[Index(toInclusive) + 1] - _prefix[Index(fromExclusive) + 1];

    /// <summary>The first working day strictly after <paramref name="date"/>.</summary>
    public DateOnly NextWorkingDay(DateOnly date) => AddWorkingDays(date, 1);

    /// <summary>Why <paramref name="date"/> is not a working day, or null when it is one.</summary>
    public NonWorkingDay? FindNonWorkingDay(DateOnly date) => _offDays[Index(date)];

    /// <summary>Every non-working day of the year, weekends included, in date order, each with its reason.</summary>
    public IReadOnlyList<NonWorkingDay> NonWorkingDays(int year) => _nonWorkingByYear[YearIndex(year)];

    /// <summary>The Saturdays and Sundays of the year that are worked because of a swap.</summary>
    public IReadOnlyList<WorkedWeekendDay> WorkedWeekendDays(int year) =>
        [.. _workedWeekendDays.Values.Where(d => d.Date.Year == year).OrderBy(d => d.Date)];

    /// <summary>Why a weekend day is worked, or null when it is not a worked weekend day.</summary>
    public WorkedWeekendDay? FindWorkedWeekendDay(DateOnly date) => _workedWeekendDays.GetValueOrDefault(date);

    private int YearIndex(int year)
    {
        if (year < FirstYear || year > LastYear)
            throw new ArgumentOutOfRangeException(nameof(year), year, $"The calendar covers {FirstYear}–{LastYear}.");
        return year - FirstYear;
    }

    private int Index(DateOnly date)
    {
        int i = date.DayNumber - _firstDayNumber;
        if ((uint)i >= (uint)_dayCount)
            ThrowOutOfRange(date);
        return i;
    }

    /// <summary>The day index of the k-th (0-based) working day of the range.</summary>
    private int WorkingDayAt(int k)
    {
        if ((uint)k >= (uint)_working.Length)
            ThrowBeyondRange();
        return _working[k];
    }

    private bool IsWorkingIndex(int i) => _prefix[i + 1] != _prefix[i];

    private void ThrowOutOfRange(DateOnly date) =>
        throw new ArgumentOutOfRangeException(nameof(date), date, $"The calendar covers {FirstDate:yyyy-MM-dd} to {LastDate:yyyy-MM-dd}.");

    private void ThrowBeyondRange() =>
        throw new ArgumentOutOfRangeException(null, $"The result falls outside the calendar, which covers {FirstDate:yyyy-MM-dd} to {LastDate:yyyy-MM-dd}; build it with more years.");
}
