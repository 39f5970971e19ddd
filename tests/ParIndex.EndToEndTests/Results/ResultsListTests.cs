using System.Text.RegularExpressions;

namespace ParIndex.EndToEndTests.Results;

[Collection(PublicSiteCollection.Name)]
public sealed class ResultsListTests(PublicSiteFixture site, ITestOutputHelper output) : BrowserTest(site, output)
{
    [Fact]
    public Task TheResultsPageListsEveryPublishedYearNewestFirstAndLeadsToABlock() => BrowseAsync(async page =>
    {
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Điều hướng chính" }).GetByRole(AriaRole.Link, new() { Name = "Kết quả" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(Server.Url("/ket-qua"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Kết quả Chỉ số CCHC");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2 })).ToHaveTextAsync(["Năm 2025", "Năm 2024", "Năm 2023"]);

        var year2025 = page.Locator("section[data-year='2025']");
        await Expect(year2025.Locator(".result-card")).ToHaveCountAsync(2);
        await Expect(year2025.Locator(".result-card[data-block='SBN'] dd").First).ToHaveTextAsync("17");
        await Expect(year2025.Locator(".result-card[data-block='PX'] dd").First).ToHaveTextAsync("168");
        // Average indices are published figures: decimal comma.
        await Expect(year2025.Locator(".result-card[data-block='PX'] dd").Nth(1)).ToHaveTextAsync(new Regex(@"^\d{1,3},\d{2} %$"));

        await year2025.Locator(".result-card[data-block='SBN']").GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page).ToHaveURLAsync(Server.Url("/ket-qua/2025/SBN"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Chỉ số CCHC năm 2025 — Khối sở, ban, ngành");
    });

    [Fact]
    public Task AnUnknownBlockIsNotFound() => BrowseAsync(async page =>
    {
        var response = await page.GotoAsync("/ket-qua/2025/KHONGCO");

        Assert.NotNull(response);
        Assert.Equal(404, response.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Không tìm thấy kết quả");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Xem các kết quả đã công bố" })).ToHaveAttributeAsync("href", "/ket-qua");
    });
}
