using ParIndex.Core.Frameworks;
using ParIndex.Core.Scoring;
using static ParIndex.Core.Tests.Scoring.Build;

namespace ParIndex.Core.Tests.Scoring;

public class RatioMetricSurveyScoringTests
{
    private static FrameworkNode RatioLeaf(PointsRule rule, NotApplicablePolicy notApplicable = NotApplicablePolicy.NotAllowed) =>
        Leaf("2.1", 2, new RatioMethod { Rule = rule }, notApplicable);

    private static FrameworkNode MetricLeaf(PointsRule rule, decimal max = 2) =>
        Leaf("7.1", max, new MetricMethod { Metric = "dossiers.online_rate", Rule = rule });

    [Fact]
    public void RatioInATopBracketExplainsItsSteps()
    {
        var score = LeafScorer.Score(RatioLeaf(CompletionBrackets()), LeafInput.OfRatio(45, 50));

        Assert.Equal(2m, score.Points);
        Assert.Equal(90m, score.Leaf!.Value);
        Assert.Equal(80m, score.Leaf.BracketHit!.From);
        Assert.Equal("45/50 = 90 % ≥ 80 % → 2 điểm", score.Leaf.StepsVi);
        Assert.Equal("45/50 = 90 % ≥ 80 % → 2 points", score.Leaf.StepsEn);
    }

    [Fact]
    public void RatioInAClosedBracketNamesBothEnds()
    {
        var score = LeafScorer.Score(RatioLeaf(CompletionBrackets()), LeafInput.OfRatio(3, 4));

        Assert.Equal(1m, score.Points);
        Assert.Equal("3/4 = 75 %, trong khoảng 50 % – dưới 80 % → 1 điểm", score.Leaf!.StepsVi);
        Assert.Equal("3/4 = 75 %, within 50 % – under 80 % → 1 point", score.Leaf.StepsEn);
    }

    [Fact]
    public void RatioTextUsesVietnameseNumberFormatting()
    {
        var score = LeafScorer.Score(RatioLeaf(CompletionBrackets()), LeafInput.OfRatio(1234, 1500));

        Assert.Equal("1.234/1.500 = 82,27 % ≥ 80 % → 2 điểm", score.Leaf!.StepsVi);
        Assert.Equal("1,234/1,500 = 82.27 % ≥ 80 % → 2 points", score.Leaf.StepsEn);
    }

    [Fact]
    public void RatioBelowLowestBracketScoresZero()
    {
        var rule = Brackets(new Bracket { From = 80, Points = 2 }, new Bracket { From = 50, To = 80, Points = 1 });

        var score = LeafScorer.Score(RatioLeaf(rule), LeafInput.OfRatio(20, 50));

        Assert.Equal(0m, score.Points);
        Assert.Null(score.Leaf!.BracketHit);
        Assert.Equal("20/50 = 40 %: không thuộc khoảng nào của thang điểm → 0 điểm", score.Leaf.StepsVi);
        Assert.Equal("20/50 = 40 %: outside every bracket → 0 points", score.Leaf.StepsEn);
    }

    [Fact]
    public void BracketIncludesItsLowerBound()
    {
        var score = LeafScorer.Score(RatioLeaf(CompletionBrackets()), LeafInput.OfRatio(40, 50));

        Assert.Equal(2m, score.Points);
        Assert.Equal(80m, score.Leaf!.Value);
    }

    [Fact]
    public void BracketExcludesItsUpperBound()
    {
        var rule = Brackets(new Bracket { From = 50, To = 80, Points = 1 }, new Bracket { From = 80, Points = 2 });

        Assert.Equal(2m, LeafScorer.Score(RatioLeaf(rule), LeafInput.OfRatio(80, 100)).Points);
        Assert.Equal(1m, LeafScorer.Score(RatioLeaf(rule), LeafInput.OfRatio(7999, 10000)).Points);
    }

    [Fact]
    public void ValueJustUnderABracketBoundIsPrintedWithEnoughDecimalsToShowIt()
    {
        var score = LeafScorer.Score(RatioLeaf(CompletionBrackets()), LeafInput.OfRatio(79999, 100000));

        Assert.Equal(1m, score.Points);
        Assert.Equal("79.999/100.000 = 79,999 %, trong khoảng 50 % – dưới 80 % → 1 điểm", score.Leaf!.StepsVi);
    }

    [Fact]
    public void FirstMatchingBracketWins()
    {
        var rule = Brackets(new Bracket { From = 50, Points = 1 }, new Bracket { From = 80, Points = 2 });

        Assert.Equal(1m, LeafScorer.Score(RatioLeaf(rule), LeafInput.OfRatio(9, 10)).Points);
    }

    [Fact]
    public void BracketWorthMoreThanTheMaximumIsCapped()
    {
        var rule = Brackets(new Bracket { From = 0, Points = 5 });

        var score = LeafScorer.Score(RatioLeaf(rule), LeafInput.OfRatio(1, 2));

        Assert.Equal(2m, score.Points);
        Assert.Equal(5m, score.RawPoints);
    }

    [Fact]
    public void ProportionalRatioGivesTheShareOfTheMaximum()
    {
        var score = LeafScorer.Score(RatioLeaf(new PointsRule { Mode = PointsMode.Proportional }), LeafInput.OfRatio(1, 3));

        Assert.Equal(100m / 3m, score.Leaf!.Value);
        Assert.Equal(2m * (100m / 3m) / 100m, score.Points);
        Assert.Equal("1/3 = 33,33 % → 2 × 33,33 % = 0,67 điểm", score.Leaf.StepsVi);
    }

    [Fact]
    public void ProportionalAboveOneHundredPercentIsCappedAtTheMaximum()
    {
        var score = LeafScorer.Score(RatioLeaf(new PointsRule { Mode = PointsMode.Proportional }), LeafInput.OfRatio(12, 10));

        Assert.Equal(2m, score.Points);
        Assert.Equal(2.4m, score.RawPoints);
        Assert.Equal("12/10 = 120 % → 2 × 120 % = 2,4, vượt điểm tối đa 2 → 2 điểm", score.Leaf!.StepsVi);
        Assert.Equal("12/10 = 120 % → 2 × 120 % = 2.4, above the maximum 2 → 2 points", score.Leaf.StepsEn);
    }

    [Fact]
    public void ProportionalNegativeValueScoresZero()
    {
        var score = LeafScorer.Score(MetricLeaf(new PointsRule { Mode = PointsMode.Proportional }), LeafInput.OfValue(-10));

        Assert.Equal(0m, score.Points);
        Assert.Equal(-0.2m, score.RawPoints);
    }

    [Fact]
    public void RatioWithZeroDenominatorIsNotApplicableWhenTheLeafAllowsIt()
    {
        var score = LeafScorer.Score(RatioLeaf(CompletionBrackets(), NotApplicablePolicy.RemoveFromMaximum), LeafInput.OfRatio(0, 0));

        Assert.Equal(0m, score.Points);
        Assert.Equal(0m, score.ApplicableMax);
        Assert.True(score.NotApplicable);
        Assert.Equal("0/0, mẫu số bằng 0: không phát sinh → không chấm điểm, điểm tối đa được giảm 2", score.Leaf!.StepsVi);
        Assert.Equal("0/0, the denominator is 0: not applicable → not scored; the maximum is reduced by 2", score.Leaf.StepsEn);
    }

    [Fact]
    public void RatioWithZeroDenominatorGetsFullPointsUnderTheFullPointsPolicy()
    {
        var score = LeafScorer.Score(RatioLeaf(CompletionBrackets(), NotApplicablePolicy.FullPoints), LeafInput.OfRatio(0, 0));

        Assert.Equal(2m, score.Points);
        Assert.Equal(2m, score.ApplicableMax);
        Assert.True(score.NotApplicable);
    }

    [Fact]
    public void RatioWithZeroDenominatorScoresZeroWhenNotApplicableIsNotAllowed()
    {
        var score = LeafScorer.Score(RatioLeaf(CompletionBrackets()), LeafInput.OfRatio(3, 0));

        Assert.Equal(0m, score.Points);
        Assert.Equal(2m, score.ApplicableMax);
        Assert.False(score.NotApplicable);
        Assert.Equal("3/0: mẫu số bằng 0 và tiêu chí không cho phép không phát sinh → 0 điểm", score.Leaf!.StepsVi);
        Assert.Equal("3/0: the denominator is 0 and the criterion cannot be not applicable → 0 points", score.Leaf.StepsEn);
    }

    [Fact]
    public void RatioWithNegativeDenominatorScoresZero()
    {
        var score = LeafScorer.Score(RatioLeaf(CompletionBrackets()), LeafInput.OfRatio(-5, -5));

        Assert.Equal(0m, score.Points);
        Assert.Contains("mẫu số âm", score.Leaf!.StepsVi);
    }

    [Fact]
    public void ThresholdRuleGivesFullPointsAtTheThreshold()
    {
        var score = LeafScorer.Score(MetricLeaf(new PointsRule { Mode = PointsMode.Threshold, Threshold = 50 }, max: 4), LeafInput.OfValue(50));

        Assert.Equal(4m, score.Points);
        Assert.Equal("dossiers.online_rate = 50 ≥ 50 → 4 điểm", score.Leaf!.StepsVi);
    }

    [Fact]
    public void ThresholdRuleScalesByTheThresholdBelowIt()
    {
        // The 766 rule: dossiers filed online, threshold 50 %: 30 % earns 30/50 of the points.
        var score = LeafScorer.Score(MetricLeaf(new PointsRule { Mode = PointsMode.Threshold, Threshold = 50 }, max: 4), LeafInput.OfValue(30, "766: 1.234 hồ sơ"));

        Assert.Equal(2.4m, score.Points);
        Assert.Equal("dossiers.online_rate = 30 (nguồn: 766: 1.234 hồ sơ) < 50 → 4 × 30 ÷ 50 = 2,4 điểm", score.Leaf!.StepsVi);
        Assert.Equal("dossiers.online_rate = 30 (source: 766: 1.234 hồ sơ) < 50 → 4 × 30 ÷ 50 = 2.4 points", score.Leaf.StepsEn);
    }

    [Fact]
    public void ThresholdRuleAboveTheThresholdGivesTheMaximum()
    {
        Assert.Equal(4m, LeafScorer.Score(MetricLeaf(new PointsRule { Mode = PointsMode.Threshold, Threshold = 80 }, max: 4), LeafInput.OfValue(97.5m)).Points);
    }

    [Fact]
    public void ThresholdTextNeverShowsAValueJustBelowTheThresholdAsEqualToIt()
    {
        var score = LeafScorer.Score(MetricLeaf(new PointsRule { Mode = PointsMode.Threshold, Threshold = 80 }, max: 4), LeafInput.OfValue(79.996m));

        Assert.StartsWith("dossiers.online_rate = 79,996 < 80", score.Leaf!.StepsVi);
    }

    [Fact]
    public void MetricWithBracketsUsesTheValue()
    {
        var score = LeafScorer.Score(MetricLeaf(CompletionBrackets()), LeafInput.OfValue(65));

        Assert.Equal(1m, score.Points);
        Assert.Equal("metric", score.Leaf!.Method);
        Assert.Equal(65m, score.Leaf.Value);
    }

    [Fact]
    public void SurveyPointsAreTheShareOfTheMaximum()
    {
        var score = LeafScorer.Score(Leaf("8.1", 2, new SurveyMethod { Survey = "sipas" }), LeafInput.OfValue(85));

        Assert.Equal(1.7m, score.Points);
        Assert.Equal("survey", score.Leaf!.Method);
        Assert.Equal("Khảo sát sipas: tỷ lệ 85 % → 2 × 85 % = 1,7 điểm", score.Leaf.StepsVi);
        Assert.Equal("Survey sipas: share 85 % → 2 × 85 % = 1.7 points", score.Leaf.StepsEn);
    }

    [Fact]
    public void SurveyShareAboveOneHundredIsCappedAtTheMaximum()
    {
        var score = LeafScorer.Score(Leaf("8.1", 2, new SurveyMethod { Survey = "sipas" }), LeafInput.OfValue(104));

        Assert.Equal(2m, score.Points);
        Assert.True(score.Capped);
    }
}
