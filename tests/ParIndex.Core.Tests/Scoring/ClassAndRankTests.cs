using ParIndex.Core.Frameworks;
using ParIndex.Core.Scoring;
using static ParIndex.Core.Tests.Scoring.Build;

namespace ParIndex.Core.Tests.Scoring;

public class ClassAndRankTests
{
    private static string ClassOf(decimal index, IReadOnlyList<ClassBand>? bands = null) =>
        Only(IndexEngine.Compute(IndexFramework(bands), [UnitWithIndex("A", "A", index)])).Class.Code;

    [Theory]
    [InlineData("100", "tot")]
    [InlineData("80", "tot")]
    [InlineData("79.99", "kha")]
    [InlineData("70", "kha")]
    [InlineData("69.99", "trung-binh")]
    [InlineData("50", "trung-binh")]
    [InlineData("49.99", "yeu")]
    [InlineData("0", "yeu")]
    public void DefaultFourBandsIncludeTheirLowerBound(string index, string expected)
    {
        Assert.Equal(expected, ClassOf(decimal.Parse(index, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("90", "xuat-sac")]
    [InlineData("89.99", "tot")]
    [InlineData("80", "tot")]
    [InlineData("79.99", "kha")]
    [InlineData("50", "trung-binh")]
    [InlineData("30", "yeu")]
    [InlineData("29.99", "kem")]
    public void HcmcSixBandsIncludeTheirLowerBound(string index, string expected)
    {
        Assert.Equal(expected, ClassOf(decimal.Parse(index, System.Globalization.CultureInfo.InvariantCulture), ClassBand.HcmcSixBands));
    }

    [Fact]
    public void ClassUsesTheExactIndexNotTheRoundedOne()
    {
        // 79.996 is published as 80.00 but is not yet Tốt.
        Assert.Equal(80.00m, Rounding.Round2(79.996m));
        Assert.Equal("kha", ClassOf(79.996m));
    }

    [Fact]
    public void IndexInNoBandIsUnclassified()
    {
        ClassBand[] gap = [new() { Code = "tot", NameVi = "Tốt", MinIndex = 80 }, new() { Code = "kha", NameVi = "Khá", MinIndex = 70, MaxIndex = 80 }];

        var unit = Only(IndexEngine.Compute(IndexFramework(gap), [UnitWithIndex("A", "A", 60)]));

        Assert.Same(IndexEngine.Unclassified, unit.Class);
        Assert.Equal("Chưa xếp loại", unit.Class.NameVi);
    }

    [Fact]
    public void TiedIndicesShareARankAndTheNextRankSkips()
    {
        var result = IndexEngine.Compute(IndexFramework(), [
            UnitWithIndex("D", "Đơn vị D", 70),
            UnitWithIndex("B", "Đơn vị B", 85.5m),
            UnitWithIndex("A", "Đơn vị A", 92),
            UnitWithIndex("C", "Đơn vị C", 85.5m),
        ]);

        Assert.Equal(["A", "B", "C", "D"], result.Units.Select(u => u.UnitCode));
        Assert.Equal([1, 2, 2, 4], result.Units.Select(u => u.Rank));
    }

    [Fact]
    public void RanksCompareExactIndicesNotRoundedOnes()
    {
        var result = IndexEngine.Compute(IndexFramework(), [UnitWithIndex("A", "Đơn vị A", 85.551m), UnitWithIndex("B", "Đơn vị B", 85.554m)]);

        Assert.Equal(["B", "A"], result.Units.Select(u => u.UnitCode));
        Assert.Equal([1, 2], result.Units.Select(u => u.Rank));
    }

    [Fact]
    public void TiedUnitsAreListedByVietnameseAlphabeticalOrder()
    {
        // Vietnamese order: a < ă < â and d < đ; ordinal or invariant comparison would order these differently.
        var result = IndexEngine.Compute(IndexFramework(), [
            UnitWithIndex("1", "Phường Đa Kao", 88),
            UnitWithIndex("2", "Phường Dĩ An", 88),
            UnitWithIndex("3", "Phường Ân Phú", 88),
            UnitWithIndex("4", "Phường Anh Dũng", 88),
            UnitWithIndex("5", "Phường Ăn Lạc", 88),
            UnitWithIndex("6", "Phường Bàn Cờ", 88),
        ]);

        Assert.Equal(
            ["Phường Anh Dũng", "Phường Ăn Lạc", "Phường Ân Phú", "Phường Bàn Cờ", "Phường Dĩ An", "Phường Đa Kao"],
            result.Units.Select(u => u.UnitName));
        Assert.All(result.Units, u => Assert.Equal(1, u.Rank));
    }

    [Fact]
    public void TiedUnitsWithTheSameNameAreOrderedByCode()
    {
        var result = IndexEngine.Compute(IndexFramework(), [UnitWithIndex("B2", "Phường 1", 75), UnitWithIndex("A7", "Phường 1", 75)]);

        Assert.Equal(["A7", "B2"], result.Units.Select(u => u.UnitCode));
    }

    [Fact]
    public void PublishedOrderDoesNotDependOnInputOrder()
    {
        UnitInput[] units = [UnitWithIndex("A", "Quận Đống Đa", 80), UnitWithIndex("B", "Quận Ba Đình", 90), UnitWithIndex("C", "Quận Cầu Giấy", 80)];

        var forward = IndexEngine.Compute(IndexFramework(), units).Units.Select(u => (u.UnitCode, u.Rank));
        var backward = IndexEngine.Compute(IndexFramework(), [.. units.Reverse()]).Units.Select(u => (u.UnitCode, u.Rank));

        Assert.Equal([("B", 1), ("C", 2), ("A", 2)], forward);
        Assert.Equal(forward, backward);
    }

    [Fact]
    public void PreviousStandingGivesIndexAndRankChange()
    {
        var previous = new PreviousStanding { Index = 80.25m, Rank = 3, ClassCode = "tot", BasisVi = "Chỉ số năm trước của chính đơn vị" };

        var result = IndexEngine.Compute(IndexFramework(), [UnitWithIndex("A", "A", 85, previous), UnitWithIndex("B", "B", 60)]);

        var unit = result.Units[0];
        Assert.Same(previous, unit.Previous);
        Assert.Equal(4.75m, unit.IndexChange);
        Assert.Equal(2, unit.RankChange);
    }

    [Fact]
    public void RankChangeIsNegativeForAUnitThatFell()
    {
        var previous = new PreviousStanding { Index = 90, Rank = 1, BasisVi = "x" };

        var result = IndexEngine.Compute(IndexFramework(), [UnitWithIndex("A", "A", 85, previous), UnitWithIndex("B", "B", 95)]);

        var unit = result.Units.Single(u => u.UnitCode == "A");
        Assert.Equal(-1, unit.RankChange);
        Assert.Equal(-5m, unit.IndexChange);
    }

    [Fact]
    public void RankChangeNeedsAComparablePreviousRank()
    {
        var merged = new PreviousStanding { Index = 80, Rank = null, BasisVi = "Bình quân" };

        var unit = Only(IndexEngine.Compute(IndexFramework(), [UnitWithIndex("A", "A", 85, merged)]));

        Assert.Null(unit.RankChange);
        Assert.Equal(5m, unit.IndexChange);
    }

    [Fact]
    public void UnitWithoutPreviousStandingHasNoChange()
    {
        var unit = Only(IndexEngine.Compute(IndexFramework(), [UnitWithIndex("A", "A", 85)]));

        Assert.Null(unit.Previous);
        Assert.Null(unit.IndexChange);
        Assert.Null(unit.RankChange);
    }
}
