using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ParIndex.Tests.Dossiers.DossiersTestKit;

namespace ParIndex.Tests.Dossiers;

/// <summary>Apologies of late dossiers: recorded through the API, a file and the dossier page; flagged when missing; printed as DOCX and PDF.</summary>
public abstract class DossierApologyTests(DatabaseKind kind) : AppTest(kind)
{
    private async Task<HttpClient> LateDossiersAsync()
    {
        await SeedAsync(App);
        var admin = await App.AdminAsync();
        await PostBatchAsync(admin, Csv(
            Row("LATE-1", "2025-03-03 09:00", promised: "06/03/2025", done: "2025-03-10 10:00"),
            Row("LATE-2", "2025-03-03 09:00", promised: "06/03/2025"),
            Row("ONTIME", "2025-03-03 09:00", promised: "06/03/2025", done: "2025-03-05 10:00")));
        return admin;
    }

    private static object Apology(string issued = "2025-03-06", string reason = "Phải lấy ý kiến của Sở Tài nguyên và Môi trường", string appointment = "2025-03-12") =>
        new { issuedOn = issued, reason, newAppointment = appointment, signedBy = "Nguyễn Thị Hồng" };

    [Fact]
    public async Task LateDossiersWithoutAnApologyAreListedUntilOneIsRecorded()
    {
        var admin = await LateDossiersAsync();

        var before = await admin.GetFromJsonAsync<JsonElement[]>("/api/v1/dossiers/late-without-apology");
        var recorded = await admin.PutAsJsonAsync("/api/v1/dossiers/LATE-1/apology", Apology());
        var after = await admin.GetFromJsonAsync<JsonElement[]>("/api/v1/dossiers/late-without-apology?unit=STP&period=2025-03");

        Assert.Equal(["LATE-2", "LATE-1"], before!.Select(r => r.GetProperty("code").GetString()!).Order().Reverse().ToArray());
        Assert.Equal(HttpStatusCode.OK, recorded.StatusCode);
        Assert.Equal(["LATE-2"], after!.Select(r => r.GetProperty("code").GetString()!).ToArray());
        var audit = await App.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityKey == "LATE-1").Select(a => a.Action).ToListAsync());
        Assert.Equal(["dossier.apology-recorded"], audit);
    }

    [Fact]
    public async Task AnApologyNeedsADateAReasonAndANewAppointmentAfterTheDueDate()
    {
        var admin = await LateDossiersAsync();

        var empty = await admin.PutAsJsonAsync("/api/v1/dossiers/LATE-1/apology", new { });
        var tooEarly = await admin.PutAsJsonAsync("/api/v1/dossiers/LATE-1/apology", Apology(appointment: "2025-03-06"));
        var missing = await admin.PutAsJsonAsync("/api/v1/dossiers/NO-SUCH/apology", Apology());

        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var errors = (await empty.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("issued_on", out _));
        Assert.True(errors.TryGetProperty("reason", out _));
        Assert.True(errors.TryGetProperty("new_appointment", out _));
        Assert.Equal(HttpStatusCode.BadRequest, tooEarly.StatusCode);
        Assert.Contains("06/03/2025", await tooEarly.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task TheApologySlipOpensAsAWordDocumentInVietnamese()
    {
        var admin = await LateDossiersAsync();
        await admin.PutAsJsonAsync("/api/v1/dossiers/LATE-1/apology", Apology());

        var response = await admin.GetAsync("/api/v1/dossiers/LATE-1/apology/slip?format=docx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType?.MediaType);
        await using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var document = WordprocessingDocument.Open(stream, isEditable: false);
        var text = string.Join("\n", document.MainDocumentPart!.Document.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText));
        Assert.Contains("PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ", text);
        Assert.Contains("LATE-1", text);
        Assert.Contains("Sở Tư pháp", text);
        Assert.Contains("Cấp giấy phép kinh doanh karaoke", text);
        Assert.Contains("Phải lấy ý kiến của Sở Tài nguyên và Môi trường", text);
        Assert.Contains("ngày 12/03/2025", text);
        Assert.Contains("ngày 06/03/2025", text);
        Assert.Contains("Nguyễn Thị Hồng", text);
    }

    [Fact]
    public async Task WithAPdfSharpLicenceChosenTheApologySlipIsAPdfThatCarriesTheDossierCode()
    {
        // PDFsharp 6.5 must be told its licence; the test chooses AGPL as an operator would (Dossiers:PdfSharpLicense).
        using var app = await TestApp.StartAsync(Kind, services => services.Configure<ParIndex.Dossiers.DossierOptions>(o => o.PdfSharpLicense = "AGPL"));
        await SeedAsync(app);
        var admin = await app.AdminAsync();
        await PostBatchAsync(admin, Csv(Row("LATE-1", "2025-03-03 09:00", promised: "06/03/2025", done: "2025-03-10 10:00")));
        await admin.PutAsJsonAsync("/api/v1/dossiers/LATE-1/apology", Apology());

        var response = await admin.GetAsync("/api/v1/dossiers/LATE-1/apology/slip?format=pdf");
        var page = await admin.GetStringAsync("/quan-tri/ho-so/LATE-1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF", Encoding.ASCII.GetString(bytes, 0, 4));
        Assert.Contains("LATE-1", Encoding.Latin1.GetString(bytes));
        Assert.Contains("DejaVu", Encoding.Latin1.GetString(bytes)); // the embedded font with Vietnamese glyphs
        Assert.Contains("id=\"slip-pdf\"", page);
    }

    [Fact]
    public async Task WithoutAPdfSharpLicenceOnlyTheWordSlipIsOffered()
    {
        var admin = await LateDossiersAsync();
        await admin.PutAsJsonAsync("/api/v1/dossiers/LATE-1/apology", Apology());

        var pdf = await admin.GetAsync("/api/v1/dossiers/LATE-1/apology/slip?format=pdf");
        var page = await admin.GetStringAsync("/quan-tri/ho-so/LATE-1");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, pdf.StatusCode);
        Assert.Contains("PdfSharpLicense", await pdf.Content.ReadAsStringAsync());
        Assert.Contains("id=\"slip-docx\"", page);
        Assert.DoesNotContain("id=\"slip-pdf\"", page);
    }

    [Fact]
    public async Task ADossierWithoutAnApologyHasNoSlip()
    {
        var admin = await LateDossiersAsync();

        var response = await admin.GetAsync("/api/v1/dossiers/LATE-2/apology/slip");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task ApologiesFromAFileAreAllOrNothing()
    {
        var admin = await LateDossiersAsync();
        var bad = "Mã hồ sơ,Ngày xin lỗi,Lý do,Ngày hẹn mới\nLATE-1,06/03/2025,Chờ kết quả thẩm định,12/03/2025\nLATE-2,06/03/2025,,12/03/2025\nNO-SUCH,06/03/2025,x,12/03/2025\n";
        var good = "code,issued_on,reason,new_appointment\nLATE-1,06/03/2025,Chờ kết quả thẩm định,12/03/2025\nLATE-2,07/03/2025,Hệ thống gặp sự cố,14/03/2025\n";

        var rejected = await admin.PostAsync("/api/v1/dossiers/apologies/import", new StringContent(bad, Encoding.UTF8, "text/csv"));
        var accepted = await admin.PostAsync("/api/v1/dossiers/apologies/import", new StringContent(good, Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, rejected.StatusCode);
        var problems = (await rejected.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("problems").EnumerateArray().ToList();
        Assert.Contains(problems, p => p.GetProperty("rowNumber").GetInt32() == 3 && p.GetProperty("column").GetString() == "reason");
        Assert.Contains(problems, p => p.GetProperty("rowNumber").GetInt32() == 4 && p.GetProperty("column").GetString() == "code");
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(2, await App.WithDbAsync(db => db.DossierApologies.CountAsync()));
        Assert.Empty((await admin.GetFromJsonAsync<JsonElement[]>("/api/v1/dossiers/late-without-apology"))!);
    }

    [Fact]
    public async Task TheDossierPageRecordsAnApologyAndOffersTheSlip()
    {
        var admin = await LateDossiersAsync();
        var token = await TestApp.AntiforgeryTokenAsync(admin, "/quan-tri/ho-so/LATE-2");
        var page = await admin.GetStringAsync("/quan-tri/ho-so/LATE-2");

        var invalid = await admin.PostAsync("/quan-tri/ho-so/LATE-2", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["IssuedOn"] = "2025-03-06", ["Reason"] = "", ["NewAppointment"] = "2025-03-05", ["__RequestVerificationToken"] = token,
        }));
        var saved = await admin.PostAsync("/quan-tri/ho-so/LATE-2", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["IssuedOn"] = "2025-03-06", ["Reason"] = "Chờ xác minh thực địa", ["NewAppointment"] = "2025-03-14", ["SignedBy"] = "Trần Văn Bình", ["__RequestVerificationToken"] = token,
        }));
        var after = await admin.GetStringAsync("/quan-tri/ho-so/LATE-2?saved=1");

        Assert.Contains("id=\"apology-missing\"", page);
        Assert.Contains("Thiếu văn bản xin lỗi", page);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, invalid.StatusCode);
        var invalidHtml = await invalid.Content.ReadAsStringAsync();
        Assert.Contains("Thiếu lý do trễ hạn.", invalidHtml);
        Assert.Contains("phải sau hạn trả ban đầu", invalidHtml);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.DoesNotContain("id=\"apology-missing\"", after);
        Assert.Contains("id=\"slip-docx\"", after);
        var docx = await admin.GetAsync("/quan-tri/ho-so/LATE-2?handler=slip&format=docx");
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
    }
}

public sealed class DossierApologyTestsOnSqlite() : DossierApologyTests(DatabaseKind.Sqlite);

public sealed class DossierApologyTestsOnPostgres() : DossierApologyTests(DatabaseKind.Postgres);
