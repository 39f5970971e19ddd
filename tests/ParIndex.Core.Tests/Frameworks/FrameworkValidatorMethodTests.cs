using ParIndex.Core.Frameworks;
using static ParIndex.Core.Frameworks.FrameworkProblemCodes;
using static ParIndex.Core.Tests.Frameworks.FrameworkValidatorTreeTests;

namespace ParIndex.Core.Tests.Frameworks;

public class FrameworkValidatorMethodTests
{
    private static readonly FrameworkDefinition Sample = SampleFramework.Create();

    private static FrameworkDefinition WithBrackets(params Bracket[] brackets) =>
        Sample.WithMethod<MetricMethod>("1.1.2", m => m with { Rule = m.Rule with { Brackets = brackets } });

    private static FrameworkDefinition WithLevels(params RubricLevel[] levels) =>
        Sample.WithMethod<RubricMethod>("1.2", m => m with { Levels = levels });

    private static RubricLevel Level(string code, decimal points) => new() { Code = code, LabelVi = $"Mức {code}", Points = points };

    [Theory]
    [InlineData("0")]
    [InlineData("-0.25")]
    public void ManualStepMustBePositive(string step)
    {
        var framework = Sample.WithMethod<ManualMethod>("1.3", m => m with { Step = decimal.Parse(step, System.Globalization.CultureInfo.InvariantCulture) });

        var problem = OnlyProblem(framework, StepNotPositive);

        Assert.Equal("1.3.method.step", problem.Path);
        Assert.StartsWith("Tiêu chí 1.3: bước điểm", problem.MessageVi);
    }

    [Fact]
    public void MaximumMustBeAMultipleOfTheManualStep()
    {
        var framework = Sample.WithMethod<ManualMethod>("1.3", m => m with { Step = 0.3m });

        var problem = OnlyProblem(framework, MaxNotMultipleOfStep);

        Assert.Equal("Tiêu chí 1.3: điểm tối đa (2) không phải là bội số của bước điểm (0,3)", problem.MessageVi);
    }

    [Fact]
    public void RubricWithoutLevelsIsReported()
    {
        var problem = OnlyProblem(WithLevels(), RubricWithoutLevels);

        Assert.StartsWith("Tiêu chí 1.2: ", problem.MessageVi);
        Assert.Equal("1.2", problem.NodeCode);
    }

    [Fact]
    public void RubricLevelAboveTheMaximumIsReported()
    {
        var problem = OnlyProblem(WithLevels(Level("full", 2.5m), Level("none", 0)), RubricLevelExceedsMax);

        Assert.Equal("1.2.method.levels[0]", problem.Path);
        Assert.Equal("Tiêu chí 1.2: mức «full» (2,5 điểm) vượt điểm tối đa (2)", problem.MessageVi);
    }

    [Fact]
    public void NegativeRubricLevelIsReported()
    {
        var problem = OnlyProblem(WithLevels(Level("full", 2), Level("bad", -0.5m)), RubricLevelNegative);

        Assert.Equal("1.2.method.levels[1]", problem.Path);
        Assert.Contains("(-0,5)", problem.MessageVi);
    }

    [Fact]
    public void DuplicateRubricLevelIsReported()
    {
        var problem = OnlyProblem(WithLevels(Level("full", 2), Level("full", 1)), RubricDuplicateLevel);

        Assert.Equal("1.2.method.levels[1]", problem.Path);
        Assert.StartsWith("Tiêu chí 1.2: mã mức «full» bị trùng", problem.MessageVi);
    }

    [Fact]
    public void RubricLevelWithoutCodeIsReported()
    {
        var problem = OnlyProblem(WithLevels(Level("full", 2), Level(" ", 1)), RubricLevelCodeMissing);

        Assert.StartsWith("Tiêu chí 1.2: mức thứ 2", problem.MessageVi);
    }

    [Fact]
    public void ThresholdModeWithoutThresholdIsReported()
    {
        var framework = Sample.WithMethod<MetricMethod>("1.1.1", m => m with { Rule = m.Rule with { Threshold = null } });

        var problem = OnlyProblem(framework, ThresholdMissing);

        Assert.Equal("1.1.1.method.rule.threshold", problem.Path);
        Assert.StartsWith("Tiêu chí thành phần 1.1.1: ", problem.MessageVi);
    }

    [Fact]
    public void ThresholdMustBePositive()
    {
        var framework = Sample.WithMethod<MetricMethod>("1.1.1", m => m with { Rule = m.Rule with { Threshold = 0 } });

        var problem = OnlyProblem(framework, ThresholdNotPositive);

        Assert.Equal("Tiêu chí thành phần 1.1.1: ngưỡng (0) phải lớn hơn 0", problem.MessageVi);
    }

    [Fact]
    public void RatioThresholdIsCheckedToo()
    {
        var framework = Sample.WithMethod<RatioMethod>("1.1.3", m => m with { Rule = new() { Mode = PointsMode.Threshold } });

        Assert.Equal("1.1.3", OnlyProblem(framework, ThresholdMissing).NodeCode);
    }

    [Fact]
    public void BracketsModeWithoutBracketsIsReported()
    {
        var problem = OnlyProblem(WithBrackets(), BracketsMissing);

        Assert.Equal("1.1.2.method.rule.brackets", problem.Path);
    }

    [Fact]
    public void BracketPointsAboveTheMaximumAreReported()
    {
        var problem = OnlyProblem(WithBrackets(new() { To = 1, Points = 2 }, new() { From = 1, Points = 0 }), BracketPointsExceedMax);

        Assert.Equal("1.1.2.method.rule.brackets[0]", problem.Path);
        Assert.Equal("Tiêu chí thành phần 1.1.2: khung < 1 cho 2 điểm, vượt điểm tối đa (1,5)", problem.MessageVi);
    }

    [Fact]
    public void NegativeBracketPointsAreReported()
    {
        var problem = OnlyProblem(WithBrackets(new() { To = 1, Points = 1 }, new() { From = 1, Points = -1 }), BracketPointsNegative);

        Assert.Equal("1.1.2.method.rule.brackets[1]", problem.Path);
    }

    [Fact]
    public void EmptyBracketRangeIsReported()
    {
        var problem = OnlyProblem(WithBrackets(new Bracket { From = 5, To = 1, Points = 1 }), BracketInverted);

        Assert.Contains("[5; 1)", problem.MessageVi);
    }

    [Fact]
    public void OverlappingBracketsAreReported()
    {
        var framework = WithBrackets(new() { To = 1, Points = 1.5m }, new() { From = 0.5m, To = 5, Points = 0.75m }, new() { From = 5, Points = 0 });

        var problem = OnlyProblem(framework, OverlappingBrackets);

        Assert.Equal("1.1.2.method.rule.brackets[1]", problem.Path);
        Assert.Equal("Tiêu chí thành phần 1.1.2: khung < 1 và khung [0,5; 5) chồng lên nhau", problem.MessageVi);
    }

    [Fact]
    public void TwoOpenEndedBracketsOnTheSameSideOverlap()
    {
        OnlyProblem(WithBrackets(new() { From = 80, Points = 1.5m }, new() { From = 90, Points = 1 }), OverlappingBrackets);
    }

    [Fact]
    public void AdjacentBracketsDoNotOverlap()
    {
        Assert.Empty(FrameworkValidator.Validate(WithBrackets(new() { To = 1, Points = 1.5m }, new() { From = 1, To = 2, Points = 1 }, new() { From = 2, Points = 0 })));
    }

    [Fact]
    public void UnknownMetricIsReported()
    {
        var framework = Sample.WithMethod<MetricMethod>("1.1.1", m => m with { Metric = "dossiers.on_time" });

        var problem = OnlyProblem(framework, UnknownMetric);

        Assert.Equal("1.1.1.method.metric", problem.Path);
        Assert.Equal("Tiêu chí thành phần 1.1.1: chỉ số «dossiers.on_time» không có trong danh mục chỉ số", problem.MessageVi);
    }

    [Fact]
    public void SurveyNameInAMetricMethodIsAnUnknownMetricWithAHint()
    {
        var framework = Sample.WithMethod<MetricMethod>("1.1.1", m => m with { Metric = MetricNames.SipasOverall });

        Assert.Contains("use the survey method", OnlyProblem(framework, UnknownMetric).MessageEn);
    }

    [Fact]
    public void UnknownSurveyIsReported()
    {
        var framework = Sample.WithMethod<SurveyMethod>("2.1", m => m with { Survey = "sipas.overal" });

        var problem = OnlyProblem(framework, UnknownSurvey);

        Assert.Equal("2.1.method.survey", problem.Path);
        Assert.StartsWith("Tiêu chí 2.1: kết quả khảo sát «sipas.overal»", problem.MessageVi);
    }

    [Fact]
    public void MetricNameInASurveyMethodIsAnUnknownSurveyWithAHint()
    {
        var framework = Sample.WithMethod<SurveyMethod>("2.1", m => m with { Survey = MetricNames.DossiersOnTimeRate });

        Assert.Contains("use the metric method", OnlyProblem(framework, UnknownSurvey).MessageEn);
    }

    [Fact]
    public void LowerIsBetterMetricScoredByThresholdIsReported()
    {
        var framework = Sample.WithMethod<MetricMethod>("1.1.2", m => m with { Rule = new() { Mode = PointsMode.Threshold, Threshold = 5 } });

        var problem = OnlyProblem(framework, MetricNeedsBrackets);

        Assert.Contains("dossiers.late_rate", problem.MessageVi);
        Assert.Contains("is better when lower", problem.MessageEn);
    }

    [Fact]
    public void MetricInDaysScoredProportionallyIsReported()
    {
        var framework = Sample.WithMethod<MetricMethod>("2.2", m => m with { Metric = MetricNames.DossiersAvgProcessingDays });

        Assert.Contains("is better when lower", OnlyProblem(framework, MetricNeedsBrackets).MessageEn);
    }

    [Fact]
    public void ValidatingAgainstAnExtendedCatalogAcceptsItsNames()
    {
        var framework = Sample.WithMethod<MetricMethod>("2.2", m => m with { Metric = "hotline.answered_share" });
        var catalog = MetricCatalog.Default.With(new MetricInfo
        {
            Name = "hotline.answered_share", Kind = MetricKind.Metric, Unit = MetricUnit.Percent,
            DescriptionVi = "Tỷ lệ cuộc gọi đường dây nóng được trả lời", DescriptionEn = "Share of hotline calls answered",
        });

        Assert.Equal(UnknownMetric, Assert.Single(FrameworkValidator.Validate(framework)).Code);
        Assert.Empty(FrameworkValidator.Validate(framework, catalog));
    }
}
