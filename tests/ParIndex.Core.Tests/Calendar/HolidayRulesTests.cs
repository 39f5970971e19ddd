using ParIndex.Core.Calendar;

namespace ParIndex.Core.Tests.Calendar;

public class HolidayRulesTests
{
    private static readonly WorkingCalendar Calendar = WorkingCalendar.CreateDefault(2018, 2030);

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    [Fact]
    public void EveryNonWorkingDayOf2025IsAWeekendOrADocumentedDayOff()
    {
        var expected = new SortedSet<DateOnly>();
        for (var d = D(2025, 1, 1); d.Year == 2025; d = d.AddDays(1))
            if (d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
                expected.Add(d);
        expected.Remove(D(2025, 4, 26)); // Saturday worked in exchange for Friday 2 May
        expected.UnionWith([
            D(2025, 1, 1),
            D(2025, 1, 27), D(2025, 1, 28), D(2025, 1, 29), D(2025, 1, 30), D(2025, 1, 31),
            D(2025, 4, 7),
            D(2025, 4, 30), D(2025, 5, 1), D(2025, 5, 2),
            D(2025, 9, 1), D(2025, 9, 2),
        ]);

        var actual = Calendar.NonWorkingDays(2025).Select(d => d.Date).ToList();

        Assert.Equal(expected, actual);
        Assert.Equal(115, actual.Count);
        Assert.False(Calendar.Notice(2025).Derived);
    }

    [Fact]
    public void EachDayOffOf2025CarriesItsReasonInBothLanguages()
    {
        var days = Calendar.NonWorkingDays(2025).ToDictionary(d => d.Date);

        AssertDay(days[D(2025, 1, 1)], NonWorkingKind.Holiday, Occasion.NewYearsDay, "Tết Dương lịch (1/1)", "New Year's Day (1 January)");
        AssertDay(days[D(2025, 1, 27)], NonWorkingKind.Holiday, Occasion.LunarNewYear, "Tết Nguyên đán (28 tháng Chạp)", "Lunar New Year (Tết), lunar 28/12");
        AssertDay(days[D(2025, 1, 28)], NonWorkingKind.Holiday, Occasion.LunarNewYear, "Tết Nguyên đán (29 tháng Chạp)", "Lunar New Year (Tết), lunar 29/12");
        AssertDay(days[D(2025, 1, 29)], NonWorkingKind.Holiday, Occasion.LunarNewYear, "Tết Nguyên đán (mùng 1)", "Lunar New Year (Tết), lunar 1/1");
        AssertDay(days[D(2025, 1, 31)], NonWorkingKind.Holiday, Occasion.LunarNewYear, "Tết Nguyên đán (mùng 3)", "Lunar New Year (Tết), lunar 3/1");
        AssertDay(days[D(2025, 4, 7)], NonWorkingKind.Holiday, Occasion.HungKings, "Giỗ Tổ Hùng Vương (10/3 âm lịch)", "Hung Kings' Commemoration Day (lunar 10/3)");
        AssertDay(days[D(2025, 4, 30)], NonWorkingKind.Holiday, Occasion.ReunificationDay, "Ngày Chiến thắng (30/4)", "Reunification Day (30 April)");
        AssertDay(days[D(2025, 5, 1)], NonWorkingKind.Holiday, Occasion.LabourDay, "Ngày Quốc tế Lao động (1/5)", "International Labour Day (1 May)");
        AssertDay(days[D(2025, 5, 2)], NonWorkingKind.SwappedDayOff, Occasion.None, "Nghỉ hoán đổi, làm bù thứ Bảy 26/04/2025", "Swapped day off; Saturday 26/04/2025 is worked instead");
        AssertDay(days[D(2025, 9, 1)], NonWorkingKind.Holiday, Occasion.NationalDay, "Quốc khánh (ngày liền kề 1/9)", "National Day (adjacent day, 1 September)");
        AssertDay(days[D(2025, 9, 2)], NonWorkingKind.Holiday, Occasion.NationalDay, "Quốc khánh (2/9)", "National Day (2 September)");
        AssertDay(days[D(2025, 1, 4)], NonWorkingKind.Weekend, Occasion.None, "Thứ Bảy", "Saturday");
        AssertDay(days[D(2025, 1, 5)], NonWorkingKind.Weekend, Occasion.None, "Chủ nhật", "Sunday");

        Assert.Equal(DocumentedNotices.Year2025.Reference, days[D(2025, 1, 29)].Reference);
        Assert.Equal(DocumentedNotices.Year2025.Reference, days[D(2025, 5, 2)].Reference);
        Assert.Equal("Tết Nguyên đán (mùng 1)", days[D(2025, 1, 29)].Reason(Language.Vi));
        Assert.Equal("Lunar New Year (Tết), lunar 1/1", days[D(2025, 1, 29)].Reason(Language.En));
    }

    private static void AssertDay(NonWorkingDay day, NonWorkingKind kind, Occasion occasion, string vi, string en)
    {
        Assert.Equal(kind, day.Kind);
        Assert.Equal(occasion, day.Occasion);
        Assert.Equal(vi, day.ReasonVi);
        Assert.Equal(en, day.ReasonEn);
    }

    [Fact]
    public void SaturdayTheTwentySixthOfApril2025IsWorkedInExchangeForFridayTheSecondOfMay()
    {
        Assert.True(Calendar.IsWorkingDay(D(2025, 4, 26)));
        Assert.False(Calendar.IsWorkingDay(D(2025, 5, 2)));
        var worked = Assert.Single(Calendar.WorkedWeekendDays(2025));
        Assert.Equal(D(2025, 4, 26), worked.Date);
        Assert.Equal(D(2025, 5, 2), worked.InExchangeFor);
        Assert.Equal("Làm bù cho ngày nghỉ thứ Sáu 02/05/2025", worked.ReasonVi);
        Assert.Null(Calendar.FindNonWorkingDay(D(2025, 4, 26)));
    }

    [Fact]
    public void TheDerivedRulesGiveThe2025TetAndNationalDayDaysTheNoticeChose()
    {
        var derived = HolidayRules.DerivedNotice(2025);
        Assert.True(derived.Derived);
        Assert.Equal(DocumentedNotices.Year2025.TetDays, derived.TetDays);
        Assert.Equal(DocumentedNotices.Year2025.NationalDaySecondDay, derived.NationalDaySecondDay);
        Assert.Empty(derived.Swaps); // a swap cannot be derived: it has to be entered
    }

    [Theory]
    [InlineData("2023-01-01", "2023-01-02")] // New Year's Day on a Sunday
    [InlineData("2023-09-02", "2023-09-04")] // National Day on a Saturday (1/9 Friday is the adjacent day)
    [InlineData("2022-04-10", "2022-04-11")] // Hùng Kings on a Sunday
    [InlineData("2026-04-26", "2026-04-27")] // Hùng Kings on a Sunday
    [InlineData("2022-05-01", "2022-05-03")] // Labour Day on a Sunday, after 30/4 (Saturday) made up on Monday 2/5
    public void AHolidayOnAWeekendIsMadeUpOnTheNextWorkingDay(string holiday, string makeUp)
    {
        var day = Calendar.FindNonWorkingDay(DateOnly.Parse(makeUp));
        Assert.NotNull(day);
        Assert.Equal(NonWorkingKind.MakeUpDay, day.Kind);
        Assert.Contains(CalendarTextDate(DateOnly.Parse(holiday)), day.ReasonVi);
        Assert.StartsWith("Nghỉ bù ", day.ReasonVi);
        Assert.True(Calendar.IsWorkingDay(DateOnly.Parse(makeUp).AddDays(1)));
    }

    private static string CalendarTextDate(DateOnly date) => date.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void HolidaysOnAWholeWeekendAreMadeUpInOrderAfterTheFollowingHoliday()
    {
        // 2023: Hùng Kings Sat 29/4, Reunification Day Sun 30/4, Labour Day Mon 1/5.
        Assert.Equal(Occasion.HungKings, Calendar.FindNonWorkingDay(D(2023, 4, 29))!.Occasion);
        Assert.Equal(NonWorkingKind.Holiday, Calendar.FindNonWorkingDay(D(2023, 5, 1))!.Kind);
        var tuesday = Calendar.FindNonWorkingDay(D(2023, 5, 2))!;
        var wednesday = Calendar.FindNonWorkingDay(D(2023, 5, 3))!;
        Assert.Equal((NonWorkingKind.MakeUpDay, Occasion.HungKings), (tuesday.Kind, tuesday.Occasion));
        Assert.Equal((NonWorkingKind.MakeUpDay, Occasion.ReunificationDay), (wednesday.Kind, wednesday.Occasion));
        Assert.True(Calendar.IsWorkingDay(D(2023, 5, 4)));
    }

    [Fact]
    public void TetOnAWeekendIn2024StretchesTheBreakToTheFourteenthOfFebruary()
    {
        Assert.Equal((D(2024, 2, 8), D(2024, 2, 14)), TetBreak(2024));
        Assert.Equal(NonWorkingKind.MakeUpDay, Calendar.FindNonWorkingDay(D(2024, 2, 13))!.Kind);
        Assert.Equal(NonWorkingKind.MakeUpDay, Calendar.FindNonWorkingDay(D(2024, 2, 14))!.Kind);
    }

    [Theory]
    [InlineData(2020, "2020-01-23", "2020-01-29")] // reported: Thu 23/1 – Wed 29/1 (29 Chạp – mùng 5)
    [InlineData(2022, "2022-01-29", "2022-02-06")] // Công văn 245/VPCP-KGVX: 31/1 – 4/2, with the weekends
    [InlineData(2023, "2023-01-20", "2023-01-26")] // reported: 20/1 – 26/1
    [InlineData(2025, "2025-01-25", "2025-02-02")] // the documented notice, with the weekends
    [InlineData(2026, "2026-02-14", "2026-02-22")] // reported: Sat 14/2 (27 Chạp) – Sun 22/2 (mùng 6)
    public void TheTetBreakMatchesTheOneAnnounced(int year, string first, string last)
    {
        Assert.Equal((DateOnly.Parse(first), DateOnly.Parse(last)), TetBreak(year));
    }

    [Fact]
    public void TheDerived2022TetGivesTheSameDaysOffAsTheNotice()
    {
        var derived = WorkingCalendar.Create(2022, 2022, []);
        Assert.True(derived.Notice(2022).Derived);
        Assert.Equal(
            Calendar.NonWorkingDays(2022).Select(d => d.Date),
            derived.NonWorkingDays(2022).Select(d => d.Date));
    }

    /// <summary>The longest run of non-working days containing Tết.</summary>
    private static (DateOnly First, DateOnly Last) TetBreak(int year)
    {
        var tet = LunarCalendar.NewYear(year);
        var first = tet;
        while (!Calendar.IsWorkingDay(first.AddDays(-1))) first = first.AddDays(-1);
        var last = tet;
        while (!Calendar.IsWorkingDay(last.AddDays(1))) last = last.AddDays(1);
        return (first, last);
    }

    [Theory]
    [InlineData(2021, 3)]
    [InlineData(2022, 1)]
    [InlineData(2023, 1)]
    [InlineData(2024, 3)]
    [InlineData(2025, 1)]
    [InlineData(2026, 3)]
    public void TheDefaultSecondNationalDayDayJoinsTheHolidayToAWeekend(int year, int day)
    {
        Assert.Equal(new DateOnly(year, 9, day), HolidayRules.DefaultNationalDaySecondDay(year));
    }

    [Fact]
    public void DefaultTetDaysAreTheLastTwoDaysOfTheOldYearAndTheFirstThreeOfTheNew()
    {
        var days = HolidayRules.DefaultTetDays(2024);
        Assert.Equal([D(2024, 2, 8), D(2024, 2, 9), D(2024, 2, 10), D(2024, 2, 11), D(2024, 2, 12)], days);
        Assert.Equal(new LunarDate(2023, 12, 29), LunarCalendar.FromSolar(days[0]));
        Assert.Equal(new LunarDate(2024, 1, 3), LunarCalendar.FromSolar(days[4]));
    }

    [Fact]
    public void CultureDayIsADayOffOnlyWhenSwitchedOnAndFrom2026()
    {
        Assert.True(Calendar.IsWorkingDay(D(2026, 11, 24)));

        var withCultureDay = WorkingCalendar.CreateDefault(2025, 2027, new HolidayOptions { VietnameseCultureDay = true });
        var day = withCultureDay.FindNonWorkingDay(D(2026, 11, 24));
        Assert.NotNull(day);
        Assert.Equal(Occasion.CultureDay, day.Occasion);
        Assert.Equal("Ngày Văn hóa Việt Nam (24/11)", day.ReasonVi);
        Assert.True(withCultureDay.IsWorkingDay(D(2025, 11, 24)));
        // 24/11/2027 is a Wednesday; no make-up needed. The rule is the ordinary one.
        Assert.False(withCultureDay.IsWorkingDay(D(2027, 11, 24)));
    }

    [Fact]
    public void ASwapReachingIntoTheNextYearIsHonouredThere()
    {
        var notice2018 = HolidayRules.DerivedNotice(2018) with
        {
            Derived = false,
            Swaps = [new DaySwap(D(2018, 12, 31), D(2019, 1, 5))],
        };
        var only2019 = WorkingCalendar.Create(2019, 2019, [notice2018]);
        Assert.True(only2019.IsWorkingDay(D(2019, 1, 5)));
        Assert.True(only2019.Notice(2019).Derived);

        var both = WorkingCalendar.Create(2018, 2019, [notice2018]);
        Assert.Equal(NonWorkingKind.SwappedDayOff, both.FindNonWorkingDay(D(2018, 12, 31))!.Kind);
        Assert.True(both.IsWorkingDay(D(2019, 1, 5)));
    }

    [Fact]
    public void ANoticeWithoutFiveTetDaysIsRejectedNamingTheField()
    {
        var notice = HolidayRules.DerivedNotice(2027) with { TetDays = HolidayRules.DefaultTetDays(2027).Take(4).ToList() };
        var error = Assert.Single(notice.Validate());
        Assert.Equal(nameof(YearNotice.TetDays), error.Field);
        Assert.Contains("5 ngày", error.MessageVi);

        var thrown = Assert.Throws<ArgumentException>(() => WorkingCalendar.Create(2027, 2027, [notice]));
        Assert.Contains("Notice 2027", thrown.Message);
    }

    [Fact]
    public void ASecondNationalDayDayThatIsNotNextToTheSecondOfSeptemberIsRejected()
    {
        var notice = HolidayRules.DerivedNotice(2027) with { NationalDaySecondDay = D(2027, 9, 4) };
        Assert.Equal(nameof(YearNotice.NationalDaySecondDay), Assert.Single(notice.Validate()).Field);
    }

    [Fact]
    public void ASwapMustGiveAWeekdayOffForAWeekendDayWorked()
    {
        var notice = HolidayRules.DerivedNotice(2027) with { Swaps = [new DaySwap(D(2027, 5, 1), D(2027, 5, 3))] };
        var errors = notice.Validate();
        Assert.Equal(2, errors.Count); // Sat 1/5 is not a weekday; Mon 3/5 is not a weekend day
        Assert.All(errors, e => Assert.Equal(nameof(YearNotice.Swaps), e.Field));
    }

    [Fact]
    public void WorkingOnAHolidayIsAContradictionTheCalendarRefuses()
    {
        // Sunday 26/4/2026 is the Hùng Kings' day: it cannot be the Sunday worked for a swap.
        var notice = HolidayRules.DerivedNotice(2026) with { Swaps = [new DaySwap(D(2026, 4, 24), D(2026, 4, 26))] };
        Assert.Empty(notice.Validate());
        var thrown = Assert.Throws<ArgumentException>(() => WorkingCalendar.Create(2026, 2026, [notice]));
        Assert.Contains("26/04/2026", thrown.Message);
    }

    [Fact]
    public void TwoNoticesForOneYearAreRefused()
    {
        Assert.Throws<ArgumentException>(() => WorkingCalendar.Create(2025, 2025, [DocumentedNotices.Year2025, HolidayRules.DerivedNotice(2025)]));
    }

    [Fact]
    public void AnExtraDayOffIsADayOffWithTheNoticesReason()
    {
        var notice = HolidayRules.DerivedNotice(2027) with
        {
            ExtraDaysOff = [new ExtraDayOff(D(2027, 6, 1), "Nghỉ thêm theo quyết định", "Extra day off by decision", "QĐ 1/2027")],
        };
        var calendar = WorkingCalendar.Create(2027, 2027, [notice]);
        var day = calendar.FindNonWorkingDay(D(2027, 6, 1))!;
        Assert.Equal(NonWorkingKind.ExtraDayOff, day.Kind);
        Assert.Equal("Nghỉ thêm theo quyết định", day.ReasonVi);
        Assert.Equal("QĐ 1/2027", day.Reference);
    }

    [Fact]
    public void HolidayRulesAloneListTheDaysOffOfOneNotice()
    {
        var days = HolidayRules.DaysOff(DocumentedNotices.Year2025);
        Assert.Equal(12, days.Count); // 11 statutory holidays, all on weekdays, and the swapped Friday
        Assert.DoesNotContain(days, d => d.Kind == NonWorkingKind.MakeUpDay);
        Assert.Equal(D(2025, 5, 2), Assert.Single(days, d => d.Kind == NonWorkingKind.SwappedDayOff).Date);
    }
}
