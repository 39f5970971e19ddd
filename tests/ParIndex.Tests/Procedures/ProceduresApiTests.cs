using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using static ParIndex.Tests.Units.UnitsTestKit;

namespace ParIndex.Tests.Procedures;

/// <summary>The procedure catalogue through the API and the administration pages.</summary>
public abstract class ProceduresApiTests(DatabaseKind kind) : AppTest(kind)
{
    private static object Procedure(string nameVi, string sector, string level, object time, string unit = "WorkingDays", bool cutOff = false, string online = "None", string? nameEn = null) =>
        new { nameVi, nameEn, sector, level, processingTime = time, processingUnit = unit, afterCutOffCountsNextDay = cutOff, feeBearing = false, onlineLevel = online };

    private async Task SeedAsync(HttpClient admin)
    {
        foreach (var (code, body) in new (string, object)[]
        {
            ("1.001193", Procedure("Đăng ký khai sinh", "Tư pháp – Hộ tịch", "Commune", 0, cutOff: true, online: "EndToEnd", nameEn: "Birth registration")),
            ("1.004873", Procedure("Cấp Giấy xác nhận tình trạng hôn nhân", "Tư pháp – Hộ tịch", "Commune", 3, online: "EndToEnd")),
            ("1.009994", Procedure("Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ", "Xây dựng", "Commune", 15, online: "Partial")),
            ("2.001610", Procedure("Đăng ký thành lập công ty TNHH một thành viên", "Kế hoạch và Đầu tư", "Province", 3, online: "EndToEnd")),
        })
        {
            var response = await admin.PutAsJsonAsync($"/api/v1/procedures/{code}", body);
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        }
    }

    private static async Task<List<string>> CodesAsync(HttpClient client, string query) =>
        [.. (await client.GetFromJsonAsync<JsonElement>("/api/v1/procedures" + query)).EnumerateArray().Select(p => p.GetProperty("code").GetString()!)];

    [Fact]
    public async Task TheCatalogueIsPublicAndFiltersBySectorLevelOnlineLevelAndSearch()
    {
        await SeedAsync(await App.AdminAsync());
        var client = App.Anonymous();

        Assert.Equal(["2.001610", "1.004873", "1.001193", "1.009994"], await CodesAsync(client, ""));
        Assert.Equal(["1.004873", "1.001193"], await CodesAsync(client, "?sector=T%C6%B0%20ph%C3%A1p%20%E2%80%93%20H%E1%BB%99%20t%E1%BB%8Bch"));
        Assert.Equal(["2.001610"], await CodesAsync(client, "?level=Province"));
        Assert.Equal(["1.009994"], await CodesAsync(client, "?onlineLevel=Partial"));
        Assert.Equal(["1.001193"], await CodesAsync(client, "?q=khai%20sinh"));
        Assert.Equal(["1.001193"], await CodesAsync(client, "?q=KHAI%20SINH"));
        var birth = await client.GetFromJsonAsync<JsonElement>("/api/v1/procedures/1.001193");
        Assert.Equal("Birth registration", birth.GetProperty("nameEn").GetString());
        Assert.Equal("same day; received after 15:00 counts from the next working day", birth.GetProperty("deadlineEn").GetString());
        var missing = await client.GetAsync("/api/v1/procedures/9.999999");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task FractionalDaysAndMissingFieldsAreRefusedByName()
    {
        var admin = await App.AdminAsync();

        var halfDay = await admin.PutAsJsonAsync("/api/v1/procedures/1.000001", Procedure("Nửa ngày", "Tư pháp", "Commune", 0.5));
        var halfHour = await admin.PutAsJsonAsync("/api/v1/procedures/1.000002", Procedure("Nửa giờ", "Tư pháp", "Commune", 1.5, unit: "Hours"));
        var empty = await admin.PutAsJsonAsync("/api/v1/procedures/bad%20code", new { nameVi = "", sector = "" });

        foreach (var (response, fields) in new[] { (halfDay, new[] { "processingTime" }), (halfHour, ["processingTime"]), (empty, ["code", "nameVi", "sector", "level", "processingTime"]) })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();
            Assert.Equal(fields.Order(), errors.Order());
        }
        Assert.Contains("4 giờ làm việc", await halfDay.Content.ReadAsStringAsync());
        Assert.Equal(0, await App.WithDbAsync(db => db.Procedures.CountAsync()));
    }

    [Fact]
    public async Task SavingAProcedureIsAuditedOnlyWhenSomethingChanged()
    {
        var admin = await App.AdminAsync();

        await admin.PutAsJsonAsync("/api/v1/procedures/1.009994", Procedure("Cấp giấy phép xây dựng", "Xây dựng", "Commune", 15));
        await admin.PutAsJsonAsync("/api/v1/procedures/1.009994", Procedure("Cấp giấy phép xây dựng", "Xây dựng", "Commune", 15));
        await admin.PutAsJsonAsync("/api/v1/procedures/1.009994", Procedure("Cấp giấy phép xây dựng", "Xây dựng", "Commune", 20));

        var audit = await App.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityKey == "1.009994").OrderBy(a => a.Id).ToListAsync());
        Assert.Equal(["procedure.created", "procedure.updated"], audit.Select(a => a.Action));
        Assert.Equal(TestApp.AdminEmail, audit[1].Actor);
        Assert.Contains("\"ProcessingTime\":\"15\"", audit[1].OldValue);
        Assert.Contains("\"ProcessingTime\":\"20\"", audit[1].NewValue);
    }

    [Fact]
    public async Task AnonymousCallersCannotChangeTheCatalogue()
    {
        var client = App.Anonymous();

        var put = await client.PutAsJsonAsync("/api/v1/procedures/1.001193", Procedure("Đăng ký khai sinh", "Hộ tịch", "Commune", 0));
        var import = await client.PostAsync("/api/v1/procedures/import", new StringContent("code\n1", System.Text.Encoding.UTF8, "text/csv"));
        var page = await client.GetAsync("/quan-tri/thu-tuc");

        Assert.Equal(HttpStatusCode.Unauthorized, put.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, import.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
    }

    [Fact]
    public async Task TheAdministrationPagesListFilterCreateAndEditProcedures()
    {
        var admin = await App.AdminAsync();
        await SeedAsync(admin);

        var list = await PageAsync(admin, "/quan-tri/thu-tuc?online=EndToEnd");
        var search = await PageAsync(admin, "/quan-tri/thu-tuc?q=giay%20phep");
        var created = await PostFormAsync(admin, "/quan-tri/thu-tuc/moi", new
        {
            Code = "2.000815", NameVi = "Chứng thực bản sao từ bản chính", NameEn = "", Sector = "Tư pháp – Chứng thực", Level = "Commune",
            ProcessingTime = "0", ProcessingUnit = "WorkingDays", AfterCutOff = "true", FeeBearing = "true", OnlineLevel = "Partial",
        });
        var duplicate = await PostFormAsync(admin, "/quan-tri/thu-tuc/moi", new
        {
            Code = "2.000815", NameVi = "Lặp", Sector = "X", Level = "Commune", ProcessingTime = "1", ProcessingUnit = "WorkingDays", OnlineLevel = "None",
        });
        var refused = await PostFormAsync(admin, "/quan-tri/thu-tuc/1.009994", new
        {
            NameVi = "Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ", Sector = "Xây dựng", Level = "Commune", ProcessingTime = "7,5", ProcessingUnit = "WorkingDays", OnlineLevel = "Partial",
        });
        var edited = await PostFormAsync(admin, "/quan-tri/thu-tuc/1.009994", new
        {
            NameVi = "Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ", Sector = "Xây dựng", Level = "Commune", ProcessingTime = "12", ProcessingUnit = "WorkingDays", OnlineLevel = "EndToEnd",
        });
        var editPage = await PageAsync(admin, "/quan-tri/thu-tuc/1.009994");

        Assert.Contains("<tr data-code=\"1.001193\">", list);
        Assert.DoesNotContain("<tr data-code=\"1.009994\">", list);
        Assert.Contains("<tr data-code=\"1.009994\">", search);
        Assert.DoesNotContain("<tr data-code=\"1.001193\">", search);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal("/quan-tri/thu-tuc/2.000815", created.Headers.Location?.OriginalString);
        var copy = await App.Anonymous().GetFromJsonAsync<JsonElement>("/api/v1/procedures/2.000815");
        Assert.True(copy.GetProperty("afterCutOffCountsNextDay").GetBoolean());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, duplicate.StatusCode);
        Assert.Contains("Đã có thủ tục mã '2.000815'.", await HtmlAsync(duplicate));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var refusedHtml = await HtmlAsync(refused);
        Assert.Contains("id=\"processingTime-error\"", refusedHtml);
        Assert.Contains("value=\"7,5\"", refusedHtml);
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        Assert.Contains("Đã lưu thủ tục 1.009994.", editPage);
        Assert.Contains("12 ngày làm việc", editPage);
        Assert.Contains("href=\"/lich-lam-viec?days=12#calculator\"", editPage);
    }
}

public sealed class ProceduresApiTestsOnSqlite() : ProceduresApiTests(DatabaseKind.Sqlite);

public sealed class ProceduresApiTestsOnPostgres() : ProceduresApiTests(DatabaseKind.Postgres);
