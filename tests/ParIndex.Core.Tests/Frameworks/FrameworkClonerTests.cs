using ParIndex.Core.Frameworks;
using static ParIndex.Core.Frameworks.FrameworkProblemCodes;

namespace ParIndex.Core.Tests.Frameworks;

public class FrameworkClonerTests
{
    private static FrameworkDefinition Clone(FrameworkDefinition source, int year, string? blockCode = null, Dictionary<string, string>? codeMap = null)
    {
        var result = FrameworkCloner.Clone(source, year, blockCode, codeMap);
        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        return result.Framework;
    }

    [Fact]
    public void CloneCopiesTheWholeTreeToTheNewYear()
    {
        var source = SampleFramework.Create();

        var clone = Clone(source, 2025);

        Assert.Equal(2025, clone.Year);
        Assert.Equal("so-ban-nganh", clone.BlockCode);
        Assert.Empty(clone.Crosswalk);
        // Everything but the year and the crosswalk is the same as last year's.
        DeepEquality.AssertEqual(source with { Year = 2025, Crosswalk = new Dictionary<string, string>() }, clone);
    }

    [Fact]
    public void CloneCanMoveTheFrameworkToANewBlockCode()
    {
        var clone = Clone(SampleFramework.Create(), 2025, blockCode: "phuong-xa");

        Assert.Equal("phuong-xa", clone.BlockCode);
    }

    [Fact]
    public void LastYearsCrosswalkIsNotCarriedOver()
    {
        // The sample's own crosswalk (1.3 ← 1.4) relates 2024 to 2023; it means nothing for 2025.
        Assert.Empty(Clone(SampleFramework.Create(), 2025).Crosswalk);
    }

    [Fact]
    public void CodeMapRenamesNodesAndRecordsTheCrosswalk()
    {
        var clone = Clone(SampleFramework.Create(), 2025, codeMap: new() { ["1.3"] = "1.4", ["9.1"] = "10.1" });

        Assert.Equal("Xin lỗi người dân khi trễ hạn", clone.Node("1.4").TitleVi);
        Assert.Equal(2m, clone.Node("10.1").MaxPoints);
        Assert.DoesNotContain(clone.AllNodes(), n => n.Code is "1.3" or "9.1");
        Assert.Equal(new Dictionary<string, string> { ["1.4"] = "1.3", ["10.1"] = "9.1" }, clone.Crosswalk);
    }

    [Fact]
    public void RenamingAGroupLeavesItsChildrenAlone()
    {
        var clone = Clone(SampleFramework.Create(), 2025, codeMap: new() { ["1.1"] = "1.5" });

        Assert.Equal(["1.1.1", "1.1.2", "1.1.3"], clone.Node("1.5").Children.Select(c => c.Code));
        Assert.Equal(new Dictionary<string, string> { ["1.5"] = "1.1" }, clone.Crosswalk);
    }

    [Fact]
    public void UnchangedCodesNeedNoCrosswalkEntry()
    {
        var clone = Clone(SampleFramework.Create(), 2025, codeMap: new() { ["1.2"] = "1.2", ["1.3"] = "1.4" });

        Assert.Equal(["1.4"], clone.Crosswalk.Keys);
    }

    [Fact]
    public void SwappingTwoCodesIsAllowed()
    {
        var clone = Clone(SampleFramework.Create(), 2025, codeMap: new() { ["1.2"] = "1.3", ["1.3"] = "1.2" });

        Assert.Equal("Xin lỗi người dân khi trễ hạn", clone.Node("1.2").TitleVi);
        Assert.Equal(new Dictionary<string, string> { ["1.3"] = "1.2", ["1.2"] = "1.3" }, clone.Crosswalk);
        Assert.Empty(FrameworkValidator.Validate(clone));
    }

    [Fact]
    public void TheCloneValidates()
    {
        Assert.Empty(FrameworkValidator.Validate(Clone(SampleFramework.Create(), 2025, codeMap: new() { ["1.3"] = "1.4" })));
    }

    [Fact]
    public void TheSourceIsLeftUnchanged()
    {
        var source = SampleFramework.Create();

        Clone(source, 2025, codeMap: new() { ["1.3"] = "1.4" });

        DeepEquality.AssertEqual(SampleFramework.Create(), source);
    }

    [Fact]
    public void CodeMapNamingAnUnknownCodeIsReported()
    {
        var result = FrameworkCloner.Clone(SampleFramework.Create(), 2025, codeMap: new Dictionary<string, string> { ["7.1"] = "7.2" });

        var problem = Assert.Single(result.Problems);
        Assert.Null(result.Framework);
        Assert.Equal(CodeMapUnknownCode, problem.Code);
        Assert.Equal("Bảng đổi mã: mã 7.1 không có trong bộ tiêu chí năm 2024", problem.MessageVi);
    }

    [Fact]
    public void CodeMapWithAMalformedNewCodeIsReported()
    {
        var result = FrameworkCloner.Clone(SampleFramework.Create(), 2025, codeMap: new Dictionary<string, string> { ["1.3"] = "1. 4" });

        var problem = Assert.Single(result.Problems);
        Assert.Equal(CodeFormat, problem.Code);
        Assert.Equal("1.3", problem.NodeCode);
        Assert.Contains("«1. 4»", problem.MessageVi);
    }

    [Fact]
    public void CodeMapMakingTwoNodesShareACodeIsReported()
    {
        var result = FrameworkCloner.Clone(SampleFramework.Create(), 2025, codeMap: new Dictionary<string, string> { ["1.3"] = "1.2" });

        var problem = Assert.Single(result.Problems);
        Assert.Equal(DuplicateCode, problem.Code);
        Assert.Equal("Bảng đổi mã: các tiêu chí 1.2, 1.3 sẽ cùng mang mã 1.2", problem.MessageVi);
    }
}
