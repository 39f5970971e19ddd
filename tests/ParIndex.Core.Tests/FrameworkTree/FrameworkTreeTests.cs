using ParIndex.Core.Frameworks;
using ParIndex.Core.Tests.Frameworks;
using Tree = ParIndex.Core.Frameworks.FrameworkTree;

namespace ParIndex.Core.Tests.FrameworkTreeTests;

public sealed class FrameworkTreeTests
{
    private static readonly FrameworkDefinition Sample = SampleFramework.Create();

    private static FrameworkNode Leaf(string code, decimal max = 1) =>
        new() { Code = code, TitleVi = $"Tiêu chí {code}", Kind = NodeKind.Leaf, MaxPoints = max, Method = new ManualMethod() };

    private static IEnumerable<string> Codes(FrameworkDefinition framework) => framework.AllNodes().Select(n => n.Code);

    private static IEnumerable<string> ChildCodes(FrameworkDefinition framework, string code) => framework.FindNode(code)!.Children.Select(c => c.Code);

    [Fact]
    public void FindNodeFindsNodesAtEveryDepthAndNullForUnknownCodes()
    {
        Assert.Equal("Cải cách thủ tục hành chính", Sample.FindNode("1")!.TitleVi);
        Assert.Equal("Tỷ lệ hồ sơ trễ hạn", Sample.FindNode("1.1.2")!.TitleVi);
        Assert.Null(Sample.FindNode("7.7"));
    }

    [Fact]
    public void ParentOfNamesTheDirectParentAndNullAtTheTopLevel()
    {
        Assert.Equal("1.1", Sample.ParentOf("1.1.3")!.Code);
        Assert.Equal("1", Sample.ParentOf("1.9")!.Code);
        Assert.Null(Sample.ParentOf("2"));
        Assert.Null(Sample.ParentOf("9.1"));
        Assert.Null(Sample.ParentOf("nope"));
    }

    [Fact]
    public void AncestorsAndDepthFollowThePathFromTheTop()
    {
        Assert.Equal(["1", "1.1"], Sample.AncestorsOf("1.1.2"));
        Assert.Empty(Sample.AncestorsOf("2")!);
        Assert.Null(Sample.AncestorsOf("nope"));
        Assert.Equal(2, Sample.DepthOf("1.1.2"));
        Assert.Equal(0, Sample.DepthOf("9.2"));
    }

    [Fact]
    public void ReplaceNodeChangesTheNodeKeepsItsChildrenAndLeavesTheInputUntouched()
    {
        var group = Sample.FindNode("1.1")!;
        var result = Tree.ReplaceNode(Sample, "1.1", group with { TitleVi = "Một cửa", Children = [] });

        Assert.True(result.Succeeded, string.Join("; ", result.Problems));
        Assert.Equal("Một cửa", result.Framework.FindNode("1.1")!.TitleVi);
        Assert.Equal(["1.1.1", "1.1.2", "1.1.3"], ChildCodes(result.Framework, "1.1"));
        Assert.Equal("Thực hiện cơ chế một cửa, một cửa liên thông", Sample.FindNode("1.1")!.TitleVi);
        Assert.Equal(Codes(Sample), Codes(result.Framework));
        Assert.Empty(FrameworkValidator.Validate(result.Framework));
    }

    [Fact]
    public void ReplaceNodeWithChildrenReplacesTheSubtreeAndDropsCrosswalkEntriesOfRemovedNodes()
    {
        var framework = Sample with { Crosswalk = new Dictionary<string, string> { ["1.1.2"] = "1.1.9", ["1.3"] = "1.4" } };
        var group = framework.FindNode("1.1")!;
        var result = Tree.ReplaceNode(framework, "1.1", group with { Children = [Leaf("1.1.1", 6)] });

        Assert.True(result.Succeeded, string.Join("; ", result.Problems));
        Assert.Equal(["1.1.1"], ChildCodes(result.Framework, "1.1"));
        Assert.Null(result.Framework.FindNode("1.1.2"));
        Assert.Equal(new Dictionary<string, string> { ["1.3"] = "1.4" }, result.Framework.Crosswalk);
        Assert.Empty(FrameworkValidator.Validate(result.Framework));
    }

    [Fact]
    public void RenamingANodeMovesItsCrosswalkEntry()
    {
        var result = Tree.ReplaceNode(Sample, "1.3", Sample.FindNode("1.3")! with { Code = "1.5" });

        Assert.True(result.Succeeded, string.Join("; ", result.Problems));
        Assert.Null(result.Framework.FindNode("1.3"));
        Assert.NotNull(result.Framework.FindNode("1.5"));
        Assert.Equal(new Dictionary<string, string> { ["1.5"] = "1.4" }, result.Framework.Crosswalk);
        Assert.Empty(FrameworkValidator.Validate(result.Framework));
    }

    [Fact]
    public void ReplaceNodeRefusesACodeUsedElsewhereAndAnUnknownNode()
    {
        var duplicate = Tree.ReplaceNode(Sample, "1.3", Sample.FindNode("1.3")! with { Code = "2.1" });
        var unknown = Tree.ReplaceNode(Sample, "4.4", Leaf("4.4"));
        var badCode = Tree.ReplaceNode(Sample, "1.3", Sample.FindNode("1.3")! with { Code = "1 3" });

        Assert.Equal(FrameworkProblemCodes.DuplicateCode, Assert.Single(duplicate.Problems).Code);
        Assert.Equal(Tree.NodeNotFound, Assert.Single(unknown.Problems).Code);
        Assert.Equal(FrameworkProblemCodes.CodeFormat, Assert.Single(badCode.Problems).Code);
    }

    [Fact]
    public void ReplaceNodeMayKeepItsOwnCodeAndItsChildrensCodes()
    {
        var group = Sample.FindNode("1")!;
        var result = Tree.ReplaceNode(Sample, "1", group with { TitleEn = "Procedures" });

        Assert.True(result.Succeeded, string.Join("; ", result.Problems));
        Assert.Equal("Procedures", result.Framework.FindNode("1")!.TitleEn);
    }

    [Fact]
    public void AddChildInsertsAtThePositionOrAtTheEnd()
    {
        var atEnd = Tree.AddChild(Sample, "1.1", Leaf("1.1.4"));
        var first = Tree.AddChild(Sample, "1.1", Leaf("1.1.0"), 0);
        var top = Tree.AddChild(Sample, null, new FrameworkNode { Code = "3", TitleVi = "Lĩnh vực mới", MaxPoints = 2, Children = [Leaf("3.1", 2)] }, 2);

        Assert.Equal(["1.1.1", "1.1.2", "1.1.3", "1.1.4"], ChildCodes(atEnd.Framework!, "1.1"));
        Assert.Equal(["1.1.0", "1.1.1", "1.1.2", "1.1.3"], ChildCodes(first.Framework!, "1.1"));
        Assert.Equal(["1", "2", "3", "9.1", "9.2"], top.Framework!.Nodes.Select(n => n.Code));
        Assert.Equal("3.1", top.Framework.FindNode("3.1")!.Code);
        Assert.Equal(3, Sample.FindNode("1.1")!.Children.Count);
    }

    [Fact]
    public void AddChildRefusesDuplicateCodesUnknownParentsAndBadPositions()
    {
        var duplicate = Tree.AddChild(Sample, "2", Leaf("1.1.1"));
        var duplicateInside = Tree.AddChild(Sample, null, new FrameworkNode { Code = "5", TitleVi = "x", MaxPoints = 2, Children = [Leaf("5.1"), Leaf("5.1")] });
        var unknown = Tree.AddChild(Sample, "8", Leaf("8.1"));
        var position = Tree.AddChild(Sample, "2", Leaf("2.3"), 3);

        Assert.Equal(FrameworkProblemCodes.DuplicateCode, Assert.Single(duplicate.Problems).Code);
        Assert.Equal(FrameworkProblemCodes.DuplicateCode, Assert.Single(duplicateInside.Problems).Code);
        Assert.Equal(Tree.NodeNotFound, Assert.Single(unknown.Problems).Code);
        var problem = Assert.Single(position.Problems);
        Assert.Equal(Tree.PositionOutOfRange, problem.Code);
        Assert.Contains("1 đến 3", problem.MessageVi);
    }

    [Fact]
    public void RemoveNodeRemovesTheSubtreeAndItsCrosswalkEntries()
    {
        var framework = Sample with { Crosswalk = new Dictionary<string, string> { ["1.1.2"] = "1.1.9", ["1.3"] = "1.4" } };
        var result = Tree.RemoveNode(framework, "1.1");

        Assert.True(result.Succeeded);
        Assert.DoesNotContain(Codes(result.Framework), c => c.StartsWith("1.1", StringComparison.Ordinal));
        Assert.Equal(new Dictionary<string, string> { ["1.3"] = "1.4" }, result.Framework.Crosswalk);
        Assert.Equal(Tree.NodeNotFound, Assert.Single(Tree.RemoveNode(Sample, "1.1.7").Problems).Code);
    }

    [Fact]
    public void MoveNodeMovesTheSubtreeToAnotherParentOrTheTopLevel()
    {
        var moved = Tree.MoveNode(Sample, "1.2", "2", 0);
        var toTop = Tree.MoveNode(Sample, "1.1", null);
        var withinParent = Tree.MoveNode(Sample, "1.1.3", "1.1", 0);

        Assert.Equal(["1.2", "2.1", "2.2"], ChildCodes(moved.Framework!, "2"));
        Assert.DoesNotContain("1.2", ChildCodes(moved.Framework!, "1"));
        Assert.Equal(["1", "2", "9.1", "9.2", "1.1"], toTop.Framework!.Nodes.Select(n => n.Code));
        Assert.Equal(["1.1.1", "1.1.2", "1.1.3"], ChildCodes(toTop.Framework, "1.1"));
        Assert.Equal(["1.1.3", "1.1.1", "1.1.2"], ChildCodes(withinParent.Framework!, "1.1"));
        Assert.Equal(Codes(Sample).Order(), Codes(moved.Framework!).Order());
    }

    [Fact]
    public void MoveNodeRefusesAMoveIntoItsOwnSubtreeAndUnknownCodes()
    {
        var intoSelf = Tree.MoveNode(Sample, "1", "1.1.2");
        var ontoSelf = Tree.MoveNode(Sample, "1.1", "1.1");
        var unknownParent = Tree.MoveNode(Sample, "1.2", "6");
        var unknownNode = Tree.MoveNode(Sample, "6", "1");
        var position = Tree.MoveNode(Sample, "1.2", "2", 5);

        Assert.Equal(Tree.MoveIntoOwnSubtree, Assert.Single(intoSelf.Problems).Code);
        Assert.Equal(Tree.MoveIntoOwnSubtree, Assert.Single(ontoSelf.Problems).Code);
        Assert.Equal(Tree.NodeNotFound, Assert.Single(unknownParent.Problems).Code);
        Assert.Equal(Tree.NodeNotFound, Assert.Single(unknownNode.Problems).Code);
        Assert.Equal(Tree.PositionOutOfRange, Assert.Single(position.Problems).Code);
    }

    [Fact]
    public void SumUpFromMakesGroupMaximaAddUpAgainAfterAnEdit()
    {
        var added = Tree.AddChild(Sample, "1.1", Leaf("1.1.4", 0.5m)).Framework!;
        Assert.Contains(FrameworkValidator.Validate(added), p => p.Code == FrameworkProblemCodes.ChildrenExceedParent);

        var (summed, changes) = added.SumUpFrom("1.1");

        Assert.Empty(FrameworkValidator.Validate(summed));
        Assert.Equal([new Tree.MaximumChange("1.1", 6, 6.5m), new Tree.MaximumChange("1", 10, 10.5m)], changes);
        Assert.Equal(16m, summed.MaxPoints);
    }

    [Fact]
    public void SumUpFromIgnoresBonusAndPenaltyChildrenAndLeavesAValidTreeAlone()
    {
        var (same, none) = Sample.SumUpFrom("1.1.2");
        var (top, noneAtTop) = Sample.SumUpFrom(null);

        Assert.Empty(none);
        Assert.Same(Sample, same);
        Assert.Empty(noneAtTop);
        Assert.Same(Sample, top);
    }
}
