using Microsoft.Playwright;

namespace ParIndex.EndToEndTests.Infrastructure;

/// <summary>Debian's Chromium driven by Playwright; a browser is never downloaded.</summary>
public static class Chromium
{
    /// <summary>scripts/test.sh exports PARINDEX_CHROMIUM as <c>command -v chromium</c>.</summary>
    public static string ExecutablePath =>
        Environment.GetEnvironmentVariable("PARINDEX_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    private static readonly string[] Arguments =
    [
        "--no-sandbox", "--headless", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        // Playwright must use the system browser: nothing may fetch one.
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        Environment.SetEnvironmentVariable("PLAYWRIGHT_BROWSERS_PATH", "0");
        var executable = ExecutablePath;
        if (!File.Exists(executable))
            throw new InvalidOperationException($"Chromium was not found at {executable}. Install Debian's `chromium` package or set PARINDEX_CHROMIUM.");
        var playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new()
            {
                ExecutablePath = executable,
                Args = Arguments,
                Headless = true,
                Timeout = 60_000,
            });
            return (playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }
}
