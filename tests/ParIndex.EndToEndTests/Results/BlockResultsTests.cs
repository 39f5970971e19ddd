using System.Globalization;
using System.Text.RegularExpressions;

namespace ParIndex.EndToEndTests.Results;

[Collection(PublicSiteCollection.Name)]
public sealed class BlockResultsTests(PublicSiteFixture site, ITestOutputHelper output) : BrowserTest(site, output)
{
    [Theory]
    [InlineData(2025, "SBN", 17)]
    [InlineData(2025, "PX", 168)]
    [InlineData(2024, "QH", 22)]
    public Task TheBlockIsListedByRankWithIndicesDescendingInVietnameseNumbers(int year, string block, int units) => BrowseAsync(async page =>
    {
        await page.GotoAsync($"/ket-qua/{year}/{block}");
        var table = new ResultsTable(page);

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync($"Chỉ số CCHC năm {year}");
        await Expect(table.Rows).ToHaveCountAsync(units);
        await Expect(page.Locator("#unit-count")).ToHaveTextAsync(units.ToString(CultureInfo.InvariantCulture));
        await Expect(table.ColumnHeader("Hạng")).ToHaveAttributeAsync("aria-sort", "ascending");

        var ranks = await table.RanksAsync();
        var indexTexts = await table.IndexTextsAsync();
        var indices = indexTexts.Select(ResultsTable.ParseVietnamese).ToList();
        Assert.Equal(units, ranks.Count);
        Assert.Equal(1, ranks[0]);
        for (var i = 1; i < ranks.Count; i++)
        {
            Assert.True(indices[i] <= indices[i - 1], $"Row {i + 1}: index {indexTexts[i]} is above the row before it ({indexTexts[i - 1]}).");
            // Competition ranking on exact indices: a tie shares the rank, otherwise the rank is the position.
            // Two units published with the same two-decimal figure may still differ in the third decimal.
            if (indices[i] != indices[i - 1])
                Assert.True(ranks[i] == i + 1, $"Row {i + 1} has rank {ranks[i]} after {indexTexts[i - 1]} → {indexTexts[i]}; expected {i + 1}.");
            else
                Assert.True(ranks[i] == ranks[i - 1] || ranks[i] == i + 1, $"Row {i + 1} has rank {ranks[i]}; with the same figure as the row before it must be {ranks[i - 1]} (tie) or {i + 1}.");
        }
        Assert.True(indices[0] > indices[^1], "The demo block should spread its units; all indices are equal.");
        // The block average is written the same way.
        await Expect(page.Locator("#average-index")).ToHaveTextAsync(new Regex(@"^\d{1,3},\d{2} %$"));
    });

    [Fact]
    public Task TheBarChartHasATitleAndOneBarPerUnitInRankOrder() => BrowseAsync(async page =>
    {
        await page.GotoAsync("/ket-qua/2025/SBN");
        var table = new ResultsTable(page);
        var names = await table.NamesAsync();
        var indexTexts = await table.IndexTextsAsync();
        var ranks = await table.RanksAsync();

        var chart = page.Locator("#block-chart svg[role=img]");
        await Expect(chart).ToBeVisibleAsync();
        await Expect(chart.Locator("title").First).ToHaveTextAsync("Chỉ số CCHC năm 2025 — Khối sở, ban, ngành");
        // The title and the description name the chart for assistive technology.
        await Expect(chart).ToHaveAccessibleNameAsync(new Regex("^Chỉ số CCHC năm 2025 — Khối sở, ban, ngành .*17 đơn vị theo thứ hạng"));

        var bars = chart.Locator("g.bar-row");
        await Expect(bars).ToHaveCountAsync(names.Count);
        var tooltips = await bars.Locator("> title").AllTextContentsAsync();
        for (var i = 0; i < names.Count; i++)
            Assert.StartsWith($"{ranks[i]}. {names[i]}: {indexTexts[i]}", tooltips[i]);
        // Bar lengths follow the indices: longest first.
        var widths = (await bars.Locator("rect.bar").EvaluateAllAsync<double[]>("rects => rects.map(r => r.getBBox().width)")).ToList();
        Assert.Equal(names.Count, widths.Count);
        for (var i = 1; i < widths.Count; i++)
            Assert.True(widths[i] <= widths[i - 1] + 0.01, $"Bar {i + 1} ({widths[i]}) is longer than bar {i} ({widths[i - 1]}).");
        Assert.True(widths[0] > widths[^1]);
    });

    [Fact]
    public Task SortingByNameFollowsVietnameseAlphabeticalOrderWithoutJavaScript() => BrowseAsync(async page =>
    {
        var vietnamese = StringComparer.Create(ResultsTable.Vietnamese, ignoreCase: false);
        // Guard: the test's own reference order must be Vietnamese (Đ after D, before E), not code-point order.
        Assert.True(vietnamese.Compare("Đức", "Dương") > 0 && vietnamese.Compare("Đức", "Ea") < 0, "ICU's vi-VN collation is not available to the tests.");

        await page.GotoAsync("/ket-qua/2025/PX");
        var table = new ResultsTable(page);
        var byRank = await table.NamesAsync();

        await table.ColumnHeader("Đơn vị").GetByRole(AriaRole.Link).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex(@"/ket-qua/2025/PX\?sort=name&dir=asc$"));
        await Expect(table.ColumnHeader("Đơn vị")).ToHaveAttributeAsync("aria-sort", "ascending");
        await Expect(table.ColumnHeader("Hạng")).ToHaveAttributeAsync("aria-sort", "none");
        var byName = (await table.NamesAsync()).ToList();
        Assert.Equal(byRank.Order(vietnamese), byName);
        Assert.NotEqual(byRank.Order(StringComparer.Ordinal), byName);
        // "Đặc khu" comes before "Phường" and "Xã" in Vietnamese; by code point Đ would come after X.
        Assert.Equal("Đặc khu Côn Đảo", byName[0]);
        Assert.True(byName.IndexOf("Phường Đức Nhuận") > byName.IndexOf("Phường Diên Hồng") && byName.IndexOf("Phường Đức Nhuận") < byName.IndexOf("Phường Gia Định"));
        // Ranks travel with their units.
        Assert.NotEqual(Enumerable.Range(1, byName.Count), await table.RanksAsync());

        // The same link again reverses the order.
        await table.ColumnHeader("Đơn vị").GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"\?sort=name&dir=desc$"));
        await Expect(table.ColumnHeader("Đơn vị")).ToHaveAttributeAsync("aria-sort", "descending");
        Assert.Equal(byName.AsEnumerable().Reverse(), await table.NamesAsync());
    }, DesktopWithoutJavaScript());
}
