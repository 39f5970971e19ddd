using ParIndex.Core.Calendar;

namespace ParIndex.Core.Tests.Calendar;

public class WorkingCalendarTests
{
    private static readonly WorkingCalendar Calendar = WorkingCalendar.CreateDefault(2018, 2030);

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    [Fact]
    public void TheFirstWorkingDayAfterTheFridayBeforeTet2025IsMondayTheThirdOfFebruary()
    {
        Assert.Equal(D(2025, 2, 3), Calendar.AddWorkingDays(D(2025, 1, 24), 1));
        Assert.Equal(D(2025, 2, 5), Calendar.AddWorkingDays(D(2025, 1, 24), 3));
        Assert.Equal(D(2025, 2, 3), Calendar.NextWorkingDay(D(2025, 1, 24)));
    }

    [Fact]
    public void GoingBackOneWorkingDayFromAfterTetLandsBeforeIt()
    {
        Assert.Equal(D(2025, 1, 24), Calendar.AddWorkingDays(D(2025, 2, 3), -1));
        Assert.Equal(D(2025, 1, 23), Calendar.AddWorkingDays(D(2025, 2, 1), -2));
    }

    [Fact]
    public void AddingZeroWorkingDaysReturnsTheStartEvenOnAHoliday()
    {
        Assert.Equal(D(2025, 1, 29), Calendar.AddWorkingDays(D(2025, 1, 29), 0));
    }

    [Fact]
    public void CountingWorkingDaysAcrossTetLeavesOutTheWholeBreak()
    {
        // 24/1 excluded; 25/1–2/2 off; 3/2–7/2 counted.
        Assert.Equal(5, Calendar.CountWorkingDays(D(2025, 1, 24), D(2025, 2, 7)));
        Assert.Equal(0, Calendar.CountWorkingDays(D(2025, 1, 24), D(2025, 2, 2)));
        Assert.Equal(-5, Calendar.CountWorkingDays(D(2025, 2, 7), D(2025, 1, 24)));
        Assert.Equal(0, Calendar.CountWorkingDays(D(2025, 3, 3), D(2025, 3, 3)));
    }

    [Fact]
    public void TheSwappedSaturdayCountsAndTheSwappedFridayDoesNot()
    {
        // Fri 25/4 excluded; Sat 26/4 worked; Mon 28/4, Tue 29/4; 30/4–4/5 off; Mon 5/5 is the fourth.
        Assert.Equal(3, Calendar.CountWorkingDays(D(2025, 4, 25), D(2025, 5, 4)));
        Assert.Equal(D(2025, 4, 26), Calendar.AddWorkingDays(D(2025, 4, 25), 1));
        Assert.Equal(D(2025, 5, 5), Calendar.AddWorkingDays(D(2025, 4, 25), 4));
    }

    [Fact]
    public void AddingAndCountingWorkingDaysAgreeForEveryStartAndLength()
    {
        for (var start = D(2024, 1, 1); start <= D(2026, 12, 31); start = start.AddDays(1))
        {
            for (int n = 1; n <= 40; n++)
            {
                var end = Calendar.AddWorkingDays(start, n);
                Assert.True(Calendar.IsWorkingDay(end));
                Assert.Equal(n, Calendar.CountWorkingDays(start, end));
                Assert.Equal(n - 1, Calendar.CountWorkingDays(start, end.AddDays(-1)));
                var back = Calendar.AddWorkingDays(end, -n);
                if (Calendar.IsWorkingDay(start))
                {
                    Assert.Equal(start, back);
                }
                else
                {
                    Assert.True(back < start);
                    Assert.Equal(0, Calendar.CountWorkingDays(back, start));
                }
            }
        }
    }

    [Fact]
    public void WorkingDaysAreExactlyTheDaysNotListedAsNonWorking()
    {
        for (int year = 2018; year <= 2030; year++)
        {
            var off = Calendar.NonWorkingDays(year).Select(d => d.Date).ToHashSet();
            for (var d = D(year, 1, 1); d.Year == year; d = d.AddDays(1))
            {
                Assert.Equal(!off.Contains(d), Calendar.IsWorkingDay(d));
                Assert.Equal(off.Contains(d), Calendar.FindNonWorkingDay(d) is not null);
            }
        }
    }

    [Fact]
    public void TwentyTwentyFiveHasTwoHundredAndFiftyWorkingDays()
    {
        // 2025: 261 weekdays − 12 weekdays off + 1 Saturday worked.
        Assert.Equal(250, Calendar.CountWorkingDays(D(2024, 12, 31), D(2025, 12, 31)));
    }

    [Fact]
    public void DatesOutsideTheCalendarAreRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.IsWorkingDay(D(2017, 12, 31)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.IsWorkingDay(D(2031, 1, 1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.NonWorkingDays(2031));
        Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.AddWorkingDays(D(2030, 12, 20), 30));
        Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.AddWorkingDays(D(2018, 1, 3), -5));
    }

    [Fact]
    public void YearsWithoutANoticeAreDerivedAndMarkedSo()
    {
        Assert.True(Calendar.Notice(2027).Derived);
        Assert.Null(Calendar.Notice(2027).Reference);
        Assert.False(Calendar.Notice(2022).Derived);
        Assert.Equal("Công văn 245/VPCP-KGVX của Văn phòng Chính phủ", Calendar.Notice(2022).Reference);
    }

    [Fact]
    public void ACalendarCanSpanTheWholeSupportedRange()
    {
        var calendar = WorkingCalendar.CreateDefault(1900, 2100);
        Assert.Equal(D(1900, 1, 1), calendar.FirstDate);
        Assert.Equal(D(2100, 12, 31), calendar.LastDate);
        Assert.False(calendar.IsWorkingDay(D(2100, 2, 9))); // mùng 1 Tết 2100
        Assert.Equal(D(2100, 2, 9), LunarCalendar.NewYear(2100));
    }
}
