using ParIndex.Core.Dossiers;

namespace ParIndex.Core.Tests.Dossiers;

public class Index766Tests
{
    [Theory]
    [InlineData(80, 8, 80, 8)]      // at the threshold: the maximum
    [InlineData(95, 8, 80, 8)]      // above: capped at the maximum
    [InlineData(40, 8, 80, 4)]      // below: rate × max ÷ threshold
    [InlineData(25, 8, 50, 4)]      // the 50 % threshold of dossiers filed online
    [InlineData(81, 18, 90, 16.2)]  // the 90 % threshold of satisfaction
    [InlineData(0, 22, 80, 0)]
    [InlineData(-5, 22, 80, 0)]
    public void TheThresholdRuleScoresRateTimesMaxOverThresholdCapped(double rate, double max, double threshold, double expected)
    {
        Assert.Equal((decimal)expected, Index766.TargetPoints((decimal)rate, (decimal)max, (decimal)threshold));
    }

    [Fact]
    public void TheDefaultGroupsHaveTheMaximaOfDecision766()
    {
        var options = Index766Options.Default;

        Assert.Empty(options.Validate());
        Assert.Equal(100, options.MaxPoints);
        Assert.Equal([18m, 20m, 22m, 22m, 18m], options.Groups.Select(g => g.MaxPoints));
        var thresholds = options.Groups.SelectMany(g => g.Indicators).ToDictionary(i => i.Key, i => i.Threshold);
        Assert.Equal(80, thresholds[Index766Keys.ProceduresOnlineOfferedShare]);
        Assert.Equal(80, thresholds[Index766Keys.OnlinePaymentShare]);
        Assert.Equal(80, thresholds[Index766Keys.DigitisedShare]);
        Assert.Equal(50, thresholds[Index766Keys.OnlineShare]);
        Assert.Equal(90, thresholds[Index766Keys.SatisfactionRate]);
    }

    [Fact]
    public void AMonthIsScoredIndicatorByIndicator()
    {
        var result = DossierIndicators.From(DossierIndicatorsTests.March).Score766()!;
        var points = result.Groups.SelectMany(g => g.Indicators).ToDictionary(i => i.Indicator.Key, i => i.Points);

        // Hand-computed from the March counts.
        Assert.Equal(9m * 60 / 100, points[Index766Keys.ApologyRate]);
        Assert.Equal(9m * 90 / 100, points[Index766Keys.PromisedShare]);
        Assert.Equal(20m * (100m * 135 / 155) / 100, points[Index766Keys.OnTimeRate]);
        Assert.Equal(11m * 75 / 80, points[Index766Keys.DigitisedShare]);
        Assert.Equal(11m * 60 / 80, points[Index766Keys.ElectronicResultShare]);
        Assert.Equal(8m * 75 / 80, points[Index766Keys.ProceduresOnlineOfferedShare]);
        Assert.Equal(8m, points[Index766Keys.OnlineShare]);
        Assert.Equal(6m * 75 / 80, points[Index766Keys.OnlinePaymentShare]);
        var satisfaction = 100 - 100m * 20 / 155 - 4;
        Assert.Equal(18m * satisfaction / 90, points[Index766Keys.SatisfactionRate]);
        Assert.Equal(Math.Round(points.Values.Sum(), 2, MidpointRounding.AwayFromZero), result.Total);
        Assert.Equal(87.23m, result.Total); // 5.4 + 8.1 + 17.42 + 10.31 + 8.25 + 7.5 + 8 + 5.63 + 16.62
    }

    [Fact]
    public void AnIndicatorWithNothingToMeasureGetsFullPoints()
    {
        var result = DossierIndicators.From(new DossierCounts { Received = 10, ReceivedOnline = 10, ReceivedWithPromise = 10, ReceivedDigitised = 10, Resolved = 10, ResolvedOnTime = 10, ElectronicResults = 10, ProceduresUsed = 1, ProceduresOnline = 1 }).Score766()!;

        var apology = result.Groups.SelectMany(g => g.Indicators).Single(i => i.Indicator.Key == Index766Keys.ApologyRate);
        Assert.True(apology.NotApplicable);
        Assert.Equal(9, apology.Points);
        Assert.Equal(100, result.Total);
    }

    [Fact]
    public void APeriodWithoutDossiersHasNoScore()
    {
        Assert.Null(DossierIndicators.From(DossierCounts.Empty).Score766());
    }

    [Fact]
    public void OptionsThatDoNotAddUpAreRejected()
    {
        var broken = new Index766Options([new("x", "X", "X", 10, [new(Index766Keys.OnTimeRate, "a", "a", 8, 100), new("nonsense", "b", "b", 1, 0)])]);

        var problems = broken.Validate();

        Assert.Equal(3, problems.Count);
    }
}
