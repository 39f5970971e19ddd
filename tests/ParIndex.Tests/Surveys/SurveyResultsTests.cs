using System.Text;
using Microsoft.EntityFrameworkCore;
using ParIndex.Results;
using static ParIndex.Tests.Surveys.SurveysTestKit;

namespace ParIndex.Tests.Surveys;

public abstract class SurveyResultsTests(DatabaseKind kind) : AppTest(kind)
{
    private static string Csv(params string[] rows)
    {
        var header = "ma_don_vi,nhom,kenh,ngay,A1,A2,A3,B1,B2,B3,B4,C1,C2,C3,C4,D1,D2,D3,E1,E2,E3,A4";
        return string.Join("\r\n", new[] { header }.Concat(rows)) + "\r\n";
    }

    private static string Row(string unit, string level, DateOnly date, string channel = "giay") =>
        $"{unit},nguoi_dan,{channel},{date:dd/MM/yyyy},có,{level},{level},co,{level},{level},{level},co,{level},{level},{level},co,{level},{level},khong,{level},{level},huong_dan;truc_tuyen";

    private static Task<HttpResponseMessage> ImportAsync(HttpClient admin, string csv) =>
        admin.PostAsync($"/api/v1/surveys/campaigns/{CampaignCode}/responses/import", new StringContent(csv, Encoding.UTF8, "text/csv"));

    [Fact]
    public async Task AnImportWithABadRowStoresNothingAndNamesRowAndColumn()
    {
        var admin = await CityAsync(App);
        await CampaignAsync(admin);

        var response = await ImportAsync(admin, Csv(Row("STP", "5", Today), Row("STP", "7", Today), Row("XYZ", "4", Today), Row("SNV", "4", Today.AddDays(30))));
        var report = await response.Content.ReadFromJsonAsync<ParIndex.Units.ImportReport>();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(report!.Problems, p => p.RowNumber == 3 && p.Column == "A2");
        Assert.Contains(report.Problems, p => p.RowNumber == 4 && p.Column == "unit");
        Assert.Contains(report.Problems, p => p.RowNumber == 5 && p.Column == "date");
        Assert.Equal(0, await ResponsesAsync(App));
    }

    [Fact]
    public async Task ImportedInterviewsAreCountedAndTheSameFileIsNotImportedTwice()
    {
        var admin = await CityAsync(App);
        await CampaignAsync(admin);
        var csv = Csv(Row("STP", "5", Today), Row("STP", "rất hài lòng", Today, "dien_thoai"), Row("STP", "4", Today.AddDays(-3), "phong_van"));

        var first = await ImportAsync(admin, csv);
        var second = await ImportAsync(admin, csv);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, second.StatusCode);
        Assert.Contains("đã được nhập", (await second.Content.ReadFromJsonAsync<ParIndex.Units.ImportReport>())!.Problems.Single().Message);
        Assert.Equal(3, await ResponsesAsync(App));
        var channels = await App.WithDbAsync(db => db.SurveyResponses.Select(r => r.Channel).ToListAsync());
        Assert.Equal(3, channels.Distinct().Count());
    }

    [Fact]
    public async Task ResultsArePublicOnlyOncePublishedAndFlagSmallSamplesWithTheBlockMean()
    {
        var admin = await CityAsync(App);
        await CampaignAsync(admin);
        // STP: three "5" → 100 %; SNV: three "4", one "2" → 75 % per satisfaction question; SCT: one "5" → below n = 3.
        await ImportAsync(admin, Csv(Row("STP", "5", Today), Row("STP", "5", Today), Row("STP", "5", Today),
            Row("SNV", "4", Today), Row("SNV", "4", Today), Row("SNV", "4", Today), Row("SNV", "2", Today), Row("SCT", "5", Today)));

        var hidden = await App.Anonymous().GetAsync($"/api/v1/surveys/campaigns/{CampaignCode}/results");
        var hiddenPage = await App.Anonymous().GetAsync($"/ket-qua-khao-sat/{CampaignCode}");
        var results = await admin.GetFromJsonAsync<ParIndex.Surveys.CampaignResultsView>($"/api/v1/surveys/campaigns/{CampaignCode}/results", Json);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/v1/surveys/campaigns/{CampaignCode}/publication", new { published = true })).StatusCode);
        var page = WebUtility.HtmlDecode(await App.Anonymous().GetStringAsync($"/ket-qua-khao-sat/{CampaignCode}"));
        var csv = await App.Anonymous().GetStringAsync($"/api/v1/surveys/campaigns/{CampaignCode}/results/export?format=csv");
        var xlsx = await App.Anonymous().GetAsync($"/api/v1/surveys/campaigns/{CampaignCode}/results/export?format=xlsx");

        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, hiddenPage.StatusCode);
        var overall = results!.Units.ToDictionary(u => u.UnitCode, u => u.Metrics.Single(m => m.Metric == "sipas.overall" && m.Group is null));
        Assert.Equal(100m, overall["STP"].Value);
        Assert.Equal(75m, overall["SNV"].Value);
        Assert.True(overall["SCT"].BelowMinimum);
        Assert.Equal(Core.Surveys.FallbackKind.BlockMean, overall["SCT"].Fallback);
        Assert.Equal(87.5m, overall["SCT"].Used);
        Assert.Contains("<svg", page);
        Assert.Contains("Sở Tư pháp", page);
        Assert.Contains("role=\"img\"", page);
        Assert.StartsWith("\uFEFFma_don_vi,ten_don_vi,khoi,chi_so", csv);
        Assert.Contains("STP,Sở Tư pháp,SBN,sipas.overall,100", csv);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task FeedingWritesAuditedFinalInputsOfTheSurveyLeavesWithTheirSource()
    {
        var admin = await CityAsync(App);
        await CampaignAsync(admin);
        await ImportAsync(admin, Csv(Row("STP", "5", Today), Row("STP", "5", Today), Row("STP", "4", Today), Row("SCT", "2", Today)));

        var response = await admin.PostAsync($"/api/v1/surveys/campaigns/{CampaignCode}/feed", null);
        var report = await response.Content.ReadFromJsonAsync<ParIndex.Surveys.FeedReport>();
        var scores = await App.WithDbAsync(db => db.LeafScores.AsNoTracking().Include(s => s.Unit).Where(s => s.Year == 2024 && s.NodeCode == "2.2").ToListAsync());
        var audit = await App.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.Action == "score.final-set" && a.EntityKey == "2024/STP/2.2" && a.Actor == TestApp.AdminEmail).ToListAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(report!.Written, w => w.UnitCode == "STP" && w.NodeCode == "2.2" && w.Metric == "sipas.overall" && w.Value == 100m);
        var stp = scores.Single(s => s.Unit!.Code == "STP");
        Assert.Equal(Core.Scoring.InputKind.Value, stp.Kind);
        Assert.Equal(100m, stp.Value);
        Assert.Contains("n = 3", stp.Source);
        Assert.Contains("SIPAS-T", stp.Source);
        // SCT has 1 respondent (< 3): it gets the block mean of the units that reached the minimum, and the source says so.
        var sct = scores.Single(s => s.Unit!.Code == "SCT");
        Assert.Contains("dưới cỡ mẫu tối thiểu 3", sct.Source);
        Assert.Contains("bình quân khối", sct.Source);
        Assert.Single(audit);
    }

    [Fact]
    public async Task AdministratorsSeeResponseRatesAgainstQuotas()
    {
        var admin = await CityAsync(App);
        await CampaignAsync(admin, quota: 4);
        await InviteAsync(admin, unit: "STP", count: 2);
        await ImportAsync(admin, Csv(Row("STP", "5", Today)));

        var progress = await admin.GetFromJsonAsync<ParIndex.Surveys.CampaignProgress>($"/api/v1/surveys/campaigns/{CampaignCode}/progress", Json);
        var page = WebUtility.HtmlDecode(await admin.GetStringAsync($"/quan-tri/khao-sat/{CampaignCode}"));
        var anonymous = await App.Anonymous().GetAsync($"/quan-tri/khao-sat/{CampaignCode}");

        var stp = progress!.Targets.Single(t => t.UnitCode == "STP" && t.Group == "nguoi_dan");
        Assert.Equal((4, 1, 2, 0), (stp.Quota, stp.Responses, stp.InvitationsIssued, stp.InvitationsUsed));
        Assert.Equal(25m, stp.Rate);
        Assert.Contains("data-unit=\"STP\" data-group=\"nguoi_dan\"", page);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
    }

    [Fact]
    public async Task IssuingInvitationsOnTheAdminPageShowsEachTokenOnceWithItsQrCode()
    {
        var admin = await CityAsync(App);
        await CampaignAsync(admin);
        var token = await TestApp.AntiforgeryTokenAsync(admin, $"/quan-tri/khao-sat/{CampaignCode}");

        var response = await admin.PostAsync($"/quan-tri/khao-sat/{CampaignCode}?handler=invite", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["unit"] = "STP", ["group"] = "nguoi_dan", ["count"] = "3", ["__RequestVerificationToken"] = token,
        }));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, System.Text.RegularExpressions.Regex.Matches(html, "class=\"token-card\"").Count);
        Assert.Equal(3, System.Text.RegularExpressions.Regex.Matches(html, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=").Count);
        Assert.Equal(3, await App.WithDbAsync(db => db.SurveyInvitations.CountAsync()));
    }
}

public sealed class SurveyResultsTestsOnSqlite() : SurveyResultsTests(DatabaseKind.Sqlite);

public sealed class SurveyResultsTestsOnPostgres() : SurveyResultsTests(DatabaseKind.Postgres);
