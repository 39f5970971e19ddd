using System.Net;
using Microsoft.EntityFrameworkCore;
using ParIndex.Core.Frameworks;
using ParIndex.Frameworks;
using static ParIndex.Tests.Frameworks.FrameworksTestKit;

namespace ParIndex.Tests.Frameworks;

/// <summary>The administrator's framework pages: list and lifecycle actions, import, the tree, node editing; and who may use them.</summary>
public abstract class FrameworkPagesTests(DatabaseKind kind) : AppTest(kind)
{
    private const int Year = 2025;
    private const string Block = TestFrameworks.Block;
    private const string List = "/quan-tri/bo-tieu-chi";

    /// <summary>Razor encodes Vietnamese letters as character references; tests read the text a browser shows.</summary>
    private static async Task<string> TextAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    private static async Task<string> TextAsync(HttpClient client, string path) => WebUtility.HtmlDecode(await client.GetStringAsync(path));

    [Fact]
    public async Task AnonymousAndNonAdministratorUsersAreRefusedOnEveryPage()
    {
        var admin = await App.AdminAsync();
        var id = (await CreateDraftAsync(admin, TestFrameworks.Small(Year))).Id();
        string[] pages = [List, $"{List}/nhap", $"{List}/{id}", $"{List}/{id}/nut/1.1", $"{List}/{id}/them-nut", $"{List}?banHanh={id}"];
        (string Path, Dictionary<string, string> Fields)[] posts =
        [
            ($"{List}?handler=Publish", new() { ["id"] = $"{id}" }),
            ($"{List}?handler=Revise", new() { ["id"] = $"{id}", ["Reason"] = "x" }),
            ($"{List}?handler=Clone", new() { ["id"] = $"{id}", ["ToYear"] = "2026", ["ToBlockCode"] = Block }),
            ($"{List}/nhap", new() { ["Year"] = $"{Year}", ["BlockCode"] = Block }),
            ($"{List}/{id}?handler=Remove", new() { ["code"] = "1.2" }),
            ($"{List}/{id}/nut/1.1", new() { ["Form.Code"] = "1.1" }),
            ($"{List}/{id}/them-nut", new() { ["Form.Code"] = "1.3" }),
        ];
        var anonymous = App.Anonymous();
        var user = await NonAdminAsync(App);
        var userToken = await TestApp.AntiforgeryTokenAsync(user, "/");

        foreach (var page in pages)
        {
            AssertRedirectsTo(await anonymous.GetAsync(page), "/dang-nhap");
            AssertRedirectsTo(await user.GetAsync(page), "/tu-choi");
        }
        foreach (var (path, fields) in posts)
        {
            AssertRedirectsTo(await anonymous.PostAsync(path, new FormUrlEncodedContent(fields)), "/dang-nhap");
            var withToken = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = userToken };
            AssertRedirectsTo(await user.PostAsync(path, new FormUrlEncodedContent(withToken)), "/tu-choi");
        }
        var stored = Assert.Single(await StoredAsync(App, Year));
        Assert.Equal(FrameworkStatus.Draft, stored.Status);
        DeepEquality.AssertEqual(TestFrameworks.Small(Year), Parse(stored.Json));
    }

    [Fact]
    public async Task TheListShowsEachRevisionWithItsStatusAndActions()
    {
        var admin = await App.AdminAsync();
        var published = (await CreateDraftAsync(admin, TestFrameworks.Full(Year))).Id();
        await PublishAsync(admin, published);
        await AddBlockAsync(admin, Year + 1);
        var draft = (await CreateDraftAsync(admin, TestFrameworks.Small(Year + 1), addBlock: false)).Id();

        var html = await TextAsync(admin, List);

        Assert.Contains(">Đã ban hành<", html);
        Assert.Contains(">Nháp<", html);
        Assert.Contains($"href=\"/api/v1/frameworks/{published}/xlsx\"", html);
        Assert.Contains($"href=\"?banHanh={draft}#panel\"", html);
        Assert.Contains($"href=\"?dinhChinh={published}#panel\"", html);
        Assert.DoesNotContain($"href=\"?banHanh={published}#panel\"", html);
        Assert.Contains(">15,5<", html); // the full framework's maximum, with a decimal comma
        var english = await TextAsync(admin, List + "?lang=en-GB");
        Assert.Contains(">Published<", english);
        Assert.Contains(">15.5<", english);
    }

    [Fact]
    public async Task AnXlsxUploadedOnTheImportPageBecomesTheDraft()
    {
        var admin = await App.AdminAsync();
        await AddBlockAsync(admin, Year);
        var framework = TestFrameworks.Full(Year);

        var response = await UploadAsync(admin, Year, Block, Workbook(framework), "bo-tieu-chi.xlsx", XlsxContentType);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = Assert.Single(await StoredAsync(App, Year));
        DeepEquality.AssertEqual(framework, Parse(stored.Json));
        var detail = await TextAsync(admin, response.Headers.Location!.OriginalString);
        Assert.Contains("Đã nhập bản nháp từ tệp bo-tieu-chi.xlsx", detail);
        Assert.Contains("Tỷ lệ hồ sơ giải quyết đúng hạn", detail);
    }

    [Fact]
    public async Task AJsonUploadOnTheImportPageBecomesTheDraftWhateverItsContentType()
    {
        var admin = await App.AdminAsync();
        await AddBlockAsync(admin, Year);
        var framework = TestFrameworks.Small(Year);

        var response = await UploadAsync(admin, Year, Block, System.Text.Encoding.UTF8.GetBytes(FrameworkJson.Serialize(framework)), "khung.txt", "application/octet-stream");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        DeepEquality.AssertEqual(framework, Parse(Assert.Single(await StoredAsync(App, Year)).Json));
    }

    [Fact]
    public async Task BadFilesOnTheImportPageListEveryProblemAndStoreNothing()
    {
        var admin = await App.AdminAsync();
        await AddBlockAsync(admin, Year);

        var badNumber = await UploadAsync(admin, Year, Block, FrameworksApiTests.BadMaxWorkbook(), "sai.xlsx", XlsxContentType);
        var badJson = await UploadAsync(admin, Year, Block, "{\n  \"year\": 2025,\n  \"nodes\": [}\n"u8.ToArray(), "sai.json", "application/json");
        var notXlsx = await UploadAsync(admin, Year, Block, "Mã;Tên\n1;A"u8.ToArray(), "sai.xlsx", XlsxContentType);
        var framework = TestFrameworks.Full(Year);
        var invalid = framework with { Nodes = [framework.Nodes[0] with { MaxPoints = 9 }, .. framework.Nodes.Skip(1)] };
        var semantic = await UploadAsync(admin, Year, Block, Workbook(invalid), "sai.xlsx", XlsxContentType);
        var otherYear = await UploadAsync(admin, Year, Block, Workbook(TestFrameworks.Full(Year - 1)), "nam-truoc.xlsx", XlsxContentType);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, badNumber.StatusCode);
        Assert.Contains("Trang «Tiêu chí», dòng 3, cột F (Điểm tối đa): điểm tối đa «ba điểm» không phải là số", await TextAsync(badNumber));
        Assert.Contains("Dòng 3, cột", await TextAsync(badJson));
        Assert.Contains("Nội dung tệp không phải là XLSX", await TextAsync(notXlsx));
        Assert.Contains("vượt điểm tối đa (9)", await TextAsync(semantic));
        Assert.Contains("Tệp là bộ tiêu chí năm 2024", await TextAsync(otherYear));
        Assert.Equal(0, await CountAsync(App));
    }

    [Fact]
    public async Task AnExistingDraftIsReplacedOnlyWhenAsked()
    {
        var admin = await App.AdminAsync();
        await CreateDraftAsync(admin, TestFrameworks.Small(Year));
        var replacement = TestFrameworks.Full(Year);

        var refused = await UploadAsync(admin, Year, Block, Workbook(replacement), "moi.xlsx", XlsxContentType);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("Thay thế bản nháp hiện có", await TextAsync(refused));
        DeepEquality.AssertEqual(TestFrameworks.Small(Year), Parse(Assert.Single(await StoredAsync(App, Year)).Json));

        var replaced = await UploadAsync(admin, Year, Block, Workbook(replacement), "moi.xlsx", XlsxContentType, replace: true);
        Assert.Equal(HttpStatusCode.Redirect, replaced.StatusCode);
        DeepEquality.AssertEqual(replacement, Parse(Assert.Single(await StoredAsync(App, Year)).Json));
    }

    [Fact]
    public async Task TheDetailPageShowsTheTreeClassesRulesAndCrosswalk()
    {
        var admin = await App.AdminAsync();
        var id = (await CreateDraftAsync(admin, TestFrameworks.Full(Year))).Id();

        var html = await TextAsync(admin, $"{List}/{id}");

        Assert.Contains("<tr id=\"n-1.1.2\"", html);
        Assert.Contains("tree-indent-3", html);
        Assert.Contains("Chỉ số dữ liệu dossiers.late_rate, theo khung điểm", html);
        Assert.Contains("Bỏ khỏi điểm tối đa", html);
        Assert.Contains("Xuất sắc", html);
        Assert.Contains("Năm trước xếp loại Khá trở xuống", html);
        Assert.Contains("Thuộc 1/3 số đơn vị có điểm cao nhất của khối", html);
        Assert.Contains("previous.class <= kha", html);
        Assert.Contains($"href=\"{List}/{id}/nut/1.2\"", html);
        Assert.Contains($"href=\"{List}/{id}/them-nut?cha=1.1\"", html);
    }

    [Fact]
    public async Task EditingANodeSavesItAndSumsUpItsParents()
    {
        var admin = await App.AdminAsync();
        var framework = TestFrameworks.Full(Year);
        var id = (await CreateDraftAsync(admin, framework)).Id();
        var path = $"{List}/{id}/nut/1.1.3";
        Assert.Contains("Tỷ lệ thủ tục được rà soát", await TextAsync(admin, path));
        var form = NodeForm(framework.FindNode("1.1.3")!, "1.1", await StampAsync(App, id));
        form["Form.Title"] = "Tỷ lệ thủ tục được rà soát (sửa)";
        form["Form.Max"] = "2,5";
        form["Form.Brackets"] = "";
        form["Form.Mode"] = "brackets";
        form["Form.Brackets"] = "[90;):2,5\r\n[;90):1";

        var response = await PostFormAsync(admin, path, form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await DefinitionAsync(App, id);
        var node = saved.FindNode("1.1.3")!;
        Assert.Equal("Tỷ lệ thủ tục được rà soát (sửa)", node.TitleVi);
        Assert.Equal(2.5m, node.MaxPoints);
        Assert.Equal([(90m, (decimal?)null, 2.5m), (null, 90m, 1m)], Assert.IsType<RatioMethod>(node.Method).Rule.Brackets.Select(b => (b.From, b.To, b.Points)));
        Assert.Equal(7m, saved.FindNode("1.1")!.MaxPoints);
        Assert.Equal(11m, saved.FindNode("1")!.MaxPoints);
        Assert.Contains("1.1: 6 → 7", await TextAsync(admin, response.Headers.Location!.OriginalString));
        Assert.Contains(await App.WithDbAsync(db => db.AuditEntries.Select(a => a.Action).ToListAsync()), a => a == "framework.draft-saved");
    }

    [Fact]
    public async Task RenamingAndMovingANodeKeepsItsChildrenAndCrosswalk()
    {
        var admin = await App.AdminAsync();
        var framework = TestFrameworks.Full(Year);
        var id = (await CreateDraftAsync(admin, framework)).Id();
        var form = NodeForm(framework.FindNode("1.4")!, "1", await StampAsync(App, id));
        form["Form.Code"] = "2.3";
        form["Form.Parent"] = "2";
        form["Form.Position"] = "1";

        var response = await PostFormAsync(admin, $"{List}/{id}/nut/1.4", form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await DefinitionAsync(App, id);
        Assert.Equal(["2.3", "2.1", "2.2"], saved.FindNode("2")!.Children.Select(c => c.Code));
        Assert.Equal("1.3", saved.Crosswalk["2.3"]);
        Assert.Equal(9m, saved.FindNode("1")!.MaxPoints);
        Assert.Equal(6.5m, saved.FindNode("2")!.MaxPoints);
        Assert.Empty(FrameworkValidator.Validate(saved));
    }

    [Fact]
    public async Task InvalidNodeInputIsShownBesideTheFormAndNothingIsSaved()
    {
        var admin = await App.AdminAsync();
        var framework = TestFrameworks.Full(Year);
        var id = (await CreateDraftAsync(admin, framework)).Id();
        var path = $"{List}/{id}/nut/1.4";
        var form = NodeForm(framework.FindNode("1.4")!, "1", await StampAsync(App, id));

        form["Form.Max"] = "một";
        var unreadable = await PostFormAsync(admin, path, form);
        form["Form.Max"] = "1";
        form["Form.Step"] = "0,3";
        var invalid = await PostFormAsync(admin, path, form);
        form["Form.Step"] = "";
        form["Form.Levels"] = "A=Đạt:1";
        var foreignField = await PostFormAsync(admin, path, form);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, unreadable.StatusCode);
        var html = await TextAsync(unreadable);
        Assert.Contains("id=\"err-Max\"", html);
        Assert.Contains("điểm tối đa «một» không phải là số", html);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, invalid.StatusCode);
        Assert.Contains("không phải là bội số của bước điểm (0,3)", await TextAsync(invalid));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, foreignField.StatusCode);
        Assert.Contains("id=\"err-Levels\"", await TextAsync(foreignField));
        DeepEquality.AssertEqual(framework, await DefinitionAsync(App, id));
    }

    [Fact]
    public async Task AStaleFormShowsThatSomeoneElseChangedTheDraftAndOverwritesNothing()
    {
        var admin = await App.AdminAsync();
        var framework = TestFrameworks.Full(Year);
        var id = (await CreateDraftAsync(admin, framework)).Id();
        var form = NodeForm(framework.FindNode("1.2")!, "1", await StampAsync(App, id));
        var theirs = framework with { TitleVi = "Sửa bởi người khác" };
        await OkJsonAsync(await PutDraftAsync(admin, theirs, await StampAsync(App, id)));
        form["Form.Title"] = "Sửa bởi tôi";

        var response = await PostFormAsync(admin, $"{List}/{id}/nut/1.2", form);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("Bản nháp đã được người khác sửa sau khi bạn mở trang này", await TextAsync(response));
        DeepEquality.AssertEqual(theirs, await DefinitionAsync(App, id));
    }

    [Fact]
    public async Task AddingAChildAndRemovingANodeKeepTheDraftValid()
    {
        var admin = await App.AdminAsync();
        var framework = TestFrameworks.Full(Year);
        var id = (await CreateDraftAsync(admin, framework)).Id();
        Assert.Contains("value=\"2.3\"", await TextAsync(admin, $"{List}/{id}/them-nut?cha=2"));
        var added = await PostFormAsync(admin, $"{List}/{id}/them-nut", new Dictionary<string, string>
        {
            ["Form.Stamp"] = $"{await StampAsync(App, id)}", ["Form.Code"] = "2.3", ["Form.Parent"] = "2", ["Form.Kind"] = "leaf",
            ["Form.Title"] = "Tỷ lệ hồ sơ trực tuyến", ["Form.Max"] = "1,5", ["Form.Method"] = "metric", ["Form.Metric"] = MetricNames.DossiersOnlineShare,
            ["Form.Mode"] = "threshold", ["Form.Threshold"] = "80", ["Form.NotApplicable"] = "notAllowed", ["Form.Evidence"] = "true", ["Form.SumUp"] = "true",
        }, $"{List}/{id}/them-nut");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var withChild = await DefinitionAsync(App, id);
        Assert.Equal(7m, withChild.FindNode("2")!.MaxPoints);
        Assert.True(withChild.FindNode("2.3")!.EvidenceRequired);

        Assert.Contains("Xóa 1.1?", await TextAsync(admin, $"{List}/{id}?xoa=1.1"));
        var removed = await PostFormAsync(admin, $"{List}/{id}?handler=Remove",
            new Dictionary<string, string> { ["code"] = "1.1", ["Stamp"] = $"{await StampAsync(App, id)}", ["SumUp"] = "true" }, $"{List}/{id}");

        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        var saved = await DefinitionAsync(App, id);
        Assert.Null(saved.FindNode("1.1.1"));
        Assert.Equal(4m, saved.FindNode("1")!.MaxPoints);
        Assert.Empty(FrameworkValidator.Validate(saved));
    }

    [Fact]
    public async Task PublishingFromThePageNeedsTheConfirmationAndThenLocksTheDraft()
    {
        var admin = await App.AdminAsync();
        var id = (await CreateDraftAsync(admin, TestFrameworks.Small(Year))).Id();
        var confirm = await TextAsync(admin, $"{List}?banHanh={id}");
        Assert.Contains("Xác nhận ban hành", confirm);

        var stale = await PostFormAsync(admin, $"{List}?handler=Publish", new Dictionary<string, string> { ["id"] = $"{id}", ["Stamp"] = $"{Guid.NewGuid()}" });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(FrameworkStatus.Draft, Assert.Single(await StoredAsync(App, Year)).Status);

        var published = await PostFormAsync(admin, $"{List}?handler=Publish", new Dictionary<string, string> { ["id"] = $"{id}", ["Stamp"] = $"{await StampAsync(App, id)}" });
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.Equal(FrameworkStatus.Published, Assert.Single(await StoredAsync(App, Year)).Status);

        var edit = await admin.GetAsync($"{List}/{id}/nut/1.1");
        Assert.Equal(HttpStatusCode.Conflict, edit.StatusCode);
        Assert.Contains("đã ban hành", await TextAsync(edit));
        var post = await PostFormAsync(admin, $"{List}/{id}/nut/1.1", NodeForm(TestFrameworks.Small(Year).FindNode("1.1")! with { TitleVi = "Sửa" }, "1", await StampAsync(App, id)), $"{List}/{id}");
        Assert.Equal(HttpStatusCode.Conflict, post.StatusCode);
        DeepEquality.AssertEqual(TestFrameworks.Small(Year), Parse(Assert.Single(await StoredAsync(App, Year)).Json));
    }

    [Fact]
    public async Task ACorrectionFromThePageNeedsAReason()
    {
        var admin = await App.AdminAsync();
        var id = (await CreateDraftAsync(admin, TestFrameworks.Small(Year))).Id();
        await PublishAsync(admin, id);

        var noReason = await PostFormAsync(admin, $"{List}?handler=Revise", new Dictionary<string, string> { ["id"] = $"{id}", ["Reason"] = "" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noReason.StatusCode);
        Assert.Contains("Phải nêu lý do đính chính.", await TextAsync(noReason));
        Assert.Single(await StoredAsync(App, Year));

        var revised = await PostFormAsync(admin, $"{List}?handler=Revise", new Dictionary<string, string> { ["id"] = $"{id}", ["Reason"] = "Sai điểm tối đa" });
        Assert.Equal(HttpStatusCode.Redirect, revised.StatusCode);
        Assert.Equal([FrameworkStatus.Published, FrameworkStatus.Draft], (await StoredAsync(App, Year)).Select(s => s.Status));
        var audit = await App.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.Action == "framework.revision-started"));
        Assert.Equal("Sai điểm tối đa", audit.Reason);
        Assert.Contains("Sai điểm tối đa", await TextAsync(admin, revised.Headers.Location!.OriginalString));
    }

    [Fact]
    public async Task CloningFromThePageAppliesTheCodeMapLines()
    {
        var admin = await App.AdminAsync();
        var id = (await CreateDraftAsync(admin, TestFrameworks.Full(Year))).Id();
        await PublishAsync(admin, id);
        await AddBlockAsync(admin, Year + 1);

        var badLine = await PostFormAsync(admin, $"{List}?handler=Clone", new Dictionary<string, string>
            { ["id"] = $"{id}", ["ToYear"] = $"{Year + 1}", ["ToBlockCode"] = Block, ["CodeMap"] = "1.2 1.6" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badLine.StatusCode);
        Assert.Contains("Bảng đổi mã, dòng 1", await TextAsync(badLine));

        var cloned = await PostFormAsync(admin, $"{List}?handler=Clone", new Dictionary<string, string>
            { ["id"] = $"{id}", ["ToYear"] = $"{Year + 1}", ["ToBlockCode"] = Block, ["CodeMap"] = "1.2=1.6\r\n\r\n2 => 3\r\n" });

        Assert.Equal(HttpStatusCode.Redirect, cloned.StatusCode);
        var draft = Parse(Assert.Single(await StoredAsync(App, Year + 1)).Json);
        Assert.Equal(new Dictionary<string, string> { ["1.6"] = "1.2", ["3"] = "2" }, draft.Crosswalk);
    }
}

public sealed class FrameworkPagesTestsOnSqlite() : FrameworkPagesTests(DatabaseKind.Sqlite);

public sealed class FrameworkPagesTestsOnPostgres() : FrameworkPagesTests(DatabaseKind.Postgres);
