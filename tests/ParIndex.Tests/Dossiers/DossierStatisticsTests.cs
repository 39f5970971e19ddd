using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParIndex.Calendar;
using ParIndex.Core.Calendar;
using ParIndex.Data;
using ParIndex.Dossiers.Stats;
using static ParIndex.Tests.Dossiers.DossiersTestKit;

namespace ParIndex.Tests.Dossiers;

/// <summary>
/// The monthly statistics the indicators read (ADR 0010) stay equal to what the stored dossiers give, whichever way
/// the dossiers change: imports and re-imports, repeated codes, events pushed, apologies recorded, imported and
/// removed, deadlines recomputed after a calendar change.
/// </summary>
public abstract class DossierStatisticsTests(DatabaseKind kind) : AppTest(kind)
{
    private static readonly byte[] First = Csv(
        Row("S-1", "2025-03-03 09:00", promised: "06/03/2025", done: "2025-03-10 10:00"),
        Row("S-2", "2025-03-03 09:00", done: "2025-03-07 10:00"),
        Row("S-3", "2025-03-25 09:00", promised: "28/03/2025"),
        Row("S-4", "2025-02-20 09:00", promised: "25/02/2025", channel: "truc_tuyen", done: "2025-04-04 10:00", payment: "truc_tuyen", rating: "khong_hai_long"),
        Row("S-5", "2025-03-04 09:00", unit: "PBN", promised: "07/03/2025", channel: "buu_chinh", done: "2025-03-06 10:00", digitised: "1", electronic: "1"),
        Row("S-6", "2025-03-12 09:00", promised: "17/03/2025", supplementRequested: "2025-03-12 10:00;2025-03-13 09:00", supplementCompleted: "2025-03-12 14:00;2025-03-13 11:00"));

    /// <summary>The same codes sent again, changed: another unit, a later end, a procedure, and a repeated code in one file.</summary>
    private static readonly byte[] Second = Csv(
        Row("S-1", "2025-03-03 09:00", promised: "06/03/2025", unit: "PBN", done: "2025-05-02 10:00"),
        Row("S-3", "2025-03-25 09:00", promised: "28/03/2025", done: "2025-03-26 10:00", rating: "hai_long"),
        Row("S-7", "2025-04-01 09:00", procedure: FifteenCalendarDays),
        Row("S-7", "2025-04-01 09:00", procedure: FifteenCalendarDays, done: "2025-04-30 10:00"),
        Row("S-5", "2025-03-04 09:00", unit: "PBN", promised: "07/03/2025", channel: "truc_tuyen", done: "2025-03-06 10:00"));

    [Fact]
    public async Task EveryWayADossierChangesKeepsTheStatisticsEqualToARebuild()
    {
        await SeedAsync(App);
        var admin = await App.AdminAsync();
        Assert.Equal(6, L((await PostBatchAsync(admin, First)).Report, "rowsStored"));
        await AssertInStepAsync(expectedDossiers: 6);

        // Apologies: one recorded through the API (late, ended), one imported (open and overdue), then removed.
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/v1/dossiers/S-1/apology",
            new { issuedOn = "2025-03-05", reason = "Chờ ý kiến của Sở Xây dựng", newAppointment = "2025-03-12" })).StatusCode);
        var apologies = "code,issued_on,reason,new_appointment\nS-6,2025-03-17,Cần xác minh thực địa,2025-03-24\nS-3,2025-03-28,Chờ kết quả xác minh,2025-04-04\n";
        var imported = await admin.PostAsync("/api/v1/dossiers/apologies/import", new StringContent(apologies, Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        await AssertInStepAsync(expectedDossiers: 6);

        // Re-import: S-1 (apologised) moves unit and ends later, keeping its apology; S-7 repeats within the file.
        var (_, report) = await PostBatchAsync(admin, Second);
        Assert.Equal(3, L(report, "updated"));
        await AssertInStepAsync(expectedDossiers: 7);

        // Events pushed for one dossier; an apology removed.
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync("/api/v1/dossiers/S-6/events", new[] { new { kind = "ProcessingDone", at = "2025-03-20T10:00:00+07:00" } })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync("/api/v1/dossiers/S-3/apology?reason=nh%E1%BA%A7m")).StatusCode);
        await AssertInStepAsync(expectedDossiers: 7);

        // A day off added on 4/3/2025 recomputes S-2's computed due date and verdict (late → on time).
        var before = await DossierAsync(admin, "S-2");
        var saved = await App.WithScopeAsync(async services =>
        {
            var notice = DocumentedNotices.All.Single(n => n.Year == 2025);
            var input = NoticeInput.From(notice with { ExtraDaysOff = [new ExtraDayOff(new DateOnly(2025, 3, 4), "Nghỉ thử nghiệm", "Test day off")] }, "Thử nghiệm");
            return await services.GetRequiredService<CalendarService>().SaveNoticeAsync(2025, input, "test");
        });
        Assert.True(saved.Succeeded);
        Assert.Equal("Late", before.GetProperty("outcome").GetString());
        Assert.Equal("OnTime", (await DossierAsync(admin, "S-2")).GetProperty("outcome").GetString());
        await AssertInStepAsync(expectedDossiers: 7);

        // And the indicators read them: March at the department after all of it.
        var march = await App.Anonymous().GetFromJsonAsync<JsonElement>("/api/v1/dossiers/indicators?period=2025-03&unit=STP");
        Assert.Equal(3, L(march, "received"));  // S-2, S-3, S-6 (S-1 moved to the ward; S-4 was received in February)
        Assert.Equal(3, L(march, "resolved"));  // S-2, S-3, S-6
    }

    /// <param name="fileBytes">
    /// The size the import is told: 10 MB makes the PostgreSQL writer load its filter of stored codes and copy the
    /// rows it has never seen straight into the table; without a size every row takes the upsert path.
    /// </param>
    [Theory]
    [InlineData(null)]
    [InlineData(10_000_000L)]
    public async Task ManySmallChunksPerTransactionCountEveryRowOnce(long? fileBytes)
    {
        await SeedAsync(App);
        var admin = await App.AdminAsync();
        await PostBatchAsync(admin, First); // S-1 … S-6 stored
        // 11 rows in chunks of 2, committed by 5: S-1 and S-2 exist, S-8 repeats across chunks, S-9 within one.
        var rows = new[]
        {
            Row("S-8", "2025-03-05 09:00", promised: "10/03/2025"),
            Row("S-1", "2025-03-03 09:00", promised: "06/03/2025", done: "2025-03-05 10:00"),
            Row("S-9", "2025-03-06 09:00", promised: "11/03/2025"),
            Row("S-9", "2025-03-06 09:00", promised: "11/03/2025", done: "2025-03-07 10:00"),
            Row("S-10", "2025-03-07 09:00", promised: "12/03/2025", channel: "truc_tuyen"),
            Row("S-2", "2025-03-03 09:00", done: "2025-03-05 10:00"),
            Row("S-11", "2025-03-10 09:00", promised: "13/03/2025"),
            Row("S-8", "2025-03-05 09:00", promised: "10/03/2025", done: "2025-03-07 10:00"),
            Row("S-12", "2025-03-11 09:00", promised: "14/03/2025"),
            Row("S-13", "2025-03-12 09:00", promised: "17/03/2025"),
            Row("S-14", "2025-03-13 09:00", promised: "18/03/2025"),
        };

        var report = await App.WithScopeAsync(async services =>
        {
            var importer = new ParIndex.Dossiers.DossierImporter(services.GetRequiredService<AppDbContext>(), services.GetRequiredService<DatabaseSettings>(),
                services.GetRequiredService<WorkingCalendarProvider>(), services.GetRequiredService<TimeProvider>(),
                services.GetRequiredService<Microsoft.Extensions.Logging.ILogger<ParIndex.Dossiers.DossierImporter>>()) { ChunkRows = 2, CommitRows = 5 };
            return await importer.ImportCsvAsync(new MemoryStream(Csv(rows)), new ParIndex.Dossiers.DossierImportRequest(ParIndex.Dossiers.ImportSource.Cli, "test", TotalBytes: fileBytes));
        });

        Assert.True(report.Succeeded, report.Message);
        Assert.Equal(11, report.RowsStored);
        Assert.Equal(7, report.Created);     // S-8 … S-14
        Assert.Equal(2, report.Updated);     // S-1, S-2
        Assert.Equal(2, report.Duplicates);  // the second S-8 and S-9
        Assert.Equal(13, await DossierCountAsync(App));
        Assert.Equal("OnTime", (await DossierAsync(admin, "S-8")).GetProperty("outcome").GetString());
        Assert.Equal("OnTime", (await DossierAsync(admin, "S-1")).GetProperty("outcome").GetString());
        await AssertInStepAsync(expectedDossiers: 13);
    }

    [Fact]
    public async Task TheRebuildVerbRecomputesStatisticsLostOrDamaged()
    {
        await SeedAsync(App);
        var admin = await App.AdminAsync();
        await PostBatchAsync(admin, First);
        var good = await ReadAsync();
        await App.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE dossier_received_stats SET received = received + 5"));
        await App.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("DELETE FROM dossier_ended_stats"));

        var result = await CliRunner.RunAsync(App.Database, "dossiers", "rebuild-stats");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("Statistics rebuilt from 6 dossier(s)", result.Output);
        Assert.Equal(good, await ReadAsync());
    }

    /// <summary>Stored statistics (zero rows left out) equal a rebuild from the dossiers, and count every dossier.</summary>
    private async Task AssertInStepAsync(int expectedDossiers)
    {
        var kept = await ReadAsync();
        await App.WithDbAsync(db => DossierStatsRebuild.RunAsync(db));
        var rebuilt = await ReadAsync();
        Assert.Equal(rebuilt, kept);
        Assert.Equal(expectedDossiers, await App.WithDbAsync(db => db.DossierReceivedStats.SumAsync(s => s.Received)));
    }

    private Task<string> ReadAsync() => App.WithDbAsync(async db =>
    {
        var text = new StringBuilder();
        foreach (var s in (await db.DossierReceivedStats.AsNoTracking().Where(s => s.Received != 0).ToListAsync()).OrderBy(s => (s.ReceivedMonth, s.UnitId, s.ProcedureId)))
            text.AppendLine($"R {s.ReceivedMonth} {s.UnitId} {s.ProcedureId}: {s.Received} {s.Online} {s.Postal} {s.EndToEnd} {s.Digitised} {s.FeeBearing} {s.PaidOnline} {s.WithPromise}");
        foreach (var s in (await db.DossierEndedStats.AsNoTracking().Where(s => s.Resolved != 0).ToListAsync()).OrderBy(s => (s.EndMonth, s.UnitId)))
            text.AppendLine($"E {s.EndMonth} {s.UnitId}: {s.Resolved} {s.OnTime} {s.Late} {s.LateWithApology} {s.WithResult} {s.ProcessingDays} {s.ElectronicResults} {s.Rated} {s.NotSatisfied}");
        foreach (var s in (await db.DossierOpenStats.AsNoTracking().Where(s => s.Pending != 0).ToListAsync()).OrderBy(s => (s.OpenSpan, s.ReceivedMonth, s.UnitId, s.OverdueFrom)))
            text.AppendLine($"O {s.OpenSpan} {s.ReceivedMonth} {s.UnitId} {s.OverdueFrom:yyyy-MM-dd}: {s.Pending} {s.WithApology}");
        return text.ToString();
    });
}

public sealed class DossierStatisticsTestsOnSqlite() : DossierStatisticsTests(DatabaseKind.Sqlite);

public sealed class DossierStatisticsTestsOnPostgres() : DossierStatisticsTests(DatabaseKind.Postgres);
