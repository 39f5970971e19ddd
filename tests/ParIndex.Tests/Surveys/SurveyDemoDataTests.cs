using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParIndex.Surveys;

namespace ParIndex.Tests.Surveys;

public abstract class SurveyDemoDataTests(DatabaseKind kind) : AppTest(kind)
{
    [Fact]
    public async Task TheDemoSurveysArePublishedPlausibleAndAddedOnlyOnce()
    {
        await SmallCity.BuildAsync(App, publish: true);

        var first = await App.WithScopeAsync(s => s.GetRequiredService<SurveyDemoData>().SeedAsync());
        var second = await App.WithScopeAsync(s => s.GetRequiredService<SurveyDemoData>().SeedAsync());
        var campaigns = await App.Anonymous().GetFromJsonAsync<List<CampaignDto>>("/api/v1/surveys/campaigns", SurveysTestKit.Json);
        var results = await App.Anonymous().GetFromJsonAsync<CampaignResultsView>("/api/v1/surveys/campaigns/SIPAS-2025/results", SurveysTestKit.Json);
        var ratings = await App.WithDbAsync(db => db.CounterRatings.CountAsync());
        var responsesPerUnit = await App.WithDbAsync(db => db.SurveyResponses.GroupBy(r => new { r.CampaignId, r.UnitId }).Select(g => g.Count()).ToListAsync());

        Assert.True(first);
        Assert.False(second);
        Assert.Equal(["SIPAS-2025", "SIPAS-2024"], campaigns!.Select(c => c.Code));
        Assert.All(campaigns!, c => Assert.True(c.IsPublished));
        Assert.Equal(SmallCity.Units2024.Length + SmallCity.Units2025.Length, responsesPerUnit.Count);
        Assert.All(responsesPerUnit, n => Assert.InRange(n, 21, 45));
        Assert.All(results!.Units, u => Assert.InRange(u.Metrics.Single(m => m.Metric == "sipas.overall" && m.Group is null).Value!.Value, 40m, 100m));
        Assert.InRange(ratings, SmallCity.Units2025.Length * 120, SmallCity.Units2025.Length * 400);
    }
}

public sealed class SurveyDemoDataTestsOnSqlite() : SurveyDemoDataTests(DatabaseKind.Sqlite);

public sealed class SurveyDemoDataTestsOnPostgres() : SurveyDemoDataTests(DatabaseKind.Postgres);
