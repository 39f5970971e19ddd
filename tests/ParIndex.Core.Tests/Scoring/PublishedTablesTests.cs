using ParIndex.Core.Scoring;
using static ParIndex.Core.Tests.Scoring.Build;

namespace ParIndex.Core.Tests.Scoring;

/// <summary>Published results (DOMAIN.md §8) recomputed from their published components.</summary>
public class PublishedTablesTests
{
    [Fact]
    public void NationalMinistryIndex2023IsRecomputedExactlyFromItsTwoComponents()
    {
        // Decision 876/QĐ-BNV: 68.5 points of appraised self-assessment, 31.5 of sociological survey.
        var framework = Framework(
            Group("tdg", 68.5m, Leaf("tdg.1", 68.5m)),
            Group("xhh", 31.5m, Leaf("xhh.1", 31.5m)));
        UnitInput[] ministries =
        [
            Unit("BCT", "Bộ Công Thương", Points("tdg.1", 54.21m), Points("xhh.1", 23.82m)),
            Unit("NHNN", "Ngân hàng Nhà nước Việt Nam", Points("tdg.1", 62.67m), Points("xhh.1", 27.21m)),
            Unit("BTP", "Bộ Tư pháp", Points("tdg.1", 61.86m), Points("xhh.1", 28.10m)),
        ];

        var result = IndexEngine.Compute(framework, ministries);

        Assert.Equal(["BTP", "NHNN", "BCT"], result.Units.Select(u => u.UnitCode));
        Assert.Equal([1, 2, 3], result.Units.Select(u => u.Rank));
        Assert.Equal([89.96m, 89.88m, 78.03m], result.Units.Select(u => u.Index));
        Assert.Equal(["tot", "tot", "kha"], result.Units.Select(u => u.Class.Code));

        var justice = result.Units[0];
        Assert.Equal(61.86m / 68.5m * 100m, justice.Fields[0].Index!.Value, 20);
        Assert.Equal(90.31m, Rounding.Round2(justice.Fields[0].Index!.Value));
        Assert.Equal(89.21m, Rounding.Round2(justice.Fields[1].Index!.Value));

        // The published totals (89.95, 89.89, 78.03) were summed from unrounded components: the sums of the
        // rounded components differ from them by at most 0.01, never more.
        decimal[] published = [89.95m, 89.89m, 78.03m];
        for (var i = 0; i < published.Length; i++)
            Assert.InRange(Math.Abs(Rounding.Round2(result.Units[i].Index) - published[i]), 0m, 0.01m);
        Assert.NotEqual(89.95m, justice.Index);
    }

    [Fact]
    public void HanoiDistricts2023TiedAt95Point7ShareFirstPlaceInVietnameseOrder()
    {
        var result = IndexEngine.Compute(IndexFramework(), [
            UnitWithIndex("NTL", "Quận Nam Từ Liêm", 95.7m),
            UnitWithIndex("HK", "Quận Hoàn Kiếm", 95.7m),
        ]);

        Assert.Equal(["Quận Hoàn Kiếm", "Quận Nam Từ Liêm"], result.Units.Select(u => u.UnitName));
        Assert.Equal([1, 1], result.Units.Select(u => u.Rank));
    }

    [Fact]
    public void HcmcClassDistribution2018IsReproducedOnTheSixBandScale()
    {
        // 47 units: 7 Xuất sắc, 27 Tốt, 10 Khá, 2 Trung bình, 1 Yếu (the indices themselves are illustrative).
        var indices = Enumerable.Repeat(92m, 7).Concat(Enumerable.Repeat(85m, 27)).Concat(Enumerable.Repeat(75m, 10))
            .Concat(Enumerable.Repeat(60m, 2)).Append(45m).ToArray();
        var units = indices.Select((index, i) => UnitWithIndex($"U{i:00}", $"Đơn vị {i:00}", index)).ToArray();

        var result = IndexEngine.Compute(IndexFramework(Core.Frameworks.ClassBand.HcmcSixBands), units);

        var counts = result.Units.GroupBy(u => u.Class.Code).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(new Dictionary<string, int> { ["xuat-sac"] = 7, ["tot"] = 27, ["kha"] = 10, ["trung-binh"] = 2, ["yeu"] = 1 }, counts);
        Assert.Equal([1, 8, 35, 45, 47], result.Units.Select(u => u.Rank).Distinct());
    }
}
