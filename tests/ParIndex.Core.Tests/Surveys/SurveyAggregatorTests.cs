using ParIndex.Core.Frameworks;
using ParIndex.Core.Surveys;

namespace ParIndex.Core.Tests.Surveys;

public class SurveyAggregatorTests
{
    /// <summary>
    /// A small SIPAS form: a perception yes/no (not in the index), two access questions and one procedure question.
    /// Answer vectors list the slots P1, A1, A2, B1; '0' is not answered; scale answers are their own digit.
    /// </summary>
    private static QuestionnaireDefinition MiniSipas() => new()
    {
        Code = "MINI", Kind = QuestionnaireKind.Sipas, TitleVi = "Thử",
        Groups = [new("g1", "Nhóm 1"), new("g2", "Nhóm 2")],
        Sections =
        [
            new()
            {
                Code = "s", TitleVi = "Phần",
                Questions =
                [
                    new() { Code = "P1", Kind = QuestionKind.YesNo, Aspect = QuestionAspect.Perception, Element = SipasElements.Access, TextVi = "Có biết?" },
                    new() { Code = "A1", Kind = QuestionKind.Scale5, Element = SipasElements.Access, TextVi = "Hài lòng A1?" },
                    new() { Code = "A2", Kind = QuestionKind.Scale5, Element = SipasElements.Access, TextVi = "Hài lòng A2?" },
                    new() { Code = "B1", Kind = QuestionKind.Scale5, Element = SipasElements.Procedure, TextVi = "Hài lòng B1?" },
                ],
            },
        ],
    };

    private static QuestionnaireDefinition MiniSociological() => new()
    {
        Code = "XHH", Kind = QuestionnaireKind.Sociological, TitleVi = "Thử",
        Groups = [new("lanh_dao", "Lãnh đạo")],
        Sections =
        [
            new()
            {
                Code = "s", TitleVi = "Phần",
                Questions =
                [
                    new() { Code = "L1", Kind = QuestionKind.Weighted, Field = 1, TextVi = "Lĩnh vực 1" },
                    new() { Code = "L2", Kind = QuestionKind.Weighted, Field = 2, TextVi = "Lĩnh vực 2" },
                ],
            },
        ],
    };

    [Fact]
    public void SipasIndexIsTheShareOfSatisfiedAnswersPerQuestionAveragedPerElementThenOverall()
    {
        // A1: 5, 4, 3, 1 → 2 satisfied of 4 = 50 %. A2: 4, 2, —, 5 → 2 of 3 = 66.67 %. B1: 3, 5, 4, — → 2 of 3 = 66.67 %.
        // Access = (50 + 66.67) ÷ 2 = 58.33 %; procedure = 66.67 %; SIPAS = (58.33 + 66.67) ÷ 2 = 62.50 %.
        var results = SurveyAggregator.Aggregate(MiniSipas(), ["U1"], [new(0, 0, "1543"), new(0, 0, "2425"), new(0, 1, "0304"), new(0, 1, "0150")],
            new SurveyOptions { MinimumSample = new MinimumSampleRule(3) });
        var unit = results.Unit("U1")!;

        var a1 = unit.Questions.Single(q => q.QuestionCode == "A1");
        Assert.Equal((4, 4, 50m), (a1.Answered, a1.N, a1.SatisfiedShare!.Value));
        Assert.Equal(66.6667m, Math.Round(unit.Questions.Single(q => q.QuestionCode == "A2").SatisfiedShare!.Value, 4));
        Assert.Equal(3, unit.Questions.Single(q => q.QuestionCode == "B1").N);
        Assert.Equal(58.3333m, Math.Round(unit.Metric(MetricNames.SipasAccess)!.Value!.Value, 4));
        Assert.Equal(66.6667m, Math.Round(unit.Metric(MetricNames.SipasProcedure)!.Value!.Value, 4));
        Assert.Equal(62.5m, Math.Round(unit.Metric(MetricNames.SipasOverall)!.Value!.Value, 4));
        Assert.Equal(4, unit.Metric(MetricNames.SipasAccess)!.N);
        Assert.Equal(3, unit.Metric(MetricNames.SipasProcedure)!.N);
        Assert.Null(unit.Metric(MetricNames.SipasResult));
        // The perception question is counted (1 yes of 2) but is in no metric.
        Assert.Equal(50m, unit.Questions.Single(q => q.QuestionCode == "P1").SatisfiedShare);
    }

    [Fact]
    public void ResultsAreAlsoGivenPerRespondentGroup()
    {
        var results = SurveyAggregator.Aggregate(MiniSipas(), ["U1"], [new(0, 0, "1543"), new(0, 0, "2425"), new(0, 1, "0304"), new(0, 1, "0150")]);
        var unit = results.Unit("U1")!;

        Assert.Equal([2, 2], unit.ResponsesByGroup);
        // Group g1 answered A1 with 5 and 4: 100 %; g2 with 3 and 1: 0 %.
        Assert.Equal(100m, unit.QuestionsByGroup.Single(q => q.QuestionCode == "A1" && q.Group == "g1").SatisfiedShare);
        Assert.Equal(0m, unit.QuestionsByGroup.Single(q => q.QuestionCode == "A1" && q.Group == "g2").SatisfiedShare);
        // g1's access element: A1 100 %, A2 (4, 2) 50 % → 75 %.
        Assert.Equal(75m, unit.Metrics.Single(m => m.Metric == MetricNames.SipasAccess && m.Group == "g1").Value);
    }

    [Fact]
    public void WeightedAnswersScoreTheirWeightsAndLeaveOutTheNoAnswerChoice()
    {
        // L1: A, A, B, C, D, E → (100 + 100 + 60 + 20 + 0) ÷ 5 valid answers = 56 %; E is not in the denominator.
        // L2: B, B, B, —, —, E → 60 %. Overall = (56 + 60) ÷ 2 = 58 %.
        var results = SurveyAggregator.Aggregate(MiniSociological(), ["U1"],
            [new(0, 0, "12"), new(0, 0, "12"), new(0, 0, "22"), new(0, 0, "30"), new(0, 0, "40"), new(0, 0, "55")],
            new SurveyOptions { MinimumSample = new MinimumSampleRule(1) });
        var unit = results.Unit("U1")!;

        var l1 = unit.Questions.Single(q => q.QuestionCode == "L1");
        Assert.Equal((6, 5, 56m), (l1.Answered, l1.N, l1.WeightedScore!.Value));
        Assert.Equal(56m, unit.Metric(MetricNames.SociologicalField(1))!.Value);
        Assert.Equal(60m, unit.Metric(MetricNames.SociologicalField(2))!.Value);
        Assert.Equal(58m, unit.Metric(MetricNames.SociologicalOverall)!.Used);
        Assert.Equal(5, unit.Metric(MetricNames.SociologicalField(1))!.N);
    }

    [Fact]
    public void CustomWeightsOfAWeightedQuestionAreUsed()
    {
        var questionnaire = MiniSociological() with
        {
            Sections =
            [
                new()
                {
                    Code = "s", TitleVi = "Phần",
                    Questions =
                    [
                        new() { Code = "L1", Kind = QuestionKind.Weighted, Field = 1, TextVi = "Lĩnh vực 1",
                            Choices = [new() { Code = "A", TextVi = "Tốt", Weight = 100 }, new() { Code = "B", TextVi = "Khá", Weight = 75 }, new() { Code = "E", TextVi = "Không biết", Valid = false }] },
                    ],
                },
            ],
        };
        // A, B, B, E → (100 + 75 + 75) ÷ 3 = 83.333333 %.
        var results = SurveyAggregator.Aggregate(questionnaire, ["U1"], [new(0, 0, "1"), new(0, 0, "2"), new(0, 0, "2"), new(0, 0, "3")]);

        Assert.Equal(83.333333m, results.Unit("U1")!.Questions[0].WeightedScore);
    }

    [Fact]
    public void AQuestionIntervalIsTheWilsonIntervalOfItsSatisfiedShare()
    {
        // 17 of 20 answers satisfied (4 or 5), 3 not: 85 %, 63.96 – 94.76 % (see SurveyStatisticsTests).
        var responses = Enumerable.Range(0, 20).Select(i => new ResponseRecord(0, 0, i < 17 ? "0500" : "0200")).ToList();

        var a1 = SurveyAggregator.Aggregate(MiniSipas(), ["U1"], responses).Unit("U1")!.Questions.Single(q => q.QuestionCode == "A1");

        Assert.Equal(85m, a1.SatisfiedShare);
        Assert.Equal(63.96m, Math.Round(a1.SatisfiedInterval!.Value.Low, 2));
        Assert.Equal(94.76m, Math.Round(a1.SatisfiedInterval!.Value.High, 2));
    }

    // Three units of one block, minimum n = 3. U1 has 4 respondents (access 75 %), U3 has 3 (access 100 %), U2 only 1.
    private static SurveyResults ThreeUnits(FallbackKind fallback) => SurveyAggregator.Aggregate(MiniSipas(), ["U1", "U2", "U3"],
        [
            new(0, 0, "0550"), new(0, 0, "0550"), new(0, 0, "0550"), new(0, 0, "0110"),
            new(1, 0, "0110"),
            new(2, 0, "0440"), new(2, 0, "0440"), new(2, 0, "0550"),
        ],
        new SurveyOptions { MinimumSample = new MinimumSampleRule(3, fallback), UnitBlocks = [0, 0, 0] });

    [Fact]
    public void BelowTheMinimumNTheBlockMeanIsUsedAndTheResultIsFlagged()
    {
        var results = ThreeUnits(FallbackKind.BlockMean);
        var u2 = results.Unit("U2")!.Metric(MetricNames.SipasAccess)!;

        Assert.True(u2.BelowMinimum);
        Assert.Equal(0m, u2.Value);
        Assert.Equal(FallbackKind.BlockMean, u2.Fallback);
        Assert.Equal(87.5m, u2.Used); // (75 + 100) ÷ 2
        Assert.False(results.Unit("U1")!.Metric(MetricNames.SipasAccess)!.BelowMinimum);
        Assert.Equal(75m, results.Unit("U1")!.Metric(MetricNames.SipasAccess)!.Used);
        Assert.Null(results.Unit("U1")!.Metric(MetricNames.SipasAccess)!.Fallback);
    }

    [Theory]
    [InlineData(FallbackKind.FullPoints, 100)]
    [InlineData(FallbackKind.Zero, 0)]
    [InlineData(FallbackKind.RawValue, 0)]
    public void TheFallbackIsData(FallbackKind fallback, int expected)
    {
        var u2 = ThreeUnits(fallback).Unit("U2")!.Metric(MetricNames.SipasAccess)!;

        Assert.True(u2.BelowMinimum);
        Assert.Equal(expected, u2.Used);
    }

    [Fact]
    public void AUnitWithoutResponsesIsFlaggedAndGetsTheFallback()
    {
        var results = SurveyAggregator.Aggregate(MiniSipas(), ["U1", "U2"], [new(0, 0, "0550"), new(0, 0, "0550"), new(0, 0, "0550")],
            new SurveyOptions { MinimumSample = new MinimumSampleRule(3, FallbackKind.BlockMean) });
        var u2 = results.Unit("U2")!.Metric(MetricNames.SipasOverall)!;

        Assert.Equal(0, results.Unit("U2")!.Responses);
        Assert.Null(u2.Value);
        Assert.True(u2.BelowMinimum);
        Assert.Equal(100m, u2.Used);
    }

    [Fact]
    public void PostStratificationWeightsGroupSharesByTheirPopulationShares()
    {
        // g1: 10 answers, 8 satisfied (80 %); g2: 30 answers, 12 satisfied (40 %). Unweighted: 20 ÷ 40 = 50 %.
        // Population half and half: 0.5 × 80 + 0.5 × 40 = 60 %, effective n = 30, Wilson(18 of 30) = 42.32 – 75.41 %.
        var responses = new List<ResponseRecord>();
        responses.AddRange(Enumerable.Range(0, 10).Select(i => new ResponseRecord(0, 0, i < 8 ? "0500" : "0100")));
        responses.AddRange(Enumerable.Range(0, 30).Select(i => new ResponseRecord(0, 1, i < 12 ? "0400" : "0300")));

        var plain = SurveyAggregator.Aggregate(MiniSipas(), ["U1"], responses).Unit("U1")!.Questions.Single(q => q.QuestionCode == "A1");
        var weighted = SurveyAggregator.Aggregate(MiniSipas(), ["U1"], responses,
            new SurveyOptions { PopulationWeights = new Dictionary<(int, int), double> { [(0, 0)] = 1, [(0, 1)] = 1 } });
        var a1 = weighted.Unit("U1")!.Questions.Single(q => q.QuestionCode == "A1");

        Assert.Equal(50m, plain.SatisfiedShare);
        Assert.True(weighted.PostStratified);
        Assert.Equal(60m, a1.SatisfiedShare);
        Assert.Equal(40, a1.N);
        Assert.Equal(30.0, a1.EffectiveN, 6);
        Assert.Equal(42.32m, Math.Round(a1.SatisfiedInterval!.Value.Low, 2));
        Assert.Equal(75.41m, Math.Round(a1.SatisfiedInterval!.Value.High, 2));
    }

    [Fact]
    public void TheCounterShareCountsVerySatisfiedAndSatisfiedRatings()
    {
        // Choices in order: rất hài lòng, hài lòng, không hài lòng. 3 + 4 satisfied of 10 = 70 %.
        var ratings = "1112222333".Select(c => new ResponseRecord(0, 0, c.ToString())).ToList();

        var share = SurveyAggregator.Aggregate(SurveyTemplates.Counter(), ["U1"], ratings, new SurveyOptions { MinimumSample = new MinimumSampleRule(5) })
            .Unit("U1")!.Metric(MetricNames.CounterSatisfiedShare)!;

        Assert.Equal(70m, share.Used);
        Assert.Equal(10, share.N);
    }

    [Fact]
    public void AnswersOutsideTheQuestionsChoicesAndUnknownUnitsAreIgnored()
    {
        var results = SurveyAggregator.Aggregate(MiniSipas(), ["U1"], [new(0, 0, "0z50"), new(5, 0, "0550"), new(0, 7, "0550")]);
        var unit = results.Unit("U1")!;

        Assert.Equal(1, unit.Responses);
        Assert.Equal(0, unit.Questions.Single(q => q.QuestionCode == "A1").N);
        Assert.Equal(1, unit.Questions.Single(q => q.QuestionCode == "A2").N);
    }
}

public class CountedAnswersTests
{
    [Fact]
    public void CountedCounterRatingsGiveTheSameFiguresAsSingleRatings()
    {
        var counter = SurveyTemplates.Counter();
        var singles = "1112222333".Select(c => new ResponseRecord(0, 0, c.ToString())).ToList();

        var fromSingles = SurveyAggregator.Aggregate(counter, ["U1"], singles).Unit("U1")!;
        var fromCounts = SurveyAggregator.AggregateCounts(counter, ["U1"], [(0, 0, 0, 3), (0, 0, 1, 4), (0, 0, 2, 3)]).Unit("U1")!;

        Assert.Equal(fromSingles.Metrics, fromCounts.Metrics);
        Assert.Equal(fromSingles.Questions[0].Counts, fromCounts.Questions[0].Counts);
        Assert.Equal(10, fromCounts.Responses);
    }
}
