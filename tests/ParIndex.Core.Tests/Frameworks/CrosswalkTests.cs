using ParIndex.Core.Frameworks;

namespace ParIndex.Core.Tests.Frameworks;

public class CrosswalkTests
{
    private static readonly FrameworkDefinition LastYear = SampleFramework.Create();

    private static FrameworkDefinition ThisYear(Dictionary<string, string> codeMap)
    {
        var result = FrameworkCloner.Clone(LastYear, 2025, codeMap: codeMap);
        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        return result.Framework;
    }

    private static FrameworkNode NewLeaf(string code) =>
        new() { Code = code, TitleVi = "Tiêu chí mới", Kind = NodeKind.Leaf, MaxPoints = 1, Method = new ManualMethod() };

    [Fact]
    public void RenamedNodeMapsToItsOldCode()
    {
        var crosswalk = new Crosswalk(ThisYear(new() { ["1.3"] = "1.4" }), LastYear);

        Assert.Equal("1.3", crosswalk.PreviousCode("1.4"));
    }

    [Fact]
    public void UnchangedNodeMapsToTheSameCode()
    {
        var crosswalk = new Crosswalk(ThisYear(new() { ["1.3"] = "1.4" }), LastYear);

        Assert.True(crosswalk.TryGetPreviousCode("1.1.2", out var previous));
        Assert.Equal("1.1.2", previous);
    }

    [Fact]
    public void NewNodeHasNoPreviousCode()
    {
        var thisYear = ThisYear([]).WithNode("2", n => n with { MaxPoints = 6.5m, Children = [.. n.Children, NewLeaf("2.3")] });

        var crosswalk = new Crosswalk(thisYear, LastYear);

        Assert.Null(crosswalk.PreviousCode("2.3"));
        Assert.False(crosswalk.TryGetPreviousCode("2.3", out _));
    }

    [Fact]
    public void NewNodeReusingARenumberedCodeDoesNotInheritItsHistory()
    {
        // Last year's 1.3 moved to 1.4 and a new criterion took the number 1.3.
        var thisYear = ThisYear(new() { ["1.3"] = "1.4" })
            .WithNode("1", n => n with { MaxPoints = 11, Children = [.. n.Children, NewLeaf("1.3")] });
        Assert.Empty(FrameworkValidator.Validate(thisYear));

        var crosswalk = new Crosswalk(thisYear, LastYear);

        Assert.Null(crosswalk.PreviousCode("1.3"));
        Assert.Equal("1.3", crosswalk.PreviousCode("1.4"));
    }

    [Fact]
    public void IdentityEntryKeepsTheHistoryOfTheSplitPartThatKeptTheCode()
    {
        // 1.2 was split into 1.2 and 1.5; both continue last year's 1.2.
        var thisYear = ThisYear([])
            .WithNode("1", n => n with { MaxPoints = 11, Children = [.. n.Children, NewLeaf("1.5")] });
        thisYear = thisYear with { Crosswalk = new Dictionary<string, string> { ["1.5"] = "1.2", ["1.2"] = "1.2" } };

        var crosswalk = new Crosswalk(thisYear, LastYear);

        Assert.Equal("1.2", crosswalk.PreviousCode("1.5"));
        Assert.Equal("1.2", crosswalk.PreviousCode("1.2"));
    }

    [Fact]
    public void EntryPointingToACodeLastYearDidNotHaveIsIgnored()
    {
        var thisYear = ThisYear([]) with { Crosswalk = new Dictionary<string, string> { ["1.2"] = "8.8" } };

        Assert.Null(new Crosswalk(thisYear, LastYear).PreviousCode("1.2"));
    }

    [Fact]
    public void CodeThatIsNotInThisYearsFrameworkHasNoPreviousCode()
    {
        var crosswalk = new Crosswalk(ThisYear(new() { ["1.3"] = "1.4" }), LastYear);

        Assert.Null(crosswalk.PreviousCode("1.3"));
    }

    [Fact]
    public void PairsListEveryNodeWithAPredecessor()
    {
        var thisYear = ThisYear(new() { ["9.1"] = "10.1" });

        var pairs = new Crosswalk(thisYear, LastYear.AllNodes().Select(n => n.Code)).Pairs;

        Assert.Equal(LastYear.AllNodes().Count(), pairs.Count);
        Assert.Equal("9.1", pairs["10.1"]);
    }
}
