using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using static ParIndex.Tests.Units.UnitsTestKit;

namespace ParIndex.Tests.Units;

/// <summary>The administrator's organisation pages: who may open them, the unit list, and the unit form.</summary>
public abstract class UnitPagesTests(DatabaseKind kind) : AppTest(kind)
{
    private static readonly string[] AdminPages =
    [
        "/quan-tri/don-vi", "/quan-tri/don-vi?kind=Ward&year=2025&q=sai", "/quan-tri/don-vi/moi", "/quan-tri/don-vi/STP", "/quan-tri/don-vi/nhap",
        "/quan-tri/khoi", "/quan-tri/khoi?year=2024", "/quan-tri/khoi/2025/SBN", "/quan-tri/lich-su-don-vi", "/quan-tri/lich-su-don-vi?unit=STP",
    ];

    [Fact]
    public async Task AdministratorOpensEveryOrganisationPage()
    {
        var admin = await App.AdminAsync();
        await AddUnitAsync(admin, "STP", "Sở Tư pháp");
        await AddBlockAsync(admin, 2025, "SBN", "Khối sở, ban, ngành", "STP");

        foreach (var path in AdminPages)
        {
            var response = await admin.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}");
            var html = await HtmlAsync(response);
            Assert.Contains("<html lang=\"vi\">", html);
        }
    }

    [Fact]
    public async Task AnonymousUsersAreSentToSignInAndOtherUsersAreDenied()
    {
        var admin = await App.AdminAsync();
        await AddUnitAsync(admin, "STP", "Sở Tư pháp");
        await AddBlockAsync(admin, 2025, "SBN", "Khối sở, ban, ngành", "STP");
        await App.EnsureUserAsync("reader@test.local", "Reader-Test-2025", role: null);
        var reader = await App.SignInAsync("reader@test.local", "Reader-Test-2025");
        var anonymous = App.Anonymous();

        foreach (var path in AdminPages)
        {
            var response = await anonymous.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{path}: {(int)response.StatusCode}");
            Assert.Equal("/dang-nhap", response.Headers.Location!.IsAbsoluteUri ? response.Headers.Location.AbsolutePath : response.Headers.Location.OriginalString.Split('?')[0]);

            var denied = await reader.GetAsync(path);
            Assert.True(denied.StatusCode == HttpStatusCode.Redirect, $"{path}: {(int)denied.StatusCode}");
            Assert.Contains("/tu-choi", denied.Headers.Location!.OriginalString);
        }
        var post = await anonymous.PostAsync("/quan-tri/don-vi/moi", new FormUrlEncodedContent(new Dictionary<string, string> { ["Code"] = "X", ["NameVi"] = "X" }));
        Assert.NotEqual(HttpStatusCode.OK, post.StatusCode);
        Assert.Equal(1, await UnitCountAsync(App));
    }

    [Fact]
    public async Task FormsPostedWithoutTheAntiforgeryTokenAreRefused()
    {
        var admin = await App.AdminAsync();
        await AddUnitAsync(admin, "STP", "Sở Tư pháp");
        await AddUnitAsync(admin, "SNV", "Sở Nội vụ");
        await AddBlockAsync(admin, 2025, "SBN", "Khối sở, ban, ngành", "STP");
        var id = await AddSuccessionAsync(admin, "STP", "SNV", "Rename");
        var auditBefore = await App.WithDbAsync(db => db.AuditEntries.CountAsync());

        var posts = new (string Path, HttpContent Body)[]
        {
            ("/quan-tri/don-vi/moi", Form(new { Code = "SYT", NameVi = "Sở Y tế", Kind = "Department", ValidFrom = "01/01/2000" })),
            ("/quan-tri/don-vi/STP", Form(new { NameVi = "Đổi tên", Kind = "Department", ValidFrom = "01/01/2000" })),
            ("/quan-tri/don-vi/nhap", Multipart(Csv("code,name_vi,kind", "SYT,Sở Y tế,Department"))),
            ("/quan-tri/khoi", Form(new { NewYear = "2025", NewCode = "PX", NewNameVi = "Khối phường" })),
            ("/quan-tri/khoi/2025/SBN", Form(new { UnitCodes = "SNV" })),
            ("/quan-tri/khoi/2025/SBN?handler=rename", Form(new { NameVi = "Đổi tên" })),
            ("/quan-tri/lich-su-don-vi", Form(new { PredecessorCode = "SNV", SuccessorCode = "STP", Kind = "Merge", EffectiveDate = "01/07/2025" })),
            ("/quan-tri/lich-su-don-vi?handler=remove", Form(new { id })),
        };
        foreach (var (path, body) in posts)
        {
            var response = await admin.PostAsync(path, body);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{path}: {(int)response.StatusCode}");
        }
        Assert.Equal(auditBefore, await App.WithDbAsync(db => db.AuditEntries.CountAsync()));
        Assert.Equal(2, await UnitCountAsync(App));
    }

    [Fact]
    public async Task UnitListSortsByVietnameseAlphabet()
    {
        var admin = await App.AdminAsync();
        await AddUnitAsync(admin, "E", "Én", kind: "Ward");
        await AddUnitAsync(admin, "DA", "Đa Kao", kind: "Ward");
        await AddUnitAsync(admin, "DI", "Dĩ An", kind: "Ward");
        await AddUnitAsync(admin, "AT", "Ân Thi", kind: "District");
        await AddUnitAsync(admin, "AO", "Ao Sen", kind: "Ward");

        var html = await PageAsync(admin, "/quan-tri/don-vi");

        // Vietnamese: A < Â and D < Đ < E (neither code-point order nor the invariant culture gives this).
        Assert.Equal(["Ao Sen", "Ân Thi", "Dĩ An", "Đa Kao", "Én"], TextsOfClass(html, "unit-name"));
        Assert.Contains("5 đơn vị", html);
    }

    [Fact]
    public async Task UnitListFiltersByKindByYearAndBySearchWithoutDiacritics()
    {
        var admin = await App.AdminAsync();
        await AddUnitAsync(admin, "Q1", "Quận 1", kind: "District", validFrom: "1976-05-01", validTo: "2025-06-30");
        await AddUnitAsync(admin, "P-BN", "Phường Bến Nghé", kind: "Ward", validFrom: "1976-05-01", validTo: "2025-06-30", parentCode: "Q1");
        await AddUnitAsync(admin, "P-SG", "Phường Sài Gòn", kind: "Ward", validFrom: "2025-07-01");
        await AddUnitAsync(admin, "STP", "Sở Tư pháp");

        Assert.Equal(["Phường Bến Nghé", "Phường Sài Gòn"], TextsOfClass(await PageAsync(admin, "/quan-tri/don-vi?kind=Ward"), "unit-name"));
        Assert.Equal(["Phường Sài Gòn", "Sở Tư pháp"], TextsOfClass(await PageAsync(admin, "/quan-tri/don-vi?year=2026"), "unit-name"));
        Assert.Equal(["Phường Bến Nghé"], TextsOfClass(await PageAsync(admin, "/quan-tri/don-vi?kind=Ward&year=2024"), "unit-name"));
        Assert.Equal(["Phường Bến Nghé"], TextsOfClass(await PageAsync(admin, "/quan-tri/don-vi?q=ben+nghe"), "unit-name"));
        Assert.Equal(["Sở Tư pháp"], TextsOfClass(await PageAsync(admin, "/quan-tri/don-vi?q=stp"), "unit-name"));
        var list = await PageAsync(admin, "/quan-tri/don-vi?q=P-BN");
        Assert.Contains("30/06/2025", list);
        Assert.Contains("01/05/1976", list);
        Assert.Contains(">Quận 1</a>", list);
        Assert.Contains("Không có đơn vị nào khớp", await PageAsync(admin, "/quan-tri/don-vi?q=khong-co-gi"));
    }

    [Fact]
    public async Task AdministratorCreatesAUnitThroughTheForm()
    {
        var admin = await App.AdminAsync();
        await AddUnitAsync(admin, "Q1", "Quận 1", kind: "District");

        var response = await PostFormAsync(admin, "/quan-tri/don-vi/moi", new
        {
            Code = "P-BN", NameVi = "Phường Bến Nghé", NameEn = "Ben Nghe Ward", Kind = "Ward", ValidFrom = "01/05/1976", ValidTo = "30/06/2025", ParentCode = "Q1",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/quan-tri/don-vi/P-BN", response.Headers.Location!.OriginalString);
        var unit = await App.WithDbAsync(db => db.Units.Include(u => u.Parent).SingleAsync(u => u.Code == "P-BN"));
        Assert.Equal(("Phường Bến Nghé", "Ben Nghe Ward", ParIndex.Units.UnitKind.Ward), (unit.NameVi, unit.NameEn, unit.Kind));
        Assert.Equal((new DateOnly(1976, 5, 1), (DateOnly?)new DateOnly(2025, 6, 30), "Q1"), (unit.ValidFrom, unit.ValidTo, unit.Parent!.Code));
        var audit = await App.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.EntityKey == "P-BN"));
        Assert.Equal(("unit.created", TestApp.AdminEmail), (audit.Action, audit.Actor));

        var page = await PageAsync(admin, "/quan-tri/don-vi/P-BN");
        Assert.Contains("Đã tạo đơn vị Phường Bến Nghé (P-BN).", page);
        Assert.Contains("value=\"01/05/1976\"", page);
    }

    [Fact]
    public async Task ARefusedFormKeepsWhatWasTypedAndShowsEachProblemBesideItsField()
    {
        var admin = await App.AdminAsync();

        var response = await PostFormAsync(admin, "/quan-tri/don-vi/moi", new
        {
            Code = "mã sai", NameVi = "Phường Bến Nghé", NameEn = "Ben Nghe", Kind = "", ValidFrom = "31/02/2025", ValidTo = "hôm qua", ParentCode = "",
        });
        var html = await HtmlAsync(response);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("value=\"mã sai\"", html);
        Assert.Contains("value=\"Phường Bến Nghé\"", html);
        Assert.Contains("value=\"Ben Nghe\"", html);
        Assert.Contains("value=\"31/02/2025\"", html);
        Assert.Contains("value=\"hôm qua\"", html);
        foreach (var field in new[] { "code", "kind", "validFrom", "validTo" })
            Assert.Contains($"id=\"{field}-error\"", html);
        Assert.DoesNotContain("id=\"nameVi-error\"", html);
        Assert.Matches(new Regex("id=\"validFrom-error\"><p>[^<]*31/02/2025"), html);
        Assert.Equal(0, await UnitCountAsync(App));
    }

    [Fact]
    public async Task ServiceProblemsAreShownBesideTheirFields()
    {
        var admin = await App.AdminAsync();
        await AddUnitAsync(admin, "Q1", "Quận 1", kind: "District");

        var response = await PostFormAsync(admin, "/quan-tri/don-vi/moi", new
        {
            Code = "P-BN", NameVi = "", Kind = "Ward", ValidFrom = "01/07/2025", ValidTo = "30/06/2025", ParentCode = "Q1",
        });
        var html = await HtmlAsync(response);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("id=\"nameVi-error\"", html);
        Assert.Matches(new Regex("id=\"validTo-error\"><p>[^<]*30/06/2025"), html);
        Assert.Matches(new Regex("<option value=\"Q1\" selected=\"selected\">"), html);
        Assert.Matches(new Regex("<option value=\"Ward\" selected=\"selected\">"), html);
        Assert.Equal(1, await UnitCountAsync(App));
    }

    [Fact]
    public async Task TheNewUnitFormDoesNotOverwriteAnExistingUnit()
    {
        var admin = await App.AdminAsync();
        await AddUnitAsync(admin, "STP", "Sở Tư pháp");

        var response = await PostFormAsync(admin, "/quan-tri/don-vi/moi", new { Code = "STP", NameVi = "Trùng mã", Kind = "Department", ValidFrom = "01/01/2020" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("id=\"code-error\"", await HtmlAsync(response));
        Assert.Equal("Sở Tư pháp", await App.WithDbAsync(db => db.Units.Where(u => u.Code == "STP").Select(u => u.NameVi).SingleAsync()));
    }

    [Fact]
    public async Task AdministratorEditsAUnitAndSeesItsBlocksAndLineage()
    {
        var admin = await App.AdminAsync();
        await AddUnitAsync(admin, "Q1", "Quận 1", kind: "District", validFrom: "1976-05-01", validTo: "2025-06-30");
        await AddUnitAsync(admin, "Q3", "Quận 3", kind: "District", validFrom: "1976-05-01", validTo: "2025-06-30");
        await AddUnitAsync(admin, "P-SG", "Phường Sài Gòn", kind: "Ward", validFrom: "2025-07-01");
        await AddBlockAsync(admin, 2024, "QH", "Khối quận, huyện", "Q1");
        await AddBlockAsync(admin, 2023, "QH", "Khối quận, huyện (2023)", "Q1");
        await AddSuccessionAsync(admin, "Q1", "P-SG", "Split", "2025-07-01");
        await AddSuccessionAsync(admin, "Q3", "Q1", "Merge", "2020-01-01");

        var page = await PageAsync(admin, "/quan-tri/don-vi/Q1");
        var response = await PostFormAsync(admin, "/quan-tri/don-vi/Q1", new { NameVi = "UBND Quận 1", Kind = "District", ValidFrom = "01/05/1976", ValidTo = "30/06/2025" });

        Assert.Matches(new Regex("(?s)id=\"unit-blocks\".*>2024<.*Khối quận, huyện<.*>2023<.*Khối quận, huyện \\(2023\\)"), page);
        Assert.Matches(new Regex("(?s)id=\"unit-lineage\".*Tiền thân.*Quận 3.*Sáp nhập.*01/01/2020.*Kế thừa.*Phường Sài Gòn.*Chia tách.*01/07/2025"), page);
        Assert.Contains("readonly", page);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("UBND Quận 1", await App.WithDbAsync(db => db.Units.Where(u => u.Code == "Q1").Select(u => u.NameVi).SingleAsync()));
        Assert.Equal(["unit.created", "unit.updated"], await AuditActionsAsync(App, "Q1"));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/quan-tri/don-vi/NOPE")).StatusCode);
    }

    [Fact]
    public async Task ARefusedEditKeepsTheTypedValuesAndStoresNothing()
    {
        var admin = await App.AdminAsync();
        await AddUnitAsync(admin, "STP", "Sở Tư pháp");

        var response = await PostFormAsync(admin, "/quan-tri/don-vi/STP", new { NameVi = "Sở Tư pháp mới", Kind = "Department", ValidFrom = "01/01/2020", ValidTo = "01/01/2019", ParentCode = "STP" });
        var html = await HtmlAsync(response);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("value=\"Sở Tư pháp mới\"", html);
        Assert.Contains("id=\"validTo-error\"", html);
        Assert.Contains("id=\"parentCode-error\"", html);
        Assert.Equal("Sở Tư pháp", await App.WithDbAsync(db => db.Units.Where(u => u.Code == "STP").Select(u => u.NameVi).SingleAsync()));
    }

    [Fact]
    public async Task PagesSpeakEnglishWhenChosen()
    {
        var admin = await App.AdminAsync();
        await AddUnitAsync(admin, "STP", "Sở Tư pháp");

        var html = await PageAsync(admin, "/quan-tri/don-vi?lang=en-GB");

        Assert.Contains("New unit", html);
        Assert.Contains("Department or agency", html);
        Assert.Contains("Sở Tư pháp", html);
    }

    private static FormUrlEncodedContent Form(object fields) => new(Fields(fields));

    private static MultipartFormDataContent Multipart(byte[] csv)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(csv);
        file.Headers.ContentType = new("text/csv");
        form.Add(file, "Upload", "don-vi.csv");
        return form;
    }
}

public sealed class UnitPagesTestsOnSqlite() : UnitPagesTests(DatabaseKind.Sqlite);

public sealed class UnitPagesTestsOnPostgres() : UnitPagesTests(DatabaseKind.Postgres);
