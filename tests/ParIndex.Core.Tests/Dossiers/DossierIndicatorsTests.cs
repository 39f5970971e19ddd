using ParIndex.Core.Dossiers;
using ParIndex.Core.Frameworks;

namespace ParIndex.Core.Tests.Dossiers;

public class DossierIndicatorsTests
{
    /// <summary>
    /// A month: 200 received (120 online, 50 end-to-end, 150 digitised, 80 with a fee of which 60 paid online, 180
    /// with a promised date); 150 ended (135 on time, 15 late of which 10 apologised, 140 by a result with 420
    /// processing days, 90 electronic results, 100 rated of which 6 not satisfied); 50 open at the end, 5 overdue
    /// (2 apologised); 40 procedures used, 30 offered online.
    /// </summary>
    public static readonly DossierCounts March = new()
    {
        Received = 200, ReceivedOnline = 120, ReceivedPostal = 5, ReceivedEndToEnd = 50, ReceivedDigitised = 150,
        ReceivedFeeBearing = 80, ReceivedPaidOnline = 60, ReceivedWithPromise = 180,
        Resolved = 150, ResolvedOnTime = 135, ResolvedLate = 15, ResolvedLateWithApology = 10, ResolvedWithResult = 140,
        ProcessingDaysTotal = 420, ElectronicResults = 90, Rated = 100, NotSatisfied = 6,
        Pending = 50, Overdue = 5, OverdueWithApology = 2,
        ProceduresUsed = 40, ProceduresOnline = 30,
    };

    [Fact]
    public void OpenOverdueDossiersCountAsLateAndOpenOnesWithinTheirDeadlineAreNotJudged()
    {
        var i = DossierIndicators.From(March);

        Assert.Equal(155, i.Judged);
        Assert.Equal(135, i.OnTime);
        Assert.Equal(20, i.Late);
        Assert.Equal(45, i.PendingWithinDeadline);
        Assert.Equal(100m * 135 / 155, i.OnTimeRate);
        Assert.Equal(100m * 20 / 155, i.LateRate);
    }

    [Fact]
    public void LateDossiersWithoutAnApologyAreCountedAsMissing()
    {
        var i = DossierIndicators.From(March);

        Assert.Equal(12, i.ApologiesIssued);
        Assert.Equal(8, i.ApologiesMissing);
        Assert.Equal(60m, i.ApologyRate);
    }

    [Fact]
    public void SharesHaveTheirOwnDenominators()
    {
        var i = DossierIndicators.From(March);

        Assert.Equal(60m, i.OnlineShare);
        Assert.Equal(25m, i.EndToEndOnlineShare);
        Assert.Equal(75m, i.DigitisedShare);
        Assert.Equal(75m, i.OnlinePaymentShare);
        Assert.Equal(90m, i.PromisedShare);
        Assert.Equal(60m, i.ElectronicResultShare);
        Assert.Equal(4m, i.NotSatisfiedShare);
        Assert.Equal(3m, i.AvgProcessingDays);
        Assert.Equal(75m, i.ProceduresOnlineOfferedShare);
    }

    [Fact]
    public void SatisfactionWithHandlingIsAHundredLessTheLateAndNotSatisfiedShares()
    {
        var i = DossierIndicators.From(March);

        Assert.Equal(100 - 100m * 20 / 155 - 4, i.SatisfactionRate);
    }

    [Fact]
    public void AShareWithNothingToShareIsNull()
    {
        var i = DossierIndicators.From(new DossierCounts { Received = 3 });

        Assert.Null(i.OnTimeRate);
        Assert.Null(i.ApologyRate);
        Assert.Null(i.OnlinePaymentShare);
        Assert.Null(i.AvgProcessingDays);
        Assert.Null(i.SatisfactionRate);
        Assert.Equal(0m, i.OnlineShare);
        Assert.True(DossierIndicators.From(DossierCounts.Empty).IsEmpty);
    }

    [Fact]
    public void FrameworkMetricsAreAnsweredByName()
    {
        var i = DossierIndicators.From(March);

        Assert.Equal(i.OnTimeRate, i.Metric(MetricNames.DossiersOnTimeRate));
        Assert.Equal(i.LateRate, i.Metric(MetricNames.DossiersLateRate));
        Assert.Equal(3m, i.Metric(MetricNames.DossiersAvgProcessingDays));
        Assert.Equal(i.Score766()!.Total, i.Metric(MetricNames.DossiersScore766));
        Assert.Null(i.Metric("sipas.overall"));
        foreach (var name in DossierIndicators.MetricNamesFed)
            Assert.True(MetricCatalog.Default.IsMetric(name), name);
    }

    [Fact]
    public void WithNoLateDossierTheApologyMetricIsFull()
    {
        var i = DossierIndicators.From(new DossierCounts { Received = 10, Resolved = 10, ResolvedOnTime = 10 });

        Assert.Null(i.ApologyRate);
        Assert.Equal(100m, i.Metric(MetricNames.DossiersApologyRate));
    }

    [Fact]
    public void CountsOfUnitsAddUp()
    {
        var sum = March.Plus(March);

        Assert.Equal(400, sum.Received);
        Assert.Equal(10, sum.Overdue);
        Assert.Equal(DossierIndicators.From(March).OnTimeRate, DossierIndicators.From(sum).OnTimeRate);
    }
}
