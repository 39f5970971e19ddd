using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParIndex.Surveys;
using static ParIndex.Tests.Surveys.SurveysTestKit;

namespace ParIndex.Tests.Surveys;

public abstract class SurveyCollectionTests(DatabaseKind kind) : AppTest(kind)
{
    [Fact]
    public async Task TwoSimultaneousSubmissionsOfOneTokenStoreExactlyOneResponse()
    {
        var admin = await CityAsync(App);
        await CampaignAsync(admin);
        var tokens = await InviteAsync(admin, count: 5);

        foreach (var invitation in tokens)
        {
            var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            async Task<Web.Outcome<bool>> Submit()
            {
                await using var scope = App.Services.CreateAsyncScope();
                var service = scope.ServiceProvider.GetRequiredService<ResponseService>();
                await gate.Task;
                return await service.SubmitAsync(invitation.Token, FullSipas());
            }
            var first = Task.Run(Submit);
            var second = Task.Run(Submit);
            gate.SetResult();
            var outcomes = await Task.WhenAll(first, second);

            Assert.Equal(1, outcomes.Count(o => o.Succeeded));
            Assert.Equal(1, outcomes.Count(o => o.Conflict));
        }
        Assert.Equal(5, await ResponsesAsync(App));
    }

    [Fact]
    public async Task TheFormAcceptsOnlyOneOfTwoSimultaneousSubmissions()
    {
        var admin = await CityAsync(App);
        await CampaignAsync(admin);
        var token = (await InviteAsync(admin)).Single().Token;
        var phone = App.Anonymous();
        var laptop = App.Anonymous();
        await OpenInvitationAsync(phone, token);
        await OpenInvitationAsync(laptop, token);
        var form = Core.Surveys.SurveyTemplates.Sipas();
        var answers = FullSipas();
        for (var step = 0; step < form.Sections.Count - 1; step++)
            await PostStepAsync(phone, step, "next", form.Sections[step].Questions.Where(q => answers.ContainsKey(q.Code)).Select(q => new KeyValuePair<string, string>(q.Code, answers[q.Code][0])));

        var last = form.Sections.Count - 1;
        var (phoneToken, laptopToken) = (await StepTokenAsync(phone, last), await StepTokenAsync(laptop, last));
        var results = await Task.WhenAll(PostPreparedStepAsync(phone, phoneToken, last, "submit", []), PostPreparedStepAsync(laptop, laptopToken, last, "submit", []));

        var statuses = string.Join(", ", results.Select(r => $"{(int)r.StatusCode} {r.Headers.Location}"));
        Assert.True(1 == results.Count(r => r.StatusCode == HttpStatusCode.Redirect && r.Headers.Location?.OriginalString == "/khao-sat/cam-on"), statuses);
        Assert.Equal(1, results.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        Assert.Equal(1, await ResponsesAsync(App));
        Assert.Contains("đã được trả lời", WebUtility.HtmlDecode(await results.Single(r => r.StatusCode == HttpStatusCode.Conflict).Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task ACitizenAnswersStepByStepAndTheResponseIsStoredOnce()
    {
        var admin = await CityAsync(App);
        await CampaignAsync(admin);
        var token = (await InviteAsync(admin, unit: "SNV")).Single().Token;
        var citizen = App.Anonymous();

        var first = await OpenInvitationAsync(citizen, token);
        var submitted = await AnswerWholeFormAsync(citizen);
        var again = await OpenInvitationAsync(App.Anonymous(), token);

        Assert.Contains("Sở Nội vụ", first);
        Assert.Contains("<legend>", first);
        Assert.Equal("/khao-sat/cam-on", submitted.Headers.Location?.OriginalString);
        Assert.Contains("id=\"survey-refused\"", again);
        Assert.Contains("đã được trả lời", again);
        var stored = await App.WithDbAsync(db => db.SurveyResponses.SingleAsync());
        Assert.Equal(ResponseChannel.Online, stored.Channel);
        Assert.Equal("nguoi_dan", stored.RespondentGroup);
    }

    [Fact]
    public async Task AMissingAnswerIsReportedInAnErrorSummaryLinkingToTheQuestion()
    {
        var admin = await CityAsync(App);
        await CampaignAsync(admin);
        var citizen = App.Anonymous();
        await OpenInvitationAsync(citizen, (await InviteAsync(admin)).Single().Token);

        var response = await PostStepAsync(citizen, 1, "next", [new("A1", "co"), new("A2", "4")]);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("class=\"error-summary\"", html);
        Assert.Contains("href=\"#q-A3-0\"", html);
        Assert.Contains("id=\"q-A3-error\"", html);
        Assert.Contains("aria-describedby=\"q-A3-error\"", html);
        // The answers given are kept (the step's draft is saved).
        Assert.Matches("value=\"4\" checked=\"checked\"", html);
    }

    [Fact]
    public async Task ADraftIsKeptOnTheServerAndResumedFromTheSameLink()
    {
        var admin = await CityAsync(App);
        await CampaignAsync(admin);
        var token = (await InviteAsync(admin)).Single().Token;
        var phone = App.Anonymous();
        await OpenInvitationAsync(phone, token);

        var saved = await PostStepAsync(phone, 1, "save", [new("A1", "co"), new("A2", "3")]);
        var resumed = await OpenInvitationAsync(App.Anonymous(), token);

        Assert.Contains("id=\"draft-saved\"", await saved.Content.ReadAsStringAsync());
        Assert.Contains("aria-current=\"step\"", resumed);
        Assert.Contains("id=\"q-A2-2\" name=\"q.A2\" value=\"3\" checked=\"checked\"", resumed);
        Assert.Equal(1, await App.WithDbAsync(db => db.SurveyDrafts.CountAsync()));
    }

    [Fact]
    public async Task AfterThePeriodTheFormRefusesAnswersWithAClearMessage()
    {
        var admin = await CityAsync(App);
        await CampaignAsync(admin);
        var token = (await InviteAsync(admin)).Single().Token;
        await App.WithDbAsync(db => db.SurveyCampaigns.ExecuteUpdateAsync(s => s.SetProperty(c => c.ClosesOn, Today.AddDays(-1))));

        var page = await OpenInvitationAsync(App.Anonymous(), token);
        var outcome = await App.WithScopeAsync(services => services.GetRequiredService<ResponseService>().SubmitAsync(token, FullSipas()));

        Assert.Contains($"Đợt khảo sát đã kết thúc ngày {Today.AddDays(-1):dd/MM/yyyy}", page);
        Assert.False(outcome.Succeeded);
        Assert.Contains("không nhận thêm câu trả lời", string.Join(" ", outcome.Problems!.Lines()));
        Assert.Equal(0, await ResponsesAsync(App));
    }

    [Fact]
    public async Task AnUnknownCodeTypedInIsRefusedBesideTheField()
    {
        var client = App.Anonymous();
        var token = await TestApp.AntiforgeryTokenAsync(client, "/khao-sat");

        var response = await client.PostAsync("/khao-sat?handler=start", new FormUrlEncodedContent(new Dictionary<string, string> { ["code"] = "AAAA-BBBB-CCCC-DDDD-EEEE", ["__RequestVerificationToken"] = token }));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("id=\"code-error\"", html);
        Assert.Contains("href=\"#code\"", html);
    }
}

public sealed class SurveyCollectionTestsOnSqlite() : SurveyCollectionTests(DatabaseKind.Sqlite);

public sealed class SurveyCollectionTestsOnPostgres() : SurveyCollectionTests(DatabaseKind.Postgres);
