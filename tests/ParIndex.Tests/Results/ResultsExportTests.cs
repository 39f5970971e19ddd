using System.Globalization;
using System.Text;
using System.Text.Json;
using static ParIndex.Tests.Results.ResultsTestKit;

namespace ParIndex.Tests.Results;

/// <summary>A block's results as open data: CSV with a decimal point, XLSX that opens, JSON that parses.</summary>
public abstract class ResultsExportTests(DatabaseKind kind) : AppTest(kind)
{
    [Fact]
    public async Task CsvHasTheHeaderAndOneRowPerUnitWithADecimalPoint()
    {
        await SmallCity.BuildAsync(App, publish: true);

        var response = await App.Anonymous().GetAsync($"{Api2024}/export?format=csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("chi-so-cchc-2024-SBN.csv", response.Content.Headers.ContentDisposition?.ToString());
        var text = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF');
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal(6, lines.Count);
        Assert.StartsWith("Xếp hạng,Mã đơn vị,Đơn vị,Chỉ số (%),Tổng điểm", lines[0]);
        Assert.Contains("Lĩnh vực 1 (%),Lĩnh vực 2 (%)", lines[0]);
        var first = lines[1].Split(',');
        Assert.Equal(["1", "STP", "Sở Tư pháp"], first[..3]);
        Assert.Equal(99m, decimal.Parse(first[3], CultureInfo.InvariantCulture));
        var second = lines[2].Split(',');
        Assert.Equal("SNV", second[1]);
        Assert.Equal("92.77", second[3]);
        Assert.Equal(SmallCity.Units2024, lines.Skip(1).Select(l => l.Split(',')[1]));
    }

    [Fact]
    public async Task CsvHeadersFollowTheReadersLanguage()
    {
        await SmallCity.BuildAsync(App, publish: true);

        var text = await App.Anonymous().GetStringAsync($"{Api2024}/export?format=csv&lang=en-GB");

        Assert.StartsWith("Rank,Unit code,Unit,Index (%)", text.TrimStart('\uFEFF'));
        Assert.Contains(",92.77,", text);
    }

    [Fact]
    public async Task XlsxOpensAndHasTheHeaderAndTheRows()
    {
        await SmallCity.BuildAsync(App, publish: true);

        var response = await App.Anonymous().GetAsync($"{Api2024}/export?format=xlsx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        var rows = XlsxRows(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(6, rows.Count);
        Assert.Equal(["Xếp hạng", "Mã đơn vị", "Đơn vị", "Chỉ số (%)"], rows[0].Take(4));
        Assert.Equal(SmallCity.Units2024, rows.Skip(1).Select(r => r[1]));
        Assert.Equal("Sở Tư pháp", rows[1][2]);
        // Numbers are numbers, not text with a comma.
        Assert.Equal(92.77m, decimal.Parse(rows[2][3], CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task JsonParsesToTheBlockWithItsRows()
    {
        await SmallCity.BuildAsync(App, publish: true);

        var response = await App.Anonymous().GetAsync($"{Api2025}/export?format=json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStreamAsync());
        var root = document.RootElement;
        Assert.Equal(2025, root.GetProperty("year").GetInt32());
        Assert.Equal("SBN", root.GetProperty("blockCode").GetString());
        Assert.Equal(SmallCity.Units2025, root.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("unitCode").GetString()));
        Assert.Equal(JsonValueKind.Number, root.GetProperty("rows")[0].GetProperty("index").ValueKind);
    }

    [Fact]
    public async Task UnknownFormatIsAValidationProblem()
    {
        await SmallCity.BuildAsync(App, publish: true);

        var response = await App.Anonymous().GetAsync($"{Api2024}/export?format=pdf");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("format", await response.Content.ReadAsStringAsync());
    }
}

public sealed class ResultsExportTestsOnSqlite() : ResultsExportTests(DatabaseKind.Sqlite);

public sealed class ResultsExportTestsOnPostgres() : ResultsExportTests(DatabaseKind.Postgres);
