using ParIndex.Core.Frameworks;
using ParIndex.Core.Scoring;
using static ParIndex.Core.Tests.Scoring.Build;

namespace ParIndex.Core.Tests.Scoring;

/// <summary>Not applicable, missing, and inputs that do not fit the method: the scorer always answers, and says why.</summary>
public class UnusualInputScoringTests
{
    [Fact]
    public void NotApplicableWithFullPointsPolicyScoresTheMaximum()
    {
        var score = LeafScorer.Score(Leaf("2.1", 1.5m, notApplicable: NotApplicablePolicy.FullPoints), LeafInput.NotApplicableInput);

        Assert.Equal(1.5m, score.Points);
        Assert.Equal(1.5m, score.ApplicableMax);
        Assert.True(score.NotApplicable);
        Assert.Equal("Không phát sinh → đạt điểm tối đa 1,5 điểm", score.Leaf!.StepsVi);
        Assert.Equal("Not applicable → full 1.5 points", score.Leaf.StepsEn);
    }

    [Fact]
    public void NotApplicableWithRemovePolicyLeavesTheMaximum()
    {
        var score = LeafScorer.Score(Leaf("2.1", 1.5m, notApplicable: NotApplicablePolicy.RemoveFromMaximum), LeafInput.NotApplicableInput);

        Assert.Equal(0m, score.Points);
        Assert.Equal(0m, score.ApplicableMax);
        Assert.True(score.NotApplicable);
        Assert.Equal("Không phát sinh → không chấm điểm, điểm tối đa được giảm 1,5", score.Leaf!.StepsVi);
        Assert.Equal("Not applicable → not scored; the maximum is reduced by 1.5", score.Leaf.StepsEn);
    }

    [Fact]
    public void NotApplicableWhereTheCriterionDoesNotAllowItScoresZeroAndSaysSo()
    {
        var score = LeafScorer.Score(Leaf("2.1", 1.5m), LeafInput.NotApplicableInput);

        Assert.Equal(0m, score.Points);
        Assert.Equal(1.5m, score.ApplicableMax);
        Assert.False(score.NotApplicable);
        Assert.Equal("Khai báo không phát sinh, nhưng tiêu chí này không cho phép → 0 điểm", score.Leaf!.StepsVi);
        Assert.Equal("Declared not applicable, which this criterion does not allow → 0 points", score.Leaf.StepsEn);
    }

    [Fact]
    public void NotApplicablePenaltySubtractsNothingWhateverThePolicy()
    {
        var node = Penalty("9.2", 3) with { NotApplicable = NotApplicablePolicy.FullPoints };

        var score = LeafScorer.Score(node, LeafInput.NotApplicableInput);

        Assert.Equal(0m, score.Points);
        Assert.Equal(0m, score.ApplicableMax);
        Assert.Equal("Không phát sinh → không trừ điểm", score.Leaf!.StepsVi);
    }

    [Fact]
    public void MissingInputScoresZeroAndIsFlagged()
    {
        var score = LeafScorer.Score(Leaf("3.1", 2), null);

        Assert.Equal(0m, score.Points);
        Assert.Equal(2m, score.ApplicableMax);
        Assert.True(score.MissingInput);
        Assert.Null(score.Leaf!.Input);
        Assert.Equal("Chưa có dữ liệu chấm điểm → 0 điểm", score.Leaf.StepsVi);
        Assert.Equal("No input → 0 points", score.Leaf.StepsEn);
    }

    [Fact]
    public void LevelInputOnARatioLeafScoresZero()
    {
        var score = LeafScorer.Score(Leaf("2.1", 2, new RatioMethod { Rule = CompletionBrackets() }), LeafInput.OfLevel("full"));

        Assert.Equal(0m, score.Points);
        Assert.False(score.MissingInput);
        Assert.Equal("Dữ liệu nhập (mức) không phù hợp phương pháp chấm theo tỷ lệ → 0 điểm", score.Leaf!.StepsVi);
        Assert.Equal("Input of kind Level does not fit the ratio method → 0 points", score.Leaf.StepsEn);
    }

    [Theory]
    [InlineData(InputKind.Ratio)]
    [InlineData(InputKind.Value)]
    [InlineData(InputKind.Level)]
    public void ManualLeafRejectsEveryOtherInputKind(InputKind kind)
    {
        var input = new LeafInput { Kind = kind, Level = "a", Numerator = 1, Denominator = 1, Value = 1 };

        Assert.Equal(0m, LeafScorer.Score(Leaf("1.1", 2), input).Points);
    }

    [Fact]
    public void SurveyLeafRejectsARatio()
    {
        Assert.Equal(0m, LeafScorer.Score(Leaf("8.1", 2, new SurveyMethod { Survey = "sipas" }), LeafInput.OfRatio(1, 1)).Points);
    }

    [Fact]
    public void InputOfTheRightKindWithoutItsValueScoresZero()
    {
        var score = LeafScorer.Score(Leaf("1.1", 2), new LeafInput { Kind = InputKind.Points });

        Assert.Equal(0m, score.Points);
        Assert.Equal("Dữ liệu nhập thiếu giá trị → 0 điểm", score.Leaf!.StepsVi);
    }

    [Fact]
    public void AbsurdlyLargeRatioScoresZeroInsteadOfFailing()
    {
        var score = LeafScorer.Score(Leaf("2.1", 2, new RatioMethod { Rule = CompletionBrackets() }), LeafInput.OfRatio(decimal.MaxValue, 0.0000001m));

        Assert.Equal(0m, score.Points);
        Assert.Equal("The input is too large to compute → 0 points", score.Leaf!.StepsEn);
    }
}
