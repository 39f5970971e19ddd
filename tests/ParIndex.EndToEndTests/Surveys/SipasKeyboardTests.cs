namespace ParIndex.EndToEndTests.Surveys;

[Collection(SurveysSiteCollection.Name)]
public sealed class SipasKeyboardTests(SurveysSiteFixture site, ITestOutputHelper output) : BrowserTest(site, output)
{
    private const int PhoneWidth = 390;

    /// <summary>What has keyboard focus: tag, type, name, value, checked state, text.</summary>
    private static Task<string[]> FocusedAsync(IPage page) => page.EvaluateAsync<string[]>("""
        () => { const e = document.activeElement; return [e.tagName.toLowerCase(), e.type || '', e.name || '', e.value || '', String(!!e.checked), (e.innerText || '').trim(), e.id || '']; }
        """);

    [Fact]
    public async Task ACitizenAnswersTheSipasFormOnAPhoneWithTheKeyboardOnly()
    {
        var link = (await site.InvitationLinksAsync("E2E-SIPAS-1", 1)).Single();

        await BrowseAsync(async page =>
        {
            await page.GotoAsync(link);
            // The token was swapped for a cookie: the address no longer carries it.
            Assert.EndsWith("/khao-sat", page.Url);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Phiếu khảo sát sự hài lòng");

            // Try to go on without answering: the error summary takes focus and its first link leads to the first question.
            await TabToAsync(page, f => f[0] == "button" && f[5] == "Lưu và tiếp tục");
            await PressEnterAndWaitForNextPageAsync(page);
            var summary = page.Locator(".error-summary");
            await Expect(summary).ToBeFocusedAsync();
            await page.Keyboard.PressAsync("Tab");
            var firstLink = await FocusedAsync(page);
            Assert.Equal("a", firstLink[0]);
            await page.Keyboard.PressAsync("Enter");
            var target = await FocusedAsync(page);
            Assert.Equal(("input", "radio"), (target[0], target[1]));

            var pages = 0;
            while (!page.Url.Contains("/khao-sat/cam-on") && pages++ < 10)
                await AnswerPageAsync(page);

            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Cảm ơn Ông/Bà");
            var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            Assert.True(width <= PhoneWidth, $"The thank-you page is {width} px wide on a {PhoneWidth} px phone.");
        }, Phone());
    }

    [Fact]
    public async Task EveryAnswerOptionHasALabelAndEveryScaleIsAFieldsetWithALegend()
    {
        var link = (await site.InvitationLinksAsync("E2E-SIPAS-2", 1)).Single();

        await BrowseAsync(async page =>
        {
            await page.GotoAsync(link);
            await page.GotoAsync("/khao-sat?buoc=1");

            var unlabelled = await page.EvaluateAsync<int>("() => [...document.querySelectorAll('main input:not([type=hidden]), main textarea')].filter(i => !i.labels || i.labels.length === 0).length");
            var radiosOutsideFieldsets = await page.EvaluateAsync<int>("() => [...document.querySelectorAll('input[type=radio]')].filter(i => !i.closest('fieldset') || !i.closest('fieldset').querySelector('legend')).length");
            var options = page.Locator("label.option");
            Assert.Equal(0, unlabelled);
            Assert.Equal(0, radiosOutsideFieldsets);
            // Touch targets: every option is at least 44 px high on the phone.
            foreach (var option in await options.AllAsync())
            {
                var box = await option.BoundingBoxAsync();
                Assert.True(box is not null && box.Height >= 44 && box.X >= 0 && box.X + box.Width <= PhoneWidth, $"An option is {box?.Width} × {box?.Height} px at x = {box?.X}.");
            }
            await Expect(page.GetByRole(AriaRole.Group, new() { Name = "Ông/Bà hài lòng thế nào về nơi ngồi chờ" })).ToBeVisibleAsync();
        }, Phone());
    }

    /// <summary>
    /// Answers the current step with the keyboard: Tab reaches each question; in a radio group Space picks the first
    /// option and arrow keys move to "Hài lòng" (scale) or stay on "Có" (yes/no); optional checkboxes and text are left
    /// alone; then Tab to the step's button and Enter.
    /// </summary>
    private static async Task AnswerPageAsync(IPage page)
    {
        var answered = new HashSet<string>();
        for (var presses = 0; presses < 120; presses++)
        {
            // Start where focus already is (after an error link it is on the question to answer), then move on with Tab.
            if (presses > 0)
                await page.Keyboard.PressAsync("Tab");
            var f = await FocusedAsync(page);
            if (f[0] == "input" && f[1] == "radio" && answered.Add(f[2]))
            {
                var scale = await page.Locator($"input[name='{f[2]}']").CountAsync() == 5;
                await page.Keyboard.PressAsync("Space");
                if (scale)
                    for (var i = 0; i < 3; i++)
                        await page.Keyboard.PressAsync("ArrowDown");
                var chosen = await FocusedAsync(page);
                Assert.Equal("true", chosen[4]);
            }
            else if (f[0] == "button" && f[5] is "Lưu và tiếp tục" or "Gửi phiếu khảo sát")
            {
                await PressEnterAndWaitForNextPageAsync(page);
                Assert.Equal(0, await page.Locator(".error-summary").CountAsync());
                return;
            }
        }
        throw new InvalidOperationException("The step's button was not reached with Tab.");
    }

    /// <summary>Presses Enter on a submit button and waits for the page the browser ends on (after any redirect).</summary>
    private static async Task PressEnterAndWaitForNextPageAsync(IPage page)
    {
        // Mark the current document, so that waiting ends only once a new one has replaced it.
        await page.EvaluateAsync("() => { window.__previousPage = true; }");
        await page.RunAndWaitForResponseAsync(() => page.Keyboard.PressAsync("Enter"),
            response => response.Request.IsNavigationRequest && response.Status is not (301 or 302 or 303));
        await page.WaitForFunctionAsync("() => window.__previousPage === undefined && document.readyState !== 'loading'");
    }

    private static async Task TabToAsync(IPage page, Func<string[], bool> wanted)
    {
        for (var presses = 0; presses < 150; presses++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (wanted(await FocusedAsync(page)))
                return;
        }
        throw new InvalidOperationException("The control was not reached with Tab.");
    }
}
