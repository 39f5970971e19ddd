using ParIndex.Core.Calendar;
using ParIndex.Core.Dossiers;

namespace ParIndex.Core.Tests.Dossiers;

public class ApologyRulesTests
{
    private static readonly DateOnly Received = new(2025, 3, 3);
    private static readonly DateOnly Due = new(2025, 3, 6);
    private static readonly DateOnly Today = new(2025, 3, 20);

    [Fact]
    public void AnApologyNeedsADateAReasonAndANewAppointment()
    {
        var problems = ApologyRules.Validate(null, " ", null, Received, Due, Today);

        Assert.Equal([ApologyRules.IssuedOn, ApologyRules.Reason, ApologyRules.NewAppointment], problems.Select(p => p.Field));
    }

    [Fact]
    public void ACompleteApologyHasNoProblem()
    {
        Assert.Empty(ApologyRules.Validate(new DateOnly(2025, 3, 6), "Chờ ý kiến của Sở Xây dựng", new DateOnly(2025, 3, 12), Received, Due, Today));
    }

    [Fact]
    public void TheApologyIsDatedBetweenTheReceiptAndToday()
    {
        Assert.Equal(ApologyRules.IssuedOn, Assert.Single(ApologyRules.Validate(new DateOnly(2025, 3, 1), "x", new DateOnly(2025, 3, 12), Received, Due, Today)).Field);
        Assert.Equal(ApologyRules.IssuedOn, Assert.Single(ApologyRules.Validate(new DateOnly(2025, 3, 21), "x", new DateOnly(2025, 3, 25), Received, Due, Today)).Field);
    }

    [Fact]
    public void TheNewAppointmentIsAfterTheOriginalDueDateAndNotBeforeTheApology()
    {
        var sameAsDue = ApologyRules.Validate(new DateOnly(2025, 3, 5), "x", Due, Received, Due, Today);
        var beforeApology = ApologyRules.Validate(new DateOnly(2025, 3, 12), "x", new DateOnly(2025, 3, 10), Received, Due, Today);

        Assert.Contains("phải sau hạn trả ban đầu 06/03/2025", Assert.Single(sameAsDue).Vi);
        Assert.Equal(ApologyRules.NewAppointment, Assert.Single(beforeApology).Field);
    }

    [Fact]
    public void ALongReasonIsRefused()
    {
        Assert.Equal(ApologyRules.Reason, Assert.Single(ApologyRules.Validate(Received, new string('x', 2001), new DateOnly(2025, 3, 12), Received, Due, Today)).Field);
    }

    [Fact]
    public void LateAndOverdueDossiersNeedAnApologyAndOthersDoNot()
    {
        var calendar = WorkingCalendar.CreateDefault(2024, 2026);
        var received = new DateTimeOffset(2025, 3, 3, 9, 0, 0, TimeSpan.FromHours(7));
        var due = new DateTimeOffset(2025, 3, 6, 17, 0, 0, TimeSpan.FromHours(7));
        DossierJudgement Judge(params DossierEvent[] events) => OnTimeRule.Judge(received, due, DeadlineUnit.WorkingDays, events, calendar);

        var late = Judge(new DossierEvent(DossierEventKind.ProcessingDone, due.AddDays(2)));
        var onTime = Judge(new DossierEvent(DossierEventKind.ProcessingDone, due.AddDays(-1)));
        var open = Judge();

        Assert.True(ApologyRules.IsRequired(late, received, Today));
        Assert.False(ApologyRules.IsRequired(onTime, received, Today));
        Assert.True(ApologyRules.IsRequired(open, received, Today));
        Assert.False(ApologyRules.IsRequired(open, received, new DateOnly(2025, 3, 5)));
    }
}
