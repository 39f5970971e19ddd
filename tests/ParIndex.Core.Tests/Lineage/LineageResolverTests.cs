using ParIndex.Core.Frameworks;
using ParIndex.Core.Lineage;
using ParIndex.Core.Scoring;

namespace ParIndex.Core.Tests.Lineage;

public class LineageResolverTests
{
    private const string Districts = "quan-huyen";
    private const string Wards = "phuong-xa";
    private static readonly DateOnly July2025 = new(2025, 7, 1);

    private static readonly Dictionary<string, PastResult> LastYear = new[]
    {
        new PastResult("Q1", "Quận 1", Districts, 80, 5, "tot"),
        new PastResult("Q3", "Quận 3", Districts, 90, 2, "tot"),
        new PastResult("Q4", "Quận 4", Districts, 70, 14, "kha"),
        new PastResult("P-BN", "Phường Bến Nghé", Wards, 88.5m, 3, "tot"),
    }.ToDictionary(r => r.UnitCode);

    private static readonly Dictionary<string, string> Parents = new() { ["P-DK"] = "Q1", ["P-TD"] = "Q1", ["P-X"] = "Q-GONE" };

    private static PreviousStanding? Resolve(string unit, string block, params Succession[] successions) =>
        LineageResolver.Resolve(unit, block, LastYear, successions, code => Parents.GetValueOrDefault(code), ClassBand.Default);

    private static Succession Edge(string predecessor, string successor, SuccessionKind kind = SuccessionKind.Merge) => new(predecessor, successor, July2025, kind);

    [Fact]
    public void UnitWithItsOwnResultIsComparedWithIt()
    {
        var previous = Resolve("Q3", Districts)!;

        Assert.Equal(90m, previous.Index);
        Assert.Equal(2, previous.Rank);
        Assert.Equal("tot", previous.ClassCode);
        Assert.Equal("Chỉ số năm trước của chính đơn vị", previous.BasisVi);
        Assert.Equal("The unit's own index last year", previous.BasisEn);
    }

    [Fact]
    public void OwnResultFromAnotherBlockKeepsTheIndexButNotTheRank()
    {
        var previous = Resolve("Q3", "khoi-moi")!;

        Assert.Equal(90m, previous.Index);
        Assert.Null(previous.Rank);
        Assert.Contains("khối khác", previous.BasisVi);
    }

    [Fact]
    public void OwnResultWinsOverPredecessors()
    {
        var previous = Resolve("Q3", Districts, Edge("Q4", "Q3"))!;

        Assert.Equal(90m, previous.Index);
        Assert.Equal(2, previous.Rank);
    }

    [Fact]
    public void RenamedUnitKeepsItsPredecessorsIndexRankAndClass()
    {
        var previous = Resolve("TD", Districts, Edge("Q4", "TD", SuccessionKind.Rename))!;

        Assert.Equal(70m, previous.Index);
        Assert.Equal(14, previous.Rank);
        Assert.Equal("kha", previous.ClassCode);
        Assert.Equal("Chỉ số năm trước của đơn vị tiền thân: Quận 4", previous.BasisVi);
        Assert.Equal("Last year's index of the predecessor: Quận 4", previous.BasisEn);
    }

    [Fact]
    public void RenamedUnitInANewBlockLosesTheRank()
    {
        Assert.Null(Resolve("TD", Wards, Edge("Q4", "TD", SuccessionKind.Rename))!.Rank);
    }

    [Fact]
    public void MergedUnitGetsTheMeanOfItsPredecessorsWithoutARank()
    {
        var previous = Resolve("Q-MOI", Districts, Edge("Q1", "Q-MOI"), Edge("Q3", "Q-MOI"), Edge("Q4", "Q-MOI"))!;

        Assert.Equal(80m, previous.Index);
        Assert.Null(previous.Rank);
        Assert.Equal("tot", previous.ClassCode);
        Assert.Equal("Bình quân Chỉ số năm trước của 3 đơn vị tiền thân: Quận 1, Quận 3, Quận 4", previous.BasisVi);
        Assert.Equal("Mean of last year's indices of 3 predecessors: Quận 1, Quận 3, Quận 4", previous.BasisEn);
    }

    [Fact]
    public void MergedMeanIsClassedInLastYearsBands()
    {
        var previous = LineageResolver.Resolve("Q-MOI", Districts, LastYear, [Edge("Q4", "Q-MOI"), Edge("Q1", "Q-MOI")], _ => null, ClassBand.HcmcSixBands)!;

        Assert.Equal(75m, previous.Index);
        Assert.Equal("kha", previous.ClassCode);
    }

    [Fact]
    public void MergedMeanIsExact()
    {
        var previous = Resolve("Q-MOI", Districts, Edge("Q1", "Q-MOI"), Edge("Q3", "Q-MOI"), Edge("P-BN", "Q-MOI"))!;

        Assert.Equal((80m + 90m + 88.5m) / 3m, previous.Index);
    }

    [Fact]
    public void EachPartOfASplitUnitInheritsThePredecessor()
    {
        Succession[] split = [Edge("Q3", "Q3-A", SuccessionKind.Split), Edge("Q3", "Q3-B", SuccessionKind.Split)];

        var a = LineageResolver.Resolve("Q3-A", Districts, LastYear, split, _ => null, ClassBand.Default)!;
        var b = LineageResolver.Resolve("Q3-B", Districts, LastYear, split, _ => null, ClassBand.Default)!;

        Assert.Equal(90m, a.Index);
        Assert.Equal(90m, b.Index);
        Assert.Equal(2, a.Rank);
        Assert.Equal("Chỉ số năm trước của đơn vị tiền thân: Quận 3", b.BasisVi);
    }

    [Fact]
    public void UnassessedPredecessorIsRepresentedByItsParentUnit()
    {
        // Ward P-DK was never assessed on its own; it belonged to District 1.
        var previous = Resolve("P-MOI", Wards, Edge("P-DK", "P-MOI"))!;

        Assert.Equal(80m, previous.Index);
        Assert.Null(previous.Rank);
        Assert.Equal("tot", previous.ClassCode);
        Assert.Equal("Chỉ số năm trước của Quận 1, đơn vị cấp trên của đơn vị tiền thân chưa được đánh giá", previous.BasisVi);
        Assert.Equal("Last year's index of Quận 1, the parent of an unassessed predecessor", previous.BasisEn);
    }

    [Fact]
    public void ParentStandingInForSeveralWardsCountsOnce()
    {
        var previous = Resolve("P-MOI", Wards, Edge("P-DK", "P-MOI"), Edge("P-TD", "P-MOI"), Edge("P-BN", "P-MOI"))!;

        Assert.Equal((80m + 88.5m) / 2m, previous.Index);
        Assert.Null(previous.Rank);
        Assert.Equal("Bình quân Chỉ số năm trước của 2 đơn vị tiền thân: Quận 1 (đại diện đơn vị tiền thân chưa được đánh giá), Phường Bến Nghé", previous.BasisVi);
    }

    [Fact]
    public void UnitReachedBothDirectlyAndAsAParentCountsOnce()
    {
        var previous = Resolve("Q-MOI", Districts, Edge("Q1", "Q-MOI"), Edge("P-DK", "Q-MOI"), Edge("Q3", "Q-MOI"))!;

        Assert.Equal(85m, previous.Index);
        Assert.Contains("2 đơn vị", previous.BasisVi);
    }

    [Fact]
    public void PredecessorWithoutResultOrAssessedParentIsFollowedBack()
    {
        // Q4 became X in mid-year (X never assessed), then X was renamed Y.
        var previous = Resolve("Y", Districts, Edge("X", "Y", SuccessionKind.Rename), Edge("Q4", "X", SuccessionKind.Rename))!;

        Assert.Equal(70m, previous.Index);
        Assert.Equal(14, previous.Rank);
    }

    [Fact]
    public void PredecessorWhoseParentHasNoResultIsFollowedBack()
    {
        var previous = Resolve("P-MOI", Wards, Edge("P-X", "P-MOI"), Edge("P-BN", "P-X"))!;

        Assert.Equal(88.5m, previous.Index);
    }

    [Fact]
    public void CyclesInTheLineageEnd()
    {
        var previous = Resolve("C", Districts, Edge("A", "C"), Edge("B", "A"), Edge("A", "B"), Edge("C", "A"), Edge("Q4", "B"))!;

        Assert.Equal(70m, previous.Index);
    }

    [Fact]
    public void CycleWithoutAnyResultResolvesToNothing()
    {
        Assert.Null(Resolve("A", Districts, Edge("B", "A"), Edge("A", "B")));
    }

    [Fact]
    public void WalkGoesBackTenGenerationsAndNoFurther()
    {
        // U0 ← U1 ← … ← U10 ← Q4: Q4 is the 11th generation back from U0, but the 10th from U1.
        var chain = Enumerable.Range(0, 10).Select(i => Edge($"U{i + 1}", $"U{i}", SuccessionKind.Rename)).Append(Edge("Q4", "U10", SuccessionKind.Rename)).ToArray();

        Assert.Equal(70m, Resolve("U1", Districts, chain)!.Index);
        Assert.Null(Resolve("U0", Districts, chain));
    }

    [Fact]
    public void UnitWithoutResultOrPredecessorsHasNoPreviousStanding()
    {
        Assert.Null(Resolve("NEW", Wards, Edge("Q1", "OTHER")));
    }
}
