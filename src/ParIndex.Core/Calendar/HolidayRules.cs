namespace ParIndex.Core.Calendar;

/// <summary>
/// The statutory holidays of Labour Code 2019 (Law 45/2019/QH14), art. 112(1), the make-up rule of
/// art. 111(3), and the defaults used for a year whose notice has not been entered.
/// </summary>
/// <remarks>
/// Art. 112(1): 1/1 (1 day); Tết Âm lịch (5 days); 30/4 (1 day); 1/5 (1 day); 2/9 and one adjacent day before
/// or after (2 days); Giỗ Tổ Hùng Vương 10/3 lunar (1 day). Art. 112(3): the Prime Minister fixes the Tết days
/// and the second National Day day every year. Art. 111(3): a weekly rest day that coincides with a holiday is
/// made up on the next working day.
/// </remarks>
public static class HolidayRules
{
    /// <summary>Giỗ Tổ Hùng Vương: 10th day of the 3rd lunar month (never a leap month: the regular 3rd month).</summary>
    public static DateOnly HungKingsDay(int year) => LunarCalendar.ToSolar(year, 3, 10);

    /// <summary>
    /// Default Tết days: the last two days of the old lunar year and the first three of the new one
    /// (Tết − 2 … Tết + 2). With the make-up rule this reproduces the Tết breaks we could check against
    /// published reports: 2020 (23–29/1, 29 Chạp – mùng 5), 2023 (20–26/1), 2025 (27–31/1, the documented
    /// notice) and, for years whose mùng 1 is a Tuesday (2022, 2026), the Monday–Friday break the notices chose
    /// (there the Sunday before is a Tết day made up on Friday, which is the same set of days off).
    /// </summary>
    public static IReadOnlyList<DateOnly> DefaultTetDays(int year)
    {
        var tet = LunarCalendar.NewYear(year);
        return [tet.AddDays(-2), tet.AddDays(-1), tet, tet.AddDays(1), tet.AddDays(2)];
    }

    /// <summary>
    /// Default second National Day day: the neighbour of 2/9 that joins it to a weekend when one does —
    /// 1/9 when 2/9 is a Tuesday (Mon 1/9), Friday (Thu 1/9) or Saturday (Fri 1/9); otherwise 3/9
    /// (Monday → Tue 3/9, Thursday → Fri 3/9, Wednesday and Sunday → 3/9 with no bridge to make).
    /// This matches the published choices of 2022 (1/9), 2024 (3/9) and 2025 (1/9), and, as we recall them
    /// without a source at hand, 2021 (3/9) and 2023 (1/9).
    /// </summary>
    public static DateOnly DefaultNationalDaySecondDay(int year)
    {
        var nationalDay = new DateOnly(year, 9, 2);
        return nationalDay.DayOfWeek is DayOfWeek.Tuesday or DayOfWeek.Friday or DayOfWeek.Saturday
            ? new DateOnly(year, 9, 1)
            : new DateOnly(year, 9, 3);
    }

    /// <summary>The notice used for a year nobody has entered: default Tết days and second National Day day, no swaps.</summary>
    public static YearNotice DerivedNotice(int year) => new()
    {
        Year = year,
        TetDays = DefaultTetDays(year),
        NationalDaySecondDay = DefaultNationalDaySecondDay(year),
        Derived = true,
        Note = "Suy ra theo quy tắc mặc định (Tết: 2 ngày cuối năm âm lịch và mùng 1–3; Quốc khánh: ngày liền kề nối với cuối tuần); không có hoán đổi. Cần đối chiếu với thông báo chính thức của năm.",
    };

    /// <summary>The statutory holidays a notice gives (weekend ones included), in date order.</summary>
    public static IReadOnlyList<NonWorkingDay> StatutoryHolidays(YearNotice notice, HolidayOptions? options = null)
    {
        options ??= HolidayOptions.Default;
        int y = notice.Year;
        string? reference = notice.Reference;
        var days = new List<NonWorkingDay>
        {
            new(new DateOnly(y, 1, 1), NonWorkingKind.Holiday, Occasion.NewYearsDay,
                "Tết Dương lịch (1/1)", "New Year's Day (1 January)"),
            new(HungKingsDay(y), NonWorkingKind.Holiday, Occasion.HungKings,
                "Giỗ Tổ Hùng Vương (10/3 âm lịch)", "Hung Kings' Commemoration Day (lunar 10/3)"),
            new(new DateOnly(y, 4, 30), NonWorkingKind.Holiday, Occasion.ReunificationDay,
                "Ngày Chiến thắng (30/4)", "Reunification Day (30 April)"),
            new(new DateOnly(y, 5, 1), NonWorkingKind.Holiday, Occasion.LabourDay,
                "Ngày Quốc tế Lao động (1/5)", "International Labour Day (1 May)"),
            new(new DateOnly(y, 9, 2), NonWorkingKind.Holiday, Occasion.NationalDay,
                "Quốc khánh (2/9)", "National Day (2 September)"),
            new(notice.NationalDaySecondDay, NonWorkingKind.Holiday, Occasion.NationalDay,
                $"Quốc khánh (ngày liền kề {notice.NationalDaySecondDay.Day}/9)",
                $"National Day (adjacent day, {notice.NationalDaySecondDay.Day} September)", reference),
        };
        foreach (var day in notice.TetDays)
        {
            var lunar = LunarCalendar.FromSolar(day);
            days.Add(new(day, NonWorkingKind.Holiday, Occasion.LunarNewYear,
                $"Tết Nguyên đán ({CalendarText.LunarDayVi(lunar)})",
                $"Lunar New Year (Tết), {CalendarText.LunarDayEn(lunar)}", reference));
        }
        if (options.VietnameseCultureDay && y >= options.CultureDayFirstYear)
            days.Add(new(new DateOnly(y, 11, 24), NonWorkingKind.Holiday, Occasion.CultureDay,
                "Ngày Văn hóa Việt Nam (24/11)", "Vietnamese Culture Day (24 November)"));
        days.Sort((a, b) => a.Date.CompareTo(b.Date));
        return days;
    }

    /// <summary>
    /// Art. 111(3): each holiday on a Saturday or Sunday is made up on the next weekday that is not already
    /// off (not a holiday, an earlier make-up day, or a day <paramref name="alreadyOff"/> names). Holidays are
    /// taken in date order, so Sat 29/4/2023 (Hùng Kings) and Sun 30/4/2023 are made up on Tue 2/5 and Wed 3/5,
    /// after Mon 1/5. Two holidays on the same weekday (Hùng Kings on 30/4, as in 1947) are treated the same
    /// way: the law is silent; a make-up day is the reading that keeps both days paid.
    /// </summary>
    public static IReadOnlyList<NonWorkingDay> MakeUpDays(IReadOnlyList<NonWorkingDay> holidays, IReadOnlySet<DateOnly>? alreadyOff = null)
    {
        var taken = new HashSet<DateOnly>(holidays.Select(h => h.Date));
        if (alreadyOff is not null)
            taken.UnionWith(alreadyOff);
        var seen = new HashSet<DateOnly>();
        var result = new List<NonWorkingDay>();
        foreach (var holiday in holidays.OrderBy(h => h.Date))
        {
            bool clash = !seen.Add(holiday.Date);
            if (!clash && !YearNotice.IsWeekend(holiday.Date))
                continue;
            var day = holiday.Date.AddDays(1);
            while (YearNotice.IsWeekend(day) || taken.Contains(day))
                day = day.AddDays(1);
            taken.Add(day);
            string whyVi = clash ? "trùng ngày nghỉ lễ khác" : "trùng";
            string whyEn = clash ? "which coincided with another holiday on" : "which fell on";
            result.Add(new(day, NonWorkingKind.MakeUpDay, holiday.Occasion,
                $"Nghỉ bù {holiday.ReasonVi}, {whyVi} {CalendarText.DayVi(holiday.Date)}",
                $"Make-up day for {holiday.ReasonEn}, {whyEn} {CalendarText.DayEn(holiday.Date)}",
                holiday.Reference));
        }
        return result;
    }

    /// <summary>
    /// Every day off a single notice gives, weekends aside: holidays, make-up days, swapped days off and extra
    /// days off, in date order. (The working calendar does the same across years, so that a swap reaching
    /// into a neighbouring year is honoured there too.)
    /// </summary>
    public static IReadOnlyList<NonWorkingDay> DaysOff(YearNotice notice, HolidayOptions? options = null)
    {
        var holidays = StatutoryHolidays(notice, options);
        var others = OtherDaysOff(notice).ToList();
        var makeUps = MakeUpDays(holidays, others.Select(d => d.Date).ToHashSet());
        return [.. holidays.Concat(makeUps).Concat(others).OrderBy(d => d.Date)];
    }

    /// <summary>The swapped and extra days off a notice grants.</summary>
    public static IEnumerable<NonWorkingDay> OtherDaysOff(YearNotice notice)
    {
        foreach (var swap in notice.Swaps)
            yield return new(swap.DayOff, NonWorkingKind.SwappedDayOff, Occasion.None,
                swap.DayOffReasonVi, swap.DayOffReasonEn, swap.Reference ?? notice.Reference);
        foreach (var extra in notice.ExtraDaysOff)
            yield return new(extra.Date, NonWorkingKind.ExtraDayOff, Occasion.None,
                extra.ReasonVi, extra.ReasonEn, extra.Reference ?? notice.Reference);
    }

    /// <summary>The weekend days a notice makes working days.</summary>
    public static IEnumerable<WorkedWeekendDay> WorkedWeekendDays(YearNotice notice) =>
        notice.Swaps.Select(s => new WorkedWeekendDay(s.WorkedDay, s.DayOff, s.WorkedDayReasonVi, s.WorkedDayReasonEn, s.Reference ?? notice.Reference));
}
