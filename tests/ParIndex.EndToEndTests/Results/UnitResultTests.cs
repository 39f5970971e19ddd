using System.Globalization;
using System.Text.RegularExpressions;

namespace ParIndex.EndToEndTests.Results;

[Collection(PublicSiteCollection.Name)]
public sealed class UnitResultTests(PublicSiteFixture site, ITestOutputHelper output) : BrowserTest(site, output)
{
    [Fact]
    public Task AUnitPageShowsItsStandingAndItsChartsWithTitles() => BrowseAsync(async page =>
    {
        await page.GotoAsync("/ket-qua/2025/SBN");
        var table = new ResultsTable(page);
        var name = (await table.NamesAsync())[0];
        var index = (await table.IndexTextsAsync())[0];
        var fieldCount = await table.Table.Locator("thead th.hide-narrow").CountAsync();
        Assert.True(fieldCount > 0);

        await table.Rows.First.Locator("th.unit-name a").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/ket-qua/2025/SBN/[^/?]+$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(name);
        await Expect(page.Locator("#unit-index")).ToHaveTextAsync($"{index} %");
        await Expect(page.Locator("#unit-rank")).ToHaveTextAsync("1/17");

        // The field chart: one pair of bars (the unit, the block average) per field, titled with the unit's name.
        var fields = page.Locator("#field-chart svg[role=img]");
        await Expect(fields).ToBeVisibleAsync();
        await Expect(fields).ToHaveAccessibleNameAsync(new Regex($"^{Regex.Escape($"Chỉ số thành phần của {name} so với bình quân khối")}"));
        await Expect(fields.Locator("g.bar-group")).ToHaveCountAsync(fieldCount);
        await Expect(fields.Locator("g.bar-group").First.Locator("g.bar-item")).ToHaveCountAsync(2);

        // The trend chart: a point per year, the last one being this year's index.
        var trend = page.Locator("#trend-chart svg[role=img]");
        await Expect(trend).ToBeVisibleAsync();
        await Expect(trend).ToHaveAccessibleNameAsync(new Regex($"^{Regex.Escape($"Chỉ số CCHC của {name} qua các năm")}"));
        var points = trend.Locator("g.point");
        Assert.True(await points.CountAsync() >= 2, "The trend of a 2025 department should reach back at least one year.");
        await Expect(points.Last).ToHaveAttributeAsync("data-year", "2025");
        await Expect(points.Last.Locator("title")).ToHaveTextAsync(new Regex($"^2025: {Regex.Escape(index)}"));
    });

    [Fact]
    public Task ExpandingACriterionShowsHowItsPointsWereComputed() => BrowseAsync(async page =>
    {
        await page.GotoAsync("/ket-qua/2025/SBN");
        await new ResultsTable(page).Rows.First.Locator("th.unit-name a").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Cách tính điểm từng tiêu chí" })).ToBeVisibleAsync();

        var criterion = page.Locator("#explainer tbody tr", new() { Has = page.Locator("details.explain") }).First;
        var code = await criterion.GetAttributeAsync("data-node");
        Assert.False(string.IsNullOrEmpty(code));
        var points = ResultsTable.ParseVietnamese((await criterion.Locator("td").Nth(2).InnerTextAsync()).Trim());
        var details = criterion.Locator("details.explain");
        var steps = details.Locator(".explain__steps");
        await Expect(steps).ToBeHiddenAsync();

        await details.Locator("summary").ClickAsync();

        await Expect(details).ToHaveAttributeAsync("open", "");
        await Expect(steps).ToBeVisibleAsync();
        await Expect(details.Locator("dt")).ToContainTextAsync(["Phương pháp", "Dữ liệu đầu vào", "Các bước"]);
        // The steps end in the points the table shows for the criterion.
        var stepsText = (await steps.InnerTextAsync()).Trim();
        var result = Regex.Match(stepsText, @"→ (?<points>[\d.,]+) điểm$");
        Assert.True(result.Success, $"Steps of {code} do not end in '→ … điểm': {stepsText}");
        Assert.Equal(points, decimal.Parse(result.Groups["points"].Value, NumberStyles.Number, ResultsTable.Vietnamese));
        await Expect(details.GetByRole(AriaRole.Link, new() { Name = "Giải thích dạng JSON" })).ToBeVisibleAsync();

        // Closing hides the steps again.
        await details.Locator("summary").ClickAsync();
        await Expect(steps).ToBeHiddenAsync();
    });
}
