using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParIndex.Calendar;
using ParIndex.Core.Calendar;
using ParIndex.Core.Scoring;
using ParIndex.Results;
using static ParIndex.Tests.Dossiers.DossiersTestKit;

namespace ParIndex.Tests.Dossiers;

/// <summary>The pages (admin and public), the look-up's privacy and rate limit, the metric feed and the recomputation after a calendar change.</summary>
public abstract class DossierPagesTests(DatabaseKind kind) : AppTest(kind)
{
    private static readonly byte[] Sample = Csv(
        Row("HS-1", "2025-03-03 09:00", promised: "06/03/2025", done: "2025-03-05 10:00"),
        Row("HS-2", "2025-03-03 09:00", promised: "06/03/2025", done: "2025-03-10 10:00"),
        Row("HS-3", "2025-03-04 09:00", unit: "PBN", promised: "07/03/2025", channel: "truc_tuyen", done: "2025-03-06 10:00"));

    private async Task<HttpClient> LoadAsync()
    {
        await SeedAsync(App);
        var admin = await App.AdminAsync();
        await PostBatchAsync(admin, Sample);
        return admin;
    }

    [Fact]
    public async Task AdministrationPagesNeedAnAdministrator()
    {
        await LoadAsync();
        var anonymous = App.Anonymous();

        foreach (var path in new[] { "/quan-tri/ho-so", "/quan-tri/ho-so/nhap", "/quan-tri/ho-so/nhap/1", "/quan-tri/ho-so/HS-1", "/quan-tri/ho-so/tre-han", "/quan-tri/ho-so/xin-loi/nhap" })
        {
            var response = await anonymous.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.ToString().Contains("dang-nhap"), $"{path} answered {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task PublicPagesAreOpenToEveryone()
    {
        await LoadAsync();
        var anonymous = App.Anonymous();

        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/cong-khai/ho-so")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/tra-cuu-ho-so")).StatusCode);
    }

    [Fact]
    public async Task TheUploadPageImportsInTheBackgroundAndTheBatchPageEndsWithASummary()
    {
        await SeedAsync(App);
        var admin = await App.AdminAsync();
        var token = await TestApp.AntiforgeryTokenAsync(admin, "/quan-tri/ho-so/nhap");
        var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(Csv(Row("UP-1", "2025-03-03 09:00", done: "2025-03-04 10:00"), Row("UP-2", "sai ngày"))), "Upload", "ho-so-thang-3.csv" },
        };

        var posted = await admin.PostAsync("/quan-tri/ho-so/nhap", form);

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var batchPage = posted.Headers.Location!.ToString();
        Assert.Matches("^/quan-tri/ho-so/nhap/\\d+$", batchPage);
        string html = "";
        for (int attempt = 0; attempt < 100; attempt++)
        {
            html = await admin.GetStringAsync(batchPage);
            if (html.Contains("id=\"batch-summary\""))
                break;
            await Task.Delay(100);
        }
        Assert.Contains("data-status=\"CompletedWithErrors\"", html);
        Assert.Contains("<span class=\"rows-stored\">1</span>", html);
        Assert.Contains("<span class=\"rows-rejected\">1</span>", html);
        Assert.Contains("ho-so-thang-3.csv", html);
        Assert.Contains("sai ngày", html); // the rejected row's problem
        var errors = await admin.GetStringAsync(batchPage + "?handler=errors");
        Assert.Contains("received_at", errors);
    }

    [Fact]
    public async Task TheDisclosurePageShowsATableAChartAndDownloads()
    {
        await LoadAsync();
        var anonymous = App.Anonymous();

        var html = await anonymous.GetStringAsync("/cong-khai/ho-so?ky=2025-03");
        var unit = await anonymous.GetStringAsync("/cong-khai/ho-so?ky=2025-03&don-vi=STP");
        var csv = await anonymous.GetAsync("/cong-khai/ho-so?handler=export&format=csv&ky=2025-03");
        var xlsx = await anonymous.GetAsync("/cong-khai/ho-so?handler=export&format=xlsx&ky=2025-03");

        Assert.Contains("id=\"disclosure\"", html);
        Assert.Contains("<svg", html);
        Assert.Contains("Sở Tư pháp", html);
        Assert.Contains("Phường Bến Nghé", html);
        Assert.Contains("data-unit=\"city\"", html);
        Assert.Contains("Tháng 3/2025", html);
        Assert.Contains("id=\"unit-months\"", unit);
        Assert.Contains("id=\"score-766\"", unit);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Mã đơn vị,Đơn vị,Tiếp nhận,Đã giải quyết,Đúng hạn,Trễ hạn", lines[0]);
        Assert.Equal(4, lines.Length); // header, two units, the city
        Assert.StartsWith(",Toàn thành phố,3,3,2,1,66.67,", lines[^1]);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task TheLookUpShowsOnlyStatusAndDueDate()
    {
        await LoadAsync();

        var html = await App.Anonymous().GetStringAsync("/tra-cuu-ho-so?ma=HS-2");
        var missing = await App.Anonymous().GetAsync("/tra-cuu-ho-so?ma=KHONG-CO");

        Assert.Contains("id=\"lookup-status\">Đã giải quyết xong, chờ trả kết quả<", html);
        Assert.Contains("id=\"lookup-due\">06/03/2025<", html);
        Assert.DoesNotContain("Sở Tư pháp", html);        // no unit
        Assert.DoesNotContain("karaoke", html);           // no procedure
        Assert.DoesNotContain("10/03/2025", html);        // no event dates
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task TheLookUpIsRateLimitedPerAddress()
    {
        await LoadAsync();
        var client = App.Anonymous();

        var statuses = new List<HttpStatusCode>();
        for (int i = 0; i < 21; i++)
            statuses.Add((await client.GetAsync($"/tra-cuu-ho-so?ma=HS-{i % 3 + 1}")).StatusCode);
        var limited = await client.GetAsync("/tra-cuu-ho-so?ma=HS-1");

        Assert.All(statuses.Take(20), s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[20]);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("60", limited.Headers.GetValues("Retry-After").Single());
        Assert.Contains("id=\"lookup-limited\"", await limited.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TheAdminHomeFindsADossierAndListsTheBatches()
    {
        var admin = await LoadAsync();

        var home = await admin.GetStringAsync("/quan-tri/ho-so");
        var found = await admin.GetAsync("/quan-tri/ho-so?Code=HS-2");
        var detail = await admin.GetStringAsync("/quan-tri/ho-so/HS-2");
        var late = await admin.GetStringAsync("/quan-tri/ho-so/tre-han");

        Assert.Contains("id=\"batches\"", home);
        Assert.Equal(HttpStatusCode.Redirect, found.StatusCode);
        Assert.Contains("sau hạn trả 06/03/2025: trễ hạn.", detail);
        Assert.Contains("data-code=\"HS-2\"", late);
        Assert.DoesNotContain("data-code=\"HS-1\"", late);
    }

    [Fact]
    public async Task TheMetricFeedWritesTheYearsDossierMetricsIntoTheFrameworkLeaves()
    {
        await SmallCity.BuildAsync(App, publish: false);
        await App.WithDbAsync(async db =>
        {
            db.Procedures.Add(new ParIndex.Dossiers.Procedure { Code = ThreeDays, NameVi = "Thủ tục", Sector = "x", ProcessingTime = 3, ProcessingUnit = DeadlineUnit.WorkingDays });
            await db.SaveChangesAsync();
        });
        var admin = await App.AdminAsync();
        // Sở Tư pháp in 2025: 3 on time, 1 late → 75 %.
        await PostBatchAsync(admin, Csv(
            Row("F-1", "2025-03-03 09:00", promised: "06/03/2025", done: "2025-03-05 10:00"),
            Row("F-2", "2025-04-01 09:00", promised: "04/04/2025", done: "2025-04-02 10:00"),
            Row("F-3", "2025-05-05 09:00", promised: "08/05/2025", done: "2025-05-06 10:00"),
            Row("F-4", "2025-06-02 09:00", promised: "05/06/2025", done: "2025-06-10 10:00")));
        var token = await TestApp.AntiforgeryTokenAsync(admin, "/quan-tri/ho-so");

        var response = await admin.PostAsync("/quan-tri/ho-so?handler=Feed", new FormUrlEncodedContent(new Dictionary<string, string> { ["Year"] = "2025", ["__RequestVerificationToken"] = token }));
        var again = await admin.PostAsync("/api/v1/dossiers/metrics/2025/feed", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<span class=\"written\">1</span>", await response.Content.ReadAsStringAsync());
        var score = await App.WithDbAsync(db => db.LeafScores.Include(s => s.Unit).SingleAsync(s => s.Year == 2025 && s.Unit!.Code == "STP" && s.NodeCode == "2.1"));
        Assert.Equal(InputKind.Value, score.Kind);
        Assert.Equal(75m, score.Value);
        Assert.Contains("Dữ liệu hồ sơ một cửa năm 2025: 4 hồ sơ tiếp nhận", score.Source);
        var result = await again.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, result.GetProperty("written").GetInt32());
        Assert.Equal(1, result.GetProperty("unchanged").GetInt32());
        Assert.True(result.GetProperty("withoutData").GetInt32() >= 3); // the other units have no dossier
        var audit = await App.WithDbAsync(db => db.AuditEntries.Select(a => a.Action).ToListAsync());
        Assert.Contains("dossiers.metrics-fed", audit);
        Assert.Contains(audit, a => a == "score.final-set");
    }

    [Fact]
    public async Task ChangingTheCalendarRecomputesComputedDueDatesWithAnAuditEntry()
    {
        await SeedAsync(App);
        var admin = await App.AdminAsync();
        // Received Monday 3/3/2025 with no promised date: due Thursday 6/3; done Friday 7/3 → late.
        await PostBatchAsync(admin, Csv(
            Row("CAL-1", "2025-03-03 09:00", done: "2025-03-07 10:00"),
            Row("CAL-2", "2025-03-03 09:00", promised: "06/03/2025", done: "2025-03-07 10:00")));
        Assert.Equal("Late", (await DossierAsync(admin, "CAL-1")).GetProperty("outcome").GetString());

        // An extra day off on Tuesday 4/3/2025 moves the computed due date to Friday 7/3.
        var outcome = await App.WithScopeAsync(async services =>
        {
            var notice = DocumentedNotices.All.Single(n => n.Year == 2025);
            var input = NoticeInput.From(notice with { ExtraDaysOff = [new ExtraDayOff(new DateOnly(2025, 3, 4), "Nghỉ thử nghiệm", "Test day off")] }, "Thử nghiệm tính lại hạn");
            return await services.GetRequiredService<CalendarService>().SaveNoticeAsync(2025, input, "test");
        });

        Assert.True(outcome.Succeeded, string.Join("; ", outcome.Problems?.Lines() ?? []));
        var recomputed = await DossierAsync(admin, "CAL-1");
        Assert.Equal("2025-03-07", recomputed.GetProperty("dueDate").GetString());
        Assert.Equal("OnTime", recomputed.GetProperty("outcome").GetString());
        Assert.Equal("Late", (await DossierAsync(admin, "CAL-2")).GetProperty("outcome").GetString()); // a promised date stays
        var audit = await App.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == "dossiers.deadlines-recomputed").ToListAsync());
        var entry = Assert.Single(audit);
        // Both rows changed (CAL-2's processing time lost the day off); only CAL-1's verdict did.
        Assert.Contains("\"changed\":2,\"verdictsChanged\":1", entry.NewValue);
    }
}

public sealed class DossierPagesTestsOnSqlite() : DossierPagesTests(DatabaseKind.Sqlite);

public sealed class DossierPagesTestsOnPostgres() : DossierPagesTests(DatabaseKind.Postgres);
