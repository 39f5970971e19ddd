using System.Text;
using Microsoft.EntityFrameworkCore;
using static ParIndex.Tests.Dossiers.DossiersTestKit;

namespace ParIndex.Tests.Dossiers;

/// <summary>Ingestion through the batch API: validation by row and column, idempotent re-import, duplicates, cut-off files.</summary>
public abstract class DossierImportTests(DatabaseKind kind) : AppTest(kind)
{
    private static readonly string[] GoodRows =
    [
        Row("HS-001", "2025-03-03 09:00", promised: "06/03/2025", done: "2025-03-05 10:00", returned: "2025-03-06 09:00", payment: "truc_tuyen", digitised: "1", electronic: "co", rating: "hai_long"),
        Row("HS-002", "03/03/2025 14:10", unit: "PBN", procedure: SameDayCutOff, done: "2025-03-04 09:00"),
        Row("HS-003", "2025-03-04T10:00:00+07:00", channel: "truc_tuyen", done: "2025-03-12 16:00"),
    ];

    [Fact]
    public async Task AValidFileIsStoredWithDueDatesAndVerdicts()
    {
        await SeedAsync(App);
        var admin = await App.AdminAsync();

        var (status, report) = await PostBatchAsync(admin, Csv(GoodRows));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Completed", report.GetProperty("status").GetString());
        Assert.Equal(3, L(report, "rowsRead"));
        Assert.Equal(3, L(report, "created"));
        Assert.Equal(0, L(report, "rowsRejected"));
        var first = await DossierAsync(admin, "HS-001");
        Assert.Equal("OnTime", first.GetProperty("outcome").GetString());
        Assert.True(first.GetProperty("duePromised").GetBoolean());
        Assert.Equal("Online", first.GetProperty("payment").GetString());
        // Same-day certified copy received at 14:10 (before the cut-off): due that day, done the next → late.
        var second = await DossierAsync(admin, "HS-002");
        Assert.Equal("Late", second.GetProperty("outcome").GetString());
        Assert.False(second.GetProperty("duePromised").GetBoolean());
        Assert.Equal("2025-03-03", second.GetProperty("dueDate").GetString());
        // Three working days from Tue 4/3 end on Fri 7/3; done Wed 12/3 → late.
        var third = await DossierAsync(admin, "HS-003");
        Assert.Equal("Late", third.GetProperty("outcome").GetString());
        Assert.True(third.GetProperty("endToEnd").GetBoolean()); // online filing of an end-to-end procedure
        Assert.Contains(third.GetProperty("deadlineSteps").EnumerateArray(), s => s.GetProperty("vi").GetString()!.Contains("3 ngày làm việc"));
    }

    [Fact]
    public async Task MalformedRowsAreReportedByRowAndColumnAndTheOthersAreStored()
    {
        await SeedAsync(App);
        var admin = await App.AdminAsync();
        var body = Csv(
            GoodRows[0],
            Row("HS-BAD-1", "2025-13-03 09:00"),                                // row 3: malformed receipt
            Row("HS-BAD-2", "2025-03-03"),                                      // row 4: receipt without a time
            Row("HS-BAD-3", "2025-03-03 09:00", channel: "bồ câu"),             // row 5: unknown channel
            Row("HS-BAD-4", "2025-03-03 09:00", done: "2025-03-02 10:00"),      // row 6: done before receipt
            Row("HS-BAD-5", "2025-03-03 09:00", supplementCompleted: "2025-03-04 10:00"), // row 7: supplement with no request
            Row("", "2025-03-03 09:00"),                                        // row 8: no code
            Row("HS-BAD-7", "2025-03-03 09:00", rating: "tuyệt vời", digitised: "có lẽ"), // row 9: two bad cells
            "HS-BAD-8,STP,1.000003,truc_tiep");                                 // row 10: too few fields

        var (status, report) = await PostBatchAsync(admin, body);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("CompletedWithErrors", report.GetProperty("status").GetString());
        Assert.Equal(9, L(report, "rowsRead"));
        Assert.Equal(1, L(report, "rowsStored"));
        Assert.Equal(8, L(report, "rowsRejected"));
        var errors = Errors(report).ToList();
        Assert.Contains(errors, e => e.Row == 3 && e.Column == "received_at");
        Assert.Contains(errors, e => e.Row == 4 && e.Column == "received_at" && e.Message.Contains("thiếu giờ"));
        Assert.Contains(errors, e => e.Row == 5 && e.Column == "channel" && e.Message.Contains("bồ câu"));
        Assert.Contains(errors, e => e.Row == 6 && e.Column == "done_at" && e.Message.Contains("trước thời điểm tiếp nhận"));
        Assert.Contains(errors, e => e.Row == 7 && e.Column == "supplement_completed_at" && e.Message.Contains("sai thứ tự"));
        Assert.Contains(errors, e => e.Row == 8 && e.Column == "code");
        Assert.Contains(errors, e => e.Row == 9 && e.Column == "rating");
        Assert.Contains(errors, e => e.Row == 9 && e.Column == "digitised");
        Assert.Contains(errors, e => e.Row == 10 && e.Column is null);
        Assert.Equal(1, await DossierCountAsync(App));

        // The full report is stored with the batch.
        var batchId = report.GetProperty("batchId").GetInt32();
        var stored = await admin.GetFromJsonAsync<System.Text.Json.JsonElement[]>($"/api/v1/dossiers/batches/{batchId}/errors");
        Assert.Equal(errors.Count, stored!.Length);
    }

    [Fact]
    public async Task UnknownUnitsAndProceduresAndUnitsNotInExistenceAreRejected()
    {
        await SeedAsync(App);
        var admin = await App.AdminAsync();

        var (_, report) = await PostBatchAsync(admin, Csv(
            Row("HS-U", "2025-03-03 09:00", unit: "KHONG-CO"),
            Row("HS-P", "2025-03-03 09:00", procedure: "9.999999"),
            Row("HS-OLD", "2025-08-01 09:00", unit: "POLD"),
            Row("HS-OK", "2025-06-30 09:00", unit: "POLD")));

        var errors = Errors(report).ToList();
        Assert.Contains(errors, e => e.Row == 2 && e.Column == "unit" && e.Message.Contains("KHONG-CO"));
        Assert.Contains(errors, e => e.Row == 3 && e.Column == "procedure" && e.Message.Contains("9.999999"));
        Assert.Contains(errors, e => e.Row == 4 && e.Column == "unit" && e.Message.Contains("01/08/2025"));
        Assert.Equal(1, L(report, "rowsStored"));
    }

    [Fact]
    public async Task ADuplicateCodeInOneFileKeepsTheLastRow()
    {
        await SeedAsync(App);
        var admin = await App.AdminAsync();

        var (_, report) = await PostBatchAsync(admin, Csv(
            Row("HS-DUP", "2025-03-03 09:00"),
            GoodRows[1],
            Row("HS-DUP", "2025-03-03 09:00", done: "2025-03-04 10:00")));

        Assert.Equal(3, L(report, "rowsStored"));
        Assert.Equal(2, L(report, "created"));
        Assert.Equal(1, L(report, "duplicates"));
        Assert.Equal(2, await DossierCountAsync(App));
        Assert.Equal("OnTime", (await DossierAsync(admin, "HS-DUP")).GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task ReImportingTheSameFileUpdatesWithoutDuplicating()
    {
        await SeedAsync(App);
        var admin = await App.AdminAsync();

        await PostBatchAsync(admin, Csv(GoodRows));
        var (_, again) = await PostBatchAsync(admin, Csv(GoodRows));

        Assert.Equal(0, L(again, "created"));
        Assert.Equal(3, L(again, "updated"));
        Assert.Equal(3, await DossierCountAsync(App));
        var events = (await DossierAsync(admin, "HS-001")).GetProperty("events").GetArrayLength();
        Assert.Equal(2, events);
    }

    [Fact]
    public async Task AFileCutOffHalfWayStoresTheCompleteRowsBeforeTheCutAndTheFullFileCompletesIt()
    {
        await SeedAsync(App);
        var admin = await App.AdminAsync();
        var full = Csv(GoodRows);
        // Cut inside the last row's received_at.
        var text = Encoding.UTF8.GetString(full);
        var cut = Encoding.UTF8.GetBytes(text[..(text.IndexOf("HS-003", StringComparison.Ordinal) + 20)]);

        var (status, report) = await PostBatchAsync(admin, cut);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal("Failed", report.GetProperty("status").GetString());
        Assert.Equal(2, L(report, "rowsStored"));
        Assert.Equal(1, L(report, "rowsRejected"));
        Assert.Contains("cắt ngang", report.GetProperty("message").GetString());
        Assert.Equal(2, await DossierCountAsync(App));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/v1/dossiers/HS-003")).StatusCode);

        var (_, complete) = await PostBatchAsync(admin, full);

        Assert.Equal("Completed", complete.GetProperty("status").GetString());
        Assert.Equal(1, L(complete, "created"));
        Assert.Equal(2, L(complete, "updated"));
        Assert.Equal(3, await DossierCountAsync(App));
    }

    [Fact]
    public async Task ALastLineWithoutALineBreakIsNotStoredBecauseItMayBeCut()
    {
        await SeedAsync(App);
        var admin = await App.AdminAsync();
        var body = Encoding.UTF8.GetBytes(Header + "\n" + GoodRows[0] + "\n" + GoodRows[1]);

        var (status, report) = await PostBatchAsync(admin, body);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("CompletedWithErrors", report.GetProperty("status").GetString());
        Assert.Equal(1, L(report, "rowsStored"));
        Assert.Contains(Errors(report), e => e.Row == 3 && e.Message.Contains("dấu xuống dòng"));
    }

    [Fact]
    public async Task VietnameseHeadersSemicolonsQuotesAndABomAreRead()
    {
        await SeedAsync(App);
        var admin = await App.AdminAsync();
        var csv = "\uFEFFMã hồ sơ;Mã đơn vị;Mã thủ tục;Kênh tiếp nhận;Ngày tiếp nhận;Ngày hẹn trả;Ngày yêu cầu bổ sung;Ngày xử lý xong;Họ tên người nộp\r\n" +
                  "HS-VI-1;STP;1.000003;Trực tiếp;03/03/2025 09:00;06/03/2025;;05/03/2025 10:00;\"Nguyễn Văn A; B\"\r\n" +
                  "HS-VI-2;PBN;1.000000;Trực tuyến;03/03/2025 09:00;;\"04/03/2025 09:00|05/03/2025 09:00\";06/03/2025 10:00;Trần Thị C\r\n";

        var (_, report) = await PostBatchAsync(admin, Encoding.UTF8.GetBytes(csv));

        Assert.Equal(2, L(report, "rowsStored"));
        Assert.Contains("Họ tên người nộp", report.GetProperty("message").GetString());
        Assert.Equal("Late", (await DossierAsync(admin, "HS-VI-2")).GetProperty("outcome").GetString()); // two supplement requests
        // The citizen's name is not stored anywhere.
        var stored = await App.WithDbAsync(db => db.Dossiers.Select(d => d.Code + d.Events).ToListAsync());
        Assert.DoesNotContain(stored, s => s.Contains("Nguyễn"));
    }

    [Fact]
    public async Task AHeaderWithoutRequiredColumnsStoresNothing()
    {
        await SeedAsync(App);
        var admin = await App.AdminAsync();

        var (status, report) = await PostBatchAsync(admin, Encoding.UTF8.GetBytes("code,unit\nHS-1,STP\n"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains(Errors(report), e => e.Row == 1 && e.Column == "received_at");
        Assert.Equal(0, await DossierCountAsync(App));
    }

    [Fact]
    public async Task AJsonBatchIsImportedElementByElement()
    {
        await SeedAsync(App);
        var admin = await App.AdminAsync();
        var json = """
            [
              { "code": "J-1", "unit": "STP", "procedure": "1.000003", "channel": "Online", "receivedAt": "2025-03-03T09:00:00+07:00",
                "events": [ { "kind": "ProcessingDone", "at": "2025-03-05T10:00:00+07:00" }, { "kind": "ProcessingDone", "at": "2025-03-05T10:00:00+07:00" } ],
                "payment": "Online", "digitised": true, "rating": "VerySatisfied" },
              { "code": "J-2", "unit": "STP", "procedure": "1.000003", "channel": "InPerson", "receivedAt": "2025-03-03T09:00:00+07:00",
                "events": [ { "kind": "Teleported", "at": "2025-03-05T10:00:00+07:00" } ] }
            ]
            """;

        var (status, report) = await PostBatchAsync(admin, Encoding.UTF8.GetBytes(json), "application/json");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(1, L(report, "rowsStored"));
        Assert.Contains(Errors(report), e => e.Row == 2 && e.Column == "events" && e.Message.Contains("Teleported"));
        var stored = await DossierAsync(admin, "J-1");
        Assert.Equal(1, stored.GetProperty("events").GetArrayLength()); // the repeated event is kept once
        Assert.Equal("VerySatisfied", stored.GetProperty("rating").GetString());
    }

    [Fact]
    public async Task AJsonBatchCutOffKeepsTheCompleteElements()
    {
        await SeedAsync(App);
        var admin = await App.AdminAsync();
        var json = """[ { "code": "J-1", "unit": "STP", "procedure": "1.000003", "channel": "Online", "receivedAt": "2025-03-03T09:00" }, { "code": "J-2", "unit": "ST""";

        var (status, report) = await PostBatchAsync(admin, Encoding.UTF8.GetBytes(json), "application/json");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal(1, L(report, "rowsStored"));
        Assert.Equal(1, await DossierCountAsync(App));
    }

    [Fact]
    public async Task TheBatchIsRecordedWithItsCounts()
    {
        await SeedAsync(App);
        var admin = await App.AdminAsync();
        var (_, report) = await PostBatchAsync(admin, Csv(GoodRows[0], Row("HS-X", "bad")));

        var batch = await admin.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/dossiers/batches/{report.GetProperty("batchId").GetInt32()}");

        Assert.Equal("CompletedWithErrors", batch.GetProperty("status").GetString());
        Assert.Equal("Api", batch.GetProperty("source").GetString());
        Assert.Equal(TestApp.AdminEmail, batch.GetProperty("actor").GetString());
        Assert.Equal(2, L(batch, "rowsRead"));
        Assert.Equal(1, L(batch, "rowsRejected"));
        Assert.True(batch.TryGetProperty("finishedAtUtc", out var finished) && finished.ValueKind != System.Text.Json.JsonValueKind.Null);
    }

    [Fact]
    public async Task TheOneStopSystemSendsWithItsTokenAndAUnitRestrictedTokenOnlyItsUnitsDossiers()
    {
        await SeedAsync(App);
        var admin = await App.AdminAsync();
        var created = await admin.PostAsJsonAsync("/api/v1/tokens", new { name = "Một cửa Sở Tư pháp", scopes = new[] { "dossiers:write" }, unitCode = "STP" });
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var secret = (await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("secret").GetString();
        var machine = App.Anonymous();
        machine.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", secret);

        var (status, report) = await PostBatchAsync(machine, Csv(Row("HS-T1", "03/03/2025 09:00"), Row("HS-T2", "03/03/2025 09:00", unit: "PBN")));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(1, L(report, "rowsStored"));
        var (row, column, message) = Assert.Single(Errors(report));
        Assert.Equal(3, row);
        Assert.Equal("unit", column);
        Assert.Contains("PBN", message);
        Assert.Equal(["HS-T1"], await App.WithDbAsync(db => db.Dossiers.Select(d => d.Code).ToListAsync()));
        // The system reads its batch's report with the same token; the apology import refuses a unit-restricted token.
        var batch = await machine.GetAsync($"/api/v1/dossiers/batches/{report.GetProperty("batchId").GetInt32()}/errors");
        Assert.Equal(HttpStatusCode.OK, batch.StatusCode);
        var apologies = new ByteArrayContent(Encoding.UTF8.GetBytes("ma_ho_so,ngay_xin_loi,ly_do,ngay_hen_moi\n"));
        apologies.Headers.ContentType = new("text/csv");
        Assert.Equal(HttpStatusCode.Forbidden, (await machine.PostAsync("/api/v1/dossiers/apologies/import", apologies)).StatusCode);
        // A token opens no page and no other endpoint.
        Assert.Equal(HttpStatusCode.Unauthorized, (await machine.GetAsync("/api/v1/dossiers/HS-T1")).StatusCode);
    }

    [Fact]
    public async Task AnonymousCallersMayNotImport()
    {
        await SeedAsync(App);
        var content = new ByteArrayContent(Csv(GoodRows));
        content.Headers.ContentType = new("text/csv");

        var response = await App.Anonymous().PostAsync("/api/v1/dossiers/batches", content);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, await DossierCountAsync(App));
    }
}

public sealed class DossierImportTestsOnSqlite() : DossierImportTests(DatabaseKind.Sqlite);

public sealed class DossierImportTestsOnPostgres() : DossierImportTests(DatabaseKind.Postgres);
