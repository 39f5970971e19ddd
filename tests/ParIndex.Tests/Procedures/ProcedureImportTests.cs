using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ParIndex.Core.Calendar;
using ParIndex.Dossiers;
using static ParIndex.Tests.Units.UnitsTestKit;

namespace ParIndex.Tests.Procedures;

/// <summary>Importing the procedure catalogue from CSV and XLSX: headers in either language, all-or-nothing, re-runnable.</summary>
public abstract class ProcedureImportTests(DatabaseKind kind) : AppTest(kind)
{
    private static readonly byte[] VietnameseCsv = Csv(
        "Mã thủ tục,Tên,Tên tiếng Anh,Lĩnh vực,Cấp,Thời hạn,Đơn vị thời hạn,Sau 15h,Có phí,Mức độ trực tuyến",
        "1.001193,Đăng ký khai sinh,Birth registration,Tư pháp – Hộ tịch,Xã,0,ngày làm việc,có,không,toàn trình",
        "1.009994,Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ,,Xây dựng,cấp xã,15,ngày làm việc,không,có,một phần",
        "2.002411,Giải quyết khiếu nại lần đầu,,Thanh tra,Tỉnh,30,ngày,,,không",
        "1.001046,Cấp giấy phép lưu hành xe quá tải trọng,,Giao thông vận tải,Tinh,16,gio,khong,khong,toan trinh");

    private static readonly string[] EnglishHeader = ["code", "name_vi", "name_en", "sector", "level", "processing_time", "processing_unit", "after_cut_off", "fee_bearing", "online_level"];

    [Fact]
    public async Task ACsvWithVietnameseHeadersCreatesTheProcedures()
    {
        var admin = await App.AdminAsync();

        var response = await ImportAsync(admin, VietnameseCsv, "text/csv");

        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == HttpStatusCode.OK, report.ToString());
        Assert.Equal(4, report.GetProperty("created").GetInt32());
        var procedures = await App.WithDbAsync(db => db.Procedures.OrderBy(p => p.Code).ToListAsync());
        var birth = procedures.Single(p => p.Code == "1.001193");
        Assert.Equal((ProcedureLevel.Commune, 0m, DeadlineUnit.WorkingDays, true, false, OnlineLevel.EndToEnd),
            (birth.Level, birth.ProcessingTime, birth.ProcessingUnit, birth.AfterCutOffCountsNextDay, birth.FeeBearing, birth.OnlineLevel));
        var permit = procedures.Single(p => p.Code == "1.009994");
        Assert.Equal((ProcedureLevel.Commune, 15m, false, true, OnlineLevel.Partial), (permit.Level, permit.ProcessingTime, permit.AfterCutOffCountsNextDay, permit.FeeBearing, permit.OnlineLevel));
        Assert.Null(permit.NameEn);
        var complaint = procedures.Single(p => p.Code == "2.002411");
        Assert.Equal((ProcedureLevel.Province, DeadlineUnit.CalendarDays, false, OnlineLevel.None), (complaint.Level, complaint.ProcessingUnit, complaint.FeeBearing, complaint.OnlineLevel));
        Assert.Equal(DeadlineUnit.Hours, procedures.Single(p => p.Code == "1.001046").ProcessingUnit);
    }

    [Fact]
    public async Task AnXlsxWithEnglishHeadersImportsToo()
    {
        var admin = await App.AdminAsync();
        var xlsx = Xlsx(EnglishHeader,
            ["2.001610", "Đăng ký thành lập công ty trách nhiệm hữu hạn một thành viên", "Registration of a single-member LLC", "Kế hoạch và Đầu tư", "Province", 3, "WorkingDays", "no", "yes", "EndToEnd"],
            ["2.000815", "Chứng thực bản sao từ bản chính", "", "Tư pháp – Chứng thực", "Commune", 0, "WorkingDays", "yes", "yes", "Partial"]);

        var response = await ImportAsync(admin, xlsx, XlsxContentType);

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var company = await App.Anonymous().GetFromJsonAsync<JsonElement>("/api/v1/procedures/2.001610");
        Assert.Equal("3 ngày làm việc", company.GetProperty("deadlineVi").GetString());
        Assert.Equal("EndToEnd", company.GetProperty("onlineLevel").GetString());
        var copy = await App.Anonymous().GetFromJsonAsync<JsonElement>("/api/v1/procedures/2.000815");
        Assert.Equal("trong ngày; nhận sau 15:00 tính từ ngày làm việc tiếp theo", copy.GetProperty("deadlineVi").GetString());
    }

    [Fact]
    public async Task BadRowsAreEachReportedByRowAndColumnAndNothingIsStored()
    {
        var admin = await App.AdminAsync();
        var csv = Csv(
            "ma_thu_tuc,ten,linh_vuc,cap,thoi_han,don_vi_thoi_han,sau_15h,co_phi,muc_do_truc_tuyen",
            "1.000001,Thủ tục tốt,Tư pháp,Xã,3,ngày làm việc,không,không,không",
            "1.000002,Cấp sai,Tư pháp,Bộ,3,ngày làm việc,không,không,không",
            "1.000003,Nửa ngày,Tư pháp,Xã,\"2,5\",ngày làm việc,không,không,không",
            "1.000004,Đơn vị sai,Tư pháp,Xã,3,tuần,không,không,không",
            "1.000005,Có lẽ,Tư pháp,Xã,3,ngày,có lẽ,không,không",
            "1.000001,Mã lặp,Tư pháp,Xã,3,ngày,không,không,không",
            "1.000007,,,Xã,,,,,mọi lúc");

        var response = await ImportAsync(admin, csv, "text/csv");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problems = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("problems").EnumerateArray()
            .Select(p => (p.GetProperty("rowNumber").GetInt32(), p.GetProperty("column").GetString())).ToList();
        Assert.Contains((3, "level"), problems);
        Assert.Contains((4, "processing_time"), problems);
        Assert.Contains((5, "processing_unit"), problems);
        Assert.Contains((6, "after_cut_off"), problems);
        Assert.Contains((7, "code"), problems);
        Assert.Contains((8, "name_vi"), problems);
        Assert.Contains((8, "sector"), problems);
        Assert.Contains((8, "processing_time"), problems);
        Assert.Contains((8, "online_level"), problems);
        Assert.DoesNotContain(problems, p => p.Item1 == 2);
        Assert.Equal(0, await App.WithDbAsync(db => db.Procedures.CountAsync()));
        Assert.Equal(0, await App.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == "procedure")));
    }

    [Fact]
    public async Task ReImportingMatchesByCodeAndAuditsOnlyWhatChanged()
    {
        var admin = await App.AdminAsync();

        var first = await (await ImportAsync(admin, VietnameseCsv, "text/csv")).Content.ReadFromJsonAsync<JsonElement>();
        var second = await (await ImportAsync(admin, VietnameseCsv, "text/csv; charset=utf-8")).Content.ReadFromJsonAsync<JsonElement>();
        var changed = Csv(
            "code,name_vi,sector,level,processing_time,processing_unit",
            "1.009994,Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ,Xây dựng,Commune,12,WorkingDays");
        var third = await (await ImportAsync(admin, changed, "text/csv")).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal((4, 0), (first.GetProperty("created").GetInt32(), first.GetProperty("updated").GetInt32()));
        Assert.Equal((0, 4), (second.GetProperty("created").GetInt32(), second.GetProperty("updated").GetInt32()));
        Assert.Equal((0, 1), (third.GetProperty("created").GetInt32(), third.GetProperty("updated").GetInt32()));
        Assert.Equal(4, await App.WithDbAsync(db => db.Procedures.CountAsync()));
        var audit = await App.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "procedure").OrderBy(a => a.Id).Select(a => new { a.Action, a.EntityKey }).ToListAsync());
        Assert.Equal(4, audit.Count(a => a.Action == "procedure.created"));
        var update = Assert.Single(audit, a => a.Action == "procedure.updated");
        Assert.Equal("1.009994", update.EntityKey);
        Assert.Equal(12m, await App.WithDbAsync(db => db.Procedures.Where(p => p.Code == "1.009994").Select(p => p.ProcessingTime).SingleAsync()));
    }

    [Fact]
    public async Task TheImportPageUploadsReportsAndOffersATemplate()
    {
        var admin = await App.AdminAsync();

        var template = await admin.GetAsync("/quan-tri/thu-tuc/nhap?handler=template");
        var templateBytes = await template.Content.ReadAsByteArrayAsync();
        var uploaded = await UploadAsync(admin, VietnameseCsv, "thu-tuc.csv");
        var refused = await UploadAsync(admin, Csv("ma_thu_tuc,ten,linh_vuc,cap,thoi_han", "1.1,Tên,Lĩnh vực,Sao Hỏa,1"), "sai.csv");
        var fromTemplate = await UploadAsync(admin, templateBytes, "mau-nhap-thu-tuc.csv");

        Assert.Equal(HttpStatusCode.OK, template.StatusCode);
        Assert.StartsWith("Mã thủ tục,Tên,Tên tiếng Anh,Lĩnh vực,Cấp,Thời hạn,Đơn vị thời hạn,Sau 15h,Có phí,Mức độ trực tuyến", System.Text.Encoding.UTF8.GetString(templateBytes).TrimStart('\uFEFF'));
        var html = await HtmlAsync(uploaded);
        Assert.Equal(HttpStatusCode.OK, uploaded.StatusCode);
        Assert.Contains("<span class=\"created\">4</span>", html);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains((2, "level"), ProblemRows(await HtmlAsync(refused)).Select(p => (p.Row, p.Column)));
        Assert.Equal(HttpStatusCode.OK, fromTemplate.StatusCode);
        Assert.Equal(5, await App.WithDbAsync(db => db.Procedures.CountAsync()));
    }

    [Fact]
    public async Task TheCliImportsAndListsProcedures()
    {
        var file = Path.Combine(App.Database.DataFolder, "thu-tuc.csv");
        await File.WriteAllBytesAsync(file, VietnameseCsv);
        var bad = Path.Combine(App.Database.DataFolder, "sai.csv");
        await File.WriteAllTextAsync(bad, "ma_thu_tuc,ten,linh_vuc,cap,thoi_han\n1.1,Tên,Lĩnh vực,Sao Hỏa,1\n");

        var imported = await CliRunner.RunAsync(App.Database, "procedures", "import", file);
        var refused = await CliRunner.RunAsync(App.Database, "procedures", "import", bad);
        var listed = await CliRunner.RunAsync(App.Database, "procedures", "list", "--search", "khai sinh");

        Assert.True(imported.ExitCode == 0, imported.Error);
        Assert.Contains("4 created", imported.Output);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("Row 2, level", refused.Error);
        Assert.Equal(0, listed.ExitCode);
        Assert.Contains("1.001193", listed.Output);
        Assert.Contains("same day; received after 15:00 counts from the next working day", listed.Output);
        Assert.Contains("1 procedure(s).", listed.Output);
    }

    private static Task<HttpResponseMessage> ImportAsync(HttpClient client, byte[] content, string contentType)
    {
        var body = new ByteArrayContent(content);
        body.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return client.PostAsync("/api/v1/procedures/import", body);
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] content, string fileName)
    {
        var token = await TestApp.AntiforgeryTokenAsync(client, "/quan-tri/thu-tuc/nhap");
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(token), "__RequestVerificationToken");
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse("text/csv");
        form.Add(file, "Upload", fileName);
        return await client.PostAsync("/quan-tri/thu-tuc/nhap", form);
    }
}

public sealed class ProcedureImportTestsOnSqlite() : ProcedureImportTests(DatabaseKind.Sqlite);

public sealed class ProcedureImportTestsOnPostgres() : ProcedureImportTests(DatabaseKind.Postgres);
