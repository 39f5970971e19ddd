using ParIndex.Core.Frameworks;
using ParIndex.Core.Scoring;
using static ParIndex.Core.Tests.Scoring.Build;

namespace ParIndex.Core.Tests.Scoring;

/// <summary>Group sums, caps, bonus and penalty, not-applicable maxima, the total, the index and field sub-indices.</summary>
public class IndexEngineTotalsTests
{
    [Fact]
    public void GroupPointsAreTheSumOfItsChildren()
    {
        var framework = Framework(Group("1", 10, Group("1.1", 6, Leaf("1.1.1", 4), Leaf("1.1.2", 2)), Leaf("1.2", 4)));

        var unit = Only(IndexEngine.Compute(framework, [Unit("A", Points("1.1.1", 3), Points("1.1.2", 1.5m), Points("1.2", 2))]));

        Assert.Equal(4.5m, unit.Nodes["1.1"].Points);
        Assert.Equal(6.5m, unit.Nodes["1"].Points);
        Assert.Equal(6.5m, unit.Total);
        Assert.Equal(65m, unit.Index);
    }

    [Fact]
    public void BonusInsideAGroupIsCappedAtTheGroupMaximum()
    {
        var framework = Framework(Group("1", 10, Leaf("1.1", 10), Bonus("1.b", 3)), Leaf("2", 10));

        var unit = Only(IndexEngine.Compute(framework, [Unit("A", Points("1.1", 9), Points("1.b", 2), Points("2", 5))]));

        var group = unit.Nodes["1"];
        Assert.Equal(11m, group.RawPoints);
        Assert.Equal(10m, group.Points);
        Assert.True(group.Capped);
        Assert.Equal(15m, unit.Total);
    }

    [Fact]
    public void BonusAddsAtMostItsCap()
    {
        var framework = Framework(Group("1", 10, Leaf("1.1", 10), Bonus("1.b", 1)));

        var unit = Only(IndexEngine.Compute(framework, [Unit("A", Points("1.1", 6), Points("1.b", 4))]));

        Assert.Equal(1m, unit.Nodes["1.b"].Points);
        Assert.Equal(7m, unit.Nodes["1"].Points);
    }

    [Fact]
    public void PenaltySubtractsAtMostItsCap()
    {
        var framework = Framework(Group("1", 10, Leaf("1.1", 10), Penalty("1.p", 2)));

        var unit = Only(IndexEngine.Compute(framework, [Unit("A", Points("1.1", 6), Points("1.p", 5))]));

        Assert.Equal(2m, unit.Nodes["1.p"].Points);
        Assert.Equal(4m, unit.Nodes["1"].Points);
    }

    [Fact]
    public void PenaltyNeverTakesAGroupBelowZero()
    {
        var framework = Framework(Group("1", 10, Leaf("1.1", 10), Penalty("1.p", 5)), Leaf("2", 10));

        var unit = Only(IndexEngine.Compute(framework, [Unit("A", Points("1.1", 1), Points("1.p", 4), Points("2", 8))]));

        Assert.Equal(-3m, unit.Nodes["1"].RawPoints);
        Assert.Equal(0m, unit.Nodes["1"].Points);
        Assert.Equal(8m, unit.Total);
    }

    [Fact]
    public void TopLevelBonusAndPenaltyAdjustTheTotal()
    {
        // Hanoi 2025 style: a ninth content of bonus and penalty points beside the fields.
        var framework = Framework(Group("1", 60, Leaf("1.1", 60)), Group("2", 40, Leaf("2.1", 40)), Bonus("9.1", 3), Penalty("9.2", 5));

        var unit = Only(IndexEngine.Compute(framework, [Unit("A", Points("1.1", 50), Points("2.1", 30), Points("9.1", 2), Points("9.2", 1.5m))]));

        Assert.Equal(100m, unit.ApplicableMax);
        Assert.Equal(80.5m, unit.Total);
        Assert.Equal(80.5m, unit.Index);
    }

    [Fact]
    public void TotalIsClampedToTheApplicableMaximum()
    {
        var framework = Framework(Leaf("1", 90, notApplicable: NotApplicablePolicy.FullPoints), Leaf("2", 10, notApplicable: NotApplicablePolicy.RemoveFromMaximum), Bonus("9.1", 5));

        var unit = Only(IndexEngine.Compute(framework, [Unit("A", Points("1", 89), NotApplicable("2"), Points("9.1", 5))]));

        Assert.Equal(90m, unit.ApplicableMax);
        Assert.Equal(90m, unit.Total);
        Assert.Equal(100m, unit.Index);
    }

    [Fact]
    public void TotalIsNeverNegative()
    {
        var framework = Framework(Leaf("1", 10), Penalty("9.2", 5));

        var unit = Only(IndexEngine.Compute(framework, [Unit("A", Points("1", 2), Points("9.2", 5))]));

        Assert.Equal(0m, unit.Total);
        Assert.Equal(0m, unit.Index);
    }

    [Fact]
    public void IndexUsesTheMaximumLessLeavesRemovedAsNotApplicable()
    {
        var framework = Framework(
            Group("1", 60, Leaf("1.1", 50), Leaf("1.2", 10, notApplicable: NotApplicablePolicy.RemoveFromMaximum)),
            Group("2", 40, Leaf("2.1", 40)));

        var unit = Only(IndexEngine.Compute(framework, [Unit("A", Points("1.1", 45), NotApplicable("1.2"), Points("2.1", 36))]));

        Assert.Equal(50m, unit.Nodes["1"].ApplicableMax);
        Assert.Equal(90m, unit.ApplicableMax);
        Assert.Equal(81m, unit.Total);
        Assert.Equal(90m, unit.Index);
    }

    [Fact]
    public void RemovedMaximumPropagatesThroughNestedGroups()
    {
        var framework = Framework(Group("1", 10, Group("1.1", 6, Leaf("1.1.1", 4, notApplicable: NotApplicablePolicy.RemoveFromMaximum), Leaf("1.1.2", 2)), Leaf("1.2", 4)));

        var unit = Only(IndexEngine.Compute(framework, [Unit("A", NotApplicable("1.1.1"), Points("1.1.2", 2), Points("1.2", 4))]));

        Assert.Equal(2m, unit.Nodes["1.1"].ApplicableMax);
        Assert.Equal(6m, unit.Nodes["1"].ApplicableMax);
        Assert.Equal(100m, unit.Index);
    }

    [Fact]
    public void FullPointsNotApplicableKeepsTheMaximum()
    {
        var framework = Framework(Leaf("1", 50, notApplicable: NotApplicablePolicy.FullPoints), Leaf("2", 50));

        var unit = Only(IndexEngine.Compute(framework, [Unit("A", NotApplicable("1"), Points("2", 25))]));

        Assert.Equal(100m, unit.ApplicableMax);
        Assert.Equal(75m, unit.Index);
        Assert.True(unit.Nodes["1"].NotApplicable);
    }

    [Fact]
    public void BonusAndPenaltyDoNotChangeTheMaximum()
    {
        var framework = Framework(Leaf("1", 100), Bonus("9.1", 5), Penalty("9.2", 5));

        var unit = Only(IndexEngine.Compute(framework, [Unit("A", Points("1", 70))]));

        Assert.Equal(100m, unit.ApplicableMax);
        Assert.Equal(0m, unit.Nodes["9.1"].ApplicableMax);
    }

    [Fact]
    public void IndexIsExactNotRounded()
    {
        var framework = Framework(Leaf("1", 3));

        var unit = Only(IndexEngine.Compute(framework, [Unit("A", Points("1", 2))]));

        Assert.Equal(200m / 3m, unit.Index);
        Assert.NotEqual(Rounding.Round2(unit.Index), unit.Index);
    }

    [Fact]
    public void WhollyNotApplicableFrameworkHasIndexZero()
    {
        var framework = Framework(Leaf("1", 10, notApplicable: NotApplicablePolicy.RemoveFromMaximum));

        var unit = Only(IndexEngine.Compute(framework, [Unit("A", NotApplicable("1"))]));

        Assert.Equal(0m, unit.ApplicableMax);
        Assert.Equal(0m, unit.Index);
    }

    [Fact]
    public void FieldSubIndicesArePointsOverTheFieldsApplicableMaximum()
    {
        var framework = Framework(
            Group("1", 20, Leaf("1.1", 15), Leaf("1.2", 5, notApplicable: NotApplicablePolicy.RemoveFromMaximum)),
            Group("2", 80, Leaf("2.1", 80)),
            Bonus("9.1", 2));

        var unit = Only(IndexEngine.Compute(framework, [Unit("A", Points("1.1", 12), NotApplicable("1.2"), Points("2.1", 60), Points("9.1", 1))]));

        Assert.Equal(["1", "2"], unit.Fields.Select(f => f.Code));
        var first = unit.Fields[0];
        Assert.Equal(12m, first.Points);
        Assert.Equal(15m, first.ApplicableMax);
        Assert.Equal(80m, first.Index);
        Assert.Equal(75m, unit.Fields[1].Index);
    }

    [Fact]
    public void WhollyNotApplicableFieldHasNoSubIndex()
    {
        var framework = Framework(Group("1", 10, Leaf("1.1", 10, notApplicable: NotApplicablePolicy.RemoveFromMaximum)), Group("2", 90, Leaf("2.1", 90)));

        var unit = Only(IndexEngine.Compute(framework, [Unit("A", NotApplicable("1.1"), Points("2.1", 45))]));

        Assert.Null(unit.Fields[0].Index);
        Assert.True(unit.Nodes["1"].NotApplicable);
        Assert.Equal(50m, unit.Index);
    }

    [Fact]
    public void AveragesAreTakenOverUnitsAndFieldsOnlyWhereTheyApplied()
    {
        var framework = Framework(Group("1", 10, Leaf("1.1", 10, notApplicable: NotApplicablePolicy.RemoveFromMaximum)), Group("2", 90, Leaf("2.1", 90)));
        UnitInput[] units =
        [
            Unit("A", NotApplicable("1.1"), Points("2.1", 90)),
            Unit("B", Points("1.1", 5), Points("2.1", 45)),
            Unit("C", Points("1.1", 8), Points("2.1", 27)),
        ];

        var result = IndexEngine.Compute(framework, units);

        Assert.Equal((100m + 50m + 35m) / 3m, result.AverageIndex);
        Assert.Equal(65m, result.AverageFieldIndex["1"]);
        Assert.Equal((100m + 50m + 30m) / 3m, result.AverageFieldIndex["2"]);
    }

    [Fact]
    public void FieldThatAppliedToNoUnitHasNoAverage()
    {
        var framework = Framework(Group("1", 10, Leaf("1.1", 10, notApplicable: NotApplicablePolicy.RemoveFromMaximum)), Group("2", 90, Leaf("2.1", 90)));

        var result = IndexEngine.Compute(framework, [Unit("A", NotApplicable("1.1"), Points("2.1", 90))]);

        Assert.False(result.AverageFieldIndex.ContainsKey("1"));
        Assert.True(result.AverageFieldIndex.ContainsKey("2"));
    }

    [Fact]
    public void NodesExposeEveryNodeWithLeafExplanations()
    {
        var framework = Framework(Group("1", 10, Leaf("1.1", 4), Leaf("1.2", 6, new RatioMethod { Rule = CompletionBrackets() })));

        var unit = Only(IndexEngine.Compute(framework, [Unit("A", Points("1.1", 3), ("1.2", LeafInput.OfRatio(45, 50)))]));

        Assert.Equal(["1", "1.1", "1.2"], unit.Nodes.Keys);
        Assert.Equal(3, unit.Nodes.Count);
        Assert.Null(unit.Nodes["1"].Leaf);
        Assert.Equal("45/50 = 90 % ≥ 80 % → 2 điểm", unit.Nodes["1.2"].Leaf!.StepsVi);
        Assert.Same(unit.Nodes["1.2"], unit.Nodes["1.2"]);
        Assert.False(unit.Nodes.ContainsKey("9"));
        Assert.Throws<KeyNotFoundException>(() => unit.Nodes["9"]);
        Assert.Equal(5m, unit.Nodes.Values.Sum(n => n.Code == "1" ? n.Points : 0));
    }

    [Fact]
    public void MissingInputIsFlaggedUpTheTree()
    {
        var framework = Framework(Group("1", 10, Leaf("1.1", 5), Leaf("1.2", 5)), Group("2", 10, Leaf("2.1", 10)));

        var unit = Only(IndexEngine.Compute(framework, [Unit("A", Points("1.1", 5), Points("2.1", 10))]));

        Assert.True(unit.Nodes["1.2"].MissingInput);
        Assert.True(unit.Nodes["1"].MissingInput);
        Assert.False(unit.Nodes["2"].MissingInput);
        Assert.Equal(75m, unit.Index);
    }

    [Fact]
    public void EmptyBlockHasNoUnitsAndAverageZero()
    {
        var result = IndexEngine.Compute(Framework(Group("1", 10, Leaf("1.1", 10))), []);

        Assert.Empty(result.Units);
        Assert.Equal(0m, result.AverageIndex);
        Assert.Empty(result.AverageFieldIndex);
        Assert.Equal("so-nganh", result.BlockCode);
        Assert.Equal(2025, result.Year);
    }

    [Fact]
    public void UnitListedTwiceIsRejected()
    {
        var framework = Framework(Leaf("1", 10));

        Assert.Throws<ArgumentException>(() => IndexEngine.Compute(framework, [Unit("A", Points("1", 1)), Unit("A", Points("1", 2))]));
    }

    [Fact]
    public void FrameworkWithADuplicateNodeCodeIsRejected()
    {
        var framework = Framework(Group("1", 10, Leaf("1.1", 5), Leaf("1.1", 5)));

        Assert.Throws<ArgumentException>(() => IndexEngine.Compute(framework, [Unit("A")]));
    }
}
