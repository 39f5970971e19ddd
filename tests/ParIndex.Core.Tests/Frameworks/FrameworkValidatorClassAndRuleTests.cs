using ParIndex.Core.Frameworks;
using static ParIndex.Core.Frameworks.FrameworkProblemCodes;
using static ParIndex.Core.Tests.Frameworks.FrameworkValidatorTreeTests;

namespace ParIndex.Core.Tests.Frameworks;

public class FrameworkValidatorClassAndRuleTests
{
    private static readonly FrameworkDefinition Sample = SampleFramework.Create();

    private static FrameworkDefinition WithBands(Func<List<ClassBand>, IEnumerable<ClassBand>> change, IReadOnlyList<ClassBand>? start = null) =>
        Sample with { Classes = [.. change([.. start ?? ClassBand.Default])] };

    private static FrameworkDefinition WithCondition(RuleCondition condition) =>
        Sample with { Rules = [Rule("test", new RuleClause { DescriptionVi = "Thử", AllOf = [condition] })] };

    private static OutcomeRule Rule(string code, params RuleClause[] clauses) =>
        new() { Code = code, Kind = OutcomeKind.Reward, TitleVi = $"Quy tắc {code}", AnyOf = clauses };

    [Fact]
    public void DefaultFourBandScaleValidates()
    {
        Assert.Empty(FrameworkValidator.Validate(Sample with { Classes = ClassBand.Default }));
    }

    [Fact]
    public void HcmcSixBandScaleValidates()
    {
        Assert.Empty(FrameworkValidator.Validate(Sample with { Classes = ClassBand.HcmcSixBands }));
    }

    [Fact]
    public void HcmcDefaultRulesValidateWithBothScales()
    {
        Assert.Empty(FrameworkValidator.Validate(Sample with { Rules = OutcomeRule.HcmcDefault }));
        Assert.Empty(FrameworkValidator.Validate(Sample with { Rules = OutcomeRule.HcmcDefault, Classes = ClassBand.HcmcSixBands }));
    }

    [Fact]
    public void EmptyClassScaleIsReported()
    {
        Assert.Equal("classes", OnlyProblem(Sample with { Classes = [], Rules = [] }, ClassesEmpty).Path);
    }

    [Fact]
    public void DuplicateClassCodesAreReported()
    {
        var framework = WithBands(b => { b[3] = b[3] with { Code = "kha" }; return b; });

        var problem = OnlyProblem(framework, DuplicateClassCode);

        Assert.Equal("classes[3]", problem.Path);
        Assert.Equal("Xếp loại Yếu: mã «kha» bị trùng", problem.MessageVi);
    }

    [Fact]
    public void EmptyBandIsReported()
    {
        var framework = WithBands(b => { b[1] = b[1] with { MinIndex = 80, MaxIndex = 70 }; return b; });

        var problems = FrameworkValidator.Validate(framework);

        var problem = Assert.Single(problems, p => p.Code == BandInverted);
        Assert.Equal("classes[1]", problem.Path);
        Assert.Contains("Xếp loại Khá: khoảng [80; 70)", problem.MessageVi);
    }

    [Fact]
    public void BandsListedWorstFirstAreReported()
    {
        var framework = WithBands(b => Enumerable.Reverse(b));

        var problem = OnlyProblem(framework, BandsOutOfOrder);

        Assert.Equal("classes[1]", problem.Path);
        Assert.Contains("Trung bình", problem.MessageVi);
        Assert.Contains("best first", problem.MessageEn);
    }

    [Fact]
    public void OverlappingBandsAreReported()
    {
        var framework = WithBands(b => { b[1] = b[1] with { MaxIndex = 85 }; return b; });

        var problem = OnlyProblem(framework, OverlappingBands);

        Assert.Equal("classes[1]", problem.Path);
        Assert.Equal("Xếp loại Khá ([70; 85)) chồng lên Tốt (≥ 80)", problem.MessageVi);
    }

    [Fact]
    public void BandWithoutUpperBoundBelowTheTopOverlaps()
    {
        var framework = WithBands(b => { b[1] = b[1] with { MaxIndex = null }; return b; });

        Assert.Equal("classes[1]", OnlyProblem(framework, OverlappingBands).Path);
    }

    [Fact]
    public void GapBetweenBandsIsReported()
    {
        var framework = WithBands(b => { b[1] = b[1] with { MaxIndex = 75.5m }; return b; });

        var problem = OnlyProblem(framework, BandGap);

        Assert.Equal("classes[1]", problem.Path);
        Assert.Contains("chỉ số [75,5; 80) không thuộc xếp loại nào", problem.MessageVi);
        Assert.Contains("an index in [75.5, 80) gets no class", problem.MessageEn);
    }

    [Fact]
    public void TopBandEndingBelowOneHundredIsAGap()
    {
        var framework = WithBands(b => { b[0] = b[0] with { MaxIndex = 95 }; return b; }, ClassBand.HcmcSixBands);

        var problem = OnlyProblem(framework, BandGap);

        Assert.Equal("classes[0]", problem.Path);
        Assert.Contains("chỉ số từ 95 trở lên", problem.MessageVi);
    }

    [Fact]
    public void TopBandEndingAtOneHundredLeavesAPerfectScoreUnclassed()
    {
        // Bands are [min, max): with max 100, an index of exactly 100 would get no class.
        var framework = WithBands(b => { b[0] = b[0] with { MaxIndex = 100 }; return b; });

        Assert.Equal("classes[0]", OnlyProblem(framework, BandGap).Path);
    }

    [Fact]
    public void TopBandEndingAboveOneHundredIsAccepted()
    {
        Assert.Empty(FrameworkValidator.Validate(WithBands(b => { b[0] = b[0] with { MaxIndex = 101 }; return b; })));
    }

    [Fact]
    public void BottomBandStartingAboveZeroIsAGap()
    {
        var framework = WithBands(b => { b[3] = b[3] with { MinIndex = 10 }; return b; });

        var problem = OnlyProblem(framework, BandGap);

        Assert.Equal("classes[3]", problem.Path);
        Assert.Contains("chỉ số dưới 10", problem.MessageVi);
    }

    [Fact]
    public void BottomBandStartingAtZeroIsAccepted()
    {
        Assert.Empty(FrameworkValidator.Validate(WithBands(b => { b[3] = b[3] with { MinIndex = 0 }; return b; })));
    }

    [Fact]
    public void DuplicateRuleCodesAreReported()
    {
        var framework = Sample with { Rules = [.. OutcomeRule.HcmcDefault.Select(r => r with { Code = "same" })] };

        var problem = OnlyProblem(framework, DuplicateRuleCode);

        Assert.Equal("rules[1]", problem.Path);
        Assert.StartsWith("Quy tắc «Xem xét xử lý trách nhiệm người đứng đầu»: mã «same» bị trùng", problem.MessageVi);
    }

    [Fact]
    public void RuleWithoutClausesIsReported()
    {
        var problem = OnlyProblem(Sample with { Rules = [Rule("never")] }, EmptyRule);

        Assert.Equal("rules[0]", problem.Path);
        Assert.Contains("never applies", problem.MessageEn);
    }

    [Fact]
    public void ClauseWithoutConditionsIsReported()
    {
        var framework = Sample with { Rules = [Rule("always", new RuleClause { DescriptionVi = "Mọi đơn vị", AllOf = [] })] };

        var problem = OnlyProblem(framework, EmptyRule);

        Assert.Equal("rules[0].anyOf[0]", problem.Path);
        Assert.Contains("applies to every unit", problem.MessageEn);
    }

    [Fact]
    public void RuleNamingAClassOutsideTheScaleIsReported()
    {
        // "xuat-sac" exists only on the six-band scale.
        var framework = WithCondition(new ClassCondition { AtLeast = "xuat-sac" });

        var problem = OnlyProblem(framework, UnknownClassInRule);

        Assert.Equal("rules[0].anyOf[0].allOf[0]", problem.Path);
        Assert.Equal("Quy tắc «Quy tắc test», trường hợp 1, điều kiện 1: xếp loại «xuat-sac» không có trong thang xếp loại (tot, kha, trung-binh, yeu)", problem.MessageVi);
    }

    [Fact]
    public void HcmcRulesAgainstARenamedScaleAreReported()
    {
        var framework = WithBands(b => b.Select(band => band with { Code = band.Code.ToUpperInvariant() })) with { Rules = OutcomeRule.HcmcDefault };

        var problems = FrameworkValidator.Validate(framework);

        Assert.Equal(4, problems.Count);
        Assert.All(problems, p => Assert.Equal(UnknownClassInRule, p.Code));
    }

    [Fact]
    public void ClassConditionWithoutBoundsIsReported()
    {
        Assert.Equal("rules[0].anyOf[0].allOf[0]", OnlyProblem(WithCondition(new ClassCondition()), EmptyCondition).Path);
    }

    [Fact]
    public void IndexConditionWithoutBoundsIsReported()
    {
        OnlyProblem(WithCondition(new IndexCondition()), EmptyCondition);
    }

    [Fact]
    public void ImpossibleClassConditionIsReported()
    {
        var problem = OnlyProblem(WithCondition(new ClassCondition { AtLeast = "tot", AtMost = "kha" }), ContradictoryCondition);

        Assert.Contains("«tot»", problem.MessageVi);
    }

    [Fact]
    public void ClassConditionSpanningBandsIsAccepted()
    {
        Assert.Empty(FrameworkValidator.Validate(WithCondition(new ClassCondition { AtLeast = "kha", AtMost = "tot" })));
    }

    [Fact]
    public void ImpossibleIndexConditionIsReported()
    {
        var problem = OnlyProblem(WithCondition(new IndexCondition { AtLeast = 80, Below = 70 }), ContradictoryCondition);

        Assert.Contains("[80; 70)", problem.MessageVi);
    }

    [Theory]
    [InlineData(0, 3)]
    [InlineData(-1, 3)]
    [InlineData(1, 0)]
    [InlineData(4, 3)]
    public void BadFractionIsReported(int numerator, int denominator)
    {
        var problem = OnlyProblem(WithCondition(new TopFractionCondition { Numerator = numerator, Denominator = denominator }), BadFraction);

        Assert.Equal("rules[0].anyOf[0].allOf[0]", problem.Path);
        Assert.Contains($"{numerator}/{denominator}", problem.MessageVi);
    }

    [Fact]
    public void WholeBlockFractionIsAccepted()
    {
        Assert.Empty(FrameworkValidator.Validate(WithCondition(new TopFractionCondition { Numerator = 3, Denominator = 3 })));
    }

    [Fact]
    public void CrosswalkKeyThatIsNotANodeIsReported()
    {
        var framework = Sample with { Crosswalk = new Dictionary<string, string> { ["1.4"] = "1.3" } };

        var problem = OnlyProblem(framework, CrosswalkUnknownCode);

        Assert.Equal("crosswalk['1.4']", problem.Path);
        Assert.Contains("1.4", problem.MessageVi);
    }

    [Fact]
    public void CrosswalkEntryWithoutPreviousCodeIsReported()
    {
        var framework = Sample with { Crosswalk = new Dictionary<string, string> { ["1.3"] = "" } };

        Assert.Equal("1.3", OnlyProblem(framework, CrosswalkEmptyTarget).NodeCode);
    }
}
