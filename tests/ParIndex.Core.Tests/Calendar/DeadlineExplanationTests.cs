using ParIndex.Core.Calendar;

namespace ParIndex.Core.Tests.Calendar;

public class DeadlineExplanationTests
{
    private static readonly WorkingCalendar Calendar = WorkingCalendar.CreateDefault(2018, 2030);

    private static DateTimeOffset At(int year, int month, int day, int hour, int minute) =>
        new(year, month, day, hour, minute, 0, TimeSpan.FromHours(7));

    [Fact]
    public void ALateFilingBeforeTetIsExplainedStepByStepInVietnamese()
    {
        var policy = DeadlinePolicy.WorkingDays(2) with { CountsFromNextWorkingDayAfterCutOff = true };

        var explanation = Calendar.Explain(At(2025, 1, 24, 16, 20), policy);

        Assert.Equal(
            [
                "Nhận lúc 16:20 thứ Sáu 24/01/2025, sau 15:00 → tính từ ngày làm việc tiếp theo",
                "Coi như nhận lúc 07:30 thứ Hai 03/02/2025",
                "Thời hạn 2 ngày làm việc, không tính ngày nhận (Bộ luật Dân sự 2015, Điều 147)",
                "Bỏ qua 27/01–31/01/2025: nghỉ Tết Nguyên đán",
                "Đếm 2 ngày làm việc: từ thứ Ba 04/02/2025 đến thứ Tư 05/02/2025",
                "Hạn trả: 17:00 thứ Tư 05/02/2025",
            ],
            explanation.Steps.Select(s => s.Vi));
        Assert.Equal(
            [
                DeadlineStepKind.Received, DeadlineStepKind.TreatedAsReceived, DeadlineStepKind.Period,
                DeadlineStepKind.Skipped, DeadlineStepKind.Counted, DeadlineStepKind.Due,
            ],
            explanation.Steps.Select(s => s.Kind));
        Assert.Equal(At(2025, 2, 5, 17, 0), explanation.Due);
    }

    [Fact]
    public void TheSameExplanationReadsInEnglish()
    {
        var policy = DeadlinePolicy.WorkingDays(2) with { CountsFromNextWorkingDayAfterCutOff = true };

        var explanation = Calendar.Explain(At(2025, 1, 24, 16, 20), policy);

        Assert.Equal("Received at 16:20 on Friday 24/01/2025, after 15:00 → counted from the next working day", explanation.Steps[0].En);
        Assert.Equal("Skipped 27/01–31/01/2025: Lunar New Year (Tết) holiday", explanation.Steps[3].Text(Language.En));
        Assert.Equal("Due: 17:00 on Wednesday 05/02/2025", explanation.Steps[^1].En);
        Assert.Equal(string.Join(Environment.NewLine, explanation.Steps.Select(s => s.En)), explanation.Text(Language.En));
    }

    [Fact]
    public void ASwappedSaturdayAndTheHolidaysAroundItAreNamed()
    {
        var explanation = Calendar.Explain(At(2025, 4, 25, 10, 0), DeadlinePolicy.WorkingDays(5));

        Assert.Equal(
            [
                "Nhận lúc 10:00 thứ Sáu 25/04/2025",
                "Thời hạn 5 ngày làm việc, không tính ngày nhận (Bộ luật Dân sự 2015, Điều 147)",
                "Tính thứ Bảy 26/04/2025 là ngày làm việc (làm bù cho ngày nghỉ thứ Sáu 02/05/2025)",
                "Bỏ qua 30/04–02/05/2025: nghỉ Ngày Chiến thắng; nghỉ Ngày Quốc tế Lao động; nghỉ hoán đổi, làm bù thứ Bảy 26/04/2025",
                "Đếm 5 ngày làm việc: từ thứ Bảy 26/04/2025 đến thứ Ba 06/05/2025",
                "Hạn trả: 17:00 thứ Ba 06/05/2025",
            ],
            explanation.Steps.Select(s => s.Vi));
    }

    [Fact]
    public void AWeekendBetweenAHolidayAndItsMakeUpDayDoesNotSplitTheRun()
    {
        // 2023: Fri 1/9 and Sat 2/9 National Day, Sun 3/9, Mon 4/9 made up.
        var explanation = Calendar.Explain(At(2023, 8, 31, 9, 0), DeadlinePolicy.WorkingDays(1));

        var skipped = Assert.Single(explanation.Steps, s => s.Kind == DeadlineStepKind.Skipped);
        Assert.Equal("Bỏ qua 01/09–04/09/2023: nghỉ Quốc khánh", skipped.Vi);
        Assert.Equal("Hạn trả: 17:00 thứ Ba 05/09/2023", explanation.Steps[^1].Vi);
    }

    [Fact]
    public void ACalendarDayPeriodSaysWhyItsLastDayMoved()
    {
        var explanation = Calendar.Explain(At(2025, 4, 15, 10, 0), DeadlinePolicy.CalendarDays(15));

        Assert.Equal("Ngày thứ 15 sau ngày nhận: thứ Tư 30/04/2025",
            Assert.Single(explanation.Steps, s => s.Kind == DeadlineStepKind.Counted).Vi);
        Assert.Equal("Ngày cuối, thứ Tư 30/04/2025, là ngày nghỉ (Ngày Chiến thắng (30/4)) → chuyển sang ngày làm việc tiếp theo: thứ Hai 05/05/2025",
            Assert.Single(explanation.Steps, s => s.Kind == DeadlineStepKind.MovedToNextWorkingDay).Vi);
        Assert.DoesNotContain(explanation.Steps, s => s.Kind == DeadlineStepKind.Skipped);
    }

    [Fact]
    public void AnHoursPeriodStatesTheOfficeHoursItCounted()
    {
        var explanation = Calendar.Explain(At(2025, 1, 24, 10, 0), DeadlinePolicy.Hours(16));

        Assert.Equal("Thời hạn 16 giờ làm việc, tính từ thời điểm nhận; giờ làm việc 07:30–11:30, 13:00–17:00 (Bộ luật Dân sự 2015, Điều 147)", explanation.Steps[1].Vi);
        Assert.Equal("Bỏ qua 27/01–31/01/2025: nghỉ Tết Nguyên đán", explanation.Steps[2].Vi);
        Assert.Equal("Đếm 16 giờ làm việc từ 10:00 thứ Sáu 24/01/2025 (mỗi ngày làm việc 8 giờ)", explanation.Steps[3].Vi);
        Assert.Equal("Hạn trả: 10:00 thứ Ba 04/02/2025", explanation.Steps[4].Vi);
    }

    [Fact]
    public void AFilingOnAHolidayNightNamesTheHoliday()
    {
        var explanation = Calendar.Explain(At(2025, 1, 29, 21, 0), DeadlinePolicy.WorkingDays(0));

        Assert.Equal("Nhận lúc 21:00 thứ Tư 29/01/2025 (ngày nghỉ: Tết Nguyên đán (mùng 1)), ngoài giờ làm việc → tính từ ngày làm việc tiếp theo", explanation.Steps[0].Vi);
        Assert.Equal("Thời hạn: giải quyết trong ngày nhận", explanation.Steps[2].Vi);
        Assert.Equal("Hạn trả: 17:00 thứ Hai 03/02/2025", explanation.Steps[^1].Vi);
    }

    [Fact]
    public void AFilingInTheLunchBreakIsTreatedAsReceivedAtOne()
    {
        var explanation = Calendar.Explain(At(2025, 3, 3, 12, 10), DeadlinePolicy.Hours(1));

        Assert.Equal("Nhận lúc 12:10 thứ Hai 03/03/2025, ngoài giờ làm việc → tính từ 13:00", explanation.Steps[0].Vi);
        Assert.Equal("Coi như nhận lúc 13:00 thứ Hai 03/03/2025", explanation.Steps[1].Vi);
    }

    [Fact]
    public void TheExplanationAlwaysReachesTheDueInstantTheFastPathComputes()
    {
        DeadlinePolicy[] policies =
        [
            DeadlinePolicy.WorkingDays(0),
            DeadlinePolicy.WorkingDays(0) with { CountsFromNextWorkingDayAfterCutOff = true },
            DeadlinePolicy.WorkingDays(1),
            DeadlinePolicy.WorkingDays(5) with { OutsideOfficeHoursCountsFromNextOpening = false },
            DeadlinePolicy.WorkingDays(20) with { CountsFromNextWorkingDayAfterCutOff = true },
            DeadlinePolicy.CalendarDays(0),
            DeadlinePolicy.CalendarDays(7),
            DeadlinePolicy.CalendarDays(30) with { OutsideOfficeHoursCountsFromNextOpening = false },
            DeadlinePolicy.Hours(0),
            DeadlinePolicy.Hours(4),
            DeadlinePolicy.Hours(24) with { OutsideOfficeHoursCountsFromNextOpening = false },
        ];
        var random = new Random(2025);
        for (int i = 0; i < 3_000; i++)
        {
            var received = At(2024, 1, 1, 0, 0).AddMinutes(random.Next(0, 3 * 366 * 24 * 60));
            foreach (var policy in policies)
            {
                var explanation = Calendar.Explain(received, policy);
                Assert.Equal(Calendar.ComputeDue(received, policy), explanation.Due);
                Assert.Equal(DeadlineStepKind.Received, explanation.Steps[0].Kind);
                Assert.Equal(DeadlineStepKind.Due, explanation.Steps[^1].Kind);
                Assert.True(explanation.Due >= received || policy.Amount == 0 && !policy.OutsideOfficeHoursCountsFromNextOpening,
                    $"{received} {policy.DescribeEn()} → {explanation.Due}");
            }
        }
    }
}
