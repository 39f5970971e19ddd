using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using ParIndex.Surveys.Counters;
using static ParIndex.Tests.Surveys.SurveysTestKit;

namespace ParIndex.Tests.Surveys;

public abstract class CounterRatingTests(DatabaseKind kind) : AppTest(kind)
{
    private static async Task<string> DeviceKeyAsync(HttpClient admin)
    {
        var counter = await admin.PostAsJsonAsync("/api/v1/surveys/counters", new { code = "STP-Q1", unitCode = "STP", nameVi = "Quầy số 1", officerName = "Nguyễn Văn A" });
        Assert.True(counter.IsSuccessStatusCode, await counter.Content.ReadAsStringAsync());
        var device = await admin.PostAsJsonAsync("/api/v1/surveys/counters/STP-Q1/devices", new { name = "Máy đánh giá 1" });
        Assert.True(device.IsSuccessStatusCode, await device.Content.ReadAsStringAsync());
        return (await device.Content.ReadFromJsonAsync<IssuedDeviceKey>())!.Key;
    }

    private static HttpRequestMessage Rating(string? key, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/counter-ratings") { Content = JsonContent.Create(body) };
        if (key is not null)
            request.Headers.Add("X-Device-Key", key);
        return request;
    }

    [Fact]
    public async Task ADeviceRatesWithItsKeyAndEachDossierIsRatedOnce()
    {
        var admin = await CityAsync(App);
        var key = await DeviceKeyAsync(admin);
        var device = App.Anonymous();

        var anonymous = await device.SendAsync(Rating(null, new { rating = 3 }));
        var wrongKey = await device.SendAsync(Rating("AAAA-BBBB-CCCC-DDDD-EEEE-FFFF", new { rating = 3 }));
        var accepted = new[]
        {
            await device.SendAsync(Rating(key, new { rating = 3, dossierCode = "000.00.01.H29-241105-0001" })),
            await device.SendAsync(Rating(key, new { rating = 2 })),
            await device.SendAsync(Rating(key, new { rating = 1 })),
        };
        var duplicate = await device.SendAsync(Rating(key, new { rating = 1, dossierCode = "000.00.01.H29-241105-0001" }));
        var invalid = await device.SendAsync(Rating(key, new { rating = 5 }));

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongKey.StatusCode);
        Assert.All(accepted, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Equal("application/problem+json", duplicate.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var stored = await App.WithDbAsync(db => db.CounterRatings.AsNoTracking().OrderBy(r => r.Id).ToListAsync());
        Assert.Equal([3, 2, 1], stored.Select(r => (int)r.Rating));
        Assert.Equal("000.00.01.H29-241105-0001", stored[0].DossierCode);
        Assert.Equal(Today, stored[0].RatedOn);
        // The key is stored only as its hash.
        Assert.DoesNotContain(await App.WithDbAsync(db => db.CounterDevices.Select(d => d.KeyHash).ToListAsync()), h => h.Contains(key));
    }

    [Fact]
    public async Task ManyConcurrentRatingsAreAllStoredAndOnlyOnePerDossier()
    {
        var admin = await CityAsync(App);
        var key = await DeviceKeyAsync(admin);
        using var relaxed = App.WithWebHostBuilder(b => b.UseSetting("Surveys:Counter:PermitsPerSecond", "100000").UseSetting("Surveys:Counter:Burst", "100000"));
        var device = relaxed.CreateClient();

        var responses = await Task.WhenAll(Enumerable.Range(0, 200).Select(i =>
            device.SendAsync(Rating(key, new { rating = 1 + i % 3, dossierCode = i % 2 == 0 ? $"HS-{i / 4}" : null }))));

        var accepted = responses.Count(r => r.StatusCode == HttpStatusCode.OK);
        Assert.Equal(150, accepted); // 100 without a code + 50 distinct codes (each sent twice)
        Assert.Equal(50, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        Assert.Equal(accepted, await App.WithDbAsync(db => db.CounterRatings.CountAsync()));
    }

    [Fact]
    public async Task ARevokedDeviceKeyIsRefused()
    {
        var admin = await CityAsync(App);
        await admin.PostAsJsonAsync("/api/v1/surveys/counters", new { code = "STP-Q9", unitCode = "STP", nameVi = "Quầy 9" });
        var issued = await (await admin.PostAsJsonAsync("/api/v1/surveys/counters/STP-Q9/devices", new { name = "Máy cũ" })).Content.ReadFromJsonAsync<IssuedDeviceKey>();
        var device = App.Anonymous();

        var before = await device.SendAsync(Rating(issued!.Key, new { rating = 2 }));
        var revoked = await admin.DeleteAsync($"/api/v1/surveys/devices/{issued.DeviceId}");
        var after = await device.SendAsync(Rating(issued.Key, new { rating = 2 }));

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task ADeviceSendingTooFastIsRateLimited()
    {
        var admin = await CityAsync(App);
        var key = await DeviceKeyAsync(admin);
        using var strict = App.WithWebHostBuilder(b => b.UseSetting("Surveys:Counter:PermitsPerSecond", "1").UseSetting("Surveys:Counter:Burst", "2"));
        var device = strict.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
            statuses.Add((await device.SendAsync(Rating(key, new { rating = 3 }))).StatusCode);

        Assert.Equal(HttpStatusCode.OK, statuses[0]);
        Assert.Equal(HttpStatusCode.OK, statuses[1]);
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses.Skip(2));
    }

    [Fact]
    public async Task TheCounterSatisfactionPerUnitIsThereForTheDossierIndicators()
    {
        var admin = await CityAsync(App);
        var key = await DeviceKeyAsync(admin);
        var device = App.Anonymous();
        foreach (var rating in new[] { 3, 3, 2, 1 })
            await device.SendAsync(Rating(key, new { rating, dossierCode = rating == 1 ? "HS-KHL" : null }));

        var rows = await admin.GetFromJsonAsync<List<ParIndex.Surveys.CounterSatisfaction>>($"/api/v1/surveys/counter-satisfaction?from={Today.AddDays(-1):yyyy-MM-dd}&to={Today:yyyy-MM-dd}");
        var codes = await App.WithScopeAsync(s => Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<ParIndex.Surveys.SurveyResultsService>(s).NotSatisfiedDossierCodesAsync("STP", Today, Today));

        var stp = Assert.Single(rows!);
        Assert.Equal(("STP", 4, 2, 1, 1), (stp.UnitCode, stp.Ratings, stp.VerySatisfied, stp.Satisfied, stp.NotSatisfied));
        Assert.Equal(75m, stp.SatisfiedShare);
        Assert.Equal(["HS-KHL"], codes);
    }
}

public sealed class CounterRatingTestsOnSqlite() : CounterRatingTests(DatabaseKind.Sqlite);

public sealed class CounterRatingTestsOnPostgres() : CounterRatingTests(DatabaseKind.Postgres);
