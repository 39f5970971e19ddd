using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ParIndex.EndToEndTests.Campaign;

/// <summary>
/// A server of its own for the campaign walk-through (it changes the demo city's 2025 campaign), with what the tests
/// need from the app: HTTP clients signed in as the demo users through the real form, and the administrator's phase
/// switch through the campaign API. The demo ward P-SAIGON is the assessed unit; Sở Tư pháp (STP) leads field 2.
/// </summary>
public sealed partial class CampaignSiteFixture() : SiteFixture("campaign")
{
    public const int Year = 2025;
    public const string Unit = "P-SAIGON";
    public const string Password = "ParIndex-Demo-2025";
    public const string Admin = "admin@parindex.local";
    public const string Officer = "canbo.saigon@parindex.local";
    public const string Head = "lanhdao.saigon@parindex.local";
    public const string Appraiser = "thamdinh.stp@parindex.local";
    public const string AppraiserAgency = "STP";
    public const string CouncilMember = "hoidong@parindex.local";

    public static DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh")).DateTime);

    public async Task<HttpClient> ClientAsync(string email)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = Server.BaseAddress };
        var html = await client.GetStringAsync("/dang-nhap");
        var token = WebUtility.HtmlDecode(TokenPattern().Match(html).Groups[1].Value);
        var response = await client.PostAsync("/dang-nhap", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email, ["Password"] = Password, ["__RequestVerificationToken"] = token,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"{email} could not sign in ({(int)response.StatusCode}).");
        return client;
    }

    /// <summary>The administrator closes every open phase of the year and opens <paramref name="phase"/> (dates: yesterday to a month ahead).</summary>
    public async Task MoveToPhaseAsync(string phase)
    {
        using var admin = await ClientAsync(Admin);
        var phases = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/years/{Year}/phases");
        foreach (var open in phases.EnumerateArray().Where(p => p.GetProperty("state").GetString() == "Open"))
            await admin.PostAsJsonAsync($"/api/v1/years/{Year}/phases/{open.GetProperty("slug").GetString()}/close", new { reason = "Chuyển giai đoạn (kiểm thử)" });
        var dates = await admin.PutAsJsonAsync($"/api/v1/years/{Year}/phases/{phase}", new { opensOn = Today.AddDays(-1), closesOn = Today.AddDays(30), reason = "Kiểm thử" });
        var opened = await admin.PostAsJsonAsync($"/api/v1/years/{Year}/phases/{phase}/open", new { reason = "Mở lại (kiểm thử)" });
        if (!dates.IsSuccessStatusCode || !opened.IsSuccessStatusCode)
            throw new InvalidOperationException($"Opening {phase}: {(int)dates.StatusCode} {await dates.Content.ReadAsStringAsync()} / {(int)opened.StatusCode} {await opened.Content.ReadAsStringAsync()}");
    }

    /// <summary>The block a unit belongs to in <see cref="Year"/>, read from the public API.</summary>
    public async Task<string> BlockOfAsync(string unit)
    {
        using var client = new HttpClient { BaseAddress = Server.BaseAddress };
        var blocks = await client.GetFromJsonAsync<JsonElement>($"/api/v1/years/{Year}/blocks");
        foreach (var block in blocks.EnumerateArray())
            if (block.GetProperty("unitCodes").EnumerateArray().Any(u => u.GetString() == unit))
                return block.GetProperty("code").GetString()!;
        throw new InvalidOperationException($"{unit} is in no published block of {Year}.");
    }

    /// <summary>The leaves of the ward's self-assessment, as its officer reads them through the API.</summary>
    public async Task<IReadOnlyList<JsonElement>> EntriesAsync(HttpClient officer) =>
        (await officer.GetFromJsonAsync<JsonElement>($"/api/v1/years/{Year}/units/{Unit}/self-assessment")).GetProperty("entries").EnumerateArray().ToList();

    /// <summary>Scores every typed leaf not in <paramref name="skip"/> through the API (0 points, the first level, 0/1), explaining evidence-required ones.</summary>
    public async Task ScoreTheRestAsync(HttpClient officer, ISet<string> skip)
    {
        foreach (var entry in await EntriesAsync(officer))
        {
            var code = entry.GetProperty("nodeCode").GetString()!;
            if (skip.Contains(code) || entry.GetProperty("fedByData").GetBoolean() || entry.GetProperty("input").ValueKind != JsonValueKind.Null)
                continue;
            var note = entry.GetProperty("evidenceRequired").GetBoolean() ? "Tài liệu lưu bản giấy tại văn thư (kiểm thử)." : null;
            var version = entry.GetProperty("version").GetInt32();
            object body = entry.GetProperty("methodType").GetString() switch
            {
                "rubric" => new { kind = "Level", level = entry.GetProperty("levels")[0].GetString(), noEvidenceNote = note, version },
                "ratio" => new { kind = "Ratio", numerator = 0, denominator = 1, noEvidenceNote = note, version },
                _ => new { kind = "Points", points = 0, noEvidenceNote = note, version },
            };
            var saved = await officer.PutAsJsonAsync($"/api/v1/years/{Year}/units/{Unit}/self-assessment/entries/{code}", body);
            if (!saved.IsSuccessStatusCode)
                throw new InvalidOperationException($"{code}: {(int)saved.StatusCode} {await saved.Content.ReadAsStringAsync()}");
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}

[CollectionDefinition(Name)]
public sealed class CampaignSiteCollection : ICollectionFixture<CampaignSiteFixture>
{
    public const string Name = "Campaign";
}
