using ParIndex.Core.Frameworks;

namespace ParIndex.Core.Tests.Frameworks;

public class MetricCatalogTests
{
    [Theory]
    [InlineData("dossiers.on_time_rate", MetricUnit.Percent)]
    [InlineData("dossiers.late_rate", MetricUnit.Percent)]
    [InlineData("dossiers.apology_rate", MetricUnit.Percent)]
    [InlineData("dossiers.online_share", MetricUnit.Percent)]
    [InlineData("dossiers.end_to_end_online_share", MetricUnit.Percent)]
    [InlineData("dossiers.online_payment_share", MetricUnit.Percent)]
    [InlineData("dossiers.digitised_share", MetricUnit.Percent)]
    [InlineData("dossiers.avg_processing_days", MetricUnit.Days)]
    [InlineData("dossiers.score_766", MetricUnit.Points)]
    [InlineData("procedures.online_offered_share", MetricUnit.Percent)]
    public void DossierMetricsAreKnownWithTheirUnits(string name, MetricUnit unit)
    {
        var info = MetricCatalog.Default.Find(name);

        Assert.NotNull(info);
        Assert.Equal(MetricKind.Metric, info.Kind);
        Assert.Equal(unit, info.Unit);
        Assert.True(MetricCatalog.Default.IsMetric(name));
        Assert.False(MetricCatalog.Default.IsSurvey(name));
    }

    [Theory]
    [InlineData("sipas.overall")]
    [InlineData("sipas.access")]
    [InlineData("sipas.procedure")]
    [InlineData("sipas.civil_servant")]
    [InlineData("sipas.result")]
    [InlineData("sipas.feedback")]
    [InlineData("sociological.overall")]
    [InlineData("sociological.field1")]
    [InlineData("sociological.field8")]
    [InlineData("counter.satisfied_share")]
    public void SurveyResultsAreKnownAsPercentages(string name)
    {
        var info = MetricCatalog.Default.Find(name);

        Assert.NotNull(info);
        Assert.Equal(MetricKind.Survey, info.Kind);
        Assert.Equal(MetricUnit.Percent, info.Unit);
        Assert.True(MetricCatalog.Default.IsSurvey(name));
    }

    [Fact]
    public void TheDefaultCatalogHasTenMetricsAndSixteenSurveyResults()
    {
        Assert.Equal(10, MetricCatalog.Default.Metrics.Count());
        Assert.Equal(16, MetricCatalog.Default.Surveys.Count());
        Assert.DoesNotContain(MetricCatalog.Default.All, m => m.Name == "sociological.field9");
    }

    [Fact]
    public void EveryNameIsDescribedInBothLanguages()
    {
        Assert.All(MetricCatalog.Default.All, m =>
        {
            Assert.False(string.IsNullOrWhiteSpace(m.DescriptionVi));
            Assert.False(string.IsNullOrWhiteSpace(m.DescriptionEn));
            Assert.NotEqual(m.DescriptionVi, m.DescriptionEn);
        });
        Assert.Equal("Điều tra xã hội học – lĩnh vực 7: xây dựng chính quyền điện tử, chính quyền số",
            MetricCatalog.Default.Find("sociological.field7")!.Description(Language.Vi));
    }

    [Fact]
    public void LowerIsBetterMetricsAreMarked()
    {
        Assert.Equal(["dossiers.late_rate", "dossiers.avg_processing_days"],
            MetricCatalog.Default.All.Where(m => !m.HigherIsBetter).Select(m => m.Name));
    }

    [Fact]
    public void UnknownNamesAreNotFound()
    {
        Assert.Null(MetricCatalog.Default.Find("dossiers.ON_TIME_RATE"));
        Assert.False(MetricCatalog.Default.IsMetric("nope"));
    }

    [Fact]
    public void ACatalogCanBeExtendedWithoutChangingTheDefault()
    {
        var extra = new MetricInfo
        {
            Name = "hotline.answered_share", Kind = MetricKind.Metric, Unit = MetricUnit.Percent,
            DescriptionVi = "Tỷ lệ cuộc gọi được trả lời", DescriptionEn = "Share of calls answered",
        };

        var extended = MetricCatalog.Default.With(extra);

        Assert.True(extended.IsMetric("hotline.answered_share"));
        Assert.False(MetricCatalog.Default.IsMetric("hotline.answered_share"));
        Assert.Equal(MetricCatalog.Default.All.Count + 1, extended.All.Count);
    }

    [Fact]
    public void ANameListedTwiceIsRejected()
    {
        Assert.Throws<ArgumentException>(() => MetricCatalog.Default.With(MetricCatalog.Default.All[0]));
    }

    [Fact]
    public void SociologicalFieldNamesFollowTheFieldNumbers()
    {
        Assert.Equal("sociological.field3", MetricNames.SociologicalField(3));
        Assert.Throws<ArgumentOutOfRangeException>(() => MetricNames.SociologicalField(9));
    }
}
