using ParIndex.Core.Frameworks;
using ParIndex.Core.Rules;
using ParIndex.Core.Scoring;

namespace ParIndex.Core.Tests.Rules;

public class RuleEvaluatorTests
{
    private static readonly IReadOnlyList<ClassBand> Bands = ClassBand.Default;

    private static ClassBand Band(string code) => Bands.Single(b => b.Code == code);

    private static RuleSubject Subject(string classCode = "tot", int rank = 1, int units = 29, decimal index = 85, PreviousStanding? previous = null) =>
        new(index, Band(classCode), rank, units, previous);

    private static PreviousStanding Previous(string? classCode = "kha", int? rank = 5) =>
        new() { Index = 75, Rank = rank, ClassCode = classCode, BasisVi = "Chỉ số năm trước của chính đơn vị" };

    private static ConditionCheck Check(RuleCondition condition, RuleSubject subject) => RuleEvaluator.Check(condition, subject, Bands);

    [Theory]
    [InlineData("tot", true)]
    [InlineData("kha", false)]
    [InlineData("yeu", false)]
    public void ClassAtLeastHoldsForTheBandAndBetter(string classCode, bool holds)
    {
        Assert.Equal(holds, Check(new ClassCondition { AtLeast = "tot" }, Subject(classCode)).Holds);
        Assert.True(Check(new ClassCondition { AtLeast = "yeu" }, Subject(classCode)).Holds);
    }

    [Fact]
    public void ClassAtLeastFailureNamesTheActualClass()
    {
        var check = Check(new ClassCondition { AtLeast = "tot" }, Subject("kha"));

        Assert.Equal("Xếp loại Khá, không đạt mức Tốt", check.TextVi);
        Assert.Equal("Class Fair, below Good", check.TextEn);
    }

    [Theory]
    [InlineData("tot", false)]
    [InlineData("kha", true)]
    [InlineData("trung-binh", true)]
    [InlineData("yeu", true)]
    public void ClassAtMostHoldsForTheBandAndWorse(string classCode, bool holds)
    {
        Assert.Equal(holds, Check(new ClassCondition { AtMost = "kha" }, Subject(classCode)).Holds);
    }

    [Fact]
    public void ClassAtMostTextsNameBothClasses()
    {
        Assert.Equal("Xếp loại Tốt, cao hơn mức Khá", Check(new ClassCondition { AtMost = "kha" }, Subject("tot")).TextVi);
        Assert.Equal("Xếp loại Trung bình, từ mức Khá trở xuống", Check(new ClassCondition { AtMost = "kha" }, Subject("trung-binh")).TextVi);
        Assert.Equal("Class Average, Fair or below", Check(new ClassCondition { AtMost = "kha" }, Subject("trung-binh")).TextEn);
    }

    [Fact]
    public void ClassRangeNeedsBothBounds()
    {
        var between = new ClassCondition { AtLeast = "trung-binh", AtMost = "kha" };

        Assert.True(Check(between, Subject("kha")).Holds);
        Assert.True(Check(between, Subject("trung-binh")).Holds);
        Assert.False(Check(between, Subject("tot")).Holds);
        Assert.False(Check(between, Subject("yeu")).Holds);
    }

    [Fact]
    public void PreviousYearClassConditionUsesLastYearsClass()
    {
        var lastYear = new ClassCondition { AtMost = "kha", Year = RuleYear.Previous };

        var check = Check(lastYear, Subject("tot", previous: Previous("trung-binh")));

        Assert.True(check.Holds);
        Assert.Equal("Năm trước xếp loại Trung bình, từ mức Khá trở xuống", check.TextVi);
        Assert.False(Check(lastYear, Subject("yeu", previous: Previous("tot"))).Holds);
    }

    [Fact]
    public void PreviousYearClassConditionFailsWithoutAPreviousClass()
    {
        var lastYear = new ClassCondition { AtMost = "kha", Year = RuleYear.Previous };

        var none = Check(lastYear, Subject("yeu"));
        var unclassed = Check(lastYear, Subject("yeu", previous: Previous(classCode: null)));

        Assert.False(none.Holds);
        Assert.Equal("Không có xếp loại năm trước", none.TextVi);
        Assert.Equal("No previous class", none.TextEn);
        Assert.False(unclassed.Holds);
    }

    [Fact]
    public void ClassThatIsNotOnTheScaleFails()
    {
        var check = Check(new ClassCondition { AtMost = "kha", Year = RuleYear.Previous }, Subject(previous: Previous("xuat-sac")));

        Assert.False(check.Holds);
        Assert.Equal("Năm trước xếp loại xuat-sac không có trong thang xếp loại", check.TextVi);
    }

    [Fact]
    public void RuleNamingAClassThatIsNotOnTheScaleFails()
    {
        Assert.False(Check(new ClassCondition { AtLeast = "xuat-sac" }, Subject("tot")).Holds);
    }

    [Theory]
    [InlineData(1, 29, true)]
    [InlineData(9, 29, true)]
    [InlineData(10, 29, false)]
    [InlineData(10, 30, true)]
    [InlineData(11, 30, false)]
    [InlineData(1, 2, false)]
    public void TopFractionCompareRankTimesDenominatorWithUnitsTimesNumerator(int rank, int units, bool holds)
    {
        Assert.Equal(holds, Check(new TopFractionCondition { Numerator = 1, Denominator = 3 }, Subject(rank: rank, units: units)).Holds);
    }

    [Fact]
    public void TopFractionTextsShowRankAndTheLastRankInside()
    {
        var third = new TopFractionCondition { Numerator = 1, Denominator = 3 };

        Assert.Equal("Hạng 12/29, ngoài 1/3 Khối (≤ 9)", Check(third, Subject(rank: 12)).TextVi);
        Assert.Equal("Rank 12/29, outside the top 1/3 of the block (≤ 9)", Check(third, Subject(rank: 12)).TextEn);
        Assert.Equal("Hạng 9/29, thuộc 1/3 Khối (≤ 9)", Check(third, Subject(rank: 9)).TextVi);
    }

    [Fact]
    public void TopFractionWithAZeroDenominatorFails()
    {
        Assert.False(Check(new TopFractionCondition { Numerator = 1, Denominator = 0 }, Subject(rank: 1)).Holds);
    }

    [Fact]
    public void RankDroppedHoldsWhenTheRankNumberGrew()
    {
        var check = Check(new RankDroppedCondition(), Subject(rank: 12, previous: Previous(rank: 8)));

        Assert.True(check.Holds);
        Assert.Equal("Hạng 12, năm trước hạng 8: tụt 4 bậc", check.TextVi);
        Assert.Equal("Rank 12, 8 last year: down 4", check.TextEn);
    }

    [Theory]
    [InlineData(8, 12)]
    [InlineData(8, 8)]
    public void RankDroppedFailsWhenTheRankHeldOrImproved(int rank, int previousRank)
    {
        var check = Check(new RankDroppedCondition(), Subject(rank: rank, previous: Previous(rank: previousRank)));

        Assert.False(check.Holds);
        Assert.EndsWith("không tụt hạng", check.TextVi);
    }

    [Fact]
    public void RankDroppedFailsWithoutAComparablePreviousRank()
    {
        Assert.False(Check(new RankDroppedCondition(), Subject(rank: 20)).Holds);
        var merged = Check(new RankDroppedCondition(), Subject(rank: 20, previous: Previous(rank: null)));
        Assert.False(merged.Holds);
        Assert.Equal("Không có hạng năm trước cùng Khối để so sánh", merged.TextVi);
    }

    [Theory]
    [InlineData("50", true)]
    [InlineData("69.99", true)]
    [InlineData("70", false)]
    [InlineData("49.99", false)]
    public void IndexConditionIncludesItsLowerBoundAndExcludesItsUpper(string index, bool holds)
    {
        var value = decimal.Parse(index, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(holds, Check(new IndexCondition { AtLeast = 50, Below = 70 }, Subject(index: value)).Holds);
    }

    [Fact]
    public void IndexConditionTextsShowTheIndexAgainstTheBound()
    {
        Assert.Equal("Chỉ số 79,996 < 80", Check(new IndexCondition { AtLeast = 80 }, Subject(index: 79.996m)).TextVi);
        Assert.Equal("Index 72.5 ≥ 70", Check(new IndexCondition { Below = 70 }, Subject(index: 72.5m)).TextEn);
        Assert.Equal("50 ≤ Chỉ số 65,5 < 70", Check(new IndexCondition { AtLeast = 50, Below = 70 }, Subject(index: 65.5m)).TextVi);
    }

    [Fact]
    public void RuleAppliesWhenAnyClauseHoldsAndNamesThatClause()
    {
        var rule = new OutcomeRule
        {
            Code = "r", Kind = OutcomeKind.Reward, TitleVi = "Khen thưởng",
            AnyOf =
            [
                new() { DescriptionVi = "Xếp hạng nhất", DescriptionEn = "Ranked first", AllOf = [new TopFractionCondition { Numerator = 1, Denominator = 29 }] },
                new() { DescriptionVi = "Chỉ số từ 85", DescriptionEn = "Index from 85", AllOf = [new IndexCondition { AtLeast = 85 }, new ClassCondition { AtLeast = "tot" }] },
            ],
        };

        var outcome = RuleEvaluator.Evaluate(rule, Subject("tot", rank: 4, index: 86), Bands);

        Assert.True(outcome.Applies);
        Assert.Equal("r", outcome.RuleCode);
        Assert.Equal(OutcomeKind.Reward, outcome.Kind);
        Assert.Equal("Đủ điều kiện — Chỉ số từ 85: Chỉ số 86 ≥ 85; Xếp loại Tốt, đạt mức Tốt trở lên.", outcome.ExplanationVi);
        Assert.Equal("Applies — Index from 85: Index 86 ≥ 85; Class Good, Good or better.", outcome.ExplanationEn);
    }

    [Fact]
    public void RuleThatDoesNotApplyGivesTheFirstFailedConditionOfEachClause()
    {
        var rule = new OutcomeRule
        {
            Code = "r", Kind = OutcomeKind.Reward, TitleVi = "Khen thưởng",
            AnyOf =
            [
                new() { DescriptionVi = "Tốt và 1/3", AllOf = [new ClassCondition { AtLeast = "tot" }, new TopFractionCondition { Numerator = 1, Denominator = 3 }] },
                new() { DescriptionVi = "Chỉ số từ 90", AllOf = [new IndexCondition { AtLeast = 90 }] },
            ],
        };

        var outcome = RuleEvaluator.Evaluate(rule, Subject("kha", rank: 12, index: 78), Bands);

        Assert.False(outcome.Applies);
        Assert.Equal("Không đủ điều kiện. Tốt và 1/3: Xếp loại Khá, không đạt mức Tốt. Chỉ số từ 90: Chỉ số 78 < 90.", outcome.ExplanationVi);
        Assert.DoesNotContain("Hạng", outcome.ExplanationVi);
        Assert.Equal("Does not apply. Tốt và 1/3: Class Fair, below Good. Chỉ số từ 90: Index 78 < 90.", outcome.ExplanationEn);
    }

    [Fact]
    public void ClauseWithoutConditionsAlwaysHoldsAndRuleWithoutClausesNeverApplies()
    {
        var always = new OutcomeRule { Code = "a", Kind = OutcomeKind.Reward, TitleVi = "A", AnyOf = [new() { DescriptionVi = "Luôn", AllOf = [] }] };
        var never = new OutcomeRule { Code = "n", Kind = OutcomeKind.Reward, TitleVi = "N", AnyOf = [] };

        Assert.True(RuleEvaluator.Evaluate(always, Subject(), Bands).Applies);
        Assert.False(RuleEvaluator.Evaluate(never, Subject(), Bands).Applies);
    }
}
