using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using static ParIndex.Tests.Results.ResultsTestKit;

namespace ParIndex.Tests.Publication;

/// <summary>Requests shared by the publication tests: change a score and recompute, publish through the API, read snapshot rows.</summary>
internal static class PublicationTestKit
{
    public const string UnitPage2025 = "/ket-qua/2025/SBN/SNV";
    public const string Publications2025 = "/api/v1/years/2025/blocks/SBN/publications";
    public const string Publication2025 = "/api/v1/years/2025/blocks/SBN/publication";
    public const string AdminPage2025 = "/quan-tri/cong-bo/2025/SBN";

    /// <summary>Sets 1.1 of Sở Nội vụ in 2025 (3.5 points in SmallCity) and recomputes the block: at 0 points its index falls from 92.77 to 75.27, its rank from 2 to 3 and its class from Tốt to Khá.</summary>
    public static async Task RescoreAndRecomputeAsync(HttpClient admin, decimal points = 0)
    {
        var put = await admin.PutAsync("/api/v1/years/2025/units/SNV/scores/1.1", Json(new { kind = "Points", points }));
        Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync());
        var compute = await admin.PostAsync("/api/v1/years/2025/blocks/SBN/compute", null);
        Assert.True(compute.IsSuccessStatusCode, await compute.Content.ReadAsStringAsync());
    }

    public static Task<HttpResponseMessage> PublishAsync(HttpClient admin, string? decisionNumber = "123/QĐ-UBND", string? decisionDate = "2026-04-15", string? reason = null) =>
        admin.PostAsync(Publications2025, Json(new { decisionNumber, decisionDate, reason }));

    public static StringContent Json(object value) => new(JsonSerializer.Serialize(value), Encoding.UTF8, "application/json");

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    /// <summary>The SNV row of the public block API as the public reads it.</summary>
    public static async Task<JsonElement> PublicRowAsync(TestApp app, string unit = "SNV")
    {
        var view = await app.Anonymous().GetFromJsonAsync<JsonElement>(Api2025);
        return view.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("unitCode").GetString() == unit);
    }

    public static Task<List<(int Version, string Hash, string Document, int Units)>> SnapshotsAsync(TestApp app, int year = 2025) =>
        app.WithDbAsync(async db => (await db.PublicationSnapshots.AsNoTracking().Where(s => s.Year == year)
                .Select(s => new { s.Version, s.ContentHash, s.DocumentJson, Units = s.Units.Count }).ToListAsync())
            .OrderBy(s => s.Version).Select(s => (s.Version, s.ContentHash, s.DocumentJson, s.Units)).ToList());

    public static Task<List<string>> UnitDetailsAsync(TestApp app, int version) =>
        app.WithDbAsync(db => db.PublicationSnapshotUnits.AsNoTracking().Where(u => u.Snapshot!.Year == 2025 && u.Snapshot.Version == version)
            .OrderBy(u => u.UnitCode).Select(u => u.DetailJson).ToListAsync());
}
