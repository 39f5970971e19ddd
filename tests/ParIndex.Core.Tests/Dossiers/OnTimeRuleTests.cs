using ParIndex.Core.Calendar;
using ParIndex.Core.Dossiers;

namespace ParIndex.Core.Tests.Dossiers;

/// <summary>One test per clause of the 766 on-time rule (OnTimeRule's summary and docs/dossiers.md §3).</summary>
public class OnTimeRuleTests
{
    private static readonly WorkingCalendar Calendar = WorkingCalendar.CreateDefault(2020, 2030);

    private static DateTimeOffset At(int month, int day, int hour = 9, int minute = 0, int year = 2025) =>
        new(year, month, day, hour, minute, 0, TimeSpan.FromHours(7));

    private static DossierEvent E(DossierEventKind kind, DateTimeOffset at) => new(kind, at);

    private static DossierJudgement Judge(DateTimeOffset received, DateTimeOffset due, params DossierEvent[] events) =>
        Judge(received, due, DeadlineUnit.WorkingDays, events);

    private static DossierJudgement Judge(DateTimeOffset received, DateTimeOffset due, DeadlineUnit unit, params DossierEvent[] events) =>
        OnTimeRule.Judge(received, due, unit, DossierTimeline.Normalize(events), Calendar);

    // Received Monday 3/3/2025 09:00, due Thursday 6/3/2025 17:00 (3 working days).
    private static readonly DateTimeOffset Received = At(3, 3);
    private static readonly DateTimeOffset Due = At(3, 6, 17);

    [Fact]
    public void ADossierDoneBeforeItsDueDateIsOnTime()
    {
        var j = Judge(Received, Due, E(DossierEventKind.ProcessingDone, At(3, 5, 10)));

        Assert.Equal(DossierOutcome.OnTime, j.Outcome);
        Assert.Equal(VerdictReason.EndedByDue, j.Reason);
        Assert.Equal(DossierEventKind.ProcessingDone, j.EndKind);
    }

    [Fact]
    public void DatesAreComparedSoADossierDoneLateOnItsDueDayIsOnTime()
    {
        var j = Judge(Received, Due, E(DossierEventKind.ProcessingDone, At(3, 6, 21, 30)));

        Assert.Equal(DossierOutcome.OnTime, j.Outcome);
    }

    [Fact]
    public void ADossierDoneTheDayAfterItsDueDateIsLate()
    {
        var j = Judge(Received, Due, E(DossierEventKind.ProcessingDone, At(3, 7, 8)));

        Assert.Equal(DossierOutcome.Late, j.Outcome);
        Assert.Equal(VerdictReason.EndedAfterDue, j.Reason);
    }

    [Fact]
    public void TheEndIsWhenProcessingWasDoneEvenIfTheResultWasReturnedAfterTheDueDate()
    {
        var j = Judge(Received, Due, E(DossierEventKind.ProcessingDone, At(3, 6, 10)), E(DossierEventKind.ResultReturned, At(3, 10, 9)));

        Assert.Equal(DossierOutcome.OnTime, j.Outcome);
        Assert.Equal(At(3, 6, 10), j.EndedAt);
    }

    [Fact]
    public void WithoutADoneEventTheReturnOfTheResultEndsTheDossier()
    {
        var j = Judge(Received, Due, E(DossierEventKind.ResultReturned, At(3, 10, 9)));

        Assert.Equal(DossierEventKind.ResultReturned, j.EndKind);
        Assert.Equal(DossierOutcome.Late, j.Outcome);
    }

    [Fact]
    public void StoppedComesBeforeRefusedAndRefusedBeforeWithdrawnInThePriority()
    {
        var stoppedAndRefused = Judge(Received, Due, E(DossierEventKind.Refused, At(3, 4)), E(DossierEventKind.Stopped, At(3, 10)));
        var refusedAndWithdrawn = Judge(Received, Due, E(DossierEventKind.Withdrawn, At(3, 4)), E(DossierEventKind.Refused, At(3, 10)));

        Assert.Equal(DossierEventKind.Stopped, stoppedAndRefused.EndKind);
        Assert.Equal(DossierOutcome.Late, stoppedAndRefused.Outcome);
        Assert.Equal(DossierEventKind.Refused, refusedAndWithdrawn.EndKind);
    }

    [Fact]
    public void TheEarliestEventOfTheChosenKindCounts()
    {
        var j = Judge(Received, Due, E(DossierEventKind.ProcessingDone, At(3, 5)), E(DossierEventKind.ProcessingDone, At(3, 12)));

        Assert.Equal(At(3, 5), j.EndedAt);
    }

    [Fact]
    public void ARefusalByTheDueDateIsOnTime()
    {
        var j = Judge(Received, Due, E(DossierEventKind.Refused, At(3, 4, 14)));

        Assert.Equal(DossierOutcome.OnTime, j.Outcome);
        Assert.Null(j.ProcessingDays);
    }

    [Fact]
    public void AWithdrawalIsJudgedByItsDate()
    {
        Assert.Equal(DossierOutcome.OnTime, Judge(Received, Due, E(DossierEventKind.Withdrawn, At(3, 5))).Outcome);
        Assert.Equal(DossierOutcome.Late, Judge(Received, Due, E(DossierEventKind.Withdrawn, At(3, 11))).Outcome);
    }

    [Fact]
    public void ASingleSupplementRequestPausesTheClockForTheWorkingDaysWaited()
    {
        // Requested Tue 4/3, supplied Thu 6/3: Wed and Thu are waiting days, so the due date moves from Thu 6/3 to Mon 10/3.
        var j = Judge(Received, Due,
            E(DossierEventKind.SupplementRequested, At(3, 4, 10)),
            E(DossierEventKind.SupplementCompleted, At(3, 6, 15)),
            E(DossierEventKind.ProcessingDone, At(3, 10, 16)));

        Assert.Equal(2, j.PausedDays);
        Assert.Equal(At(3, 10, 17), j.EffectiveDue);
        Assert.Equal(DossierOutcome.OnTime, j.Outcome);
    }

    [Fact]
    public void TheWaitingTimeCountsOnlyWorkingDays()
    {
        // Requested Fri 7/3, supplied Mon 10/3: only Monday is a waiting working day.
        var j = Judge(Received, Due,
            E(DossierEventKind.SupplementRequested, At(3, 7, 10)),
            E(DossierEventKind.SupplementCompleted, At(3, 10, 8)),
            E(DossierEventKind.ProcessingDone, At(3, 11, 11)));

        Assert.Equal(1, j.PausedDays);
    }

    [Fact]
    public void ASupplementReceivedTheSameDayDoesNotMoveTheDueDate()
    {
        var j = Judge(Received, Due,
            E(DossierEventKind.SupplementRequested, At(3, 4, 9)),
            E(DossierEventKind.SupplementCompleted, At(3, 4, 16)),
            E(DossierEventKind.ProcessingDone, At(3, 7, 9)));

        Assert.Equal(0, j.PausedDays);
        Assert.Equal(Due, j.EffectiveDue);
        Assert.Equal(DossierOutcome.Late, j.Outcome);
    }

    [Fact]
    public void MoreThanOneSupplementRequestIsLateEvenWhenDoneEarly()
    {
        var j = Judge(Received, Due,
            E(DossierEventKind.SupplementRequested, At(3, 3, 10)),
            E(DossierEventKind.SupplementCompleted, At(3, 3, 14)),
            E(DossierEventKind.SupplementRequested, At(3, 4, 10)),
            E(DossierEventKind.SupplementCompleted, At(3, 4, 14)),
            E(DossierEventKind.ProcessingDone, At(3, 5, 10)));

        Assert.Equal(2, j.SupplementRequests);
        Assert.Equal(DossierOutcome.Late, j.Outcome);
        Assert.Equal(VerdictReason.MoreThanOneSupplement, j.Reason);
    }

    [Fact]
    public void ADossierEndedWhileWaitingForASupplementRequestedInTimeIsOnTime()
    {
        var j = Judge(Received, Due,
            E(DossierEventKind.SupplementRequested, At(3, 5, 10)),
            E(DossierEventKind.Stopped, At(4, 20, 10)));

        Assert.True(j.AwaitingSupplement);
        Assert.Equal(DossierOutcome.OnTime, j.Outcome);
        Assert.Equal(VerdictReason.EndedWhileAwaitingSupplement, j.Reason);
    }

    [Fact]
    public void ADossierEndedWhileWaitingForASupplementRequestedAfterTheDueDateIsLate()
    {
        var j = Judge(Received, Due,
            E(DossierEventKind.SupplementRequested, At(3, 7, 10)),
            E(DossierEventKind.Withdrawn, At(3, 20, 10)));

        Assert.Equal(DossierOutcome.Late, j.Outcome);
        Assert.Equal(VerdictReason.SupplementRequestedAfterDue, j.Reason);
    }

    [Fact]
    public void ASupplementArrivingAfterTheEndDoesNotMoveTheDueDate()
    {
        var j = Judge(Received, Due,
            E(DossierEventKind.SupplementRequested, At(3, 4, 10)),
            E(DossierEventKind.Refused, At(3, 12, 10)),
            E(DossierEventKind.SupplementCompleted, At(3, 13, 10)));

        Assert.True(j.AwaitingSupplement);
        Assert.Null(j.SupplementCompleted);
        Assert.Equal(DossierOutcome.OnTime, j.Outcome);
    }

    [Fact]
    public void AnOpenDossierIsJudgedAtThePeriodsLastDay()
    {
        var j = Judge(Received, Due);

        Assert.Equal(DossierOutcome.Open, j.Outcome);
        Assert.Equal(new DateOnly(2025, 3, 7), j.OverdueFrom);
        Assert.Equal(PeriodStatus.OpenWithinDeadline, OnTimeRule.StatusAt(j, Received, new DateOnly(2025, 3, 6)));
        Assert.Equal(PeriodStatus.OpenOverdue, OnTimeRule.StatusAt(j, Received, new DateOnly(2025, 3, 31)));
    }

    [Fact]
    public void ADossierEndedAfterThePeriodWasOpenAtItsEnd()
    {
        var j = Judge(At(2, 25), At(2, 27, 17), E(DossierEventKind.ProcessingDone, At(3, 3)));

        Assert.Equal(DossierOutcome.Late, j.Outcome);
        Assert.Equal(PeriodStatus.OpenOverdue, OnTimeRule.StatusAt(j, At(2, 25), new DateOnly(2025, 2, 28)));
        Assert.Equal(PeriodStatus.Late, OnTimeRule.StatusAt(j, At(2, 25), new DateOnly(2025, 3, 31)));
        Assert.Equal(PeriodStatus.NotReceived, OnTimeRule.StatusAt(j, At(2, 25), new DateOnly(2025, 1, 31)));
    }

    [Fact]
    public void AnOpenDossierWaitingForASupplementRequestedInTimeIsNeverOverdue()
    {
        var j = Judge(Received, Due, E(DossierEventKind.SupplementRequested, At(3, 5, 10)));

        Assert.Null(j.OverdueFrom);
        Assert.Equal(PeriodStatus.OpenWithinDeadline, OnTimeRule.StatusAt(j, Received, new DateOnly(2025, 12, 31)));
    }

    [Fact]
    public void AnOpenDossierWaitingForASupplementRequestedTooLateIsOverdueFromTheDayAfterItsDueDate()
    {
        var j = Judge(Received, Due, E(DossierEventKind.SupplementRequested, At(3, 10, 10)));

        Assert.Equal(new DateOnly(2025, 3, 7), j.OverdueFrom);
    }

    [Fact]
    public void AnOpenDossierAskedForASecondSupplementIsOverdueFromTheSecondRequest()
    {
        var j = Judge(Received, At(3, 31, 17),
            E(DossierEventKind.SupplementRequested, At(3, 4, 10)),
            E(DossierEventKind.SupplementCompleted, At(3, 5, 10)),
            E(DossierEventKind.SupplementRequested, At(3, 12, 10)));

        Assert.Equal(new DateOnly(2025, 3, 12), j.OverdueFrom);
        Assert.Equal(PeriodStatus.OpenOverdue, OnTimeRule.StatusAt(j, Received, new DateOnly(2025, 3, 12)));
        Assert.Equal(PeriodStatus.OpenWithinDeadline, OnTimeRule.StatusAt(j, Received, new DateOnly(2025, 3, 11)));
    }

    [Fact]
    public void APromisedReturnDateIsUsedInsteadOfTheComputedOne()
    {
        var policy = DeadlinePolicy.WorkingDays(3);
        var computed = Calendar.ComputeDue(Received, policy); // Thu 6/3
        var promised = VietnamTime.At(new DateOnly(2025, 3, 10), new TimeOnly(17, 0));
        var done = E(DossierEventKind.ProcessingDone, At(3, 7, 10));

        Assert.Equal(DossierOutcome.Late, Judge(Received, computed, done).Outcome);
        var byPromise = Judge(Received, promised, done);
        Assert.Equal(DossierOutcome.OnTime, byPromise.Outcome);
        Assert.Contains("phiếu tiếp nhận", OnTimeRule.Explain(byPromise, promised: true)[0].Vi);
        Assert.Contains("tính theo thời hạn", OnTimeRule.Explain(Judge(Received, computed, done), promised: false)[0].Vi);
    }

    [Fact]
    public void AfterTheThreeOClockCutOffTheDeadlineCountsFromTheNextWorkingDay()
    {
        // A same-day certified copy received Friday 7/3 at 15:20: due Monday 10/3 with the cut-off, Friday without.
        var received = At(3, 7, 15, 20);
        var withCutOff = Calendar.ComputeDue(received, DeadlinePolicy.WorkingDays(0) with { CountsFromNextWorkingDayAfterCutOff = true });
        var withoutCutOff = Calendar.ComputeDue(received, DeadlinePolicy.WorkingDays(0));
        var done = E(DossierEventKind.ProcessingDone, At(3, 10, 9, 30));

        Assert.Equal(DossierOutcome.OnTime, Judge(received, withCutOff, done).Outcome);
        Assert.Equal(DossierOutcome.Late, Judge(received, withoutCutOff, done).Outcome);
    }

    [Fact]
    public void ProceduresCountedInHoursCompareInstants()
    {
        var received = At(3, 3, 8);
        var due = Calendar.ComputeDue(received, DeadlinePolicy.Hours(4)); // 08:00–11:30 and 13:00–13:30
        Assert.Equal(At(3, 3, 13, 30), due);
        var justAfter = E(DossierEventKind.ProcessingDone, due.AddMinutes(30));

        var j = Judge(received, due, DeadlineUnit.Hours, justAfter);

        Assert.True(j.ComparesInstants);
        Assert.Equal(DossierOutcome.Late, j.Outcome);
        Assert.Equal(DossierOutcome.OnTime, Judge(received, due, DeadlineUnit.Hours, E(DossierEventKind.ProcessingDone, due)).Outcome);
        Assert.Equal(VietnamTime.LocalDate(due), j.OverdueFrom);
    }

    [Fact]
    public void ACalendarDayProcedurePausesByCalendarDaysAndEndsOnAWorkingDay()
    {
        // Due Fri 14/3; waiting from Mon 3/3 to Sun 9/3 is 6 calendar days → Thu 20/3.
        var j = Judge(Received, At(3, 14, 17), DeadlineUnit.CalendarDays,
            E(DossierEventKind.SupplementRequested, At(3, 3, 10)),
            E(DossierEventKind.SupplementCompleted, At(3, 9, 10)));
        // One day of waiting moves Tue 29/4 to Wed 30/4, a holiday; 1/5 and 2/5 are off and 3–4/5 a weekend → Mon 5/5.
        var holiday = Judge(At(4, 15), At(4, 29, 17), DeadlineUnit.CalendarDays,
            E(DossierEventKind.SupplementRequested, At(4, 25, 10)),
            E(DossierEventKind.SupplementCompleted, At(4, 26, 10)));

        Assert.Equal(6, j.PausedDays);
        Assert.Equal(At(3, 20, 17), j.EffectiveDue);
        Assert.Equal(At(5, 5, 17), holiday.EffectiveDue);
    }

    [Fact]
    public void ProcessingDaysAreWorkingDaysAfterTheDayOfReceiptWithoutTheWaiting()
    {
        var sameDay = Judge(Received, Due, E(DossierEventKind.ProcessingDone, At(3, 3, 16)));
        var withPause = Judge(Received, Due,
            E(DossierEventKind.SupplementRequested, At(3, 4, 10)),
            E(DossierEventKind.SupplementCompleted, At(3, 6, 15)),
            E(DossierEventKind.ProcessingDone, At(3, 10, 16)));
        var acrossTet = Judge(At(1, 24), At(2, 5, 17), E(DossierEventKind.ResultReturned, At(2, 4, 10)));

        Assert.Equal(0, sameDay.ProcessingDays);
        Assert.Equal(5 - 2, withPause.ProcessingDays); // Tue–Mon is 5 working days, 2 of them waiting
        Assert.Equal(2, acrossTet.ProcessingDays); // Mon 3/2 and Tue 4/2; the Tết break is not counted
    }

    [Fact]
    public void TheExplanationSaysWhyInBothLanguages()
    {
        var late = Judge(Received, Due, E(DossierEventKind.ProcessingDone, At(3, 7, 8)));
        var twice = Judge(Received, Due,
            E(DossierEventKind.SupplementRequested, At(3, 3, 10)),
            E(DossierEventKind.SupplementRequested, At(3, 4, 10)),
            E(DossierEventKind.ProcessingDone, At(3, 5, 10)));
        var open = Judge(Received, Due);

        var lateLines = OnTimeRule.Explain(late, promised: false);
        Assert.EndsWith("sau hạn trả 06/03/2025: trễ hạn.", lateLines[^1].Vi);
        Assert.EndsWith("after the due date 06/03/2025: late.", lateLines[^1].En);
        Assert.Contains(OnTimeRule.Explain(twice, promised: true), l => l.Vi.Contains("quá một lần tính là trễ hạn"));
        Assert.Contains("chưa kết thúc và đã quá hạn", OnTimeRule.Explain(open, promised: true, new DateOnly(2025, 3, 31))[^1].Vi);
        Assert.Contains("chưa quá hạn", OnTimeRule.Explain(open, promised: true, new DateOnly(2025, 3, 5))[^1].Vi);
    }

    [Fact]
    public void JudgingAllocatesNothing()
    {
        var events = DossierTimeline.Normalize(
        [
            E(DossierEventKind.SupplementRequested, At(3, 4, 10)),
            E(DossierEventKind.SupplementCompleted, At(3, 6, 15)),
            E(DossierEventKind.ProcessingDone, At(3, 10, 16)),
        ]);
        OnTimeRule.Judge(Received, Due, DeadlineUnit.WorkingDays, events, Calendar);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
            OnTimeRule.Judge(Received, Due, DeadlineUnit.WorkingDays, events, Calendar);

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
