using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using static ParIndex.Tests.Publication.PublicationTestKit;
using static ParIndex.Tests.Results.ResultsTestKit;

namespace ParIndex.Tests.Publication;

/// <summary>
/// Publication snapshots: the public sees only published versions, frozen when published; recomputing or renaming
/// afterwards changes nothing public until a correction is published as a new version with a public log entry.
/// </summary>
public abstract class PublicationTests(DatabaseKind kind) : AppTest(kind)
{
    [Fact]
    public async Task UnpublishedResultsAreNeverVisibleAnonymouslyEvenAfterRecomputing()
    {
        await SmallCity.BuildAsync(App, publish: false);
        var admin = await App.AdminAsync();
        await RescoreAndRecomputeAsync(admin);
        var anonymous = App.Anonymous();
        string[] paths =
        [
            BlockPage2025, UnitPage2025, Api2025, $"{Api2025}/SNV", $"{Api2025}/SNV/explain/1.1",
            $"{Api2025}/export?format=csv", $"{Api2025}/export?format=xlsx", $"{Api2025}/export?format=json",
            Publication2025, $"{Publications2025}/1",
        ];

        foreach (var path in paths)
        {
            var response = await anonymous.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path}: {(int)response.StatusCode}");
            Assert.DoesNotContain("Sở Nội vụ", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        }
        Assert.Empty((await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/results")).EnumerateArray());
        Assert.Empty((await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/corrections")).EnumerateArray());
        Assert.Empty(await SnapshotsAsync(App));
        // The administrator previews the live results, flagged as not published.
        var (status, preview) = await PageAsync(admin, BlockPage2025);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("CHƯA CÔNG BỐ", Between(preview, "id=\"unpublished-banner\"", "</div>"));
        Assert.Equal("75,27", RowCells(preview, "SNV")[2]);
    }

    [Fact]
    public async Task PublishedSnapshotStaysAsItWasWhenResultsAreRecomputed()
    {
        await SmallCity.BuildAsync(App, publish: false);
        var admin = await App.AdminAsync();
        var published = await PublishAsync(admin);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        var before = await SnapshotsAsync(App);
        var detailsBefore = await UnitDetailsAsync(App, 1);
        var (_, pageBefore) = await PageAsync(App.Anonymous(), BlockPage2025);
        Assert.Equal("92,77", RowCells(pageBefore, "SNV")[2]);

        await RescoreAndRecomputeAsync(admin);

        // The stored version is byte for byte what it was, and no version was added.
        Assert.Equal(before, await SnapshotsAsync(App));
        Assert.Equal(detailsBefore, await UnitDetailsAsync(App, 1));
        // Every public read still shows version 1: the page (evicted from the cache by the computation), the API, the unit's detail, the exports.
        var (_, page) = await PageAsync(App.Anonymous(), BlockPage2025);
        Assert.Equal("92,77", RowCells(page, "SNV")[2]);
        Assert.Equal(["STP", "SNV", "SCT", "STC2"], TableOrder(page));
        Assert.Equal(92.77m, Math.Round((await PublicRowAsync(App)).GetProperty("index").GetDecimal(), 2));
        var detail = await App.Anonymous().GetFromJsonAsync<JsonElement>($"{Api2025}/SNV/explain/1.1");
        Assert.Equal(3.5m, detail.GetProperty("score").GetProperty("points").GetDecimal());
        var (_, unitPage) = await PageAsync(App.Anonymous(), UnitPage2025);
        Assert.Matches(@"id=""unit-index"">92,77 %", unitPage);
        Assert.Contains("92.77", await App.Anonymous().GetStringAsync($"{Api2025}/export?format=csv"));
        // The administrator sees the recomputed results, with a banner saying the public still sees version 1.
        var (_, live) = await PageAsync(admin, BlockPage2025);
        Assert.Equal("75,27", RowCells(live, "SNV")[2]);
        var banner = Between(live, "id=\"unpublished-banner\"", "</div>");
        Assert.Contains("CHƯA CÔNG BỐ", banner);
        Assert.Contains("phiên bản 1", banner);
    }

    [Fact]
    public async Task RenamingAUnitAfterPublicationLeavesThePublishedNameAlone()
    {
        await SmallCity.BuildAsync(App, publish: true);

        await RenameAsync(App, "SNV", "Sở Nội vụ thành phố");
        var admin = await App.AdminAsync();
        await admin.PostAsync("/api/v1/years/2025/blocks/SBN/compute", null);

        var (_, page) = await PageAsync(App.Anonymous(), BlockPage2025);
        Assert.Equal("Sở Nội vụ", RowCells(page, "SNV")[1]);
        Assert.Equal("Sở Nội vụ", (await PublicRowAsync(App)).GetProperty("unitNameVi").GetString());
        var (_, unitPage) = await PageAsync(App.Anonymous(), UnitPage2025);
        Assert.Contains("<h1>Sở Nội vụ</h1>", unitPage);
    }

    [Fact]
    public async Task CorrectionCreatesVersionTwoWithAPublicLogEntryAndThePublicSeesIt()
    {
        await SmallCity.BuildAsync(App, publish: false);
        var admin = await App.AdminAsync();
        Assert.Equal(HttpStatusCode.OK, (await PublishAsync(admin, "101/QĐ-UBND", "2026-03-20")).StatusCode);
        var (_, cachedBefore) = await PageAsync(App.Anonymous(), BlockPage2025);
        Assert.Equal("92,77", RowCells(cachedBefore, "SNV")[2]);
        await RescoreAndRecomputeAsync(admin);

        // Different results need a reason and a new decision; nothing is published without them.
        var refused = await PublishAsync(admin, decisionNumber: null, decisionDate: null, reason: null);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = (await JsonAsync(refused)).GetProperty("errors");
        Assert.Contains("lý do", errors.GetProperty("reason")[0].GetString());
        Assert.True(errors.TryGetProperty("decisionNumber", out _));
        Assert.True(errors.TryGetProperty("decisionDate", out _));
        Assert.Single(await SnapshotsAsync(App));

        var corrected = await PublishAsync(admin, "202/QĐ-UBND", "2026-05-04", "Phúc khảo tiêu chí 1.1 của Sở Nội vụ: không có kế hoạch CCHC năm.");
        Assert.Equal(HttpStatusCode.OK, corrected.StatusCode);
        var result = await JsonAsync(corrected);
        Assert.Equal(2, result.GetProperty("version").GetInt32());
        Assert.Equal("Correction", result.GetProperty("kind").GetString());

        // The public sees version 2 at once (the cached page was evicted), with the decision and the log entry.
        var (_, page) = await PageAsync(App.Anonymous(), BlockPage2025);
        Assert.Equal("75,27", RowCells(page, "SNV")[2]);
        Assert.Equal(["STP", "SCT", "SNV", "STC2"], TableOrder(page));
        Assert.Contains("202/QĐ-UBND ngày 04/05/2026", Between(page, "id=\"decision\"", "</span>"));
        Assert.Contains("Phiên bản 2", Between(page, "id=\"publication-version\"", "</span>"));
        var log = Between(page, "id=\"corrections\"", "</section>");
        Assert.Contains("Phúc khảo tiêu chí 1.1 của Sở Nội vụ", log);
        var snv = Squash(Between(log, "<tr data-unit=\"SNV\"", "</tr>"));
        Assert.Contains("92,77 → 75,27", snv);
        Assert.Contains("2 → 3", snv);
        Assert.Contains("Tốt → Khá", snv);
        // Sở Công Thương moved up a rank because Sở Nội vụ moved down: it is listed too; Sở Tư pháp is not.
        Assert.Contains("<tr data-unit=\"SCT\"", log);
        Assert.DoesNotContain("<tr data-unit=\"STP\"", log);

        var (_, corrections) = await PageAsync(App.Anonymous(), "/ket-qua/dinh-chinh");
        var entry = Between(corrections, "id=\"dinh-chinh-2025-SBN-v2\"", "</article>");
        Assert.Contains("phiên bản 1 → 2", entry);
        Assert.Contains("202/QĐ-UBND", entry);
        Assert.Contains("92,77 → 75,27", Squash(entry));

        var api = await App.Anonymous().GetFromJsonAsync<JsonElement>("/api/v1/corrections?year=2025");
        var first = Assert.Single(api.EnumerateArray());
        Assert.Equal(1, first.GetProperty("fromVersion").GetInt32());
        Assert.Equal(2, first.GetProperty("toVersion").GetInt32());
        Assert.Equal("2026-05-04", first.GetProperty("decisionDate").GetString());
        var change = first.GetProperty("changes").EnumerateArray().Single(c => c.GetProperty("unitCode").GetString() == "SNV");
        Assert.Equal("tot", change.GetProperty("oldClassCode").GetString());
        Assert.Equal("kha", change.GetProperty("newClassCode").GetString());
        Assert.Equal(3, change.GetProperty("newRank").GetInt32());

        // Version 1 stays readable as it was; the block's publication lists both.
        var v1 = await App.Anonymous().GetFromJsonAsync<JsonElement>($"{Publications2025}/1");
        Assert.Equal(1, v1.GetProperty("publication").GetProperty("version").GetInt32());
        Assert.Equal("101/QĐ-UBND", v1.GetProperty("publication").GetProperty("decisionNumber").GetString());
        Assert.Equal(92.77m, Math.Round(v1.GetProperty("block").GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("unitCode").GetString() == "SNV").GetProperty("index").GetDecimal(), 2));
        var publication = await App.Anonymous().GetFromJsonAsync<JsonElement>(Publication2025);
        Assert.Equal([2, 1], publication.GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("version").GetInt32()));
        Assert.Equal("202/QĐ-UBND", publication.GetProperty("current").GetProperty("decisionNumber").GetString());

        var audit = Assert.Single(await AuditAsync(App, "results.corrected"));
        Assert.Equal("2025/SBN", audit.Key);
        Assert.Equal("v1", audit.Old);
        Assert.StartsWith("v2, 202/QĐ-UBND", audit.New);
    }

    [Fact]
    public async Task PublishingUnchangedResultsAddsNoVersionAndRepublishingAfterWithdrawalBringsTheSameVersionBack()
    {
        await SmallCity.BuildAsync(App, publish: false);
        var admin = await App.AdminAsync();
        Assert.Equal(HttpStatusCode.OK, (await PublishAsync(admin)).StatusCode);
        // Recomputing identical results is not a change.
        await admin.PostAsync("/api/v1/years/2025/blocks/SBN/compute", null);

        var again = await JsonAsync(await PublishAsync(admin));
        Assert.Equal("Unchanged", again.GetProperty("kind").GetString());
        var withdraw = await admin.PutAsJsonAsync(Publication2025, new { published = false, reason = "Rà soát lại" });
        Assert.Equal(HttpStatusCode.OK, withdraw.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await App.Anonymous().GetAsync(BlockPage2025)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await App.Anonymous().GetAsync($"{Publications2025}/1")).StatusCode);
        var back = await admin.PutAsJsonAsync(Publication2025, new { published = true });

        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
        Assert.Equal("Reinstated", (await JsonAsync(back)).GetProperty("kind").GetString());
        Assert.Single(await SnapshotsAsync(App));
        Assert.Equal(HttpStatusCode.OK, (await App.Anonymous().GetAsync(BlockPage2025)).StatusCode);
        Assert.Contains(await AuditAsync(App, "results.unpublished"), a => a.Key == "2025/SBN");
    }

    [Fact]
    public async Task DecisionNumberAndDateAreChecked()
    {
        await SmallCity.BuildAsync(App, publish: false);
        var admin = await App.AdminAsync();

        var badNumber = await JsonAsync(await PublishAsync(admin, "quyết định mới", "2026-04-15"));
        var future = await JsonAsync(await PublishAsync(admin, "12/QĐ-UBND", "2099-01-01"));
        var tooEarly = await JsonAsync(await PublishAsync(admin, "12/QĐ-UBND", "2024-12-31"));
        var dateWithoutNumber = await JsonAsync(await PublishAsync(admin, null, "2026-04-15"));

        Assert.Contains("1234/QĐ-UBND", badNumber.GetProperty("errors").GetProperty("decisionNumber")[0].GetString());
        Assert.Contains("tương lai", future.GetProperty("errors").GetProperty("decisionDate")[0].GetString());
        Assert.Contains("trước năm đánh giá 2025", tooEarly.GetProperty("errors").GetProperty("decisionDate")[0].GetString());
        Assert.True(dateWithoutNumber.GetProperty("errors").TryGetProperty("decisionNumber", out _));
        Assert.Empty(await SnapshotsAsync(App));
        Assert.Equal(HttpStatusCode.NotFound, (await App.Anonymous().GetAsync(BlockPage2025)).StatusCode);
    }

    [Fact]
    public async Task ThePublicTrendShowsOnlyPublishedYears()
    {
        await SmallCity.BuildAsync(App, publish: false);
        var admin = await App.AdminAsync();
        var published = await admin.PostAsync("/api/v1/years/2024/blocks/SBN/publications", Json(new { decisionNumber = "55/QĐ-UBND", decisionDate = "2025-04-10" }));
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);

        var (_, publicPage) = await PageAsync(App.Anonymous(), "/ket-qua/2024/SBN/SNV");
        var (_, adminPage) = await PageAsync(admin, "/ket-qua/2024/SBN/SNV");

        var trend = Between(publicPage, "id=\"trend-chart\"", "</figure>");
        Assert.Contains("data-year=\"2024\"", trend);
        Assert.DoesNotContain("data-year=\"2025\"", trend);
        Assert.Contains("data-year=\"2025\"", Between(adminPage, "id=\"trend-chart\"", "</figure>"));
        var list = await App.Anonymous().GetFromJsonAsync<JsonElement>("/api/v1/results");
        Assert.Equal([2024], list.EnumerateArray().Select(r => r.GetProperty("year").GetInt32()));
    }

    [Fact]
    public async Task AdministratorPublishesAndCorrectsThroughThePublicationPage()
    {
        await SmallCity.BuildAsync(App, publish: false);
        var admin = await App.AdminAsync();

        var (status, page) = await PageAsync(admin, AdminPage2025);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Chưa công bố phiên bản nào", Between(page, "id=\"publication-state\"", "</section>"));
        var missing = await PostFormAsync(admin, $"{AdminPage2025}?handler=Publish", [new("DecisionNumber", ""), new("DecisionDate", "31/02/2026")], AdminPage2025);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, missing.StatusCode);
        var refusedPage = WebUtility.HtmlDecode(await missing.Content.ReadAsStringAsync());
        Assert.Contains("Hãy nhập số quyết định", Between(refusedPage, "id=\"decisionNumber-error\"", "</div>"));
        Assert.Contains("'31/02/2026' không phải là ngày", Between(refusedPage, "id=\"decisionDate-error\"", "</div>"));
        Assert.Contains("value=\"31/02/2026\"", refusedPage);
        Assert.Empty(await SnapshotsAsync(App));

        var first = await PostFormAsync(admin, $"{AdminPage2025}?handler=Publish", [new("DecisionNumber", "77/QĐ-UBND"), new("DecisionDate", "20/04/2026")], AdminPage2025);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var (_, afterFirst) = await PageAsync(admin, AdminPage2025);
        Assert.Contains("phiên bản 1", Between(afterFirst, "id=\"publication-message\"", "</div>"));
        Assert.Contains("no-change", afterFirst);

        await RescoreAndRecomputeAsync(admin);
        var (_, preview) = await PageAsync(admin, AdminPage2025);
        Assert.Contains("92,77 → 75,27", Squash(Between(preview, "<tr data-unit=\"SNV\"", "</tr>")));
        Assert.Contains("name=\"Reason\"", Between(preview, "id=\"publish-form\"", "</form>"));
        var withoutReason = await PostFormAsync(admin, $"{AdminPage2025}?handler=Publish", [new("DecisionNumber", "78/QĐ-UBND"), new("DecisionDate", "21/04/2026")], AdminPage2025);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, withoutReason.StatusCode);
        Assert.Contains("phải nêu lý do", WebUtility.HtmlDecode(await withoutReason.Content.ReadAsStringAsync()));

        var correction = await PostFormAsync(admin, $"{AdminPage2025}?handler=Publish",
            [new("DecisionNumber", "78/QĐ-UBND"), new("DecisionDate", "21/04/2026"), new("Reason", "Sửa điểm tiêu chí 1.1")], AdminPage2025);
        Assert.Equal(HttpStatusCode.Redirect, correction.StatusCode);
        var (_, history) = await PageAsync(admin, AdminPage2025);
        Assert.Contains("<tr data-version=\"2\"", history);
        Assert.Contains("Sửa điểm tiêu chí 1.1", Between(history, "<tr data-version=\"2\"", "</tr>"));
        Assert.Contains(TestApp.AdminEmail, Between(history, "<tr data-version=\"1\"", "</tr>"));
        var (_, publicPage) = await PageAsync(App.Anonymous(), BlockPage2025);
        Assert.Equal("75,27", RowCells(publicPage, "SNV")[2]);
    }

    [Fact]
    public async Task PublicationPagesAndWritesAreForAdministratorsOnly()
    {
        await SmallCity.BuildAsync(App, publish: false);
        var anonymous = App.Anonymous();

        var page = await anonymous.GetAsync(AdminPage2025);
        var post = await anonymous.PostAsync(Publications2025, Json(new { decisionNumber = "1/QĐ-UBND", decisionDate = "2026-01-05" }));
        var preview = await anonymous.GetAsync($"{Publication2025}/preview");

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/dang-nhap", page.Headers.Location?.ToString());
        Assert.True(post.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.Redirect, $"{(int)post.StatusCode}");
        Assert.True(preview.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.Redirect, $"{(int)preview.StatusCode}");
        Assert.Empty(await SnapshotsAsync(App));
    }
}

public sealed class PublicationTestsOnSqlite() : PublicationTests(DatabaseKind.Sqlite);

public sealed class PublicationTestsOnPostgres() : PublicationTests(DatabaseKind.Postgres);
