using System.Text.Json;
using static ParIndex.Tests.Results.ResultsTestKit;

namespace ParIndex.Tests.Results;

/// <summary>The results API: ranked rows, shared ranks for ties, field sub-indices, lineage comparisons, and what the public may see.</summary>
public abstract class ResultsApiTests(DatabaseKind kind) : AppTest(kind)
{
    [Fact]
    public async Task BlockResultsAreRankedWithFieldSubIndicesAndClasses()
    {
        await SmallCity.BuildAsync(App, publish: true);

        var view = await App.Anonymous().GetFromJsonAsync<JsonElement>(Api2024);

        var rows = view.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(SmallCity.Units2024, rows.Select(r => r.GetProperty("unitCode").GetString()));
        Assert.Equal([1, 2, 3, 4, 5], rows.Select(r => r.GetProperty("rank").GetInt32()));
        var indices = rows.Select(r => r.GetProperty("index").GetDecimal()).ToList();
        Assert.Equal(indices.OrderDescending(), indices);
        // Sở Tư pháp: 4 + 3 + 3 + 6 + 3.8 = 19.8 of 20 points.
        Assert.Equal(99m, indices[0]);
        Assert.Equal(19.8m, rows[0].GetProperty("total").GetDecimal());
        Assert.Equal("tot", rows[0].GetProperty("classCode").GetString());
        Assert.Equal("Tốt", rows[0].GetProperty("classNameVi").GetString());
        Assert.Equal("good", rows[0].GetProperty("classColor").GetString());
        Assert.Equal("trung-binh", rows[4].GetProperty("classCode").GetString());
        Assert.Equal(["1", "2"], view.GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("code").GetString()));
        // Field 1 of Sở Tư pháp: 4 + 3 + 3 = 10 of 10; field 2: 6 + 3.8 = 9.8 of 10.
        var fields = rows[0].GetProperty("fieldIndex");
        Assert.Equal(100m, fields.GetProperty("1").GetDecimal());
        Assert.Equal(98m, fields.GetProperty("2").GetDecimal());
        Assert.Equal(indices.Average(), view.GetProperty("averageIndex").GetDecimal(), 4);
        Assert.True(view.GetProperty("isPublished").GetBoolean());
        // Only Sở Tư pháp is Tốt and in the top third: the reward rule applies to it alone.
        Assert.Equal([true, false, false, false, false], rows.Select(r => r.GetProperty("rewardProposed").GetBoolean()));
    }

    [Fact]
    public async Task TiedUnitsShareARankAndTheNextRankIsSkipped()
    {
        await SmallCity.BuildAsync(App, publish: true);
        var admin = await App.AdminAsync();
        // Give Sở Nội vụ exactly the inputs of Sở Tư pháp, then recompute 2025.
        foreach (var (node, input) in SmallCity.Inputs(0))
        {
            var put = await admin.PutAsJsonAsync($"/api/v1/years/2025/units/SNV/scores/{node}", input, JsonOptions);
            Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync());
        }
        var compute = await admin.PostAsync("/api/v1/years/2025/blocks/SBN/compute", null);
        Assert.True(compute.IsSuccessStatusCode, await compute.Content.ReadAsStringAsync());
        // Not yet public: the published snapshot still ranks Sở Nội vụ second alone.
        var before = (await App.Anonymous().GetFromJsonAsync<JsonElement>(Api2025)).GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("unitCode").GetString()!);
        Assert.NotEqual(before["STP"].GetProperty("index").GetDecimal(), before["SNV"].GetProperty("index").GetDecimal());
        await PublishCorrectionAsync(admin);

        var view = await App.Anonymous().GetFromJsonAsync<JsonElement>(Api2025);

        var rows = view.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("unitCode").GetString()!);
        Assert.Equal(1, rows["STP"].GetProperty("rank").GetInt32());
        Assert.Equal(1, rows["SNV"].GetProperty("rank").GetInt32());
        Assert.Equal(3, rows["SCT"].GetProperty("rank").GetInt32());
        Assert.Equal(4, rows["STC2"].GetProperty("rank").GetInt32());
        Assert.Equal(rows["STP"].GetProperty("index").GetDecimal(), rows["SNV"].GetProperty("index").GetDecimal());
    }

    [Fact]
    public async Task MergedUnitIsComparedWithTheMeanOfItsPredecessors()
    {
        await SmallCity.BuildAsync(App, publish: true);
        var client = App.Anonymous();

        var last = (await client.GetFromJsonAsync<JsonElement>(Api2024)).GetProperty("rows").EnumerateArray()
            .ToDictionary(r => r.GetProperty("unitCode").GetString()!, r => r);
        var now = (await client.GetFromJsonAsync<JsonElement>(Api2025)).GetProperty("rows").EnumerateArray()
            .ToDictionary(r => r.GetProperty("unitCode").GetString()!, r => r);

        var mean = (last["SKHDT"].GetProperty("index").GetDecimal() + last["STC"].GetProperty("index").GetDecimal()) / 2;
        var merged = now["STC2"];
        Assert.Equal(mean, merged.GetProperty("previousIndex").GetDecimal(), 5);
        Assert.Equal(merged.GetProperty("index").GetDecimal() - mean, merged.GetProperty("indexChange").GetDecimal(), 5);
        // A merged unit has no comparable rank; a continuing one keeps its own.
        Assert.Equal(JsonValueKind.Null, merged.GetProperty("previousRank").ValueKind);
        Assert.Equal(last["SNV"].GetProperty("index").GetDecimal(), now["SNV"].GetProperty("previousIndex").GetDecimal());
        Assert.Equal(2, now["SNV"].GetProperty("previousRank").GetInt32());

        // The unit's detail names the predecessors in its basis text.
        var detail = await client.GetFromJsonAsync<JsonElement>($"{Api2025}/STC2");
        var basis = detail.GetProperty("previous").GetProperty("basisVi").GetString()!;
        Assert.Contains("2 đơn vị tiền thân", basis);
        Assert.Contains("Sở Kế hoạch và Đầu tư", basis);
        Assert.Contains("Sở Tài chính", basis);
    }

    [Fact]
    public async Task UnpublishedResultsAreNotFoundForThePublicOnTheApiAndExportsButVisibleToTheAdministrator()
    {
        await SmallCity.BuildAsync(App, publish: false);
        var anonymous = App.Anonymous();
        var admin = await App.AdminAsync();
        string[] paths =
        [
            Api2025,
            $"{Api2025}/STP",
            $"{Api2025}/STP/explain/1.1",
            $"{Api2025}/export?format=csv",
            $"{Api2025}/export?format=xlsx",
            $"{Api2025}/export?format=json",
        ];

        foreach (var path in paths)
        {
            var response = await anonymous.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path}: {(int)response.StatusCode}");
            var body = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain("Sở Tư pháp", body);
            Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(path)).StatusCode);
        }
        Assert.Empty((await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/results")).EnumerateArray());
        Assert.Equal(2, (await admin.GetFromJsonAsync<JsonElement>("/api/v1/results")).GetArrayLength());
        // A block that does not exist reads the same as an unpublished one.
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/api/v1/years/2025/blocks/KHONG/results")).StatusCode);
    }

    [Fact]
    public async Task ExplainerOfANodeGivesTheStepsOfItsMethod()
    {
        await SmallCity.BuildAsync(App, publish: true);

        var ratio = await App.Anonymous().GetFromJsonAsync<JsonElement>($"{Api2024}/SNV/explain/1.3");
        var field = await App.Anonymous().GetFromJsonAsync<JsonElement>($"{Api2024}/SNV/explain/1");

        var leaf = ratio.GetProperty("score").GetProperty("leaf");
        Assert.Equal("ratio", leaf.GetProperty("method").GetString());
        Assert.Contains("9/10", leaf.GetProperty("stepsVi").GetString());
        Assert.Equal(2.7m, ratio.GetProperty("score").GetProperty("points").GetDecimal());
        Assert.Equal(["1.1", "1.2", "1.3"], field.GetProperty("children").EnumerateArray().Select(c => c.GetProperty("code").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await App.Anonymous().GetAsync($"{Api2024}/SNV/explain/9.9")).StatusCode);
    }

    [Fact]
    public async Task PublicReadsAreOutputCachedLikeThePagesAndEvictedWhenResultsChange()
    {
        await SmallCity.BuildAsync(App, publish: true);
        var admin = await App.AdminAsync();
        string Name(JsonElement view) => view.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("unitCode").GetString() == "SNV").GetProperty("unitNameVi").GetString()!;
        Assert.Equal("Sở Nội vụ", Name(await App.Anonymous().GetFromJsonAsync<JsonElement>(Api2025)));
        var csv = await App.Anonymous().GetStringAsync($"{Api2025}/export?format=csv");

        await RenameAsync(App, "SNV", "Sở Nội vụ thành phố");

        Assert.Equal("Sở Nội vụ", Name(await App.Anonymous().GetFromJsonAsync<JsonElement>(Api2025)));
        Assert.Equal(csv, await App.Anonymous().GetStringAsync($"{Api2025}/export?format=csv"));
        Assert.Equal("Sở Nội vụ thành phố", Name(await admin.GetFromJsonAsync<JsonElement>(Api2025)));
        var compute = await admin.PostAsync("/api/v1/years/2025/blocks/SBN/compute", null);
        Assert.True(compute.IsSuccessStatusCode);
        // Recomputed with the new name, still not public until a new version is published.
        Assert.Equal("Sở Nội vụ", Name(await App.Anonymous().GetFromJsonAsync<JsonElement>(Api2025)));
        await PublishCorrectionAsync(admin);
        Assert.Equal("Sở Nội vụ thành phố", Name(await App.Anonymous().GetFromJsonAsync<JsonElement>(Api2025)));
        Assert.Contains("Sở Nội vụ thành phố", await App.Anonymous().GetStringAsync($"{Api2025}/export?format=csv"));
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };
}

public sealed class ResultsApiTestsOnSqlite() : ResultsApiTests(DatabaseKind.Sqlite);

public sealed class ResultsApiTestsOnPostgres() : ResultsApiTests(DatabaseKind.Postgres);
