using System.Text.RegularExpressions;

namespace ParIndex.EndToEndTests.Layout;

[Collection(PublicSiteCollection.Name)]
public sealed class LanguageSwitchTests(PublicSiteFixture site, ITestOutputHelper output) : BrowserTest(site, output)
{
    [Fact]
    public Task EnglishTranslatesTheSamePageAndVietnameseBringsItBack() => BrowseAsync(async page =>
    {
        const string path = "/ket-qua/2025/SBN?sort=name&dir=asc";
        await page.GotoAsync(path);
        var table = new ResultsTable(page);
        // The switch's own label follows the language: "Ngôn ngữ" or "Language".
        var language = page.GetByRole(AriaRole.Navigation, new() { NameRegex = new Regex("^(Ngôn ngữ|Language)$") });
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "vi");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Chỉ số CCHC năm 2025 — Khối sở, ban, ngành");
        await Expect(table.ColumnHeader("Hạng")).ToBeVisibleAsync();
        var namesInVietnamese = await table.NamesAsync();

        await language.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(Server.Url(path));
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("PAR Index 2025");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2, Name = "Ranking" })).ToBeVisibleAsync();
        foreach (var column in new[] { "Rank", "Unit", "Index (%)", "Class" })
            await Expect(table.ColumnHeader(column)).ToBeVisibleAsync();
        await Expect(table.ColumnHeader("Hạng")).ToHaveCountAsync(0);
        await Expect(language.GetByRole(AriaRole.Link, new() { Name = "English" })).ToHaveAttributeAsync("aria-current", "true");
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Main navigation" }).GetByRole(AriaRole.Link, new() { Name = "Results" })).ToBeVisibleAsync();
        // Same data, same order; figures now use a decimal point.
        Assert.Equal(namesInVietnamese.Count, (await table.NamesAsync()).Count);
        Assert.All(await table.IndexTextsAsync(), text => Assert.Matches(ResultsTable.EnglishFigure(), text));

        await language.GetByRole(AriaRole.Link, new() { Name = "Tiếng Việt" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(Server.Url(path));
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "vi");
        await Expect(table.ColumnHeader("Hạng")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Chỉ số CCHC năm 2025 — Khối sở, ban, ngành");
        Assert.Equal(namesInVietnamese, await table.NamesAsync());
    });

    [Fact]
    public Task TheChosenLanguageStaysWhileTheReaderMovesAround() => BrowseAsync(async page =>
    {
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Ngôn ngữ" }).GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Public Administration Reform Index");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main navigation" }).GetByRole(AriaRole.Link, new() { Name = "Results" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(Server.Url("/ket-qua"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("PAR Index results");

        await page.Locator(".result-card[data-block='SBN']").First.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2, Name = "Ranking" })).ToBeVisibleAsync();

        await new ResultsTable(page).Rows.First.Locator("th.unit-name a").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/ket-qua/2025/SBN/[^/?]+$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "How each criterion was scored" })).ToBeVisibleAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");

        // A fresh load of a typed-in address keeps English too (the choice is stored, not carried in links).
        await page.GotoAsync("/ket-qua/2024/QH");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("PAR Index 2024");

        // A new visitor (a new browser context) still gets Vietnamese.
        await using var other = await page.Context.Browser!.NewContextAsync(new() { Locale = "en-GB", BaseURL = Server.BaseAddress.ToString() });
        var otherPage = await other.NewPageAsync();
        await otherPage.GotoAsync("/ket-qua/2024/QH");
        await Expect(otherPage.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Chỉ số CCHC năm 2024");
    });
}
