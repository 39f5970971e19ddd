using ParIndex.Core.Frameworks;
using ParIndex.Core.Scoring;
using static ParIndex.Core.Tests.Scoring.Build;

namespace ParIndex.Core.Tests.Rules;

/// <summary>HCMC Decision 4000/QĐ-UBND rules (<see cref="OutcomeRule.HcmcDefault"/>) evaluated through the engine.</summary>
public class HcmcDefaultRulesTests
{
    private static FrameworkDefinition Hcmc() => IndexFramework(rules: OutcomeRule.HcmcDefault);

    private static RuleOutcome Outcome(UnitResult unit, string rule) => unit.Outcomes.Single(o => o.RuleCode == rule);

    private static PreviousStanding LastYear(string classCode, int? rank) =>
        new() { Index = 75, Rank = rank, ClassCode = classCode, BasisVi = "Chỉ số năm trước của chính đơn vị" };

    [Fact]
    public void RewardGoesToTốtUnitsInTheTopThirdOfTwentyNine()
    {
        // 29 departments, all classed Tốt, indices 99, 98.5, … 85: only ranks 1–9 are in the top third.
        var units = Enumerable.Range(0, 29).Select(i => UnitWithIndex($"S{i:00}", $"Sở {i:00}", 99 - i * 0.5m)).ToArray();

        var result = IndexEngine.Compute(Hcmc(), units);

        Assert.All(result.Units, u => Assert.Equal("tot", u.Class.Code));
        var rewarded = result.Units.Where(u => Outcome(u, "reward").Applies).Select(u => u.Rank);
        Assert.Equal(Enumerable.Range(1, 9), rewarded);
        var tenth = Outcome(result.Units[9], "reward");
        Assert.Equal("Không đủ điều kiện. Xếp loại Tốt và thuộc 1/3 số cơ quan có điểm cao nhất của Khối: Hạng 10/29, ngoài 1/3 Khối (≤ 9).", tenth.ExplanationVi);
        Assert.StartsWith("Đủ điều kiện — Xếp loại Tốt và thuộc 1/3 số cơ quan có điểm cao nhất của Khối: Xếp loại Tốt", Outcome(result.Units[8], "reward").ExplanationVi);
    }

    [Fact]
    public void TiedUnitsAtTheEdgeOfTheTopThirdAreBothRewarded()
    {
        // Ranks 1, 2, 3, 3 in a block of 9: both units ranked 3rd are inside (3 × 3 ≤ 9).
        var units = new[] { 95m, 94m, 93m, 93m, 90m, 89m, 88m, 87m, 86m }.Select((index, i) => UnitWithIndex($"S{i}", $"Sở {i}", index)).ToArray();

        var result = IndexEngine.Compute(Hcmc(), units);

        Assert.Equal(4, result.Units.Count(u => Outcome(u, "reward").Applies));
    }

    [Fact]
    public void TopRankedUnitClassedKháIsNotRewarded()
    {
        var result = IndexEngine.Compute(Hcmc(), [UnitWithIndex("A", "Sở A", 79.5m), UnitWithIndex("B", "Sở B", 70), UnitWithIndex("C", "Sở C", 60)]);

        var first = result.Units[0];
        Assert.Equal(1, first.Rank);
        Assert.False(Outcome(first, "reward").Applies);
        Assert.Contains("Xếp loại Khá, không đạt mức Tốt", Outcome(first, "reward").ExplanationVi);
    }

    [Fact]
    public void KháTwoYearsRunningWithARankDropIsReviewedForDiscipline()
    {
        var result = IndexEngine.Compute(Hcmc(), [
            UnitWithIndex("A", "Sở A", 90),
            UnitWithIndex("B", "Sở B", 85),
            UnitWithIndex("C", "Sở C", 75, LastYear("kha", rank: 2)),
        ]);

        var discipline = Outcome(result.Units[2], "discipline");
        Assert.True(discipline.Applies);
        Assert.Equal(
            "Đủ điều kiện — 02 năm liên tục xếp loại Khá trở xuống và bị tụt hạng trong Khối: Xếp loại Khá, từ mức Khá trở xuống; "
            + "Năm trước xếp loại Khá, từ mức Khá trở xuống; Hạng 3, năm trước hạng 2: tụt 1 bậc.",
            discipline.ExplanationVi);
        Assert.Equal(OutcomeKind.Discipline, discipline.Kind);
    }

    [Fact]
    public void KháTwoYearsRunningWithoutARankDropIsNotReviewed()
    {
        var result = IndexEngine.Compute(Hcmc(), [UnitWithIndex("A", "Sở A", 90), UnitWithIndex("C", "Sở C", 75, LastYear("kha", rank: 2))]);

        var discipline = Outcome(result.Units[1], "discipline");
        Assert.False(discipline.Applies);
        Assert.Contains("Hạng 2, năm trước hạng 2: không tụt hạng", discipline.ExplanationVi);
        Assert.Contains("Xếp loại Khá, cao hơn mức Trung bình", discipline.ExplanationVi);
    }

    [Fact]
    public void KháAfterATốtYearIsNotReviewedEvenWithARankDrop()
    {
        var result = IndexEngine.Compute(Hcmc(), [UnitWithIndex("A", "Sở A", 90), UnitWithIndex("C", "Sở C", 75, LastYear("tot", rank: 1))]);

        var discipline = Outcome(result.Units[1], "discipline");
        Assert.False(discipline.Applies);
        Assert.Contains("Năm trước xếp loại Tốt, cao hơn mức Khá", discipline.ExplanationVi);
    }

    [Fact]
    public void KháWithoutAPreviousYearIsNotReviewed()
    {
        var unit = Only(IndexEngine.Compute(Hcmc(), [UnitWithIndex("C", "Sở C", 75)]));

        var discipline = Outcome(unit, "discipline");
        Assert.False(discipline.Applies);
        Assert.Contains("Không có xếp loại năm trước", discipline.ExplanationVi);
    }

    [Theory]
    [InlineData(65)]
    [InlineData(40)]
    public void TrungBìnhOrBelowInTheYearIsReviewedWhateverHappenedBefore(int index)
    {
        var unit = Only(IndexEngine.Compute(Hcmc(), [UnitWithIndex("C", "Sở C", index, LastYear("tot", rank: 1))]));

        var discipline = Outcome(unit, "discipline");
        Assert.True(discipline.Applies);
        Assert.StartsWith("Đủ điều kiện — Trong năm đánh giá bị xếp loại Trung bình trở xuống", discipline.ExplanationVi);
        Assert.False(Outcome(unit, "reward").Applies);
    }

    [Fact]
    public void EveryUnitGetsAnOutcomeForEveryRule()
    {
        var result = IndexEngine.Compute(Hcmc(), [UnitWithIndex("A", "Sở A", 90), UnitWithIndex("B", "Sở B", 60)]);

        Assert.All(result.Units, u => Assert.Equal(["reward", "discipline"], u.Outcomes.Select(o => o.RuleCode)));
    }
}
