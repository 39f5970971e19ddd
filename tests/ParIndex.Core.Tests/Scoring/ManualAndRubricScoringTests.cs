using ParIndex.Core.Frameworks;
using ParIndex.Core.Scoring;
using static ParIndex.Core.Tests.Scoring.Build;

namespace ParIndex.Core.Tests.Scoring;

public class ManualAndRubricScoringTests
{
    private static readonly RubricMethod PlanCompletion = new()
    {
        Levels =
        [
            new() { Code = "full", LabelVi = "Hoàn thành 100 % kế hoạch", LabelEn = "100 % of the plan done", Points = 1 },
            new() { Code = "most", LabelVi = "Từ 80 % đến dưới 100 %", LabelEn = "80 % to under 100 %", Points = 0.5m },
            new() { Code = "low", LabelVi = "Dưới 80 %", Points = 0 },
        ],
    };

    [Fact]
    public void ManualPointsWithinTheMaximumScoreAsEntered()
    {
        var score = LeafScorer.Score(Leaf("1.1", 2), LeafInput.OfPoints(1.5m));

        Assert.Equal(1.5m, score.Points);
        Assert.Equal(2m, score.ApplicableMax);
        Assert.False(score.Capped);
        Assert.Equal("manual", score.Leaf!.Method);
        Assert.Equal("Điểm chấm 1,5 → 1,5 điểm", score.Leaf.StepsVi);
        Assert.Equal("Entered 1.5 → 1.5 points", score.Leaf.StepsEn);
    }

    [Fact]
    public void ManualPointsAboveTheMaximumAreClampedAndTheExplanationSaysSo()
    {
        var score = LeafScorer.Score(Leaf("1.1", 2), LeafInput.OfPoints(3));

        Assert.Equal(2m, score.Points);
        Assert.Equal(3m, score.RawPoints);
        Assert.True(score.Capped);
        Assert.Equal("Điểm chấm 3, vượt điểm tối đa 2 → 2 điểm", score.Leaf!.StepsVi);
        Assert.Equal("Entered 3, above the maximum 2 → 2 points", score.Leaf.StepsEn);
    }

    [Fact]
    public void NegativeManualPointsAreClampedToZero()
    {
        var score = LeafScorer.Score(Leaf("1.1", 2), LeafInput.OfPoints(-0.5m));

        Assert.Equal(0m, score.Points);
        Assert.Equal("Điểm chấm -0,5, nhỏ hơn 0 → 0 điểm", score.Leaf!.StepsVi);
    }

    [Fact]
    public void ManualPointsOffTheStepAreRoundedDownToTheStep()
    {
        // 0.7 is nearer 0.75, but rounding up would award points the unit did not get.
        var score = LeafScorer.Score(Leaf("1.1", 1, new ManualMethod { Step = 0.25m }), LeafInput.OfPoints(0.7m));

        Assert.Equal(0.5m, score.Points);
        Assert.Equal(0.7m, score.RawPoints);
        Assert.Equal("Điểm chấm 0,7, không theo bước 0,25 → làm tròn xuống 0,5 → 0,5 điểm", score.Leaf!.StepsVi);
        Assert.Equal("Entered 0.7, not a multiple of the step 0.25 → rounded down to 0.5 → 0.5 points", score.Leaf.StepsEn);
    }

    [Fact]
    public void ManualPointsOnTheStepAreKept()
    {
        var score = LeafScorer.Score(Leaf("1.1", 1, new ManualMethod { Step = 0.25m }), LeafInput.OfPoints(0.75m));

        Assert.Equal(0.75m, score.Points);
        Assert.DoesNotContain("bước", score.Leaf!.StepsVi);
    }

    [Fact]
    public void NodeWithoutMethodIsScoredAsManualPoints()
    {
        var node = Leaf("1.1", 2) with { Method = null };

        Assert.Equal(1.25m, LeafScorer.Score(node, LeafInput.OfPoints(1.25m)).Points);
    }

    [Fact]
    public void RubricLevelGivesItsPoints()
    {
        var score = LeafScorer.Score(Leaf("1.2", 1, PlanCompletion), LeafInput.OfLevel("most"));

        Assert.Equal(0.5m, score.Points);
        Assert.Equal("rubric", score.Leaf!.Method);
        Assert.Equal("Từ 80 % đến dưới 100 %", score.Leaf.LevelLabelVi);
        Assert.Equal("Mức “Từ 80 % đến dưới 100 %” → 0,5 điểm", score.Leaf.StepsVi);
        Assert.Equal("Level “80 % to under 100 %” → 0.5 points", score.Leaf.StepsEn);
    }

    [Fact]
    public void RubricLevelWithoutEnglishLabelFallsBackToVietnamese()
    {
        var score = LeafScorer.Score(Leaf("1.2", 1, PlanCompletion), LeafInput.OfLevel("low"));

        Assert.Equal(0m, score.Points);
        Assert.Equal("Level “Dưới 80 %” → 0 points", score.Leaf!.StepsEn);
    }

    [Fact]
    public void UnknownRubricLevelScoresZero()
    {
        var score = LeafScorer.Score(Leaf("1.2", 1, PlanCompletion), LeafInput.OfLevel("half"));

        Assert.Equal(0m, score.Points);
        Assert.False(score.MissingInput);
        Assert.Equal("Mức “half” không có trong thang chấm → 0 điểm", score.Leaf!.StepsVi);
        Assert.Equal("Unknown level “half” → 0 points", score.Leaf.StepsEn);
    }

    [Fact]
    public void RubricLevelWorthMoreThanTheMaximumIsCapped()
    {
        var method = new RubricMethod { Levels = [new() { Code = "x", LabelVi = "Xuất sắc", Points = 3 }] };

        var score = LeafScorer.Score(Leaf("1.2", 2, method), LeafInput.OfLevel("x"));

        Assert.Equal(2m, score.Points);
        Assert.Equal(3m, score.RawPoints);
        Assert.Equal("Mức “Xuất sắc” → 3 điểm, vượt điểm tối đa 2 → 2 điểm", score.Leaf!.StepsVi);
    }

    [Fact]
    public void BonusAboveItsCapIsCappedAndCountsOutsideTheMaximum()
    {
        var score = LeafScorer.Score(Bonus("9.1", 2), LeafInput.OfPoints(3));

        Assert.Equal(2m, score.Points);
        Assert.Equal(0m, score.ApplicableMax);
        Assert.Equal("Điểm chấm 3, vượt điểm tối đa 2 → 2 điểm thưởng", score.Leaf!.StepsVi);
        Assert.Equal("Entered 3, above the maximum 2 → 2 bonus points", score.Leaf.StepsEn);
    }

    [Fact]
    public void PenaltyIsReportedAsThePositiveAmountSubtracted()
    {
        var score = LeafScorer.Score(Penalty("9.2", 2), LeafInput.OfPoints(1));

        Assert.Equal(1m, score.Points);
        Assert.Equal(0m, score.ApplicableMax);
        Assert.Equal("Điểm chấm 1 → 1 điểm trừ", score.Leaf!.StepsVi);
        Assert.Equal("Entered 1 → 1 penalty point", score.Leaf.StepsEn);
    }

    [Fact]
    public void ScoringAGroupIsRefused()
    {
        Assert.Throws<ArgumentException>(() => LeafScorer.Score(Group("1", 2, Leaf("1.1", 2)), LeafInput.OfPoints(1)));
    }
}
