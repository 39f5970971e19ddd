using ParIndex.Core.Surveys;

namespace ParIndex.Core.Tests.Surveys;

public class QuestionnaireTests
{
    private static Dictionary<string, IReadOnlyList<string>> Answers(params (string Code, string Value)[] answers) =>
        answers.GroupBy(a => a.Code).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(a => a.Value).ToList());

    [Fact]
    public void TheShippedTemplatesAreValid()
    {
        foreach (var template in SurveyTemplates.All)
            Assert.Empty(QuestionnaireValidator.Validate(template));
    }

    [Fact]
    public void TheSipasTemplateMeasuresPerceptionSatisfactionAndExpectationForEachOfTheFiveElements()
    {
        var sipas = SurveyTemplates.Sipas();

        foreach (var (element, _, _) in SipasElements.All)
        {
            var questions = sipas.AllQuestions().Where(q => q.Element == element).ToList();
            Assert.Contains(questions, q => q.Aspect == QuestionAspect.Perception);
            Assert.Contains(questions, q => q.Aspect == QuestionAspect.Satisfaction && q.Kind == QuestionKind.Scale5 && q.IsIndexed);
            Assert.Contains(questions, q => q.Aspect == QuestionAspect.Expectation);
        }
        Assert.All(sipas.AllQuestions(), q => Assert.False(string.IsNullOrWhiteSpace(q.TextEn)));
    }

    [Fact]
    public void TheSociologicalTemplateRatesEveryFieldOnTheWeightedScale()
    {
        var form = SurveyTemplates.Sociological();

        Assert.Equal(Enumerable.Range(1, 8), form.AllQuestions().Select(q => q.Field!.Value).Distinct().Order());
        Assert.All(form.AllQuestions(), q => Assert.Equal([100m, 60m, 20m, 0m, null], q.EffectiveChoices.Select(c => c.Weight)));
    }

    [Fact]
    public void AnswersAreEncodedOneCharacterPerSingleChoiceQuestionAndDecodedBack()
    {
        var sipas = SurveyTemplates.Sipas();
        var raw = Answers(("A1", "co"), ("A2", "5"), ("A3", "4"), ("A4", "cho_ngoi"), ("A4", "thiet_bi"), ("B1", "khong"), ("B2", "3"), ("B3", "4"), ("B4", "4"),
            ("C1", "co"), ("C2", "5"), ("C3", "5"), ("C4", "5"), ("D1", "co"), ("D2", "4"), ("D3", "2"), ("E1", "khong"), ("E2", "3"), ("E3", "1"), ("G2", "Cần thêm ghế chờ."));

        var (encoded, problems) = AnswerSheet.Check(sipas, raw);

        Assert.Empty(problems);
        Assert.Equal(sipas.Slots().Count, encoded!.Choices.Length);
        Assert.StartsWith("00154", encoded.Choices); // TT1, TT2 unanswered; A1 yes; A2 5; A3 4
        var back = AnswerSheet.Decode(sipas, encoded);
        Assert.Equal(["cho_ngoi", "thiet_bi"], back["A4"]);
        Assert.Equal(["Cần thêm ghế chờ."], back["G2"]);
        Assert.Equal(["khong"], back["B1"]);
    }

    [Fact]
    public void MissingRequiredAnswersAndUnknownChoicesAreProblemsNamingTheQuestion()
    {
        var (encoded, problems) = AnswerSheet.Check(SurveyTemplates.Sipas(), Answers(("A1", "co"), ("A2", "7"), ("ZZ", "1")));

        Assert.Null(encoded);
        Assert.Contains(problems, p => p.QuestionCode == "A2" && p.MessageVi.Contains("không phải là một phương án"));
        Assert.Contains(problems, p => p.QuestionCode == "A3" && p.MessageVi == "Hãy trả lời câu hỏi này.");
        Assert.Contains(problems, p => p.QuestionCode == "ZZ");
        Assert.DoesNotContain(problems, p => p.QuestionCode == "A4"); // expectation questions are optional
    }

    [Fact]
    public void ASectionCanBeCheckedAlone()
    {
        var (encoded, problems) = AnswerSheet.Check(SurveyTemplates.Sipas(), Answers(("A1", "co"), ("A2", "5"), ("A3", "4")), onlySection: "A");

        Assert.Empty(problems);
        Assert.NotNull(encoded);
    }

    [Fact]
    public void ChoicesMayBeGivenByTheirTextWithoutDiacritics()
    {
        var question = SurveyTemplates.Sipas().Find("A2")!;

        Assert.Equal(4, AnswerSheet.ChoiceIndex(question, "rat hai long"));
        Assert.Equal(3, AnswerSheet.ChoiceIndex(question, "Hài lòng"));
        Assert.Equal(0, AnswerSheet.ChoiceIndex(SurveyTemplates.Sipas().Find("A1")!, "Có"));
    }

    [Fact]
    public void NumbersAreCheckedAgainstTheirRangeAndTextAgainstItsLength()
    {
        var form = new QuestionnaireDefinition
        {
            Code = "T", Kind = QuestionnaireKind.Other, TitleVi = "Thử", Groups = [new("g", "G")],
            Sections = [new() { Code = "s", TitleVi = "S", Questions =
            [
                new() { Code = "N1", Kind = QuestionKind.Number, TextVi = "Số lần", Min = 0, Max = 10 },
                new() { Code = "T1", Kind = QuestionKind.Text, TextVi = "Góp ý", MaxLength = 5 },
            ] }],
        };

        var (_, problems) = AnswerSheet.Check(form, Answers(("N1", "12"), ("T1", "quá dài")));
        var (ok, none) = AnswerSheet.Check(form, Answers(("N1", "2,5"), ("T1", "ngắn")));

        Assert.Equal(["N1", "T1"], problems.Select(p => p.QuestionCode));
        Assert.Empty(none);
        Assert.Equal("""{"N1":2.5,"T1":"ngắn"}""", ok!.DetailsJson);
    }

    [Fact]
    public void TheValidatorNamesDuplicateCodesBadWeightsAndUnknownElements()
    {
        var bad = SurveyTemplates.Sipas() with
        {
            Sections =
            [
                new() { Code = "s", TitleVi = "S", Questions =
                [
                    new() { Code = "Q1", Kind = QuestionKind.Scale5, Element = "nowhere", TextVi = "?" },
                    new() { Code = "Q1", Kind = QuestionKind.Weighted, Element = "access", TextVi = "?", Choices = [new() { Code = "A", TextVi = "A", Weight = 120 }, new() { Code = "B", TextVi = "B" }] },
                ] },
            ],
        };

        var problems = QuestionnaireValidator.Validate(bad);

        Assert.Contains(problems, p => p.MessageEn.Contains("not a SIPAS element"));
        Assert.Contains(problems, p => p.MessageEn.Contains("repeats"));
        Assert.Contains(problems, p => p.MessageEn.Contains("0–100 %"));
        Assert.Contains(problems, p => p.MessageEn.Contains("needs a weight"));
    }

    [Fact]
    public void AQuestionnaireSurvivesAJsonRoundTrip()
    {
        var json = SurveyTemplates.Sipas().ToJson();

        var back = QuestionnaireDefinition.FromJson(json, out var error);

        Assert.Null(error);
        Assert.Equal(json, back!.ToJson());
        Assert.Contains("Rất hài lòng", SurveyTemplates.Sipas().Find("A2")!.EffectiveChoices[4].TextVi);
    }
}
