using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using ParIndex.Accounts;
using ParIndex.Audit;
using ParIndex.Core.Calendar;
using ParIndex.Tests.Campaigns;

namespace ParIndex.Tests.AuditTrail;

/// <summary>The audit trail pages and API: filters, paging, CSV, the per-unit view, who may read it, and that it stays append-only.</summary>
public abstract partial class AuditTrailTests(DatabaseKind kind) : CampaignTest(kind)
{
    private static DateTime Local(int month, int day, int hour, int minute = 0) =>
        VietnamTime.At(new DateOnly(2025, month, day), new TimeOnly(hour, minute)).UtcDateTime;

    /// <summary>A small trail with known entries (ids in insertion order).</summary>
    private Task<List<long>> SeedAsync() => App.WithDbAsync(async db =>
    {
        var entries = new List<AuditEntry>
        {
            new() { AtUtc = Local(11, 3, 9), Actor = "officer@stp.test", Action = "score.self-set", EntityType = "score", EntityKey = "2025/STP/1.1", OldValue = null, NewValue = "3", Reason = null },
            new() { AtUtc = Local(11, 10, 14), Actor = "appraiser@snv.test", Action = "score.appraised", EntityType = "score", EntityKey = "2025/STP/1.1", OldValue = "3", NewValue = "2,5", Reason = "Thiếu kế hoạch, chỉ có dự thảo" },
            new() { AtUtc = Local(11, 12, 8), Actor = "officer@stp2.test", Action = "score.self-set", EntityType = "score", EntityKey = "2025/STP2/1.1", NewValue = "4" },
            new() { AtUtc = Local(11, 15, 10), Actor = "admin@test.local", Action = "unit.updated", EntityType = "unit", EntityKey = "STP", OldValue = "Sở Tư pháp", NewValue = "Sở Tư pháp TP" },
            new() { AtUtc = Local(11, 20, 16), Actor = "admin@test.local", Action = "block.members", EntityType = "block", EntityKey = "2025/STP", NewValue = "STP, SNV" },
            new() { AtUtc = Local(12, 1, 0, 30), Actor = "admin@test.local", Action = "campaign.phase.closed", EntityType = "campaign_phase", EntityKey = "2025/SelfAssessment", OldValue = "Open", NewValue = "Closed", Reason = "=HYPERLINK(\"http://x\",\"bấm\"), rồi \"đóng\"" },
            new() { AtUtc = Local(11, 18, 9), Actor = "officer@stp.test", Action = "self-assessment.submitted", EntityType = "self_assessment", EntityKey = "2025/STP", NewValue = "Submitted" },
        };
        db.AuditEntries.AddRange(entries);
        await db.SaveChangesAsync();
        return entries.Select(e => e.Id).ToList();
    });

    /// <summary>The entries listed on a page, newest first (only those a test seeded: signing in may add entries of its own).</summary>
    private static IReadOnlyList<long> Rows(string html, IReadOnlyList<long>? seeded = null) =>
        [.. AuditRow().Matches(html).Select(m => long.Parse(m.Groups[1].Value)).Where(id => seeded is null || seeded.Contains(id))];

    [Fact]
    public async Task TheTrailIsFilteredByEntityTypeKeyActorActionAndVietnameseDates()
    {
        var ids = await SeedAsync();
        var admin = await App.AdminAsync();

        var byType = RowsOf(ids, await admin.GetStringAsync("/quan-tri/nhat-ky?entityType=score"));
        var byKey = RowsOf(ids, await admin.GetStringAsync("/quan-tri/nhat-ky?key=2025/STP"));
        var byLeaf = RowsOf(ids, await admin.GetStringAsync("/quan-tri/nhat-ky?key=2025/STP/1.1"));
        var byPrefix = RowsOf(ids, await admin.GetStringAsync("/quan-tri/nhat-ky?key=2025/STP*"));
        var byActor = RowsOf(ids, await admin.GetStringAsync("/quan-tri/nhat-ky?actor=APPRAISER"));
        var byAction = RowsOf(ids, await admin.GetStringAsync("/quan-tri/nhat-ky?action=score."));
        // 01/12 00:30 in Vietnam is still 30/11 in UTC: the local date decides.
        var november = RowsOf(ids, await admin.GetStringAsync("/quan-tri/nhat-ky?from=2025-11-10&to=30/11/2025"));
        var december = RowsOf(ids, await admin.GetStringAsync("/quan-tri/nhat-ky?from=01/12/2025"));

        Assert.Equal([ids[2], ids[1], ids[0]], byType);
        Assert.Equal([ids[4], ids[6], ids[1], ids[0]], byKey);
        Assert.Equal([ids[1], ids[0]], byLeaf);
        Assert.Equal([ids[4], ids[6], ids[2], ids[1], ids[0]], byPrefix);
        Assert.Equal([ids[1]], byActor);
        Assert.Equal([ids[2], ids[1], ids[0]], byAction);
        Assert.Equal([ids[4], ids[6], ids[3], ids[2], ids[1]], november);
        Assert.Equal([ids[5]], december);
    }

    [Fact]
    public async Task TheApiFiltersTheSameWayAndRefusesBadDates()
    {
        var ids = await SeedAsync();
        var viewer = await SignInAsync("viewer@test", Roles.Viewer);

        var page = await JsonAsync(await viewer.GetAsync("/api/v1/audit?entityType=score&key=2025/STP&pageSize=1&page=2"));
        var bad = await ProblemAsync(await viewer.GetAsync("/api/v1/audit?from=hôm-qua&to=2025-01-01"), HttpStatusCode.BadRequest);
        var backwards = await ProblemAsync(await viewer.GetAsync("/api/v1/audit?from=2025-12-01&to=2025-11-01"), HttpStatusCode.BadRequest);

        Assert.Equal((2, 2, 1), (page.GetProperty("total").GetInt32(), page.GetProperty("pages").GetInt32(), page.GetProperty("items").GetArrayLength()));
        var item = page.GetProperty("items")[0];
        Assert.Equal(ids[0], item.GetProperty("id").GetInt64());
        Assert.Equal("score.self-set", item.GetProperty("action").GetString());
        Assert.Equal(["from"], bad.GetProperty("errors").EnumerateObject().Select(p => p.Name));
        Assert.Equal(["to"], backwards.GetProperty("errors").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task TheTrailIsPagedFiftyAtATimeKeepingTheFilters()
    {
        await App.WithDbAsync(async db =>
        {
            for (var i = 0; i < 120; i++)
                db.AuditEntries.Add(new AuditEntry { AtUtc = Local(11, 1, 8).AddMinutes(i), Actor = "cli:test", Action = "demo.step", EntityType = "demo", EntityKey = $"k{i:000}" });
            db.AuditEntries.Add(new AuditEntry { AtUtc = Local(11, 2, 8), Actor = "cli:test", Action = "other", EntityType = "other", EntityKey = "x" });
            await db.SaveChangesAsync();
        });
        var admin = await App.AdminAsync();

        var first = await admin.GetStringAsync("/quan-tri/nhat-ky?entityType=demo");
        var last = await admin.GetStringAsync("/quan-tri/nhat-ky?entityType=demo&trang=3");

        Assert.Equal(50, Rows(first).Count);
        Assert.Contains("Trang 1/3", first);
        Assert.Contains("120 mục", first);
        Assert.Contains("href=\"/quan-tri/nhat-ky?entityType=demo&amp;trang=2\"", first);
        Assert.Equal(20, Rows(last).Count);
        Assert.Contains(">k000<", last);
        Assert.DoesNotContain(">k119<", last);
    }

    [Fact]
    public async Task TheCsvExportIsUtf8WithABomVietnameseHeadersAndSafeCells()
    {
        var ids = await SeedAsync();
        var admin = await App.AdminAsync();

        var response = await admin.GetAsync("/quan-tri/nhat-ky?handler=Csv&key=2025/STP");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var all = Encoding.UTF8.GetString(await (await admin.GetAsync("/quan-tri/nhat-ky?handler=Csv")).Content.ReadAsByteArrayAsync());
        var english = Encoding.UTF8.GetString(await (await admin.GetAsync("/quan-tri/nhat-ky?handler=Csv&entityType=unit&lang=en")).Content.ReadAsByteArrayAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("nhat-ky-2025-11-20.csv", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Mã,Thời điểm (giờ Việt Nam),Người thực hiện,Hành động,Loại đối tượng,Khóa đối tượng,Giá trị cũ,Giá trị mới,Lý do", lines[0]);
        Assert.Equal(5, lines.Length);
        Assert.Equal($"{ids[1]},10/11/2025 14:00:00,appraiser@snv.test,score.appraised,score,2025/STP/1.1,3,\"2,5\",\"Thiếu kế hoạch, chỉ có dự thảo\"", lines[3]);
        // A reason that a spreadsheet would run as a formula is written as text.
        Assert.Contains(",\"'=HYPERLINK(\"\"http://x\"\",\"\"bấm\"\"), rồi \"\"đóng\"\"\"", all);
        Assert.Contains("01/12/2025 00:30:00", all);
        Assert.StartsWith("\uFEFFId,At (Vietnam time),Actor,Action,Entity type,Entity key,Old value,New value,Reason\r\n", english);
    }

    [Fact]
    public async Task TheUnitViewShowsEverythingAboutOneUnitAndCanNarrowToALeaf()
    {
        var ids = await SeedAsync();
        await App.WithDbAsync(async db =>
        {
            db.Units.Add(new ParIndex.Units.Unit { Code = "STP", NameVi = "Sở Tư pháp", ValidFrom = new DateOnly(2000, 1, 1) });
            await db.SaveChangesAsync();
        });
        var admin = await App.AdminAsync();

        var unit = await admin.GetStringAsync("/quan-tri/nhat-ky/don-vi/STP");
        var leaf = await admin.GetStringAsync("/quan-tri/nhat-ky/don-vi/STP?year=2025&node=1.1");
        var csv = Encoding.UTF8.GetString(await (await admin.GetAsync("/quan-tri/nhat-ky/don-vi/STP?handler=Csv&year=2025&node=1.1")).Content.ReadAsByteArrayAsync());

        var unitRows = Rows(unit, ids);
        Assert.Contains("Nhật ký của đơn vị Sở Tư pháp", unit);
        // The unit's own record, its scores and its submission; not the block keyed 2025/STP nor unit STP2.
        Assert.Contains(ids[0], unitRows);
        Assert.Contains(ids[1], unitRows);
        Assert.Contains(ids[3], unitRows);
        Assert.Contains(ids[6], unitRows);
        Assert.DoesNotContain(ids[2], unitRows);
        Assert.DoesNotContain(ids[4], unitRows);
        Assert.DoesNotContain(ids[5], unitRows);
        Assert.Equal([ids[1], ids[0]], Rows(leaf, ids));
        Assert.Contains("Chỉ năm 2025, tiêu chí 1.1.", leaf);
        Assert.Contains("href=\"/quan-tri/nhat-ky/don-vi/STP?year=2025&amp;node=1.1&amp;handler=Csv\"", leaf);
        Assert.Equal(3, csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task OnlyAdministratorsAndViewersReadTheTrail()
    {
        await SeedAsync();
        var viewer = await SignInAsync("viewer@test", Roles.Viewer);
        var officer = await SignInAsync("officer@test", Roles.UnitOfficer);
        var appraiser = await SignInAsync("appraiser@test", Roles.Appraiser);

        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("/quan-tri/nhat-ky")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("/quan-tri/nhat-ky/don-vi/STP")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("/api/v1/audit")).StatusCode);
        foreach (var client in new[] { officer, appraiser })
        {
            Assert.Equal("/tu-choi", (await client.GetAsync("/quan-tri/nhat-ky")).Headers.Location?.AbsolutePath);
            Assert.Equal("/tu-choi", (await client.GetAsync("/quan-tri/nhat-ky?handler=Csv")).Headers.Location?.AbsolutePath);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/audit")).StatusCode);
        }
        Assert.Equal("/dang-nhap", (await App.Anonymous().GetAsync("/quan-tri/nhat-ky/don-vi/STP")).Headers.Location?.AbsolutePath);
        Assert.Equal(HttpStatusCode.Unauthorized, (await App.Anonymous().GetAsync("/api/v1/audit")).StatusCode);
    }

    [Fact]
    public async Task TheAppCannotChangeOrDeleteAnAuditEntry()
    {
        var ids = await SeedAsync();

        var change = await Assert.ThrowsAsync<InvalidOperationException>(() => App.WithDbAsync(async db =>
        {
            var entry = await db.AuditEntries.SingleAsync(e => e.Id == ids[1]);
            entry.NewValue = "4";
            await db.SaveChangesAsync();
        }));
        var delete = await Assert.ThrowsAsync<InvalidOperationException>(() => App.WithDbAsync(async db =>
        {
            db.AuditEntries.Remove(await db.AuditEntries.SingleAsync(e => e.Id == ids[0]));
            await db.SaveChangesAsync();
        }));

        Assert.Contains("append-only", change.Message);
        Assert.Contains("cannot be deleted", delete.Message);
        var stored = await App.WithDbAsync(db => db.AuditEntries.AsNoTracking().OrderBy(e => e.Id).ToListAsync());
        Assert.Equal(7, stored.Count);
        Assert.Equal("2,5", stored.Single(e => e.Id == ids[1]).NewValue);
    }

    private static IReadOnlyList<long> RowsOf(IReadOnlyList<long> seeded, string html) => Rows(html, seeded);

    [GeneratedRegex("<tr data-id=\"(\\d+)\"")]
    private static partial Regex AuditRow();
}

public sealed class AuditTrailTestsOnSqlite() : AuditTrailTests(DatabaseKind.Sqlite);

public sealed class AuditTrailTestsOnPostgres() : AuditTrailTests(DatabaseKind.Postgres);
