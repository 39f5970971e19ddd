using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ParIndex.Core.Frameworks;
using ParIndex.Frameworks;

namespace ParIndex.Tests.Frameworks;

/// <summary>Requests and readings shared by the framework tests: blocks and drafts through the API, forms with their token, rows from the database.</summary>
internal static class FrameworksTestKit
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string UserEmail = "user@test.local";
    public const string UserPassword = "Test-User-2025";

    public static async Task AddBlockAsync(HttpClient admin, int year, string code = TestFrameworks.Block, string nameVi = "Khối sở, ban, ngành")
    {
        var response = await admin.PutAsJsonAsync($"/api/v1/years/{year}/blocks/{code}", new { code, nameVi });
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"PUT block: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    public static Task<HttpResponseMessage> PutJsonAsync(HttpClient client, int year, string block, string json, Guid? expectedStamp = null) =>
        client.PutAsync(DraftPath(year, block, expectedStamp), new StringContent(json, Encoding.UTF8, "application/json"));

    public static Task<HttpResponseMessage> PutDraftAsync(HttpClient client, FrameworkDefinition framework, Guid? expectedStamp = null) =>
        PutJsonAsync(client, framework.Year, framework.BlockCode, FrameworkJson.Serialize(framework), expectedStamp);

    public static Task<HttpResponseMessage> PutXlsxAsync(HttpClient client, int year, string block, byte[] workbook)
    {
        var body = new ByteArrayContent(workbook);
        body.Headers.ContentType = MediaTypeHeaderValue.Parse(XlsxContentType);
        return client.PutAsync(DraftPath(year, block, null), body);
    }

    private static string DraftPath(int year, string block, Guid? stamp) =>
        $"/api/v1/years/{year}/blocks/{block}/framework/draft" + (stamp is { } s ? $"?expectedStamp={s}" : "");

    /// <summary>Stores the framework as a draft (its block created first) and returns the summary.</summary>
    public static async Task<JsonElement> CreateDraftAsync(HttpClient admin, FrameworkDefinition framework, bool addBlock = true)
    {
        if (addBlock)
            await AddBlockAsync(admin, framework.Year, framework.BlockCode);
        var response = await PutDraftAsync(admin, framework);
        return await OkJsonAsync(response);
    }

    public static async Task<JsonElement> PublishAsync(HttpClient admin, int id) =>
        await OkJsonAsync(await admin.PostAsync($"/api/v1/frameworks/{id}/publish", null));

    public static async Task<JsonElement> OkJsonAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static int Id(this JsonElement summary) => summary.GetProperty("id").GetInt32();

    public static Guid Stamp(this JsonElement summary) => summary.GetProperty("concurrencyStamp").GetGuid();

    /// <summary>The "errors" of a ValidationProblem or a 409 ProblemDetails, by key.</summary>
    public static async Task<Dictionary<string, string[]>> ErrorsAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json", $"Expected ProblemDetails, got {response.Content.Headers.ContentType}: {body}");
        var errors = JsonDocument.Parse(body).RootElement.GetProperty("errors");
        return errors.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(v => v.GetString()!).ToArray());
    }

    public static FrameworkDefinition Parse(string json)
    {
        var result = FrameworkJson.Deserialize(json);
        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        return result.Framework;
    }

    public static Task<List<(int Revision, FrameworkStatus Status, string Json)>> StoredAsync(TestApp app, int year) =>
        app.WithDbAsync(async db => (await db.Frameworks.Where(f => f.Year == year).OrderBy(f => f.Revision)
            .Select(f => new { f.Revision, f.Status, f.DefinitionJson }).ToListAsync())
            .Select(f => (f.Revision, f.Status, f.DefinitionJson)).ToList());

    public static Task<int> CountAsync(TestApp app) => app.WithDbAsync(db => db.Frameworks.CountAsync());

    public static Task<Guid> StampAsync(TestApp app, int id) =>
        app.WithDbAsync(db => db.Frameworks.Where(f => f.Id == id).Select(f => f.ConcurrencyStamp).SingleAsync());

    public static async Task<FrameworkDefinition> DefinitionAsync(TestApp app, int id) =>
        Parse(await app.WithDbAsync(db => db.Frameworks.Where(f => f.Id == id).Select(f => f.DefinitionJson).SingleAsync()));

    public static byte[] Workbook(FrameworkDefinition framework)
    {
        using var stream = new MemoryStream();
        FrameworkWorkbook.Write(stream, framework);
        return stream.ToArray();
    }

    /// <summary>Posts a form with the antiforgery token read from <paramref name="tokenPage"/> (default: the form's own page).</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, IDictionary<string, string> fields, string? tokenPage = null)
    {
        var token = await TestApp.AntiforgeryTokenAsync(client, tokenPage ?? path.Split('?')[0]);
        var all = fields.Append(new("__RequestVerificationToken", token)).ToList();
        return await client.PostAsync(path, new FormUrlEncodedContent(all));
    }

    /// <summary>Uploads a file to the import page as a browser would (multipart, with the token).</summary>
    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, int year, string block, byte[] content, string fileName, string contentType, bool replace = false)
    {
        const string path = "/quan-tri/bo-tieu-chi/nhap";
        var token = await TestApp.AntiforgeryTokenAsync(client, path);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(year.ToString()), "Year" },
            { new StringContent(block), "BlockCode" },
            { new StringContent(replace ? "true" : "false"), "ReplaceDraft" },
        };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        form.Add(file, "Upload", fileName);
        return await client.PostAsync(path, form);
    }

    /// <summary>The edit form's fields for a node, as the page would post them back unchanged.</summary>
    public static Dictionary<string, string> NodeForm(FrameworkNode node, string? parent, Guid stamp)
    {
        var form = ParIndex.Frameworks.Pages.NodeForm.From(node, parent, stamp);
        return typeof(ParIndex.Frameworks.Pages.NodeForm).GetProperties()
            .ToDictionary(p => $"Form.{p.Name}", p => p.GetValue(form) switch { null => "", bool b => b ? "true" : "false", var v => v.ToString()! });
    }

    public static async Task<HttpClient> NonAdminAsync(TestApp app)
    {
        await app.EnsureUserAsync(UserEmail, UserPassword, role: null);
        return await app.SignInAsync(UserEmail, UserPassword);
    }

    public static void AssertRedirectsTo(HttpResponseMessage response, string pathStart)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith(pathStart, response.Headers.Location!.OriginalString.Replace("http://localhost", ""));
    }
}
