using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using static ParIndex.Tests.Units.UnitsTestKit;

namespace ParIndex.Tests.Units;

/// <summary>The blocks pages (blocks by year, a block's members) and the lineage page.</summary>
public abstract class BlockAndLineagePagesTests(DatabaseKind kind) : AppTest(kind)
{
    [Fact]
    public async Task BlocksPageListsTheBlocksOfTheChosenYearWithMemberCountsAndPublication()
    {
        var admin = await App.AdminAsync();
        await AddUnitAsync(admin, "STP", "Sở Tư pháp");
        await AddUnitAsync(admin, "SNV", "Sở Nội vụ");
        await AddBlockAsync(admin, 2025, "SBN", "Khối sở, ban, ngành", "STP", "SNV");
        await AddBlockAsync(admin, 2025, "PX", "Khối phường, xã");
        await AddBlockAsync(admin, 2024, "QH", "Khối quận, huyện");
        await App.WithDbAsync(db => db.Blocks.Where(b => b.Year == 2025 && b.Code == "SBN").ExecuteUpdateAsync(s => s.SetProperty(b => b.IsPublished, true)));

        var latest = await PageAsync(admin, "/quan-tri/khoi");
        var older = await PageAsync(admin, "/quan-tri/khoi?year=2024");

        Assert.Contains("Khối năm 2025", latest);
        Assert.Matches(new Regex("(?s)>PX<.*Khối phường, xã.*member-count\">0<.*Chưa công bố.*>SBN<.*Khối sở, ban, ngành.*member-count\">2<.*Đã công bố"), latest);
        Assert.DoesNotContain("Khối quận, huyện", latest);
        Assert.Contains("Khối quận, huyện", older);
        Assert.Matches(new Regex("<option value=\"2024\" selected=\"selected\">2024</option>"), older);
    }

    [Fact]
    public async Task AdministratorCreatesABlockThroughTheFormAndCannotOverwriteOne()
    {
        var admin = await App.AdminAsync();

        var created = await PostFormAsync(admin, "/quan-tri/khoi", new { NewYear = "2026", NewCode = "PX", NewNameVi = "Khối phường, xã, đặc khu", NewNameEn = "Wards" });
        var duplicate = await PostFormAsync(admin, "/quan-tri/khoi", new { NewYear = "2026", NewCode = "PX", NewNameVi = "Trùng" });
        var invalid = await PostFormAsync(admin, "/quan-tri/khoi", new { NewYear = "1900", NewCode = "có dấu", NewNameVi = "" });

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal("/quan-tri/khoi/2026/PX", created.Headers.Location!.OriginalString);
        var block = await App.WithDbAsync(db => db.Blocks.SingleAsync());
        Assert.Equal((2026, "PX", "Khối phường, xã, đặc khu", "Wards"), (block.Year, block.Code, block.NameVi, block.NameEn));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, duplicate.StatusCode);
        Assert.Contains("id=\"code-error\"", await HtmlAsync(duplicate));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, invalid.StatusCode);
        var invalidHtml = await HtmlAsync(invalid);
        foreach (var field in new[] { "year", "code", "nameVi" })
            Assert.Contains($"id=\"{field}-error\"", invalidHtml);
        Assert.Contains("value=\"có dấu\"", invalidHtml);
        Assert.Equal("Khối phường, xã, đặc khu", await App.WithDbAsync(db => db.Blocks.Select(b => b.NameVi).SingleAsync()));
    }

    [Fact]
    public async Task MembersPageOffersTheUnitsValidThatYearGroupedByKindWithOtherBlocksDisabled()
    {
        var admin = await App.AdminAsync();
        await AddUnitAsync(admin, "STP", "Sở Tư pháp");
        await AddUnitAsync(admin, "SNV", "Sở Nội vụ");
        await AddUnitAsync(admin, "SCT", "Sở Công Thương");
        await AddUnitAsync(admin, "P-DK", "Phường Đa Kao", kind: "Ward");
        await AddUnitAsync(admin, "P-DI", "Phường Dĩ An", kind: "Ward");
        await AddUnitAsync(admin, "Q1", "Quận 1", kind: "District", validTo: "2025-06-30");
        await AddBlockAsync(admin, 2026, "SBN", "Khối sở, ban, ngành", "STP");
        await AddBlockAsync(admin, 2026, "KHAC", "Khối khác", "SNV");

        var html = await PageAsync(admin, "/quan-tri/khoi/2026/SBN");

        Assert.Matches(new Regex("(?s)Sở, ban, ngành \\(3\\).*unit-SCT.*unit-SNV.*unit-STP.*UBND phường, xã, đặc khu \\(2\\).*unit-P-DI.*unit-P-DK"), html);
        Assert.DoesNotContain("unit-Q1", html);
        Assert.Matches(new Regex("id=\"unit-STP\" name=\"UnitCodes\" value=\"STP\" checked=\"checked\" />"), html);
        Assert.Matches(new Regex("id=\"unit-SNV\" name=\"UnitCodes\" value=\"SNV\" disabled=\"disabled\" />"), html);
        Assert.Contains("đã thuộc khối Khối khác (KHAC)", html);
        Assert.Matches(new Regex("id=\"unit-SCT\" name=\"UnitCodes\" value=\"SCT\" />"), html);
    }

    [Fact]
    public async Task AdministratorSetsTheMembersWithTheCheckboxes()
    {
        var admin = await App.AdminAsync();
        await AddUnitAsync(admin, "STP", "Sở Tư pháp");
        await AddUnitAsync(admin, "SNV", "Sở Nội vụ");
        await AddUnitAsync(admin, "SCT", "Sở Công Thương");
        await AddBlockAsync(admin, 2026, "SBN", "Khối sở, ban, ngành", "STP");

        var response = await PostFormAsync(admin, "/quan-tri/khoi/2026/SBN", [new("UnitCodes", "SNV"), new("UnitCodes", "SCT")]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var members = await App.WithDbAsync(db => db.BlockMembers.Select(m => m.Unit!.Code).OrderBy(c => c).ToListAsync());
        Assert.Equal(["SCT", "SNV"], members);
        var page = await PageAsync(admin, "/quan-tri/khoi/2026/SBN");
        Assert.Contains("Đã lưu: khối có 2 đơn vị.", page);
        Assert.Matches(new Regex("(?s)id=\"members\".*Sở Công Thương.*Sở Nội vụ.*</table>"), page);
        Assert.Equal(["block.created", "block.members", "block.members"], await AuditActionsAsync(App, "2026/SBN"));
    }

    [Fact]
    public async Task RefusedMembershipIsShownAndTheTickedBoxesStayTicked()
    {
        var admin = await App.AdminAsync();
        await AddUnitAsync(admin, "STP", "Sở Tư pháp");
        await AddUnitAsync(admin, "SNV", "Sở Nội vụ");
        await AddUnitAsync(admin, "SCT", "Sở Công Thương");
        await AddBlockAsync(admin, 2026, "SBN", "Khối sở, ban, ngành", "STP");
        await AddBlockAsync(admin, 2026, "KHAC", "Khối khác", "SNV");

        // A stale page (or a hand-made request) can still send a unit another block took meanwhile.
        var response = await PostFormAsync(admin, "/quan-tri/khoi/2026/SBN", [new("UnitCodes", "SCT"), new("UnitCodes", "SNV")]);
        var html = await HtmlAsync(response);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Matches(new Regex("(?s)id=\"members-refused\".*SNV.*KHAC"), html);
        Assert.Matches(new Regex("id=\"unit-SCT\" name=\"UnitCodes\" value=\"SCT\" checked=\"checked\" />"), html);
        Assert.Matches(new Regex("id=\"unit-STP\" name=\"UnitCodes\" value=\"STP\" />"), html);
        Assert.Equal(["STP"], await App.WithDbAsync(db => db.BlockMembers.Where(m => m.Block!.Code == "SBN").Select(m => m.Unit!.Code).ToListAsync()));
    }

    [Fact]
    public async Task AMemberNoLongerValidInTheYearIsShownAndRefusedUntilRemoved()
    {
        var admin = await App.AdminAsync();
        await AddUnitAsync(admin, "Q1", "Quận 1", kind: "District");
        await AddUnitAsync(admin, "Q3", "Quận 3", kind: "District");
        await AddBlockAsync(admin, 2026, "QH", "Khối quận", "Q1", "Q3");
        await AddUnitAsync(admin, "Q1", "Quận 1", kind: "District", validTo: "2025-06-30");

        var page = await PageAsync(admin, "/quan-tri/khoi/2026/QH");
        var refused = await PostFormAsync(admin, "/quan-tri/khoi/2026/QH", [new("UnitCodes", "Q1"), new("UnitCodes", "Q3")]);
        var removed = await PostFormAsync(admin, "/quan-tri/khoi/2026/QH", [new("UnitCodes", "Q3")]);

        Assert.Matches(new Regex("(?s)Không còn hiệu lực trong năm 2026.*id=\"unit-Q1\" name=\"UnitCodes\" value=\"Q1\" checked=\"checked\""), page);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Matches(new Regex("(?s)id=\"members-refused\".*Q1.*2026"), await HtmlAsync(refused));
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Equal(["Q3"], await App.WithDbAsync(db => db.BlockMembers.Select(m => m.Unit!.Code).ToListAsync()));
    }

    [Fact]
    public async Task AdministratorRenamesABlock()
    {
        var admin = await App.AdminAsync();
        await AddBlockAsync(admin, 2026, "SBN", "Khối sở");

        var renamed = await PostFormAsync(admin, "/quan-tri/khoi/2026/SBN?handler=rename", new { NameVi = "Khối sở, ban, ngành", NameEn = "Departments" }, "/quan-tri/khoi/2026/SBN");
        var refused = await PostFormAsync(admin, "/quan-tri/khoi/2026/SBN?handler=rename", new { NameVi = " " }, "/quan-tri/khoi/2026/SBN");

        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("id=\"nameVi-error\"", await HtmlAsync(refused));
        var block = await App.WithDbAsync(db => db.Blocks.SingleAsync());
        Assert.Equal(("Khối sở, ban, ngành", "Departments"), (block.NameVi, block.NameEn));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/quan-tri/khoi/2026/NOPE")).StatusCode);
    }

    [Fact]
    public async Task LineagePageAddsListsAndRemovesSuccessions()
    {
        var admin = await App.AdminAsync();
        await AddUnitAsync(admin, "P-BN", "Phường Bến Nghé", kind: "Ward", validTo: "2025-06-30");
        await AddUnitAsync(admin, "P-DK", "Phường Đa Kao", kind: "Ward", validTo: "2025-06-30");
        await AddUnitAsync(admin, "P-SG", "Phường Sài Gòn", kind: "Ward", validFrom: "2025-07-01");

        var first = await PostFormAsync(admin, "/quan-tri/lich-su-don-vi", new { PredecessorCode = "P-BN", SuccessorCode = "P-SG", Kind = "Merge", EffectiveDate = "01/07/2025", Note = "Nghị quyết 1685" });
        var second = await PostFormAsync(admin, "/quan-tri/lich-su-don-vi", new { PredecessorCode = "P-DK", SuccessorCode = "P-SG", Kind = "Merge", EffectiveDate = "01/07/2025" });
        var page = await PageAsync(admin, "/quan-tri/lich-su-don-vi");

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Matches(new Regex("(?s)id=\"successions\".*Phường Bến Nghé.*→.*Phường Sài Gòn.*Sáp nhập.*01/07/2025.*Nghị quyết 1685.*Phường Đa Kao.*→.*Phường Sài Gòn"), page);
        Assert.Contains("Đã ghi: P-DK → P-SG (Sáp nhập, 01/07/2025).", page);

        var id = await App.WithDbAsync(db => db.Successions.Where(s => s.Predecessor!.Code == "P-BN").Select(s => s.Id).SingleAsync());
        var removed = await PostFormAsync(admin, "/quan-tri/lich-su-don-vi?handler=remove", new { id }, "/quan-tri/lich-su-don-vi");
        var again = await PostFormAsync(admin, "/quan-tri/lich-su-don-vi?handler=remove", new { id }, "/quan-tri/lich-su-don-vi");

        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal(["P-DK"], await App.WithDbAsync(db => db.Successions.Select(s => s.Predecessor!.Code).ToListAsync()));
        Assert.Equal(["lineage.added", "lineage.removed"], await AuditActionsAsync(App, "P-BN->P-SG"));
        var filtered = await PageAsync(admin, "/quan-tri/lich-su-don-vi?unit=P-DK");
        Assert.Contains("Phường Đa Kao", filtered);
        // Removing from the filtered list comes back to the filtered list.
        var removeAction = Regex.Match(filtered, "<form[^>]*action=\"([^\"]*handler=remove[^\"]*)\"").Groups[1].Value;
        Assert.Contains("unit=P-DK", removeAction);
    }

    [Fact]
    public async Task LineagePageShowsRefusalsAndKeepsTheForm()
    {
        var admin = await App.AdminAsync();
        await AddUnitAsync(admin, "A", "Đơn vị A");
        await AddUnitAsync(admin, "B", "Đơn vị B");
        await AddSuccessionAsync(admin, "A", "B", "Rename", "2024-01-01");

        var cycle = await PostFormAsync(admin, "/quan-tri/lich-su-don-vi", new { PredecessorCode = "B", SuccessorCode = "A", Kind = "Rename", EffectiveDate = "01/01/2025", Note = "vòng" });
        var invalid = await PostFormAsync(admin, "/quan-tri/lich-su-don-vi", new { PredecessorCode = "", SuccessorCode = "A", Kind = "", EffectiveDate = "32/01/2025" });
        var cycleHtml = await HtmlAsync(cycle);
        var invalidHtml = await HtmlAsync(invalid);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, cycle.StatusCode);
        Assert.Contains("vòng lặp", cycleHtml);
        Assert.Contains("id=\"successorCode-error\"", cycleHtml);
        Assert.Contains("name=\"PredecessorCode\" value=\"B\"", cycleHtml);
        Assert.Contains("name=\"SuccessorCode\" value=\"A\"", cycleHtml);
        Assert.Contains("<option value=\"A\">Đơn vị A", cycleHtml);
        Assert.Matches(new Regex("<option value=\"Rename\" selected=\"selected\">"), cycleHtml);
        Assert.Contains("value=\"01/01/2025\"", cycleHtml);
        Assert.Contains("value=\"vòng\"", cycleHtml);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, invalid.StatusCode);
        foreach (var field in new[] { "predecessorCode", "kind", "effectiveDate" })
            Assert.Contains($"id=\"{field}-error\"", invalidHtml);
        Assert.Contains("value=\"32/01/2025\"", invalidHtml);
        Assert.Equal(1, await App.WithDbAsync(db => db.Successions.CountAsync()));
    }
}

public sealed class BlockAndLineagePagesTestsOnSqlite() : BlockAndLineagePagesTests(DatabaseKind.Sqlite);

public sealed class BlockAndLineagePagesTestsOnPostgres() : BlockAndLineagePagesTests(DatabaseKind.Postgres);
