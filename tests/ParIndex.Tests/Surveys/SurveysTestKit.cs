using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using ParIndex.Data;
using ParIndex.Surveys;

namespace ParIndex.Tests.Surveys;

/// <summary>Builds campaigns and invitations through the app's API, and walks the public form like a browser without scripts.</summary>
public static partial class SurveysTestKit
{
    public const string CampaignCode = "SIPAS-T";

    public static DateOnly Today => Core.Calendar.VietnamTime.LocalDate(DateTimeOffset.UtcNow);

    /// <summary>The small city (block SBN, 2024 and 2025) and an administrator client.</summary>
    public static async Task<HttpClient> CityAsync(TestApp app)
    {
        await SmallCity.BuildAsync(app, publish: false);
        return await app.AdminAsync();
    }

    /// <summary>A SIPAS campaign over block SBN, open from ten days ago to ten days ahead, minimum n 3.</summary>
    public static async Task<CampaignDto> CampaignAsync(HttpClient admin, string code = CampaignCode, int year = 2024, int quota = 5, int minimumN = 3)
    {
        var response = await admin.PostAsJsonAsync("/api/v1/surveys/campaigns", new
        {
            code, nameVi = $"Khảo sát SIPAS thử {year}", questionnaire = "SIPAS", year,
            opensOn = Today.AddDays(-10), closesOn = Today.AddDays(10), blocks = new[] { SmallCity.Block }, quotaPerGroup = quota, minimumN, fallback = "BlockMean",
        });
        Assert.True(response.IsSuccessStatusCode, $"campaign: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<CampaignDto>(Json))!;
    }

    public static async Task<IReadOnlyList<IssuedInvitationLink>> InviteAsync(HttpClient admin, string unit = "STP", int count = 1, string group = "nguoi_dan", string campaign = CampaignCode)
    {
        var response = await admin.PostAsJsonAsync($"/api/v1/surveys/campaigns/{campaign}/invitations", new { requests = new[] { new { unitCode = unit, group, count } } });
        Assert.True(response.IsSuccessStatusCode, $"invitations: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<List<IssuedInvitationLink>>(Json))!;
    }

    public static readonly System.Text.Json.JsonSerializerOptions Json = new(System.Text.Json.JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    /// <summary>Every required SIPAS answer, satisfaction questions answered <paramref name="level"/>.</summary>
    public static Dictionary<string, IReadOnlyList<string>> FullSipas(string level = "5")
    {
        var answers = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var code in new[] { "A1", "B1", "C1", "D1", "E1" })
            answers[code] = ["co"];
        foreach (var code in new[] { "A2", "A3", "B2", "B3", "B4", "C2", "C3", "C4", "D2", "D3", "E2", "E3" })
            answers[code] = [level];
        return answers;
    }

    /// <summary>Follows the invitation link: the token goes in once, comes back as a cookie, and the form is at /khao-sat.</summary>
    public static async Task<string> OpenInvitationAsync(HttpClient client, string token)
    {
        var link = await client.GetAsync($"/khao-sat?ma={Uri.EscapeDataString(token)}");
        Assert.Equal(HttpStatusCode.Redirect, link.StatusCode);
        Assert.Equal("/khao-sat", link.Headers.Location?.OriginalString);
        return WebUtility.HtmlDecode(await client.GetStringAsync("/khao-sat"));
    }

    /// <summary>Posts one step of the form with its answers and the action (next, back, save, submit).</summary>
    public static async Task<HttpResponseMessage> PostStepAsync(HttpClient client, int step, string action, IEnumerable<KeyValuePair<string, string>> answers) =>
        await PostPreparedStepAsync(client, await StepTokenAsync(client, step), step, action, answers);

    /// <summary>The antiforgery token of a step's form (read first, so that two clients can then post at the same moment).</summary>
    public static async Task<string> StepTokenAsync(HttpClient client, int step)
    {
        var html = await client.GetStringAsync($"/khao-sat?buoc={step}");
        return WebUtility.HtmlDecode(TokenPattern().Match(html).Groups[1].Value);
    }

    public static async Task<HttpResponseMessage> PostPreparedStepAsync(HttpClient client, string token, int step, string action, IEnumerable<KeyValuePair<string, string>> answers)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", token),
            new("step", step.ToString()),
            new("action", action),
        };
        fields.AddRange(answers.Select(a => new KeyValuePair<string, string>("q." + a.Key, a.Value)));
        return await client.PostAsync("/khao-sat", new FormUrlEncodedContent(fields));
    }

    /// <summary>Answers every step of the SIPAS form in order and submits on the last one.</summary>
    public static async Task<HttpResponseMessage> AnswerWholeFormAsync(HttpClient client, string level = "5")
    {
        var form = Core.Surveys.SurveyTemplates.Sipas();
        var answers = FullSipas(level);
        HttpResponseMessage? last = null;
        for (var step = 0; step < form.Sections.Count; step++)
        {
            var own = form.Sections[step].Questions.Where(q => answers.ContainsKey(q.Code)).SelectMany(q => answers[q.Code].Select(v => new KeyValuePair<string, string>(q.Code, v)));
            last = await PostStepAsync(client, step, step == form.Sections.Count - 1 ? "submit" : "next", own);
        }
        return last!;
    }

    public static Task<int> ResponsesAsync(TestApp app) => app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.SurveyResponses));

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
