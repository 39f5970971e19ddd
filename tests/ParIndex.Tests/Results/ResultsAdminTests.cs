using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParIndex.Results;
using ParIndex.Units;
using static ParIndex.Tests.Results.ResultsTestKit;

namespace ParIndex.Tests.Results;

/// <summary>The administrator's results pages: compute, publish and withdraw; import past years; enter final inputs. All audited, all behind antiforgery.</summary>
public abstract class ResultsAdminTests(DatabaseKind kind) : AppTest(kind)
{
    private const string AdminPage = "/quan-tri/ket-qua";
    private const string ImportPage = "/quan-tri/ket-qua/nhap";
    private const string ScorePage = "/quan-tri/diem/2025/SNV";

    private static KeyValuePair<string, string>[] Block(int year, string block = SmallCity.Block) => [new("year", year.ToString()), new("block", block)];

    [Fact]
    public async Task AdministratorPublishesAndWithdrawsThroughThePageWithAuditEntries()
    {
        await SmallCity.BuildAsync(App, publish: false);
        var admin = await App.AdminAsync();
        var anonymous = App.Anonymous();

        var (_, before) = await PageAsync(admin, AdminPage);
        var row = Between(before, "<tr data-block=\"SBN\" data-published=\"false\"", "</tr>");
        Assert.Contains("Đã ban hành (lần 1)", row);
        Assert.Contains("href=\"/ket-qua/2025/SBN\"", row);
        Assert.Contains("Xem trước", row);

        var publish = await PostFormAsync(admin, $"{AdminPage}?handler=Publish", Block(2025), AdminPage);
        Assert.Equal(HttpStatusCode.Redirect, publish.StatusCode);
        var (_, after) = await PageAsync(admin, AdminPage);
        Assert.Contains("Đã công bố kết quả khối SBN năm 2025", Between(after, "id=\"admin-message\"", "</div>"));
        Assert.True(await IsPublishedAsync(App, 2025));
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(BlockPage2025)).StatusCode);

        var withdraw = await PostFormAsync(admin, $"{AdminPage}?handler=Withdraw", Block(2025), AdminPage);
        Assert.Equal(HttpStatusCode.Redirect, withdraw.StatusCode);
        Assert.False(await IsPublishedAsync(App, 2025));
        // The public page was cached while published; withdrawing evicts it.
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(BlockPage2025)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"{Api2025}/export?format=csv")).StatusCode);

        var audit = (await AuditAsync(App, "results.published")).Concat(await AuditAsync(App, "results.unpublished")).Where(a => a.Key == "2025/SBN").ToList();
        Assert.Equal(["results.published", "results.unpublished"], audit.Select(a => a.Action));
        Assert.All(audit, a => Assert.Equal(TestApp.AdminEmail, a.Actor));
    }

    [Fact]
    public async Task FormsWithoutTheAntiforgeryTokenAreRefusedAndChangeNothing()
    {
        await SmallCity.BuildAsync(App, publish: false);
        var admin = await App.AdminAsync();

        var publish = await admin.PostAsync($"{AdminPage}?handler=Publish", new FormUrlEncodedContent(Block(2025)));
        var compute = await admin.PostAsync($"{AdminPage}?handler=ComputeYear", new FormUrlEncodedContent([new("year", "2025")]));
        var score = await admin.PostAsync(ScorePage, new FormUrlEncodedContent([new("Node", "1.1"), new("Points", "1")]));

        Assert.Equal(HttpStatusCode.BadRequest, publish.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, compute.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, score.StatusCode);
        Assert.False(await IsPublishedAsync(App, 2025));
        Assert.Equal(3.5m, await PointsAsync("SNV", 2025, "1.1"));
        Assert.Empty(await AuditAsync(App, "results.published"));
    }

    [Fact]
    public async Task AdminPagesAreClosedToTheAnonymous()
    {
        await SmallCity.BuildAsync(App, publish: false);
        var anonymous = App.Anonymous();

        foreach (var path in new[] { AdminPage, ImportPage, ScorePage })
        {
            var response = await anonymous.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/dang-nhap", response.Headers.Location?.ToString());
        }
        var post = await anonymous.PostAsync($"{AdminPage}?handler=Publish", new FormUrlEncodedContent(Block(2025)));
        Assert.NotEqual(HttpStatusCode.OK, post.StatusCode);
        Assert.False(await IsPublishedAsync(App, 2025));
    }

    [Fact]
    public async Task ComputingABlockThroughThePageChangesThePublicPageOnlyOnceTheCorrectionIsPublished()
    {
        await SmallCity.BuildAsync(App, publish: true);
        var admin = await App.AdminAsync();
        var anonymous = App.Anonymous();
        var (_, cached) = await PageAsync(anonymous, BlockPage2025);
        Assert.Equal("92,77", RowCells(cached, "SNV")[2]);

        // 1.1 of Sở Nội vụ from 3.5 to 0 points: 15.0537 of 20 = 75.27 %.
        var saved = await PostFormAsync(admin, ScorePage, [new("Node", "1.1"), new("Points", "0")]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var (_, stale) = await PageAsync(anonymous, BlockPage2025);
        Assert.Equal("92,77", RowCells(stale, "SNV")[2]);
        var compute = await PostFormAsync(admin, $"{AdminPage}?handler=ComputeBlock", Block(2025), AdminPage);
        Assert.Equal(HttpStatusCode.Redirect, compute.StatusCode);

        // Recomputed, not published: the public page still shows the published snapshot.
        var (_, unpublished) = await PageAsync(anonymous, BlockPage2025);
        Assert.Equal("92,77", RowCells(unpublished, "SNV")[2]);
        await PublishCorrectionAsync(admin);

        var (_, fresh) = await PageAsync(anonymous, BlockPage2025);
        Assert.Equal("75,27", RowCells(fresh, "SNV")[2]);
        Assert.Equal(["STP", "SCT", "SNV", "STC2"], TableOrder(fresh));
        var (_, message) = await PageAsync(admin, AdminPage);
        Assert.Contains("Đã tính kết quả khối SBN năm 2025", message);
        Assert.Contains(await AuditAsync(App, "results.computed"), a => a.Key == "2025/SBN" && a.Actor == TestApp.AdminEmail);
    }

    [Fact]
    public async Task ComputingAWholeYearThroughThePageReportsEachBlock()
    {
        await SmallCity.BuildAsync(App, publish: false);
        var admin = await App.AdminAsync();

        var response = await PostFormAsync(admin, $"{AdminPage}?handler=ComputeYear", [new("year", "2024")], AdminPage);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (_, page) = await PageAsync(admin, AdminPage);
        Assert.Contains("Đã tính kết quả năm 2024: SBN (5 đơn vị, bình quân", Between(page, "id=\"admin-message\"", "</div>"));
    }

    [Fact]
    public async Task PublishingOrComputingABlockWithNothingToWorkOnShowsTheRefusal()
    {
        await SmallCity.BuildAsync(App, publish: false);
        await App.WithScopeAsync(async services =>
        {
            var blocks = services.GetRequiredService<BlockService>();
            Assert.True((await blocks.SaveAsync(2026, new BlockInput("SBN", "Khối sở, ban, ngành", null), "test")).Succeeded);
            return 0;
        });
        var admin = await App.AdminAsync();

        var publish = await PostFormAsync(admin, $"{AdminPage}?handler=Publish", Block(2026), AdminPage);
        var publishPage = WebUtility.HtmlDecode(await publish.Content.ReadAsStringAsync());
        var compute = await PostFormAsync(admin, $"{AdminPage}?handler=ComputeBlock", Block(2026), AdminPage);
        var computePage = WebUtility.HtmlDecode(await compute.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, publish.StatusCode);
        Assert.Contains("Khối SBN năm 2026 chưa có kết quả tính toán để công bố", Between(publishPage, "id=\"admin-problems\"", "</div>"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, compute.StatusCode);
        Assert.Contains("chưa có bộ tiêu chí đã ban hành", Between(computePage, "id=\"admin-problems\"", "</div>"));
        Assert.False(await IsPublishedAsync(App, 2026));
        Assert.Contains("Chưa có bộ tiêu chí", Between(computePage, "id=\"admin-results-2026\"", "</table>"));
    }

    [Fact]
    public async Task HistoricalImportStoresEveryRowAndIsSafeToRepeat()
    {
        await SmallCity.BuildAsync(App, publish: false);
        var admin = await App.AdminAsync();
        var before = await ScoreCountAsync(App);
        var file = Csv(
            "nam,ma_don_vi,ma_tieu_chi,diem,muc,tu_so,mau_so,gia_tri",
            "2024,STP,1.1,\"3,5\",,,,",
            "2024,STP,1.2,,B,,,",
            "2024,STP,1.3,,,8,10,",
            "2024,STP,2.1,,,,,90",
            "2024,STP,T,1,,,,");

        var response = await UploadAsync(admin, ImportPage, file, "ket-qua-2024.csv", "text/csv");
        var again = await UploadAsync(admin, ImportPage, file, "ket-qua-2024.csv", "text/csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        var summary = Between(html, "id=\"import-summary\"", "</div>");
        Assert.Contains("<span class=\"rows-read\">5</span>", summary);
        Assert.Contains("<span class=\"created\">1</span>", summary);
        Assert.Contains("<span class=\"updated\">4</span>", summary);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(before + 1, await ScoreCountAsync(App));
        Assert.Equal(3.5m, await PointsAsync("STP", 2024, "1.1"));
        Assert.Equal(1m, await PointsAsync("STP", 2024, "T"));
        var level = await App.WithDbAsync(db => db.LeafScores.Where(s => s.Year == 2024 && s.Unit!.Code == "STP" && s.NodeCode == "1.2").Select(s => s.Level).SingleAsync());
        Assert.Equal("B", level);
        var audited = (await AuditAsync(App, "score.final-set")).Where(a => a.Actor == TestApp.AdminEmail).Select(a => a.Key).ToList();
        // Five changes audited once each: the repeated import changed nothing.
        Assert.Equal(["2024/STP/1.1", "2024/STP/1.2", "2024/STP/1.3", "2024/STP/2.1", "2024/STP/T"], audited.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task HistoricalImportWithBadRowsListsEveryProblemAndStoresNothing()
    {
        await SmallCity.BuildAsync(App, publish: false);
        var admin = await App.AdminAsync();
        var before = await ScoreCountAsync(App);
        var file = Csv(
            "year,unit,node,points",
            "2024,KHONG-CO,1.1,2",
            "2024,STP,9.9,1",
            "2024,STP,1.1,9",
            "2024,SNV,1.1,2",
            "2024,SNV,1.1,2.5");

        var response = await UploadAsync(admin, ImportPage, file, "bad.csv", "text/csv");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Chưa có dữ liệu nào được lưu", Between(html, "id=\"import-failed\"", "</div>"));
        var problems = Between(html, "id=\"import-problems\"", "</table>");
        var rows = System.Text.RegularExpressions.Regex.Matches(problems, "<tr>\\s*<td class=\"num\">(\\d+)</td>").Select(m => int.Parse(m.Groups[1].Value)).ToList();
        Assert.Equal([2, 3, 4, 6], rows.Distinct());
        Assert.Contains("KHONG-CO", problems);
        Assert.Contains("9.9", problems);
        Assert.Contains("phải từ 0 đến 4", problems);
        Assert.Contains("lặp lại", problems);
        Assert.Equal(before, await ScoreCountAsync(App));
        Assert.Equal(3.5m, await PointsAsync("SNV", 2024, "1.1"));
        Assert.DoesNotContain(await AuditAsync(App, "score.final-set"), a => a.Actor == TestApp.AdminEmail);
    }

    [Fact]
    public async Task ImportRefusesAFileWhoseContentIsNotItsFormatAndOffersATemplate()
    {
        await SmallCity.BuildAsync(App, publish: false);
        var admin = await App.AdminAsync();

        var response = await UploadAsync(admin, ImportPage, Csv("nam,ma_don_vi"), "ket-qua.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        var template = await admin.GetAsync($"{ImportPage}?handler=template");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("không phải Xlsx", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.OK, template.StatusCode);
        Assert.Equal("text/csv", template.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("nam,ma_don_vi,ma_tieu_chi,diem", (await template.Content.ReadAsStringAsync()).TrimStart('\uFEFF'));
    }

    [Fact]
    public async Task ScoreEntryShowsAFormPerScoredNodeWithTheCurrentInput()
    {
        await SmallCity.BuildAsync(App, publish: false);
        var admin = await App.AdminAsync();

        var (status, html) = await PageAsync(admin, ScorePage);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(6, System.Text.RegularExpressions.Regex.Matches(html, "<form method=\"post\" class=\"score-form\"").Count);
        Assert.Contains("name=\"Points\" value=\"3,5\"", Between(html, "id=\"node-1.1\"", "</form>"));
        Assert.Contains("<option value=\"A\" selected>", Between(html, "id=\"node-1.2\"", "</form>"));
        var ratio = Between(html, "id=\"node-1.3\"", "</form>");
        Assert.Contains("name=\"Numerator\" value=\"9\"", ratio);
        Assert.Contains("name=\"Denominator\" value=\"10\"", ratio);
        Assert.Contains("name=\"NotApplicable\"", ratio);
        Assert.Contains("name=\"Value\" value=\"93\"", Between(html, "id=\"node-2.1\"", "</form>"));
        Assert.Contains("chưa có dữ liệu", Between(html, "id=\"node-T\"", "</form>"));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/quan-tri/diem/2025/SKHDT")).StatusCode);
    }

    [Fact]
    public async Task ScoreAboveTheMaximumIsRefusedBesideTheNodeAndKeepsWhatWasTyped()
    {
        await SmallCity.BuildAsync(App, publish: false);
        var admin = await App.AdminAsync();

        var response = await PostFormAsync(admin, ScorePage, [new("Node", "1.1"), new("Points", "5"), new("Source", "Biên bản thẩm định")]);
        var level = await PostFormAsync(admin, ScorePage, [new("Node", "1.2"), new("Level", "Z")]);
        var ratio = await PostFormAsync(admin, ScorePage, [new("Node", "1.3"), new("Numerator", "12"), new("Denominator", "10")]);
        var notANumber = await PostFormAsync(admin, ScorePage, [new("Node", "2.1"), new("Value", "chín mươi")]);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        var node = Between(html, "id=\"node-1.1\"", "</form>");
        Assert.Contains("Điểm 5 của tiêu chí 1.1 phải từ 0 đến 4", Between(node, "class=\"field-error\" id=\"points-error\"", "</div>"));
        Assert.Contains("name=\"Points\" value=\"5\"", node);
        Assert.Contains("aria-invalid=\"true\"", node);
        Assert.Contains("value=\"Biên bản thẩm định\"", node);
        Assert.Contains("Chưa lưu tiêu chí 1.1", Between(html, "id=\"score-problems\"", "</div>"));
        // Other nodes keep their stored values and show no error.
        Assert.DoesNotContain("field-error", Between(html, "id=\"node-1.2\"", "</form>"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, level.StatusCode);
        Assert.Contains("Mức 'Z' không có trong tiêu chí 1.2", WebUtility.HtmlDecode(await level.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, ratio.StatusCode);
        Assert.Contains("lớn hơn mẫu số", WebUtility.HtmlDecode(await ratio.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, notANumber.StatusCode);
        Assert.Contains("'chín mươi' không phải là số", WebUtility.HtmlDecode(await notANumber.Content.ReadAsStringAsync()));

        Assert.Equal(3.5m, await PointsAsync("SNV", 2025, "1.1"));
        Assert.DoesNotContain(await AuditAsync(App, "score.final-set"), a => a.Actor == TestApp.AdminEmail);
    }

    [Fact]
    public async Task SavedScoreIsAuditedAndTheAdministratorIsToldToRecompute()
    {
        await SmallCity.BuildAsync(App, publish: false);
        var admin = await App.AdminAsync();

        var response = await PostFormAsync(admin, ScorePage, [new("Node", "1.1"), new("Points", "3,75")]);
        var notApplicable = await PostFormAsync(admin, ScorePage, [new("Node", "1.3"), new("NotApplicable", "true")]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.EndsWith("#node-1.1", response.Headers.Location?.ToString());
        Assert.Equal(HttpStatusCode.Redirect, notApplicable.StatusCode);
        Assert.Equal(3.75m, await PointsAsync("SNV", 2025, "1.1"));
        var kind = await App.WithDbAsync(db => db.LeafScores.Where(s => s.Year == 2025 && s.Unit!.Code == "SNV" && s.NodeCode == "1.3").Select(s => s.Kind).SingleAsync());
        Assert.Equal(ParIndex.Core.Scoring.InputKind.NotApplicable, kind);
        var (_, page) = await PageAsync(admin, ScorePage);
        Assert.Contains("tính lại", Between(page, "id=\"score-message\"", "</div>"));
        var audit = (await AuditAsync(App, "score.final-set")).Where(a => a.Actor == TestApp.AdminEmail).ToList();
        Assert.Equal(["2025/SNV/1.1", "2025/SNV/1.3"], audit.Select(a => a.Key));
        Assert.Contains("3", audit[0].Old);
        Assert.Contains("75", audit[0].New);
        Assert.Equal("not-applicable", audit[1].New);
    }

    private Task<decimal?> PointsAsync(string unit, int year, string node) =>
        App.WithDbAsync(db => db.LeafScores.Where(s => s.Year == year && s.Unit!.Code == unit && s.NodeCode == node && s.Stage == ScoreStage.Final)
            .Select(s => s.Points).SingleAsync());
}

public sealed class ResultsAdminTestsOnSqlite() : ResultsAdminTests(DatabaseKind.Sqlite);

public sealed class ResultsAdminTestsOnPostgres() : ResultsAdminTests(DatabaseKind.Postgres);
