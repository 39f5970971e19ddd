using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using static ParIndex.Tests.Surveys.SurveysTestKit;

namespace ParIndex.Tests.Surveys;

/// <summary>An administrator stores a new version of a questionnaire from the surveys page: download, edit, upload.</summary>
public abstract class QuestionnaireUploadTests(DatabaseKind kind) : AppTest(kind)
{
    private const string Page = "/quan-tri/khao-sat";

    [Fact]
    public async Task AnEditedQuestionnaireUploadedOnThePageBecomesTheNextVersionAndEarlierVersionsStay()
    {
        var admin = await CityAsync(App);
        await admin.GetStringAsync(Page); // opening the page stores the shipped templates as version 1
        var current = JsonNode.Parse(await admin.GetStringAsync("/api/v1/surveys/questionnaires/SIPAS"))!.AsObject();
        var versionBefore = await LatestVersionAsync("SIPAS");
        current["titleVi"] = "Phiếu khảo sát SIPAS (sửa đổi 2026)";

        var response = await UploadAsync(admin, "sipas.json", current.ToJsonString());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(versionBefore + 1, await LatestVersionAsync("SIPAS"));
        var page = WebUtility.HtmlDecode(await admin.GetStringAsync(Page));
        Assert.Contains($"Đã lưu phiếu SIPAS, phiên bản {versionBefore + 1}.", page);
        Assert.Contains("Phiếu khảo sát SIPAS (sửa đổi 2026)", page);
        var earlier = JsonNode.Parse(await admin.GetStringAsync($"/api/v1/surveys/questionnaires/SIPAS?version={versionBefore}"))!;
        Assert.NotEqual("Phiếu khảo sát SIPAS (sửa đổi 2026)", earlier["titleVi"]!.GetValue<string>());
    }

    [Fact]
    public async Task ABrokenOrInvalidFileIsRefusedOnThePageAndNothingIsStored()
    {
        var admin = await CityAsync(App);
        await admin.GetStringAsync(Page); // opening the page stores the shipped templates as version 1
        var versionBefore = await LatestVersionAsync("SIPAS");
        var invalid = JsonNode.Parse(await admin.GetStringAsync("/api/v1/surveys/questionnaires/SIPAS"))!.AsObject();
        var sections = invalid["sections"]!.AsArray();
        var firstQuestion = sections[0]!["questions"]!.AsArray()[0]!;
        sections[0]!["questions"]!.AsArray().Add(firstQuestion.DeepClone()); // the same question code twice

        var broken = await UploadAsync(admin, "sipas.json", "{ \"code\": \"SIPAS\", ");
        var wrongType = await UploadAsync(admin, "sipas.xlsx", "PK");
        var duplicate = await UploadAsync(admin, "sipas.json", invalid.ToJsonString());

        foreach (var response in new[] { broken, wrongType, duplicate })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("id=\"questionnaireFile-error\"", await response.Content.ReadAsStringAsync());
        }
        Assert.Contains("JSON (.json)", WebUtility.HtmlDecode(await wrongType.Content.ReadAsStringAsync()));
        Assert.Equal(versionBefore, await LatestVersionAsync("SIPAS"));
    }

    [Fact]
    public async Task OnlyAnAdministratorMayUpload()
    {
        await (await CityAsync(App)).GetStringAsync(Page);
        var versionBefore = await LatestVersionAsync("SIPAS");
        using var content = new MultipartFormDataContent { { new StringContent("{}"), "questionnaireFile", "x.json" } };

        var response = await App.Anonymous().PostAsync($"{Page}?handler=questionnaire", content);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/dang-nhap", response.Headers.Location?.ToString());
        Assert.Equal(versionBefore, await LatestVersionAsync("SIPAS"));
    }

    private async Task<HttpResponseMessage> UploadAsync(HttpClient admin, string fileName, string body)
    {
        var token = await TestApp.AntiforgeryTokenAsync(admin, Page);
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(body)), "questionnaireFile", fileName },
        };
        return await admin.PostAsync($"{Page}?handler=questionnaire", content);
    }

    private Task<int> LatestVersionAsync(string code) =>
        App.WithDbAsync(db => db.Questionnaires.Where(q => q.Code == code).MaxAsync(q => q.Version));
}

public sealed class QuestionnaireUploadTestsOnSqlite() : QuestionnaireUploadTests(DatabaseKind.Sqlite);

public sealed class QuestionnaireUploadTestsOnPostgres() : QuestionnaireUploadTests(DatabaseKind.Postgres);
