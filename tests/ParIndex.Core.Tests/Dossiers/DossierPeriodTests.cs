using ParIndex.Core.Dossiers;

namespace ParIndex.Core.Tests.Dossiers;

public class DossierPeriodTests
{
    [Fact]
    public void APeriodKnowsItsMonthsAndDays()
    {
        var q1 = DossierPeriod.Quarter(2025, 1);
        var feb = DossierPeriod.Month(2024, 2);

        Assert.Equal([202501, 202502, 202503], q1.MonthKeys());
        Assert.Equal(new DateOnly(2025, 3, 31), q1.LastDay);
        Assert.Equal(new DateOnly(2024, 2, 29), feb.LastDay);
        Assert.Equal(12, DossierPeriod.WholeYear(2025).MonthKeys().Length);
        Assert.True(q1.Contains(new DateOnly(2025, 2, 14)));
        Assert.False(q1.Contains(new DateOnly(2025, 4, 1)));
    }

    [Fact]
    public void PeriodsAreNamedInVietnameseAndEnglish()
    {
        Assert.Equal("Tháng 3/2025", DossierPeriod.Month(2025, 3).LabelVi);
        Assert.Equal("March 2025", DossierPeriod.Month(2025, 3).LabelEn);
        Assert.Equal("Quý IV/2025", DossierPeriod.Quarter(2025, 4).LabelVi);
        Assert.Equal("Q4 2025", DossierPeriod.Quarter(2025, 4).LabelEn);
        Assert.Equal("Năm 2025", DossierPeriod.WholeYear(2025).LabelVi);
    }

    [Theory]
    [InlineData("2025-03", "2025-03")]
    [InlineData("2025-3", "2025-03")]
    [InlineData("03/2025", "2025-03")]
    [InlineData("2025-Q2", "2025-Q2")]
    [InlineData("2025-q2", "2025-Q2")]
    [InlineData("Q2/2025", "2025-Q2")]
    [InlineData("2025", "2025")]
    public void PeriodsAreReadFromTheirUsualForms(string text, string key)
    {
        Assert.True(DossierPeriod.TryParse(text, out var period));
        Assert.Equal(key, period.Key);
    }

    [Theory]
    [InlineData("")]
    [InlineData("2025-13")]
    [InlineData("2025-Q5")]
    [InlineData("1999")]
    [InlineData("25-03")]
    [InlineData("March")]
    public void NonsenseIsNotAPeriod(string text) => Assert.False(DossierPeriod.TryParse(text, out _));

    [Fact]
    public void ARunningPeriodIsJudgedToday()
    {
        var march = DossierPeriod.Month(2025, 3);

        Assert.Equal(new DateOnly(2025, 3, 12), march.JudgedOn(new DateOnly(2025, 3, 12)));
        Assert.Equal(new DateOnly(2025, 3, 31), march.JudgedOn(new DateOnly(2025, 6, 1)));
    }

    [Fact]
    public void MonthKeysAddAcrossYears()
    {
        Assert.Equal(2, DossierPeriod.MonthsBetween(202412, 202502));
        Assert.Equal(202502, DossierPeriod.AddMonths(202412, 2));
        Assert.Equal(202411, DossierPeriod.AddMonths(202501, -2));
        Assert.Equal(202412, DossierPeriod.AddMonths(202501, -1));
    }
}
