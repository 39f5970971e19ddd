using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ParIndex.Data.Tabular;
using static ParIndex.Tests.Units.UnitsTestKit;

namespace ParIndex.Tests.Units;

/// <summary>Importing units from CSV and XLSX through the API and the import page: all-or-nothing, re-runnable, problems by row and column.</summary>
public abstract class UnitImportTests(DatabaseKind kind) : AppTest(kind)
{
    // Vietnamese headers; the child (row 2) names a parent defined further down (row 4).
    private static readonly byte[] GoodCsv = Csv(
        "Mã,Tên,Tên tiếng Anh,Loại,Hiệu lực từ,Hiệu lực đến,Đơn vị cha",
        "P-BN,Phường Bến Nghé,Ben Nghe Ward,phuong-xa,01/01/2000,30/06/2025,Q1",
        "STP,Sở Tư pháp,Department of Justice,so-ban-nganh,01/04/2008,,",
        "Q1,Quận 1,District 1,quan-huyen,01/05/1976,30/06/2025,");

    private static readonly string[] EnglishHeader = ["code", "name_vi", "name_en", "kind", "valid_from", "valid_to", "parent_code"];

    // Row 2 good; row 3 unknown kind; row 4 bad date; row 5 repeats row 2's code; row 6 names an unknown parent.
    private static readonly string[][] BadRows =
    [
        ["SNV", "Sở Nội vụ", "", "Department", "01/01/2000", "", ""],
        ["SXD", "Sở Xây dựng", "", "Bộ", "01/01/2000", "", ""],
        ["STC", "Sở Tài chính", "", "Department", "31/02/2020", "", ""],
        ["SNV", "Sở Nội vụ (lặp)", "", "Department", "01/01/2000", "", ""],
        ["P-X", "Phường X", "", "Ward", "01/01/2000", "", "KHONG-CO"],
    ];

    [Fact]
    public async Task CsvImportThroughTheApiCreatesUnitsThenReImportUpdatesWithoutDuplicates()
    {
        var admin = await App.AdminAsync();

        var first = await ImportThroughApiAsync(admin, GoodCsv, "text/csv");
        var again = await ImportThroughApiAsync(admin, GoodCsv, "text/csv; charset=utf-8");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var report = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(3, report.GetProperty("rowsRead").GetInt32());
        Assert.Equal(3, report.GetProperty("created").GetInt32());
        Assert.Equal(0, report.GetProperty("updated").GetInt32());
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var second = await again.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, second.GetProperty("created").GetInt32());
        Assert.Equal(3, second.GetProperty("updated").GetInt32());
        Assert.Equal(3, await UnitCountAsync(App));

        var ward = await App.Anonymous().GetFromJsonAsync<JsonElement>("/api/v1/units/P-BN");
        Assert.Equal("Phường Bến Nghé", ward.GetProperty("nameVi").GetString());
        Assert.Equal("Ward", ward.GetProperty("kind").GetString());
        Assert.Equal("Q1", ward.GetProperty("parentCode").GetString());
        Assert.Equal("2025-06-30", ward.GetProperty("validTo").GetString());
        // The unchanged re-import writes no second audit entry.
        Assert.Equal(["unit.created"], await AuditActionsAsync(App, "P-BN"));
    }

    [Fact]
    public async Task XlsxImportThroughTheApiReadsTextAndSerialDates()
    {
        var admin = await App.AdminAsync();
        var xlsx = Xlsx(EnglishHeader,
            ["PM", "Phường Mới", "New Ward", "Ward", 45839, "", ""],
            ["SKHCN", "Sở Khoa học và Công nghệ", "", "Department", "01/03/2025", "", ""]);

        var response = await ImportThroughApiAsync(admin, xlsx, XlsxContentType);
        var again = await ImportThroughApiAsync(admin, xlsx, XlsxContentType);

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        Assert.Equal(2, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("created").GetInt32());
        Assert.Equal(2, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("updated").GetInt32());
        var units = await App.WithDbAsync(db => db.Units.OrderBy(u => u.Code).ToListAsync());
        Assert.Equal(["PM", "SKHCN"], units.Select(u => u.Code));
        Assert.Equal(new DateOnly(2025, 7, 1), units[0].ValidFrom);
        Assert.Equal(new DateOnly(2025, 3, 1), units[1].ValidFrom);
    }

    [Fact]
    public async Task XlsxFromTheAppsOwnWriterImports()
    {
        var admin = await App.AdminAsync();

        var response = await ImportThroughApiAsync(admin, XlsxAsWritten(EnglishHeader, ["PM", "Phường Mới", "", "Ward", "01/07/2025", "", ""]), XlsxContentType);

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        Assert.Equal(1, await UnitCountAsync(App));
    }

    [Fact]
    public async Task ImportCanAddUnitsToAnExistingBlockOfAYear()
    {
        var admin = await App.AdminAsync();
        await AddBlockAsync(admin, 2025, "SBN", "Khối sở, ban, ngành");

        var response = await ImportThroughApiAsync(admin, Csv("code,name_vi,kind,block_year,block_code", "STP,Sở Tư pháp,Department,2025,SBN"), "text/csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var block = await App.Anonymous().GetFromJsonAsync<JsonElement>("/api/v1/years/2025/blocks/SBN");
        Assert.Equal(["STP"], block.GetProperty("unitCodes").EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public async Task CsvWithBadRowsReportsEachByRowAndColumnThroughTheApiAndStoresNothing()
    {
        var admin = await App.AdminAsync();
        await AddUnitAsync(admin, "SYT", "Sở Y tế");
        var auditBefore = await App.WithDbAsync(db => db.AuditEntries.CountAsync());

        var response = await ImportThroughApiAsync(admin, Csv([string.Join(",", EnglishHeader), .. BadRows.Select(r => string.Join(",", r))]), "text/csv");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        var problems = report.GetProperty("problems").EnumerateArray()
            .Select(p => (p.GetProperty("rowNumber").GetInt32(), p.GetProperty("column").GetString())).ToList();
        AssertBadRowProblems(problems);
        Assert.Equal(5, report.GetProperty("rowsRead").GetInt32());
        Assert.Equal(0, report.GetProperty("created").GetInt32());
        Assert.Equal(1, await UnitCountAsync(App));
        Assert.Equal(auditBefore, await App.WithDbAsync(db => db.AuditEntries.CountAsync()));
    }

    [Fact]
    public async Task XlsxWithBadRowsReportsEachByRowAndColumnThroughTheApiAndStoresNothing()
    {
        var admin = await App.AdminAsync();
        var xlsx = Xlsx(EnglishHeader, BadRows.Select(r => (IReadOnlyList<XlsxCell>)r.Select(c => (XlsxCell)c).ToList()).ToArray());

        var response = await ImportThroughApiAsync(admin, xlsx, XlsxContentType);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problems = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("problems").EnumerateArray()
            .Select(p => (p.GetProperty("rowNumber").GetInt32(), p.GetProperty("column").GetString())).ToList();
        AssertBadRowProblems(problems);
        Assert.Equal(0, await UnitCountAsync(App));
    }

    [Fact]
    public async Task DisguisedOrUnsupportedFileIsRefusedThroughTheApi()
    {
        var admin = await App.AdminAsync();

        var textAsXlsx = await ImportThroughApiAsync(admin, GoodCsv, XlsxContentType);
        var binaryAsCsv = await ImportThroughApiAsync(admin, Xlsx(EnglishHeader, ["A", "B", "", "Ward", "", "", ""]), "text/csv");
        var json = await ImportThroughApiAsync(admin, "{}"u8.ToArray(), "application/json");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.StatusCode);
        foreach (var response in new[] { textAsXlsx, binaryAsCsv })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("file", out _));
        }
        Assert.Equal(0, await UnitCountAsync(App));
    }

    [Fact]
    public async Task ImportPageImportsCsvAndShowsTheSummaryThenCountsUpdatesOnReImport()
    {
        var admin = await App.AdminAsync();

        var first = await UploadAsync(admin, GoodCsv, "don-vi.csv", "text/csv");
        var firstHtml = await HtmlAsync(first);
        var again = await UploadAsync(admin, GoodCsv, "don-vi.csv", "text/csv");
        var againHtml = await HtmlAsync(again);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains("Đã nhập xong.", firstHtml);
        Assert.Equal(["3"], TextsOfClass(firstHtml, "rows-read"));
        Assert.Equal(["3"], TextsOfClass(firstHtml, "created"));
        Assert.Equal(["0"], TextsOfClass(firstHtml, "updated"));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(["0"], TextsOfClass(againHtml, "created"));
        Assert.Equal(["3"], TextsOfClass(againHtml, "updated"));
        Assert.Equal(3, await UnitCountAsync(App));
    }

    [Fact]
    public async Task ImportPageImportsXlsx()
    {
        var admin = await App.AdminAsync();
        var xlsx = Xlsx(EnglishHeader, ["PM", "Phường Mới", "", "Ward", "01/07/2025", "", ""]);

        var response = await UploadAsync(admin, xlsx, "don-vi.xlsx", XlsxContentType);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["1"], TextsOfClass(await HtmlAsync(response), "created"));
        Assert.Equal(1, await UnitCountAsync(App));
    }

    [Fact]
    public async Task ImportPageListsEveryBadRowByRowAndColumnAndStoresNothing()
    {
        var admin = await App.AdminAsync();
        var csv = Csv([string.Join(",", EnglishHeader), .. BadRows.Select(r => string.Join(",", r))]);

        var response = await UploadAsync(admin, csv, "don-vi.csv", "text/csv");
        var html = await HtmlAsync(response);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Chưa có dữ liệu nào được lưu", html);
        var rows = ProblemRows(html);
        AssertBadRowProblems(rows.Select(r => (r.Row, (string?)r.Column)).ToList());
        Assert.Contains(rows, r => r.Row == 3 && r.Message.Contains("Bộ"));
        Assert.Contains(rows, r => r.Row == 4 && r.Message.Contains("31/02/2020"));
        Assert.Contains(rows, r => r.Row == 6 && r.Message.Contains("KHONG-CO"));
        Assert.Equal(0, await UnitCountAsync(App));
    }

    [Fact]
    public async Task ImportPageRefusesADisguisedFile()
    {
        var admin = await App.AdminAsync();

        var textAsXlsx = await UploadAsync(admin, GoodCsv, "don-vi.xlsx", XlsxContentType);
        var pdf = await UploadAsync(admin, "%PDF-1.4"u8.ToArray(), "don-vi.pdf", "application/pdf");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, textAsXlsx.StatusCode);
        var html = await HtmlAsync(textAsXlsx);
        Assert.Contains("không phải Xlsx", html);
        Assert.Contains("id=\"file-error\"", html);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, pdf.StatusCode);
        Assert.Contains("Chỉ nhận tệp CSV hoặc XLSX.", await HtmlAsync(pdf));
        Assert.Equal(0, await UnitCountAsync(App));
    }

    [Fact]
    public async Task ImportPageRefusesAnEmptyOrMissingFile()
    {
        var admin = await App.AdminAsync();

        var empty = await UploadAsync(admin, [], "don-vi.csv", "text/csv");
        var missing = await PostFormAsync(admin, "/quan-tri/don-vi/nhap", new { });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, empty.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, missing.StatusCode);
        Assert.Contains("Hãy chọn một tệp CSV hoặc XLSX", await HtmlAsync(missing));
    }

    [Fact]
    public async Task TheTemplateHasTheAcceptedHeadersAndImportsOnceFilledIn()
    {
        var admin = await App.AdminAsync();

        var template = await admin.GetAsync("/quan-tri/don-vi/nhap?handler=template");
        var englishTemplate = await admin.GetAsync("/quan-tri/don-vi/nhap?handler=template&lang=en-GB");

        Assert.Equal(HttpStatusCode.OK, template.StatusCode);
        Assert.Equal("text/csv", template.Content.Headers.ContentType?.MediaType);
        Assert.Equal("mau-nhap-don-vi.csv", template.Content.Headers.ContentDisposition?.FileNameStar ?? template.Content.Headers.ContentDisposition?.FileName);
        var text = await template.Content.ReadAsStringAsync();
        Assert.Equal("Mã,Tên,Tên tiếng Anh,Loại,Hiệu lực từ,Hiệu lực đến,Đơn vị cha,Năm,Khối", text.Trim('\uFEFF', '\r', '\n'));
        Assert.StartsWith("code,name_vi,name_en,kind,valid_from,valid_to,parent_code,block_year,block_code", await englishTemplate.Content.ReadAsStringAsync());

        // Filled in by an officer: the template's own bytes (with its BOM) plus one row.
        var filled = (await template.Content.ReadAsByteArrayAsync()).Concat(Csv("SNV,Sở Nội vụ,Department of Home Affairs,Sở,01/01/2000,,,,")).ToArray();
        var imported = await UploadAsync(admin, filled, "mau-nhap-don-vi.csv", "text/csv");
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        var unit = await App.WithDbAsync(db => db.Units.SingleAsync());
        Assert.Equal(("SNV", "Sở Nội vụ", "Department of Home Affairs"), (unit.Code, unit.NameVi, unit.NameEn));
    }

    private static void AssertBadRowProblems(IReadOnlyList<(int Row, string? Column)> problems)
    {
        Assert.Contains((3, "kind"), problems);
        Assert.Contains((4, "valid_from"), problems);
        Assert.Contains((5, "code"), problems);
        Assert.Contains((6, "parentCode"), problems);
        Assert.DoesNotContain(problems, p => p.Row == 2);
    }
}

public sealed class UnitImportTestsOnSqlite() : UnitImportTests(DatabaseKind.Sqlite);

public sealed class UnitImportTestsOnPostgres() : UnitImportTests(DatabaseKind.Postgres);
