using ParIndex.Core.Surveys;

namespace ParIndex.Core.Tests.Surveys;

public class SurveyStatisticsTests
{
    // Hand computation for 17 of 20, z = 1.96: p = 0.85, z²/n = 0.19207, centre = (0.85 + 0.09604) / 1.19207 = 0.79361,
    // half-width = 1.95996 / 1.19207 × √(0.85 × 0.15 / 20 + 3.84146 / 1600) = 0.15403 → 63.96 % … 94.76 %.
    [Fact]
    public void WilsonIntervalOfSeventeenOutOfTwentyMatchesTheHandComputation()
    {
        var interval = SurveyStatistics.Wilson(17, 20)!.Value;

        Assert.Equal(63.96m, Math.Round(interval.Low, 2));
        Assert.Equal(94.76m, Math.Round(interval.High, 2));
    }

    // At 0 of n the interval is [0, z² ÷ (n + z²)] = [0, 3.84146 ÷ 13.84146] = [0, 27.75 %]; at n of n it mirrors.
    [Fact]
    public void WilsonIntervalStaysInsideZeroToHundredAtTheExtremes()
    {
        var none = SurveyStatistics.Wilson(0, 10)!.Value;
        var all = SurveyStatistics.Wilson(10, 10)!.Value;

        Assert.Equal(0m, none.Low);
        Assert.Equal(27.75m, Math.Round(none.High, 2));
        Assert.Equal(72.25m, Math.Round(all.Low, 2));
        Assert.Equal(100m, Math.Round(all.High, 2));
    }

    [Fact]
    public void WilsonIntervalOfNoAnswersIsUndefined() => Assert.Null(SurveyStatistics.Wilson(0, 0));

    // Two groups of 10 and 30 answers with equal population weights: (0.5² + 0.5²)… Kish: (Σ W)² ÷ Σ W²/n = 1 ÷ (0.025 + 0.00833) = 30.
    [Fact]
    public void EffectiveSampleSizeOfAPostStratifiedShareFollowsKish()
    {
        var n = SurveyStatistics.EffectiveN([(0.5, 10), (0.5, 30)]);

        Assert.Equal(30.0, n, 6);
    }
}
