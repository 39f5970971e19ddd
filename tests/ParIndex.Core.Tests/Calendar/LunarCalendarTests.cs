using ParIndex.Core.Calendar;

namespace ParIndex.Core.Tests.Calendar;

public class LunarCalendarTests
{
    [Fact]
    public void TetOf2025StartsOnTheTwentyNinthOfJanuary()
    {
        Assert.Equal(new DateOnly(2025, 1, 29), LunarCalendar.NewYear(2025));
        Assert.Equal(new LunarDate(2025, 1, 1), LunarCalendar.FromSolar(new DateOnly(2025, 1, 29)));
    }

    [Theory]
    [InlineData(2020, "2020-01-25")]
    [InlineData(2021, "2021-02-12")]
    [InlineData(2022, "2022-02-01")]
    [InlineData(2023, "2023-01-22")]
    [InlineData(2024, "2024-02-10")]
    [InlineData(2025, "2025-01-29")]
    [InlineData(2026, "2026-02-17")]
    [InlineData(2007, "2007-02-17")] // China: 18 February (new moon 16:14 UT = 23:14 in Hanoi, 00:14 in Beijing)
    [InlineData(1968, "1968-01-29")] // China and South Vietnam (UTC+8): 30 January — the Tết Offensive confusion
    [InlineData(1985, "1985-01-21")] // China: 20 February
    public void TetFallsOnTheDateTheVietnameseCalendarGives(int year, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected), LunarCalendar.NewYear(year));
    }

    [Fact]
    public void TetOf1985CameAMonthBeforeChinasBecauseVietnamHadNoLeapMonthIn1984()
    {
        // In UTC+7 the leap month moves from the 10th month of 1984 (Chinese calendar) to the 2nd of 1985,
        // so the Vietnamese year begins one lunation earlier and the calendars agree again from Tết 1986.
        Assert.Equal(0, LunarCalendar.LeapMonth(1984));
        Assert.Equal(2, LunarCalendar.LeapMonth(1985));
        Assert.Equal(new DateOnly(1985, 1, 21), LunarCalendar.NewYear(1985));
        Assert.Equal(new DateOnly(1986, 2, 9), LunarCalendar.NewYear(1986));
    }

    [Theory]
    [InlineData(2024, "2024-04-18")]
    [InlineData(2025, "2025-04-07")]
    [InlineData(2026, "2026-04-26")]
    public void HungKingsDayIsTheTenthDayOfTheThirdLunarMonth(int year, string expected)
    {
        var date = DateOnly.Parse(expected);
        Assert.Equal(date, HolidayRules.HungKingsDay(year));
        Assert.Equal(new LunarDate(year, 3, 10), LunarCalendar.FromSolar(date));
    }

    [Theory]
    [InlineData(2012, 4)]
    [InlineData(2014, 9)]
    [InlineData(2017, 6)]
    [InlineData(2020, 4)]
    [InlineData(2023, 2)]
    [InlineData(2025, 6)]
    [InlineData(2033, 11)] // the "2033 problem": a leap 11th month
    [InlineData(2024, 0)]
    [InlineData(2026, 0)]
    public void LeapMonthsFallWhereNoMajorSolarTermIs(int year, int leapMonth)
    {
        Assert.Equal(leapMonth, LunarCalendar.LeapMonth(year));
    }

    [Fact]
    public void TheLeapSecondMonthOf2023FollowsTheRegularSecondMonth()
    {
        Assert.Equal(new DateOnly(2023, 2, 20), LunarCalendar.ToSolar(2023, 2, 1));
        Assert.Equal(new DateOnly(2023, 3, 22), LunarCalendar.ToSolar(2023, 2, 1, isLeapMonth: true));
        Assert.Equal(new DateOnly(2023, 4, 20), LunarCalendar.ToSolar(2023, 3, 1));
        Assert.Equal(new LunarDate(2023, 2, 1, IsLeapMonth: true), LunarCalendar.FromSolar(new DateOnly(2023, 3, 22)));
    }

    [Fact]
    public void TheLeapFourthMonthOf2020BeganOnTheTwentyThirdOfMay()
    {
        Assert.Equal(new DateOnly(2020, 5, 23), LunarCalendar.ToSolar(2020, 4, 1, isLeapMonth: true));
        Assert.Equal(new LunarDate(2020, 4, 30), LunarCalendar.FromSolar(new DateOnly(2020, 5, 22)));
    }

    [Fact]
    public void TheDayBeforeTetBelongsToTheTwelfthMonthOfThePreviousLunarYear()
    {
        Assert.Equal(new LunarDate(2024, 12, 29), LunarCalendar.FromSolar(new DateOnly(2025, 1, 28)));
        Assert.Equal(29, LunarCalendar.DaysInMonth(2024, 12));
        Assert.Equal(new LunarDate(2023, 12, 30), LunarCalendar.FromSolar(new DateOnly(2024, 2, 9)));
    }

    [Fact]
    public void EveryDayFrom1900To2100SurvivesARoundTripThroughTheLunarCalendar()
    {
        var previous = LunarCalendar.FromSolar(LunarCalendar.MinDate);
        Assert.Equal(LunarCalendar.MinDate, LunarCalendar.ToSolar(previous));
        for (var date = LunarCalendar.MinDate.AddDays(1); date <= LunarCalendar.MaxDate; date = date.AddDays(1))
        {
            var lunar = LunarCalendar.FromSolar(date);
            Assert.Equal(date, LunarCalendar.ToSolar(lunar));

            // Consecutive days either continue the month or start a new one after day 29 or 30.
            if (lunar.Day == 1)
            {
                Assert.InRange(previous.Day, 29, 30);
                bool nextNumber = lunar.Month == previous.Month % 12 + 1 && !lunar.IsLeapMonth;
                bool leapRepeat = lunar.Month == previous.Month && lunar.IsLeapMonth && !previous.IsLeapMonth;
                Assert.True(nextNumber || leapRepeat, $"{previous} is followed by {lunar}");
                Assert.Equal(lunar.Month == 1 && !lunar.IsLeapMonth ? previous.Year + 1 : previous.Year, lunar.Year);
            }
            else
            {
                Assert.Equal(previous with { Day = previous.Day + 1 }, lunar);
            }
            previous = lunar;
        }
    }

    [Fact]
    public void EveryLunarYearHasTwelveOrThirteenMonthsAndTetBetweenTheTwentiethOfJanuaryAndTheTwentiethOfFebruary()
    {
        for (int year = LunarCalendar.MinYear; year < LunarCalendar.MaxYear; year++)
        {
            var tet = LunarCalendar.NewYear(year);
            Assert.InRange(tet, new DateOnly(year, 1, 20), new DateOnly(year, 2, 20));
            int days = LunarCalendar.NewYear(year + 1).DayNumber - tet.DayNumber;
            int leap = LunarCalendar.LeapMonth(year);
            Assert.InRange(days, leap == 0 ? 353 : 383, leap == 0 ? 355 : 385);
        }
    }

    [Fact]
    public void AnAbsentDayOrLeapMonthIsRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => LunarCalendar.ToSolar(2024, 12, 30));
        Assert.Throws<ArgumentOutOfRangeException>(() => LunarCalendar.ToSolar(2024, 3, 1, isLeapMonth: true));
        Assert.Throws<ArgumentOutOfRangeException>(() => LunarCalendar.ToSolar(2024, 13, 1));
    }

    [Fact]
    public void DatesOutsideTheSupportedRangeAreRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => LunarCalendar.FromSolar(new DateOnly(1899, 12, 31)));
        Assert.Throws<ArgumentOutOfRangeException>(() => LunarCalendar.FromSolar(new DateOnly(2101, 1, 1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => LunarCalendar.NewYear(2101));
    }

    [Theory]
    [InlineData(1984, "Giáp Tý")]
    [InlineData(2023, "Quý Mão")]
    [InlineData(2024, "Giáp Thìn")]
    [InlineData(2025, "Ất Tỵ")]
    [InlineData(2026, "Bính Ngọ")]
    public void LunarYearsAreNamedByTheSexagenaryCycle(int year, string name)
    {
        Assert.Equal(name, LunarCalendar.YearName(year));
    }

    [Fact]
    public void NewMoonAndSolarLongitudeReproduceMeeusWorkedExamples()
    {
        // Astronomical Algorithms, example 49.a: the new moon of 1977 February, JDE 2443192.65118.
        Assert.Equal(2443192.65118, Astronomy.NewMoonTT(-283), tolerance: 0.00001);
        // Example 25.a: the Sun's apparent longitude on 1992 October 13.0 TD, 199.90895° (low accuracy).
        Assert.Equal(199.90895, Astronomy.SunApparentLongitude(2448908.5), tolerance: 0.00002);
    }

    [Fact]
    public void TheNewMoonOfTet2007FellBeforeMidnightInHanoi()
    {
        // 2007-02-17 16:14 UT: 23:14 at UTC+7 (Tết on the 17th), 00:14 the next day at UTC+8.
        double ut = Astronomy.NewMoonUT(88);
        var instant = new DateTime(2000, 1, 1, 12, 0, 0, DateTimeKind.Utc).AddDays(ut - 2451545.0);
        Assert.Equal(new DateTime(2007, 2, 17, 16, 14, 0, DateTimeKind.Utc), instant, TimeSpan.FromMinutes(1));
    }
}
