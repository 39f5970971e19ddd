using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using ParIndex.Accounts;
using ParIndex.Data;

namespace ParIndex.Tests.Infrastructure;

/// <summary>The app over HTTP on a fresh database, migrated by its own migrations at start.</summary>
public sealed partial class TestApp : WebApplicationFactory<Program>
{
    public const string AdminEmail = "admin@test.local";
    public const string AdminPassword = "Test-Admin-2025";

    public TestDatabase Database { get; }

    private readonly Action<IServiceCollection>? configureServices;

    private TestApp(TestDatabase database, Action<IServiceCollection>? configureServices)
    {
        Database = database;
        this.configureServices = configureServices;
    }

    /// <param name="configureServices">Optional registrations applied after the app's own (e.g. a test listener).</param>
    public static async Task<TestApp> StartAsync(DatabaseKind kind, Action<IServiceCollection>? configureServices = null)
    {
        var database = await TestDatabase.CreateAsync(kind);
        var app = new TestApp(database, configureServices);
        _ = app.Server; // start now so that migrations run before the first request
        return app;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Database.ProviderName);
        builder.UseSetting("ConnectionStrings:ParIndex", Database.ConnectionString);
        builder.UseSetting("Database:MigrateOnStart", "true");
        builder.UseSetting("Paths:Data", Database.DataFolder);
        if (configureServices is not null)
            builder.ConfigureTestServices(configureServices);
    }

    public T Service<T>(Func<IServiceProvider, T> use)
    {
        using var scope = Services.CreateScope();
        return use(scope.ServiceProvider);
    }

    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> use)
    {
        await using var scope = Services.CreateAsyncScope();
        return await use(scope.ServiceProvider);
    }

    public Task WithDbAsync(Func<AppDbContext, Task> use) => WithScopeAsync(async services =>
    {
        await use(services.GetRequiredService<AppDbContext>());
        return 0;
    });

    public Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> use) => WithScopeAsync(services => use(services.GetRequiredService<AppDbContext>()));

    /// <summary>Creates a user with the given role (if any) through Identity, as an administrator would.</summary>
    public Task EnsureUserAsync(string email, string password, string? role) => WithScopeAsync(async services =>
    {
        var users = services.GetRequiredService<UserManager<AppUser>>();
        var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
        if (await users.FindByEmailAsync(email) is null)
        {
            var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true };
            var created = await users.CreateAsync(user, password);
            if (!created.Succeeded)
                throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
            if (role is not null)
            {
                if (!await roles.RoleExistsAsync(role))
                    await roles.CreateAsync(new IdentityRole(role));
                await users.AddToRoleAsync(user, role);
            }
        }
        return 0;
    });

    /// <summary>An HTTP client that does not follow redirects, so tests see 302s for what they are.</summary>
    public HttpClient Anonymous() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>An HTTP client signed in as an administrator through the real sign-in form.</summary>
    public async Task<HttpClient> AdminAsync()
    {
        await EnsureUserAsync(AdminEmail, AdminPassword, Roles.Administrator);
        return await SignInAsync(AdminEmail, AdminPassword);
    }

    public async Task<HttpClient> SignInAsync(string email, string password)
    {
        var client = Anonymous();
        var token = await AntiforgeryTokenAsync(client, "/dang-nhap");
        var response = await client.PostAsync("/dang-nhap", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = password,
            ["__RequestVerificationToken"] = token,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Sign-in of {email} failed with {(int)response.StatusCode}.");
        return client;
    }

    /// <summary>Reads the antiforgery token of the first form on a page (the cookie half stays in the client).</summary>
    public static async Task<string> AntiforgeryTokenAsync(HttpClient client, string path)
    {
        var html = await client.GetStringAsync(path);
        var match = TokenPattern().Match(html);
        if (!match.Success)
            throw new InvalidOperationException($"No antiforgery token on {path}.");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
            Database.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
