using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ParIndex.EndToEndTests.Surveys;

/// <summary>
/// A server of its own (the survey tests add campaigns and answers), plus what those tests need from the app:
/// an administrator's HTTP client signed in through the real form, and a campaign with invitations created
/// through the app's own API, as an administrator would.
/// </summary>
public sealed partial class SurveysSiteFixture() : SiteFixture("surveys")
{
    public const string AdminEmail = "admin@parindex.local";
    public const string AdminPassword = "ParIndex-Demo-2025";

    public static DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh")).DateTime);

    public async Task<HttpClient> AdminAsync()
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = Server.BaseAddress };
        var html = await client.GetStringAsync("/dang-nhap");
        var token = WebUtility.HtmlDecode(TokenPattern().Match(html).Groups[1].Value);
        var response = await client.PostAsync("/dang-nhap", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = AdminEmail, ["Password"] = AdminPassword, ["__RequestVerificationToken"] = token,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"The demo administrator could not sign in ({(int)response.StatusCode}).");
        return client;
    }

    /// <summary>Creates an open SIPAS campaign over the 2025 departments and returns invitation links for the first department.</summary>
    public async Task<IReadOnlyList<string>> InvitationLinksAsync(string campaign, int count)
    {
        using var admin = await AdminAsync();
        var created = await admin.PostAsJsonAsync("/api/v1/surveys/campaigns", new
        {
            code = campaign, nameVi = "Khảo sát SIPAS thử nghiệm", questionnaire = "SIPAS", year = 2025,
            opensOn = Today.AddDays(-1), closesOn = Today.AddDays(30), blocks = new[] { "SBN" }, quotaPerGroup = 10, minimumN = 30, fallback = "BlockMean",
        });
        if (!created.IsSuccessStatusCode)
            throw new InvalidOperationException($"Creating the campaign failed: {(int)created.StatusCode} {await created.Content.ReadAsStringAsync()}");
        var progress = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/surveys/campaigns/{campaign}/progress");
        var unit = progress.GetProperty("targets")[0].GetProperty("unitCode").GetString();
        var issued = await admin.PostAsJsonAsync($"/api/v1/surveys/campaigns/{campaign}/invitations", new { requests = new[] { new { unitCode = unit, group = "nguoi_dan", count } } });
        var links = await issued.Content.ReadFromJsonAsync<JsonElement>();
        return links.EnumerateArray().Select(l => l.GetProperty("link").GetString()!).ToList();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}

/// <summary>
/// Runs on its own, after the collections that run in parallel: it starts a third server and drives a long keyboard
/// walk, and in parallel runs on this two-core machine the sign-in test of the Accounts collection occasionally
/// failed (antiforgery mismatch) while this collection ran beside it.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SurveysSiteCollection : ICollectionFixture<SurveysSiteFixture>
{
    public const string Name = "Surveys";
}
