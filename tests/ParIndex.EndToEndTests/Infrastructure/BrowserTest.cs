using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace ParIndex.EndToEndTests.Infrastructure;

/// <summary>
/// Base of the browser tests. <see cref="BrowseAsync"/> gives a test a page in a fresh browser context (Vietnamese
/// locale, Ho Chi Minh City time) on the collection's server; when the test fails it saves a full-page screenshot
/// under the test output folder and writes the page's address, console errors and the server's recent log to the
/// test output.
/// </summary>
public abstract class BrowserTest(SiteFixture site, ITestOutputHelper output)
{
    static BrowserTest()
    {
        // The suite shares two cores with the server and the browser; 5 s (Playwright's default) is tight there.
        SetDefaultExpectTimeout(10_000);
    }

    /// <summary>A desktop window; phone tests pass <see cref="Phone"/>.</summary>
    protected static BrowserNewContextOptions Desktop() => new() { ViewportSize = new() { Width = 1280, Height = 900 } };

    /// <summary>A desktop window with scripts off: core flows must work as plain links and forms.</summary>
    protected static BrowserNewContextOptions DesktopWithoutJavaScript() => new() { ViewportSize = new() { Width = 1280, Height = 900 }, JavaScriptEnabled = false };

    /// <summary>A 390×844 phone (the size of common current phones), touch and mobile viewport rules on.</summary>
    protected static BrowserNewContextOptions Phone() => new()
    {
        ViewportSize = new() { Width = 390, Height = 844 },
        DeviceScaleFactor = 3,
        IsMobile = true,
        HasTouch = true,
    };

    protected AppServer Server => site.Server;

    protected ITestOutputHelper Output => output;

    public static string ScreenshotFolder => Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    protected async Task BrowseAsync(Func<IPage, Task> test, BrowserNewContextOptions? options = null, [CallerMemberName] string testName = "")
    {
        options ??= Desktop();
        options.Locale = "vi-VN";
        options.TimezoneId = "Asia/Ho_Chi_Minh";
        options.BaseURL = Server.BaseAddress.ToString();
        await using var context = await site.Browser.NewContextAsync(options);
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        var problems = new StringBuilder();
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
                problems.AppendLine($"console {message.Type}: {message.Text}");
        };
        page.PageError += (_, error) => problems.AppendLine($"page error: {error}");
        try
        {
            await test(page);
        }
        catch (Exception)
        {
            await ReportFailureAsync(page, testName, problems.ToString());
            throw;
        }
    }

    private async Task ReportFailureAsync(IPage page, string testName, string problems)
    {
        output.WriteLine($"Page at failure: {page.Url}");
        try
        {
            Directory.CreateDirectory(ScreenshotFolder);
            var file = Path.Combine(ScreenshotFolder, $"{GetType().Name}.{testName}.png");
            await page.ScreenshotAsync(new() { Path = file, FullPage = true, Timeout = 10_000 });
            output.WriteLine($"Screenshot: {file}");
        }
        catch (Exception exception)
        {
            output.WriteLine($"No screenshot: {exception.Message}");
        }
        if (problems.Length > 0)
            output.WriteLine(problems);
        output.WriteLine("Server log (most recent lines):");
        output.WriteLine(Server.Log.ToString());
    }
}
