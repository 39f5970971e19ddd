using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ParIndex.Core.Frameworks;
using ParIndex.Frameworks;
using static ParIndex.Tests.Frameworks.FrameworksTestKit;

namespace ParIndex.Tests.Frameworks;

/// <summary>The framework lifecycle through the API: import JSON or XLSX as a draft, refuse bad input whole, publish, correct, clone.</summary>
public abstract class FrameworksApiTests(DatabaseKind kind) : AppTest(kind)
{
    private const int Year = 2025;
    private const string Block = TestFrameworks.Block;

    [Fact]
    public async Task AJsonDraftIsStoredWholeAndReadableOnlyByAdministrators()
    {
        var admin = await App.AdminAsync();
        var framework = TestFrameworks.Full(Year);

        var summary = await CreateDraftAsync(admin, framework);

        Assert.Equal("Draft", summary.GetProperty("status").GetString());
        Assert.Equal(1, summary.GetProperty("revision").GetInt32());
        Assert.Equal(framework.Leaves().Count(), summary.GetProperty("leafCount").GetInt32());
        DeepEquality.AssertEqual(framework, Parse(await admin.GetStringAsync($"/api/v1/frameworks/{summary.Id()}")));

        var anonymous = App.Anonymous();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/v1/frameworks/{summary.Id()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/v1/frameworks/{summary.Id()}/xlsx")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/v1/years/{Year}/blocks/{Block}/framework")).StatusCode);
        Assert.Empty((await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/frameworks")).EnumerateArray());
        Assert.Single((await admin.GetFromJsonAsync<JsonElement>("/api/v1/frameworks")).EnumerateArray());
    }

    [Fact]
    public async Task AnXlsxBodyIsImportedAsTheSameFramework()
    {
        var admin = await App.AdminAsync();
        await AddBlockAsync(admin, Year);
        var framework = TestFrameworks.Full(Year);

        var summary = await OkJsonAsync(await PutXlsxAsync(admin, Year, Block, Workbook(framework)));

        DeepEquality.AssertEqual(framework, await DefinitionAsync(App, summary.Id()));
        var download = await admin.GetAsync($"/api/v1/frameworks/{summary.Id()}/xlsx");
        Assert.Equal(XlsxContentType, download.Content.Headers.ContentType?.MediaType);
        var back = FrameworkWorkbook.Read(new MemoryStream(await download.Content.ReadAsByteArrayAsync()));
        Assert.True(back.Succeeded, string.Join("\n", back.Problems));
        DeepEquality.AssertEqual(framework, back.Framework);
    }

    [Fact]
    public async Task ADuplicateCodeIsRefusedNamingTheNodeAndNothingIsStored()
    {
        var admin = await App.AdminAsync();
        await AddBlockAsync(admin, Year);
        var framework = TestFrameworks.Full(Year);
        var duplicate = framework with { Nodes = [framework.Nodes[0] with { Children = [.. framework.Nodes[0].Children, framework.Nodes[0].Children[1] with { MaxPoints = 0 }] }, .. framework.Nodes.Skip(1)] };

        var response = await PutDraftAsync(admin, duplicate);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = await ErrorsAsync(response);
        Assert.Contains(errors["1.2"], m => m.Contains("mã 1.2 bị trùng"));
        Assert.Equal(0, await CountAsync(App));
    }

    [Fact]
    public async Task ChildrenExceedingTheirParentAreRefusedAndNothingIsStored()
    {
        var admin = await App.AdminAsync();
        await AddBlockAsync(admin, Year);
        var framework = TestFrameworks.Full(Year);
        var tooMuch = framework with { Nodes = [framework.Nodes[0] with { MaxPoints = 9 }, .. framework.Nodes.Skip(1)] };

        var response = await PutDraftAsync(admin, tooMuch);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = await ErrorsAsync(response);
        Assert.Contains(errors["1"], m => m.Contains("(10)") && m.Contains("vượt điểm tối đa (9)"));
        Assert.Equal(0, await CountAsync(App));
    }

    [Fact]
    public async Task MalformedJsonIsRefusedWithItsLineAndColumn()
    {
        var admin = await App.AdminAsync();
        await AddBlockAsync(admin, Year);
        const string json = "{\n  \"year\": 2025,\n  \"blockCode\": \"so-ban-nganh\",,\n  \"titleVi\": \"x\"\n}";

        var response = await PutJsonAsync(admin, Year, Block, json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = Assert.Single((await ErrorsAsync(response)).Values.SelectMany(m => m));
        Assert.Contains("Dòng 3, cột", message);
        Assert.Equal(0, await CountAsync(App));
    }

    [Fact]
    public async Task AnXlsxWithABadNumberIsRefusedNamingTheRowAndColumn()
    {
        var admin = await App.AdminAsync();
        await AddBlockAsync(admin, Year);
        var workbook = BadMaxWorkbook();

        var response = await PutXlsxAsync(admin, Year, Block, workbook);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = await ErrorsAsync(response);
        var message = Assert.Single(errors["Tiêu chí!R3 (Điểm tối đa)"]);
        Assert.Contains("dòng 3, cột F (Điểm tối đa)", message);
        Assert.Contains("«ba điểm»", message);
        Assert.Equal(0, await CountAsync(App));
    }

    /// <summary>The full framework's workbook with the maximum of its second row (node 1.1) typed as words.</summary>
    internal static byte[] BadMaxWorkbook()
    {
        var bytes = Workbook(TestFrameworks.Full(Year));
        using var stream = new MemoryStream();
        stream.Write(bytes);
        using (var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(stream, isEditable: true))
        {
            var part = document.WorkbookPart!;
            var sheet = part.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Single(s => s.Name == "Tiêu chí");
            var worksheet = ((DocumentFormat.OpenXml.Packaging.WorksheetPart)part.GetPartById(sheet.Id!)).Worksheet;
            var row = worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().ElementAt(2);
            var cell = row.Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().ElementAt(5);
            cell.DataType = DocumentFormat.OpenXml.Spreadsheet.CellValues.InlineString;
            cell.CellValue = null;
            cell.InlineString = new DocumentFormat.OpenXml.Spreadsheet.InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text("ba điểm"));
            worksheet.Save();
        }
        return stream.ToArray();
    }

    [Fact]
    public async Task APublishedFrameworkIsImmutableAndPublic()
    {
        var admin = await App.AdminAsync();
        var framework = TestFrameworks.Full(Year);
        var draft = await CreateDraftAsync(admin, framework);

        var published = await PublishAsync(admin, draft.Id());
        var overwrite = await PutDraftAsync(admin, framework with { TitleVi = "Sửa sau khi ban hành" });

        Assert.Equal("Published", published.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, overwrite.StatusCode);
        Assert.Contains("status", (await ErrorsAsync(overwrite)).Keys);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsync($"/api/v1/frameworks/{draft.Id()}/publish", null)).StatusCode);
        var stored = Assert.Single(await StoredAsync(App, Year));
        Assert.Equal(framework.TitleVi, Parse(stored.Json).TitleVi);

        var anonymous = App.Anonymous();
        DeepEquality.AssertEqual(framework, Parse(await anonymous.GetStringAsync($"/api/v1/years/{Year}/blocks/{Block}/framework")));
        DeepEquality.AssertEqual(framework, Parse(await anonymous.GetStringAsync($"/api/v1/frameworks/{draft.Id()}")));
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/api/v1/frameworks/{draft.Id()}/xlsx")).StatusCode);
        Assert.Single((await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/frameworks")).EnumerateArray());
    }

    [Fact]
    public async Task ACorrectingRevisionNeedsAReasonWhichTheAuditKeeps()
    {
        var admin = await App.AdminAsync();
        var framework = TestFrameworks.Full(Year);
        var first = await CreateDraftAsync(admin, framework);
        await PublishAsync(admin, first.Id());

        var noReason = await admin.PostAsJsonAsync($"/api/v1/years/{Year}/blocks/{Block}/framework/revisions", new { reason = "  " });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("reason", (await ErrorsAsync(noReason)).Keys);
        Assert.Single(await StoredAsync(App, Year));

        const string reason = "Sửa căn cứ pháp lý của tiêu chí 1.1.1 theo văn bản sửa đổi";
        var revision = await OkJsonAsync(await admin.PostAsJsonAsync($"/api/v1/years/{Year}/blocks/{Block}/framework/revisions", new { reason }));
        Assert.Equal(2, revision.GetProperty("revision").GetInt32());
        Assert.Equal("Draft", revision.GetProperty("status").GetString());

        var audit = await App.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == "framework.revision-started").ToListAsync());
        var entry = Assert.Single(audit);
        Assert.Equal(reason, entry.Reason);
        Assert.Equal($"{Year}/{Block}/r2", entry.EntityKey);
        Assert.Equal(TestApp.AdminEmail, entry.Actor);

        // The correction is edited like any draft and, once published, supersedes revision 1.
        var corrected = framework with { TitleVi = "Bộ tiêu chí (đính chính)" };
        await OkJsonAsync(await PutDraftAsync(admin, corrected, revision.Stamp()));
        await PublishAsync(admin, revision.Id());
        var stored = await StoredAsync(App, Year);
        Assert.Equal([FrameworkStatus.Superseded, FrameworkStatus.Published], stored.Select(s => s.Status));
        Assert.Equal(corrected.TitleVi, Parse(await App.Anonymous().GetStringAsync($"/api/v1/years/{Year}/blocks/{Block}/framework")).TitleVi);
    }

    [Fact]
    public async Task CloningRenumbersNodesAndRecordsTheCrosswalk()
    {
        var admin = await App.AdminAsync();
        var source = TestFrameworks.Full(Year);
        await PublishAsync(admin, (await CreateDraftAsync(admin, source)).Id());
        await AddBlockAsync(admin, Year + 1);

        var clone = await OkJsonAsync(await admin.PostAsJsonAsync("/api/v1/frameworks/clone", new
        {
            fromYear = Year, fromBlockCode = Block, toYear = Year + 1, toBlockCode = Block,
            codeMap = new Dictionary<string, string> { ["1.2"] = "1.6", ["2"] = "3" },
        }));

        var cloned = await DefinitionAsync(App, clone.Id());
        Assert.Equal(Year + 1, cloned.Year);
        Assert.Equal($"Bộ tiêu chí đánh giá Chỉ số cải cách hành chính năm {Year + 1}", cloned.TitleVi);
        Assert.Equal(new Dictionary<string, string> { ["1.6"] = "1.2", ["3"] = "2" }, cloned.Crosswalk);
        Assert.NotNull(cloned.FindNode("1.6"));
        Assert.Null(cloned.FindNode("1.2"));
        Assert.Equal("Draft", clone.GetProperty("status").GetString());

        var unknown = await admin.PostAsJsonAsync("/api/v1/frameworks/clone", new
        {
            fromYear = Year, fromBlockCode = Block, toYear = Year + 1, toBlockCode = "khac",
            codeMap = new Dictionary<string, string> { ["7.7"] = "7.8" },
        });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("codeMap['7.7']", (await ErrorsAsync(unknown)).Keys);
    }

    [Fact]
    public async Task AStaleConcurrencyStampIsAConflictAndOverwritesNothing()
    {
        var admin = await App.AdminAsync();
        var framework = TestFrameworks.Small(Year);
        var opened = await CreateDraftAsync(admin, framework);

        var first = await OkJsonAsync(await PutDraftAsync(admin, framework with { TitleVi = "Bản của người thứ nhất" }, opened.Stamp()));
        var second = await PutDraftAsync(admin, framework with { TitleVi = "Bản của người thứ hai" }, opened.Stamp());

        Assert.NotEqual(opened.Stamp(), first.Stamp());
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("concurrencyStamp", (await ErrorsAsync(second)).Keys);
        Assert.Equal("Bản của người thứ nhất", (await DefinitionAsync(App, opened.Id())).TitleVi);
        Assert.Equal(first.Stamp(), await StampAsync(App, opened.Id()));
    }

    [Fact]
    public async Task WriteEndpointsRefuseAnonymousAndNonAdministratorUsers()
    {
        var admin = await App.AdminAsync();
        var draft = await CreateDraftAsync(admin, TestFrameworks.Small(Year));
        var json = FrameworkJson.Serialize(TestFrameworks.Small(Year, title: "Không được lưu"));
        var user = await NonAdminAsync(App);

        foreach (var (client, expected) in new[] { (App.Anonymous(), HttpStatusCode.Unauthorized), (user, HttpStatusCode.Forbidden) })
        {
            Assert.Equal(expected, (await PutJsonAsync(client, Year, Block, json)).StatusCode);
            Assert.Equal(expected, (await PutXlsxAsync(client, Year, Block, Workbook(TestFrameworks.Small(Year)))).StatusCode);
            Assert.Equal(expected, (await client.PostAsync($"/api/v1/frameworks/{draft.Id()}/publish", null)).StatusCode);
            Assert.Equal(expected, (await client.PostAsJsonAsync($"/api/v1/years/{Year}/blocks/{Block}/framework/revisions", new { reason = "x" })).StatusCode);
            Assert.Equal(expected, (await client.PostAsJsonAsync("/api/v1/frameworks/clone", new { fromYear = Year, fromBlockCode = Block, toYear = Year + 1, toBlockCode = Block })).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/frameworks/{draft.Id()}")).StatusCode);
        }
        var stored = Assert.Single(await StoredAsync(App, Year));
        Assert.Equal(FrameworkStatus.Draft, stored.Status);
        Assert.Equal(TestFrameworks.Small(Year).TitleVi, Parse(stored.Json).TitleVi);
    }
}

public sealed class FrameworksApiTestsOnSqlite() : FrameworksApiTests(DatabaseKind.Sqlite);

public sealed class FrameworksApiTestsOnPostgres() : FrameworksApiTests(DatabaseKind.Postgres);
