using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using static ParIndex.Tests.Units.UnitsTestKit;

namespace ParIndex.Tests.Units;

/// <summary>The units, blocks and lineage endpoints under /api/v1: reads are public, writes need an administrator and are audited.</summary>
public abstract class UnitsApiTests(DatabaseKind kind) : AppTest(kind)
{
    [Fact]
    public async Task AdministratorCreatesThenUpdatesAUnitAndEachChangeIsAudited()
    {
        var admin = await App.AdminAsync();

        var created = await PutUnitAsync(admin, "STP", "Sở Tư pháp", validFrom: "2008-04-01", nameEn: "Department of Justice");
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("STP", body.GetProperty("code").GetString());
        Assert.Equal("Department", body.GetProperty("kind").GetString());

        var updated = await PutUnitAsync(admin, "STP", "Sở Tư pháp Thành phố", validFrom: "2008-04-01", validTo: "2030-12-31");
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);

        var read = await App.Anonymous().GetFromJsonAsync<JsonElement>("/api/v1/units/STP");
        Assert.Equal("Sở Tư pháp Thành phố", read.GetProperty("nameVi").GetString());
        Assert.Equal("2030-12-31", read.GetProperty("validTo").GetString());
        Assert.Equal(1, await UnitCountAsync(App));

        var audit = await App.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityKey == "STP").OrderBy(a => a.Id).ToListAsync());
        Assert.Equal(["unit.created", "unit.updated"], audit.Select(a => a.Action));
        Assert.All(audit, a => Assert.Equal(TestApp.AdminEmail, a.Actor));
        Assert.Contains("2030-12-31", audit[1].NewValue);
        Assert.DoesNotContain("2030-12-31", audit[1].OldValue);
    }

    [Fact]
    public async Task SavingTheSameUnitUnchangedWritesNoSecondAuditEntry()
    {
        var admin = await App.AdminAsync();
        await AddUnitAsync(admin, "SNV", "Sở Nội vụ");
        await AddUnitAsync(admin, "SNV", "Sở Nội vụ");

        Assert.Equal(["unit.created"], await AuditActionsAsync(App, "SNV"));
    }

    [Fact]
    public async Task InvalidUnitIsRefusedWithProblemDetailsNamingEachField()
    {
        var admin = await App.AdminAsync();

        var response = await PutUnitAsync(admin, "X1", "", validFrom: "2025-07-01", validTo: "2025-01-01", parentCode: "NOPE");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("nameVi", out _), errors.ToString());
        Assert.True(errors.TryGetProperty("validTo", out _), errors.ToString());
        Assert.True(errors.TryGetProperty("parentCode", out var parent), errors.ToString());
        Assert.Contains("NOPE", parent[0].GetString());
        Assert.Equal(0, await UnitCountAsync(App));
    }

    [Fact]
    public async Task BadUnitCodeIsRefusedByField()
    {
        var admin = await App.AdminAsync();

        var response = await PutUnitAsync(admin, "có dấu", "Tên");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("code", out _), errors.ToString());
    }

    [Fact]
    public async Task AnyoneReadsUnitsSortedByVietnameseNameAndFilteredByYearAndKind()
    {
        var admin = await App.AdminAsync();
        await AddUnitAsync(admin, "E", "Én", kind: "Ward");
        await AddUnitAsync(admin, "DA", "Đa Kao", kind: "Ward", validTo: "2025-06-30");
        await AddUnitAsync(admin, "DI", "Dĩ An", kind: "Ward");
        await AddUnitAsync(admin, "AT", "Ân Thi", kind: "District");
        await AddUnitAsync(admin, "AO", "Ao Sen", kind: "Ward", validFrom: "2025-07-01");
        var anonymous = App.Anonymous();

        var all = await anonymous.GetFromJsonAsync<List<JsonElement>>("/api/v1/units");
        var wards2024 = await anonymous.GetFromJsonAsync<List<JsonElement>>("/api/v1/units?year=2024&kind=Ward");
        var missing = await anonymous.GetAsync("/api/v1/units/NOPE");

        Assert.Equal(["Ao Sen", "Ân Thi", "Dĩ An", "Đa Kao", "Én"], all!.Select(u => u.GetProperty("nameVi").GetString()));
        Assert.Equal(["DI", "DA", "E"], wards2024!.Select(u => u.GetProperty("code").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task AnonymousAndNonAdministratorWritesAreRefused()
    {
        var admin = await App.AdminAsync();
        await AddUnitAsync(admin, "SNV", "Sở Nội vụ");
        await App.EnsureUserAsync("reader@test.local", "Reader-Test-2025", role: null);
        var reader = await App.SignInAsync("reader@test.local", "Reader-Test-2025");
        var anonymous = App.Anonymous();

        Assert.Equal(HttpStatusCode.Unauthorized, (await PutUnitAsync(anonymous, "SNV", "Đổi tên")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PutUnitAsync(reader, "SNV", "Đổi tên")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await ImportThroughApiAsync(anonymous, Csv("code,name_vi,kind", "X,Y,Ward"), "text/csv")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ImportThroughApiAsync(reader, Csv("code,name_vi,kind", "X,Y,Ward"), "text/csv")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PutAsJsonAsync("/api/v1/years/2025/blocks/SBN", new { code = "SBN", nameVi = "Khối" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PutAsJsonAsync("/api/v1/years/2025/blocks/SBN", new { code = "SBN", nameVi = "Khối" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/v1/successions", new { predecessorCode = "SNV", successorCode = "SNV", effectiveDate = "2025-07-01", kind = "Rename" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.DeleteAsync("/api/v1/successions/1")).StatusCode);

        Assert.Equal("Sở Nội vụ", (await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/units/SNV")).GetProperty("nameVi").GetString());
        Assert.Equal(1, await UnitCountAsync(App));
        Assert.Equal(0, await App.WithDbAsync(db => db.Blocks.CountAsync()));
    }

    [Fact]
    public async Task BlocksOfAYearListTheirMembersAndAreAudited()
    {
        var admin = await App.AdminAsync();
        await AddUnitAsync(admin, "STP", "Sở Tư pháp");
        await AddUnitAsync(admin, "SNV", "Sở Nội vụ");
        await AddBlockAsync(admin, 2025, "SBN", "Khối sở, ban, ngành", "STP", "SNV");

        var blocks = await App.Anonymous().GetFromJsonAsync<List<JsonElement>>("/api/v1/years/2025/blocks");
        var years = await App.Anonymous().GetFromJsonAsync<List<int>>("/api/v1/years");

        var block = Assert.Single(blocks!);
        Assert.Equal(["SNV", "STP"], block.GetProperty("unitCodes").EnumerateArray().Select(c => c.GetString()));
        Assert.False(block.GetProperty("isPublished").GetBoolean());
        Assert.Equal([2025], years);
        Assert.Equal(["block.created", "block.members"], await AuditActionsAsync(App, "2025/SBN"));
    }

    [Fact]
    public async Task AUnitSitsInOneBlockPerYear()
    {
        var admin = await App.AdminAsync();
        await AddUnitAsync(admin, "STP", "Sở Tư pháp");
        await AddBlockAsync(admin, 2025, "SBN", "Khối sở, ban, ngành", "STP");
        await AddBlockAsync(admin, 2025, "KHAC", "Khối khác");
        await AddBlockAsync(admin, 2024, "SBN", "Khối sở, ban, ngành");

        var clash = await admin.PutAsJsonAsync("/api/v1/years/2025/blocks/KHAC/members", new { unitCodes = new[] { "STP" } });
        var otherYear = await admin.PutAsJsonAsync("/api/v1/years/2024/blocks/SBN/members", new { unitCodes = new[] { "STP" } });

        Assert.Equal(HttpStatusCode.BadRequest, clash.StatusCode);
        var message = (await clash.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("unitCodes")[0].GetString();
        Assert.Contains("SBN", message);
        Assert.Equal(HttpStatusCode.OK, otherYear.StatusCode);
        Assert.Equal(2, await App.WithDbAsync(db => db.BlockMembers.CountAsync()));
    }

    [Fact]
    public async Task AUnitNotValidInTheYearOrUnknownCannotJoinABlock()
    {
        var admin = await App.AdminAsync();
        await AddUnitAsync(admin, "Q1", "Quận 1", kind: "District", validFrom: "1976-05-01", validTo: "2025-06-30");
        await AddUnitAsync(admin, "P-SG", "Phường Sài Gòn", kind: "Ward", validFrom: "2025-07-01");
        await AddBlockAsync(admin, 2026, "PX", "Khối phường, xã");

        var stale = await admin.PutAsJsonAsync("/api/v1/years/2026/blocks/PX/members", new { unitCodes = new[] { "P-SG", "Q1", "NOPE" } });
        var missingBlock = await admin.PutAsJsonAsync("/api/v1/years/2026/blocks/ZZ/members", new { unitCodes = new[] { "P-SG" } });

        Assert.Equal(HttpStatusCode.BadRequest, stale.StatusCode);
        var messages = (await stale.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("unitCodes").EnumerateArray().Select(m => m.GetString()!).ToList();
        Assert.Contains(messages, m => m.Contains("Q1") && m.Contains("2026"));
        Assert.Contains(messages, m => m.Contains("NOPE"));
        Assert.DoesNotContain(messages, m => m.Contains("P-SG"));
        Assert.Equal(HttpStatusCode.NotFound, missingBlock.StatusCode);
        Assert.Equal(0, await App.WithDbAsync(db => db.BlockMembers.CountAsync()));
    }

    [Fact]
    public async Task SuccessionsAreAddedListedAndRemovedWithAudit()
    {
        var admin = await App.AdminAsync();
        await AddUnitAsync(admin, "P1", "Phường 1", kind: "Ward", validTo: "2025-06-30");
        await AddUnitAsync(admin, "P2", "Phường 2", kind: "Ward", validTo: "2025-06-30");
        await AddUnitAsync(admin, "PM", "Phường Mới", kind: "Ward", validFrom: "2025-07-01");

        var first = await AddSuccessionAsync(admin, "P1", "PM");
        await AddSuccessionAsync(admin, "P2", "PM");
        var ofNew = await App.Anonymous().GetFromJsonAsync<List<JsonElement>>("/api/v1/successions?unit=PM");
        var ofP1 = await App.Anonymous().GetFromJsonAsync<List<JsonElement>>("/api/v1/successions?unit=P1");

        Assert.Equal(2, ofNew!.Count);
        var edge = Assert.Single(ofP1!);
        Assert.Equal("Merge", edge.GetProperty("kind").GetString());
        Assert.Equal("2025-07-01", edge.GetProperty("effectiveDate").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/successions/{first}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync($"/api/v1/successions/{first}")).StatusCode);
        Assert.Single((await App.Anonymous().GetFromJsonAsync<List<JsonElement>>("/api/v1/successions"))!);
        Assert.Equal(["lineage.added", "lineage.removed"], await AuditActionsAsync(App, "P1->PM"));
    }

    [Fact]
    public async Task ACircularOrRepeatedOrSelfSuccessionIsRefused()
    {
        var admin = await App.AdminAsync();
        await AddUnitAsync(admin, "A", "Đơn vị A");
        await AddUnitAsync(admin, "B", "Đơn vị B");
        await AddUnitAsync(admin, "C", "Đơn vị C");
        await AddSuccessionAsync(admin, "A", "B", "Rename", "2023-01-01");
        await AddSuccessionAsync(admin, "B", "C", "Rename", "2024-01-01");

        var cycle = await admin.PostAsJsonAsync("/api/v1/successions", new { predecessorCode = "C", successorCode = "A", effectiveDate = "2025-01-01", kind = "Rename" });
        var repeated = await admin.PostAsJsonAsync("/api/v1/successions", new { predecessorCode = "A", successorCode = "B", effectiveDate = "2025-01-01", kind = "Merge" });
        var self = await admin.PostAsJsonAsync("/api/v1/successions", new { predecessorCode = "A", successorCode = "A", effectiveDate = "2025-01-01", kind = "Rename" });
        var unknown = await admin.PostAsJsonAsync("/api/v1/successions", new { predecessorCode = "NOPE", successorCode = "A", effectiveDate = "2025-01-01", kind = "Rename" });

        Assert.Equal(HttpStatusCode.BadRequest, cycle.StatusCode);
        Assert.True((await cycle.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("successorCode", out _));
        Assert.Equal(HttpStatusCode.Conflict, repeated.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, self.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.True((await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("predecessorCode", out _));
        Assert.Equal(2, await App.WithDbAsync(db => db.Successions.CountAsync()));
    }
}

public sealed class UnitsApiTestsOnSqlite() : UnitsApiTests(DatabaseKind.Sqlite);

public sealed class UnitsApiTestsOnPostgres() : UnitsApiTests(DatabaseKind.Postgres);
