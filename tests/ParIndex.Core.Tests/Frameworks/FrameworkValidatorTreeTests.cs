using ParIndex.Core.Frameworks;
using static ParIndex.Core.Frameworks.FrameworkProblemCodes;

namespace ParIndex.Core.Tests.Frameworks;

public class FrameworkValidatorTreeTests
{
    /// <summary>Validates and asserts that exactly one problem was found, with the given code.</summary>
    internal static FrameworkProblem OnlyProblem(FrameworkDefinition framework, string code)
    {
        var problems = FrameworkValidator.Validate(framework);
        var problem = Assert.Single(problems);
        Assert.Equal(code, problem.Code);
        return problem;
    }

    internal static void AssertNamesNode(FrameworkProblem problem, string labelVi, string labelEn, string code)
    {
        Assert.Equal(code, problem.Path);
        Assert.Equal(code, problem.NodeCode);
        Assert.StartsWith($"{labelVi} {code}: ", problem.MessageVi);
        Assert.StartsWith($"{labelEn} {code}: ", problem.MessageEn);
    }

    [Fact]
    public void ValidFrameworkHasNoProblems()
    {
        Assert.Empty(FrameworkValidator.Validate(SampleFramework.Create()));
    }

    [Fact]
    public void DuplicateCodesAreReported()
    {
        var framework = SampleFramework.Create().WithNode("1.2", n => n with { Code = "1.3" });

        var problem = OnlyProblem(framework, DuplicateCode);

        AssertNamesNode(problem, "Tiêu chí", "Criterion", "1.3");
        Assert.Contains("Công khai thủ tục hành chính", problem.MessageVi);
    }

    [Theory]
    [InlineData("1 .3")]
    [InlineData("1..3")]
    [InlineData(".3")]
    [InlineData("1.3.")]
    [InlineData("1,3")]
    [InlineData("1.3-a")]
    [InlineData("1.3\n")]
    public void MalformedCodesAreReported(string code)
    {
        var framework = SampleFramework.Create().WithNode("1.2", n => n with { Code = code });

        var problem = OnlyProblem(framework, CodeFormat);

        Assert.Equal("nodes[0].children[1]", problem.Path);
        Assert.Contains($"Tiêu chí {code}: mã «{code}» không hợp lệ", problem.MessageVi);
        Assert.Contains($"the code “{code}” is not valid", problem.MessageEn);
    }

    [Fact]
    public void ANodeWithoutACodeIsNamedByItsTitle()
    {
        var framework = SampleFramework.Create().WithNode("1.2", n => n with { Code = "" });

        var problem = OnlyProblem(framework, CodeFormat);

        Assert.StartsWith("Tiêu chí «Công khai thủ tục hành chính»:", problem.MessageVi);
        Assert.Null(problem.NodeCode);
    }

    [Theory]
    [InlineData("3.2.1")]
    [InlineData("A.1")]
    [InlineData("9b")]
    public void DottedAlphanumericCodesAreValid(string code)
    {
        Assert.True(FrameworkValidator.IsValidCode(code));
    }

    [Fact]
    public void ChildrenExceedingParentMaximumAreReported()
    {
        var framework = SampleFramework.Create().WithNode("1.1.1", n => n with { MaxPoints = 3.5m });

        var problem = OnlyProblem(framework, ChildrenExceedParent);

        AssertNamesNode(problem, "Tiêu chí", "Criterion", "1.1");
        Assert.Equal("Tiêu chí 1.1: tổng điểm tối đa các tiêu chí con (6,5) vượt điểm tối đa (6)", problem.MessageVi);
        Assert.Equal("Criterion 1.1: the children's maxima add up to 6.5, more than the maximum (6)", problem.MessageEn);
    }

    [Fact]
    public void ChildrenBelowParentMaximumAreReported()
    {
        var framework = SampleFramework.Create().WithNode("1.1.1", n => n with { MaxPoints = 2.5m });

        var problem = OnlyProblem(framework, ChildrenBelowParent);

        AssertNamesNode(problem, "Tiêu chí", "Criterion", "1.1");
        Assert.Contains("(5,5) thấp hơn điểm tối đa (6)", problem.MessageVi);
    }

    [Fact]
    public void FieldsAreNamedAsFieldsInMessages()
    {
        var framework = SampleFramework.Create().WithNode("2", n => n with { MaxPoints = 6 });

        var problem = OnlyProblem(framework, ChildrenBelowParent);

        AssertNamesNode(problem, "Lĩnh vực", "Field", "2");
    }

    [Fact]
    public void BonusAndPenaltyNodesDoNotCountTowardsTheirParentsMaximum()
    {
        // Field 1 holds penalty 1.9 (max 1) beside regular children adding up to exactly 10.
        var framework = SampleFramework.Create().WithNode("1.9", n => n with { MaxPoints = 4 });
        Assert.Empty(FrameworkValidator.Validate(framework));

        var asLeaf = framework.WithNode("1.9", n => n with { Kind = NodeKind.Leaf });
        Assert.Equal(ChildrenExceedParent, Assert.Single(FrameworkValidator.Validate(asLeaf)).Code);
    }

    [Fact]
    public void GroupWithMethodIsReported()
    {
        var framework = SampleFramework.Create().WithNode("1.1", n => n with { Method = new ManualMethod() });

        AssertNamesNode(OnlyProblem(framework, GroupWithMethod), "Tiêu chí", "Criterion", "1.1");
    }

    [Fact]
    public void GroupWithoutChildrenIsReported()
    {
        var framework = SampleFramework.Create().WithNode("1.1", n => n with { Children = [] });

        AssertNamesNode(OnlyProblem(framework, GroupWithoutChildren), "Tiêu chí", "Criterion", "1.1");
    }

    [Fact]
    public void LeafWithChildrenIsReported()
    {
        var child = new FrameworkNode { Code = "1.2.1", TitleVi = "Niêm yết", Kind = NodeKind.Leaf, MaxPoints = 1, Method = new ManualMethod() };
        var framework = SampleFramework.Create().WithNode("1.2", n => n with { Children = [child] });

        var problem = OnlyProblem(framework, LeafWithChildren);

        AssertNamesNode(problem, "Tiêu chí", "Criterion", "1.2");
        Assert.Contains("(1 tiêu chí con)", problem.MessageVi);
    }

    [Fact]
    public void LeafWithoutMethodIsReported()
    {
        var framework = SampleFramework.Create().WithNode("1.1.3", n => n with { Method = null });

        AssertNamesNode(OnlyProblem(framework, LeafWithoutMethod), "Tiêu chí thành phần", "Sub-criterion", "1.1.3");
    }

    [Fact]
    public void BonusWithoutMethodIsReported()
    {
        var framework = SampleFramework.Create().WithNode("9.1", n => n with { Method = null });

        AssertNamesNode(OnlyProblem(framework, BonusPenaltyWithoutMethod), "Điểm thưởng", "Bonus item", "9.1");
    }

    [Fact]
    public void PenaltyWithoutMethodIsReported()
    {
        var framework = SampleFramework.Create().WithNode("9.2", n => n with { Method = null });

        AssertNamesNode(OnlyProblem(framework, BonusPenaltyWithoutMethod), "Điểm trừ", "Penalty item", "9.2");
    }

    [Fact]
    public void NegativeMaximumIsReported()
    {
        var framework = SampleFramework.Create().WithNode("9.2", n => n with { MaxPoints = -1.5m });

        var problem = OnlyProblem(framework, NegativeMax);

        AssertNamesNode(problem, "Điểm trừ", "Penalty item", "9.2");
        Assert.Contains("(-1,5)", problem.MessageVi);
    }

    [Fact]
    public void MissingTitleIsReported()
    {
        var framework = SampleFramework.Create().WithNode("1.3", n => n with { TitleVi = " " });

        AssertNamesNode(OnlyProblem(framework, TitleMissing), "Tiêu chí", "Criterion", "1.3");
    }

    [Fact]
    public void FrameworkWithoutRegularPointsIsReported()
    {
        var sample = SampleFramework.Create();
        var framework = sample with { Nodes = [sample.Node("9.1")], Crosswalk = new Dictionary<string, string>() };

        var problem = OnlyProblem(framework, FrameworkMaxNotPositive);

        Assert.Contains("(0)", problem.MessageVi);
    }

    [Fact]
    public void MissingBlockCodeIsReported()
    {
        var framework = SampleFramework.Create() with { BlockCode = "" };

        Assert.Equal("blockCode", OnlyProblem(framework, BlockCodeMissing).Path);
    }

    [Fact]
    public void NullNodesAreReportedWithoutCrashing()
    {
        var sample = SampleFramework.Create();
        var framework = sample with { Nodes = [sample.Nodes[0], null!, sample.Nodes[1]] };

        Assert.Equal("nodes[1]", OnlyProblem(framework, NullEntry).Path);
    }

    [Fact]
    public void EveryProblemIsReportedInOnePass()
    {
        var framework = SampleFramework.Create()
            .WithNode("1.1.1", n => n with { MaxPoints = 4 })
            .WithNode("1.3", n => n with { Method = null })
            .WithNode("2.1", n => n with { Method = new SurveyMethod { Survey = "sipas.unknown" } });

        var codes = FrameworkValidator.Validate(framework).Select(p => p.Code).Order().ToList();

        Assert.Equal([ChildrenExceedParent, LeafWithoutMethod, UnknownSurvey], codes);
    }
}
