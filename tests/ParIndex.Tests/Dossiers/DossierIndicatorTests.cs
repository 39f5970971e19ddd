using System.Text.Json;
using static ParIndex.Tests.Dossiers.DossiersTestKit;

namespace ParIndex.Tests.Dossiers;

/// <summary>The 766 rule clause by clause through the API, and indicators computed by SQL compared with hand-computed values.</summary>
public abstract class DossierIndicatorTests(DatabaseKind kind) : AppTest(kind)
{
    /// <summary>
    /// Sở Tư pháp in March 2025 (3 working days unless noted; promised dates given):
    /// A on time, online end-to-end, paid online, digitised, electronic result, very satisfied;
    /// B late (apologised), not satisfied; C on time, postal, digitised; D open and overdue at 31/03;
    /// E open at 31/03 within its deadline (done in April); F received in February, ended late in March;
    /// G refused in time (4-hour procedure, no promise); H asked twice for a supplement → late.
    /// And I, at the ward, on time.
    /// </summary>
    private static readonly byte[] March = Csv(
        Row("A", "2025-03-03 09:00", promised: "06/03/2025", channel: "truc_tuyen", done: "2025-03-05 10:00", payment: "truc_tuyen", digitised: "1", electronic: "1", rating: "rat_hai_long"),
        Row("B", "2025-03-03 09:00", promised: "06/03/2025", done: "2025-03-10 10:00", rating: "khong_hai_long"),
        Row("C", "2025-03-10 09:00", promised: "13/03/2025", channel: "buu_chinh", done: "2025-03-12 10:00", digitised: "1"),
        Row("D", "2025-03-25 09:00", promised: "28/03/2025"),
        Row("E", "2025-03-27 09:00", promised: "02/04/2025", channel: "truc_tuyen", done: "2025-04-01 10:00"),
        Row("F", "2025-02-20 09:00", promised: "25/02/2025", done: "2025-03-04 10:00"),
        Row("G", "2025-03-05 08:00", procedure: FourHours, refused: "2025-03-05 10:00"),
        Row("H", "2025-03-12 09:00", promised: "17/03/2025", supplementRequested: "2025-03-12 10:00;2025-03-13 09:00", supplementCompleted: "2025-03-12 14:00;2025-03-13 11:00", done: "2025-03-14 10:00"),
        Row("I", "2025-03-04 09:00", unit: "PBN", promised: "07/03/2025", channel: "truc_tuyen", done: "2025-03-06 10:00"));

    private async Task<HttpClient> LoadAsync()
    {
        await SeedAsync(App);
        var admin = await App.AdminAsync();
        var (_, report) = await PostBatchAsync(admin, March);
        Assert.Equal(9, L(report, "rowsStored"));
        var apology = await admin.PutAsJsonAsync("/api/v1/dossiers/B/apology", new { issuedOn = "2025-03-07", reason = "Chờ ý kiến của Sở Xây dựng", newAppointment = "2025-03-10" });
        Assert.Equal(HttpStatusCode.OK, apology.StatusCode);
        return admin;
    }

    private static decimal D(JsonElement e, string name) => e.GetProperty(name).GetDecimal();

    [Fact]
    public async Task EachClauseOfTheRuleGivesItsVerdict()
    {
        var admin = await LoadAsync();

        async Task<string> Outcome(string code) => (await DossierAsync(admin, code)).GetProperty("outcome").GetString()!;
        Assert.Equal("OnTime", await Outcome("A"));  // done before the promised date
        Assert.Equal("Late", await Outcome("B"));    // done after it
        Assert.Equal("Open", await Outcome("D"));    // no end yet
        Assert.Equal("OnTime", await Outcome("E"));  // ended in April within its deadline
        Assert.Equal("OnTime", await Outcome("G"));  // a refusal in time counts as an end
        Assert.Equal("Late", await Outcome("H"));    // two supplement requests
        var h = await DossierAsync(admin, "H");
        Assert.Contains(h.GetProperty("verdict").EnumerateArray(), l => l.GetProperty("vi").GetString()!.Contains("quá một lần"));
        var d = await DossierAsync(admin, "D");
        Assert.Equal("OpenOverdue", d.GetProperty("statusToday").GetString());
        Assert.True(d.GetProperty("apologyRequired").GetBoolean());
    }

    [Fact]
    public async Task AUnitsMonthMatchesTheHandComputedIndicators()
    {
        await LoadAsync();

        var i = await App.Anonymous().GetFromJsonAsync<JsonElement>("/api/v1/dossiers/indicators?period=2025-03&unit=STP");

        Assert.Equal("2025-03-31", i.GetProperty("judgedOn").GetString());
        Assert.Equal(7, L(i, "received"));        // A B C D E G H (F was received in February)
        Assert.Equal(6, L(i, "resolved"));        // A B C F G H ended in March
        Assert.Equal(3, L(i, "onTime"));          // A C G
        Assert.Equal(4, L(i, "late"));            // B F H, and D open past its due date
        Assert.Equal(2, L(i, "pending"));         // D and E open on 31/03
        Assert.Equal(1, L(i, "overdue"));         // D
        Assert.Equal(1, L(i, "apologiesIssued")); // B
        Assert.Equal(3, L(i, "apologiesMissing"));
        Assert.Equal(42.86m, D(i, "onTimeRate"));   // 3 / 7 judged
        Assert.Equal(57.14m, D(i, "lateRate"));
        Assert.Equal(25m, D(i, "apologyRate"));     // 1 / 4
        Assert.Equal(28.57m, D(i, "onlineShare"));  // A E of 7
        Assert.Equal(28.57m, D(i, "endToEndOnlineShare"));
        Assert.Equal(28.57m, D(i, "digitisedShare")); // A C
        Assert.Equal(16.67m, D(i, "onlinePaymentShare")); // A of the 6 fee-bearing
        Assert.Equal(16.67m, D(i, "electronicResultShare")); // A of 6 ended
        Assert.Equal(3.8m, D(i, "avgProcessingDays")); // (2 + 5 + 2 + 8 + 2) / 5 ended by a result
        Assert.Equal(50m, D(i, "proceduresOnlineOfferedShare")); // 3-day procedure online, 4-hour one not
        // 100 − 57.14 − 16.67 (one "not satisfied" of 6 ended)
        Assert.Equal(26.19m, D(i, "satisfactionRate"));
        // 9·25/100 + 9·(6/7) + 20·(3/7) + 11·(2/7)/0.8 + 11·(1/6)/0.8 + 8·0.5/0.8 + 8·(2/7)/0.5 + 6·(1/6)/0.8 + 18·26.19/90
        Assert.Equal(40.82m, D(i, "score766"));
    }

    [Fact]
    public async Task TheCitysMonthAddsUpItsUnits()
    {
        await LoadAsync();

        var city = await App.Anonymous().GetFromJsonAsync<JsonElement>("/api/v1/dossiers/indicators?period=2025-03");
        var table = await App.Anonymous().GetFromJsonAsync<JsonElement[]>("/api/v1/dossiers/disclosure?period=2025-03");

        Assert.Equal(8, L(city, "received"));
        Assert.Equal(4, L(city, "onTime"));
        Assert.Equal(50m, D(city, "onTimeRate")); // 4 of 8 judged
        Assert.Equal(3, table!.Length); // two units and the city
        Assert.Equal(["PBN", "STP", "(city)"], table.Select(r => r.GetProperty("unit").GetString() ?? "(city)").ToArray());
        Assert.Equal(8, L(table[^1], "received"));
    }

    [Fact]
    public async Task QuartersAndYearsJudgeOpenDossiersAtTheirLastDay()
    {
        await LoadAsync();

        var quarter = await App.Anonymous().GetFromJsonAsync<JsonElement>("/api/v1/dossiers/indicators?period=2025-Q1&unit=STP");
        var february = await App.Anonymous().GetFromJsonAsync<JsonElement>("/api/v1/dossiers/indicators?period=2025-02&unit=STP");
        var year = await App.Anonymous().GetFromJsonAsync<JsonElement>("/api/v1/dossiers/indicators?period=2025&unit=STP");

        Assert.Equal(8, L(quarter, "received"));
        Assert.Equal(1, L(february, "pending")); // F was open on 28/02
        Assert.Equal(1, L(february, "overdue"));
        Assert.Equal(7, L(year, "resolved"));    // E ended in April
        Assert.Equal(1, L(year, "pending"));     // D is still open
    }

    [Fact]
    public async Task AWrongPeriodOrUnitIsAProblemDetails()
    {
        var client = App.Anonymous();

        var badPeriod = await client.GetAsync("/api/v1/dossiers/indicators?period=2025-13");
        var badUnit = await client.GetAsync("/api/v1/dossiers/indicators?period=2025-03&unit=NOPE");

        Assert.Equal(HttpStatusCode.BadRequest, badPeriod.StatusCode);
        Assert.Equal("application/problem+json", badPeriod.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, badUnit.StatusCode);
    }

    [Fact]
    public async Task EventsPushedLaterAreMergedWithoutDuplicatesAndTheVerdictIsRecomputed()
    {
        var admin = await LoadAsync();

        var response = await admin.PostAsJsonAsync("/api/v1/dossiers/D/events", new[]
        {
            new { kind = "ProcessingDone", at = "2025-03-27T10:00:00+07:00" },
            new { kind = "ProcessingDone", at = "2025-03-27T10:00:00+07:00" },
            new { kind = "ResultReturned", at = "2025-03-28T09:00:00+07:00" },
        });
        var again = await admin.PostAsJsonAsync("/api/v1/dossiers/D/events", new[] { new { kind = "ResultReturned", at = "2025-03-28T09:00:00+07:00" } });
        var wrong = await admin.PostAsJsonAsync("/api/v1/dossiers/D/events", new[] { new { kind = "ProcessingDone", at = "2025-03-20T10:00:00+07:00" } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var d = await DossierAsync(admin, "D");
        Assert.Equal("OnTime", d.GetProperty("outcome").GetString());
        Assert.Equal(2, d.GetProperty("events").GetArrayLength());
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(2, (await DossierAsync(admin, "D")).GetProperty("events").GetArrayLength());
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode); // before the receipt
        var i = await App.Anonymous().GetFromJsonAsync<JsonElement>("/api/v1/dossiers/indicators?period=2025-03&unit=STP");
        Assert.Equal(0, L(i, "overdue"));
    }
}

public sealed class DossierIndicatorTestsOnSqlite() : DossierIndicatorTests(DatabaseKind.Sqlite);

public sealed class DossierIndicatorTestsOnPostgres() : DossierIndicatorTests(DatabaseKind.Postgres);
