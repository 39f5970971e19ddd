namespace ParIndex.EndToEndTests.Layout;

[Collection(PublicSiteCollection.Name)]
public sealed class KeyboardTests(PublicSiteFixture site, ITestOutputHelper output) : BrowserTest(site, output)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/ket-qua/2025/SBN")]
    public Task TheSkipLinkIsTheFirstTabStopAndMovesFocusToTheMainContent(string path) => BrowseAsync(async page =>
    {
        await page.GotoAsync(path);

        await page.Keyboard.PressAsync("Tab");
        var skipLink = page.Locator("a.skip-link");
        await Expect(skipLink).ToBeFocusedAsync();
        await Expect(skipLink).ToHaveTextAsync("Bỏ qua đến nội dung chính");
        // Hidden off-screen until focused, then shown inside the window for a sighted keyboard user.
        var box = await skipLink.BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.True(box.X >= 0 && box.Y >= 0 && box.Width > 0, $"The focused skip link is off-screen at ({box.X}, {box.Y}).");

        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("main#main")).ToBeFocusedAsync();
        // The next Tab continues inside the main content, not back in the header.
        await page.Keyboard.PressAsync("Tab");
        var focusedInMain = await page.EvaluateAsync<bool>("() => document.querySelector('main').contains(document.activeElement) && document.activeElement !== document.querySelector('main')");
        Assert.True(focusedInMain, "After the skip link, Tab should reach the first control inside the main content.");
    });
}
