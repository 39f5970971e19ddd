using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using ParIndex.Campaign;
using static ParIndex.Tests.Assessments.CampaignKit;

namespace ParIndex.Tests.Assessments;

/// <summary>The campaign pages as plain forms (no JavaScript): self-assessment, upload through the streaming form, appraisal, explanation.</summary>
public abstract partial class CampaignPagesTests(DatabaseKind kind) : IAsyncLifetime
{
    private readonly TestPhases phases = new();
    private TestApp app = null!;

    public async Task InitializeAsync()
    {
        app = await StartAsync(kind, phases);
        phases.MoveTo(Year, CampaignPhaseKind.SelfAssessment);
    }

    public Task DisposeAsync()
    {
        app.Dispose();
        return Task.CompletedTask;
    }

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string page, string handler, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await TestApp.AntiforgeryTokenAsync(client, page);
        return await client.PostAsync($"{page}?handler={handler}", new FormUrlEncodedContent(fields));
    }

    [Fact]
    public async Task TheOfficerScoresALeafOnThePageAndAStaleFormShowsTheOtherPersonsValue()
    {
        var officer = await SignInAsync(app, Officer);
        var page = $"/don-vi/tu-danh-gia/{Year}";

        var html = await officer.GetStringAsync(page);
        var saved = await PostFormAsync(officer, page, "Save", new() { ["Node"] = "1.1", ["Version"] = "0", ["Fields.Points"] = "3,5", ["Comment"] = "Đúng hạn" });
        var stale = await PostFormAsync(await SignInAsync(app, Officer2), page, "Save", new() { ["Node"] = "1.1", ["Version"] = "0", ["Fields.Points"] = "1" });
        var invalid = await PostFormAsync(officer, page, "Save", new() { ["Node"] = "1.1", ["Version"] = "1", ["Fields.Points"] = "9" });

        Assert.Contains("id=\"node-1.1\"", html);
        Assert.Contains("Số liệu tự động", html); // 2.1 and 2.2 come from data
        Assert.Contains("1.234 hồ sơ", html);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var staleHtml = await stale.Content.ReadAsStringAsync();
        Assert.Contains(Officer, staleHtml);
        Assert.Contains("3,5", staleHtml);
        Assert.Equal(422, (int)invalid.StatusCode);
        Assert.Contains("value=\"9\"", await invalid.Content.ReadAsStringAsync());
        Assert.Equal(3.5m, await app.WithDbAsync(db => db.AssessmentEntries.Where(e => e.NodeCode == "1.1").Select(e => e.Points!.Value).SingleAsync()));
    }

    [Fact]
    public async Task TheUploadFormStreamsTheFileChecksTheAntiforgeryTokenAndReturnsToThePage()
    {
        var officer = await SignInAsync(app, Officer);
        var page = $"/don-vi/tu-danh-gia/{Year}";
        var html = await officer.GetStringAsync(page);
        var action = WebUtility.HtmlDecode(UploadAction().Match(html).Groups[1].Value);
        var token = await TestApp.AntiforgeryTokenAsync(officer, page);

        async Task<HttpResponseMessage> PostAsync(string? antiforgery, byte[] content, string name)
        {
            using var form = new MultipartFormDataContent();
            if (antiforgery is not null)
                form.Add(new StringContent(antiforgery), "__RequestVerificationToken");
            form.Add(new StringContent("1.1"), "nodeCode");
            form.Add(new StringContent("12/KH-STP"), "documentNumber");
            form.Add(new ByteArrayContent(content), "file", name);
            return await officer.PostAsync(action, form);
        }

        var withoutToken = await PostAsync(null, Pdf(), "a.pdf");
        var disguised = await PostAsync(token, "MZ-not-a-pdf"u8.ToArray(), "a.pdf");
        var uploaded = await PostAsync(token, Pdf(), "Kế hoạch.pdf");
        var after = await officer.GetStringAsync(page);

        Assert.StartsWith($"/api/v1/years/{Year}/units/STP/evidence/upload-form", action);
        Assert.Equal(HttpStatusCode.Redirect, withoutToken.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        Assert.Equal($"/don-vi/tu-danh-gia/{Year}#node-1.1", uploaded.Headers.Location?.OriginalString);
        Assert.Contains("Kế hoạch.pdf", after);
        Assert.Contains("12/KH-STP", after);
        Assert.Equal(1, await app.WithDbAsync(db => db.EvidenceDocuments.CountAsync()));
        // The refusals were shown on the page they returned to (TempData is read once).
        Assert.Equal(HttpStatusCode.Redirect, disguised.StatusCode);
    }

    [Fact]
    public async Task TheAppraiserDecidesOnThePageAndTheUnitExplainsOnItsPage()
    {
        var officer = await SignInAsync(app, Officer);
        await SelfAssessmentTests.CompleteAsync(officer);
        await (await SignInAsync(app, Head)).PostAsync(SelfPath() + "/submit", null);
        phases.MoveTo(Year, CampaignPhaseKind.Appraisal);
        var appraiser = await SignInAsync(app, AppraiserSnv);
        var page = $"/tham-dinh/{Year}";

        var queue = await appraiser.GetStringAsync(page);
        var filtered = await appraiser.GetStringAsync(page + "?state=Undecided&field=1");
        var noReason = await PostFormAsync(appraiser, page, "Decide", new() { ["ItemUnit"] = "STP", ["Node"] = "1.1", ["Version"] = "1", ["Decision"] = "Adjusted", ["Fields.Points"] = "2" });
        var adjusted = await PostFormAsync(appraiser, page, "Decide", new() { ["ItemUnit"] = "STP", ["Node"] = "1.1", ["Version"] = "1", ["Decision"] = "Adjusted", ["Fields.Points"] = "2", ["Reason"] = "Ban hành chậm" });
        var notLed = await PostFormAsync(await SignInAsync(app, AppraiserStp), page, "Decide", new() { ["ItemUnit"] = "STP", ["Node"] = "1.1", ["Version"] = "2", ["Decision"] = "Accepted" });
        phases.MoveTo(Year, CampaignPhaseKind.Explanation);
        var explanationPage = $"/don-vi/giai-trinh/{Year}";
        var explanation = await officer.GetStringAsync(explanationPage);
        var token = await TestApp.AntiforgeryTokenAsync(officer, explanationPage);
        var explained = await officer.PostAsync(explanationPage, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Node"] = "1.1", ["Version"] = "2", ["Text"] = "Kế hoạch ban hành đúng hạn.", ["__RequestVerificationToken"] = token,
        }));

        Assert.Contains("id=\"item-STP-1-1\"", queue);
        Assert.Contains("id=\"item-STP-1-3\"", queue);
        Assert.DoesNotContain("item-STP-1-2", queue); // led by STP
        Assert.DoesNotContain("item-STP-T", filtered); // the bonus is not in field 1
        Assert.Equal(422, (int)noReason.StatusCode);
        Assert.Contains("Điều chỉnh điểm phải nêu lý do.", await noReason.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, adjusted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, notLed.StatusCode);
        Assert.Contains("Ban hành chậm", explanation);
        Assert.Equal(HttpStatusCode.Redirect, explained.StatusCode);
        Assert.Equal("Kế hoạch ban hành đúng hạn.", await app.WithDbAsync(db => db.AssessmentEntries.Where(e => e.NodeCode == "1.1").Select(e => e.Explanation).SingleAsync()));
    }

    [Fact]
    public async Task PagesAreClosedToRolesThatDoNotUseThem()
    {
        Assert.Equal(HttpStatusCode.Redirect, (await app.Anonymous().GetAsync($"/don-vi/tu-danh-gia/{Year}")).StatusCode);
        var appraiser = await SignInAsync(app, AppraiserSnv);
        var officer = await SignInAsync(app, Officer);
        Assert.Equal(HttpStatusCode.Redirect, (await appraiser.GetAsync($"/don-vi/tu-danh-gia/{Year}")).StatusCode); // to the access-denied page
        Assert.Equal(HttpStatusCode.Redirect, (await officer.GetAsync($"/tham-dinh/{Year}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync($"/don-vi/tu-danh-gia/1999")).StatusCode);
    }

    [GeneratedRegex("<form method=\"post\" enctype=\"multipart/form-data\" action=\"([^\"]+)\"")]
    private static partial Regex UploadAction();
}

public sealed class CampaignPagesTestsOnSqlite() : CampaignPagesTests(DatabaseKind.Sqlite);

public sealed class CampaignPagesTestsOnPostgres() : CampaignPagesTests(DatabaseKind.Postgres);
