namespace ParIndex.EndToEndTests.Layout;

[Collection(PublicSiteCollection.Name)]
public sealed class PhoneLayoutTests(PublicSiteFixture site, ITestOutputHelper output) : BrowserTest(site, output)
{
    private const int PhoneWidth = 390;

    [Theory]
    [InlineData("/ket-qua")]
    [InlineData("/ket-qua/2025/PX")]
    [InlineData("/ket-qua/2025/SBN?lang=en")]
    [InlineData("/ket-qua/2025/SBN/SKHCN")]
    public Task OnAPhoneThePageBodyDoesNotScrollSideways(string path) => BrowseAsync(async page =>
    {
        await page.GotoAsync(path);

        // On a mobile viewport Chromium widens the layout viewport to fit content that sticks out, so a page that
        // overflows shows up both as a wider window and as a wider document.
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.body.scrollWidth, window.innerWidth]");
        Assert.True(widths[0] <= PhoneWidth && widths[1] <= PhoneWidth && widths[2] == PhoneWidth,
            $"On a {PhoneWidth} px phone the page is {widths[0]} px (html) / {widths[1]} px (body) wide in a {widths[2]} px window.{Environment.NewLine}Elements sticking out: {await WiderElementsAsync(page)}");

        // A wide table scrolls inside its own wrapper, which stays within the screen.
        foreach (var wrapper in await page.Locator(".table-wrap").AllAsync())
        {
            var box = await wrapper.BoundingBoxAsync();
            Assert.NotNull(box);
            Assert.True(box.X >= 0 && box.X + box.Width <= PhoneWidth + 0.5, $"A table wrapper spans {box.X}–{box.X + box.Width} px.");
        }
    }, Phone());

    [Fact]
    public Task OnAPhoneTheHeaderFitsAndItsLinksCanBeTapped() => BrowseAsync(async page =>
    {
        await page.GotoAsync("/ket-qua/2025/PX");
        var header = page.GetByRole(AriaRole.Banner);
        var results = header.GetByRole(AriaRole.Link, new() { Name = "Kết quả", Exact = true });
        var english = header.GetByRole(AriaRole.Link, new() { Name = "English" });
        var signIn = header.GetByRole(AriaRole.Link, new() { Name = "Đăng nhập" });
        var brand = header.Locator("a.brand");
        foreach (var control in new[] { brand, results, english, signIn })
        {
            await Expect(control).ToBeVisibleAsync();
            await Expect(control).ToBeInViewportAsync(new() { Ratio = 1 });
            var box = await control.BoundingBoxAsync();
            Assert.NotNull(box);
            Assert.True(box.X >= 0 && box.X + box.Width <= PhoneWidth, $"{await control.InnerTextAsync()} spans {box.X}–{box.X + box.Width} px.");
            // WCAG 2.2 target size (minimum): at least 24 × 24 CSS pixels.
            Assert.True(box.Height >= 24 && box.Width >= 24, $"{await control.InnerTextAsync()} is only {box.Width} × {box.Height} px.");
        }

        // Taps reach the links (nothing covers them) and lead where they say.
        await english.TapAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page).ToHaveURLAsync(Server.Url("/ket-qua/2025/PX"));
        await header.GetByRole(AriaRole.Link, new() { Name = "Sign in" }).TapAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Sign in" })).ToBeVisibleAsync();
        await header.GetByRole(AriaRole.Link, new() { Name = "Results", Exact = true }).TapAsync();
        await Expect(page).ToHaveURLAsync(Server.Url("/ket-qua"));
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(overflow <= PhoneWidth, $"The English results page is {overflow} px wide.");
    }, Phone());

    /// <summary>
    /// For the failure message: the outermost elements that reach past the phone's width without being clipped by a
    /// scrolling ancestor (an absolutely positioned element is clipped only by a scroller at or above its containing block).
    /// </summary>
    private static Task<string> WiderElementsAsync(IPage page) => page.EvaluateAsync<string>("""
        width => {
            const clipped = e => {
                const position = getComputedStyle(e).position;
                if (position === 'fixed') return false;
                let reachedContainingBlock = position !== 'absolute';
                for (let p = e.parentElement; p && p !== document.documentElement; p = p.parentElement) {
                    const style = getComputedStyle(p);
                    if (!reachedContainingBlock && style.position !== 'static') reachedContainingBlock = true;
                    if (reachedContainingBlock && style.overflowX !== 'visible') return true;
                }
                return false;
            };
            const wide = new Set([...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > width + 0.5 && !clipped(e)));
            return [...wide].filter(e => !wide.has(e.parentElement)).slice(0, 8)
                .map(e => `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}${[...e.classList].map(c => '.' + c).join('')} (right ${Math.round(e.getBoundingClientRect().right)} px)`)
                .join(', ') || '(none found)';
        }
        """, PhoneWidth);
}
