using Microsoft.Playwright;

namespace ParIndex.EndToEndTests.Infrastructure;

/// <summary>
/// What a collection of browser tests shares: one app server on its own copy of the demo city, and one Chromium.
/// Each test opens its own browser context (see <see cref="BrowserTest"/>), so cookies never leak between tests.
/// </summary>
public abstract class SiteFixture(string name) : IAsyncLifetime
{
    private IPlaywright? playwright;

    public AppServer Server { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var server = AppServer.StartAsync(name);
        var browser = Chromium.LaunchAsync();
        try
        {
            await Task.WhenAll(server, browser);
        }
        catch
        {
            if (server.IsCompletedSuccessfully)
                await server.Result.DisposeAsync();
            if (browser.IsCompletedSuccessfully)
            {
                await browser.Result.Browser.DisposeAsync();
                browser.Result.Playwright.Dispose();
            }
            throw;
        }
        Server = server.Result;
        (playwright, Browser) = browser.Result;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
            await Browser.DisposeAsync();
        playwright?.Dispose();
        if (Server is not null)
            await Server.DisposeAsync();
    }
}

/// <summary>The public site, read only: results, language, layout, keyboard. Tests here must not change data.</summary>
public sealed class PublicSiteFixture() : SiteFixture("public");

[CollectionDefinition(Name)]
public sealed class PublicSiteCollection : ICollectionFixture<PublicSiteFixture>
{
    public const string Name = "Public site";
}

/// <summary>
/// Sign-in and sign-out run on a server of their own: failed sign-ins count towards the account's lockout, and
/// that state must not reach the other collection's server.
/// </summary>
public sealed class AccountsSiteFixture() : SiteFixture("accounts");

[CollectionDefinition(Name)]
public sealed class AccountsSiteCollection : ICollectionFixture<AccountsSiteFixture>
{
    public const string Name = "Accounts";
}
