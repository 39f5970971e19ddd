using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParIndex.Accounts;
using ParIndex.Accounts.Tokens;
using ParIndex.Audit;

namespace ParIndex.Tests.Accounts;

/// <summary>Users, sign-ins, forms and tokens for the account tests.</summary>
public static partial class AccountsTestKit
{
    public const string Password = "Test-User-2025";

    /// <summary>A unit for unit-scoped users when the test does not build a whole city.</summary>
    public static Task EnsureUnitAsync(TestApp app, string code = "STP", string name = "Sở Tư pháp") => app.WithScopeAsync(async services =>
    {
        var units = services.GetRequiredService<ParIndex.Units.UnitService>();
        if (await units.FindAsync(code) is null)
        {
            var saved = await units.SaveAsync(new ParIndex.Units.UnitDto(code, name, null, ParIndex.Units.UnitKind.Department, new DateOnly(2000, 1, 1), null, null), "test");
            if (!saved.Succeeded)
                throw new InvalidOperationException("unit " + code);
        }
        return 0;
    });

    /// <summary>Creates a user directly through Identity (not a flow under test), with one role and optionally a unit.</summary>
    public static Task<string> CreateUserAsync(TestApp app, string email, string? role, string? unitCode = null, string password = Password) => app.WithScopeAsync(async services =>
    {
        var users = services.GetRequiredService<UserManager<AppUser>>();
        var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
        var db = services.GetRequiredService<ParIndex.Data.AppDbContext>();
        var unitId = unitCode is null ? null : await db.Units.Where(u => u.Code == unitCode).Select(u => (int?)u.Id).SingleAsync();
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = email.Split('@')[0], UnitId = unitId, LockoutEnabled = true };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
            throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
        if (role is not null)
        {
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new IdentityRole(role));
            await users.AddToRoleAsync(user, role);
        }
        return user.Id;
    });

    /// <summary>
    /// Sessions are re-read from the database every minute; tests that check a change reaches a signed-in session
    /// make the app re-read them on every request instead of waiting (the options object is the app's singleton).
    /// </summary>
    public static void RecheckSessionsOnEveryRequest(TestApp app) =>
        app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<SecurityStampValidatorOptions>>().Value.ValidationInterval = TimeSpan.Zero;

    public static Task<string> UserIdAsync(TestApp app, string email) =>
        app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    /// <summary>Posts the sign-in form; returns the response (302 on success) and the client, whatever happened.</summary>
    public static async Task<(HttpResponseMessage Response, HttpClient Client)> TrySignInAsync(TestApp app, string email, string password)
    {
        var client = app.Anonymous();
        var response = await PostFormAsync(client, "/dang-nhap", new() { ["Email"] = email, ["Password"] = password });
        return (response, client);
    }

    /// <summary>Reads the antiforgery token from <paramref name="formPage"/> (default: the page posted to) and posts the fields.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, Dictionary<string, string> fields, string? formPage = null, IEnumerable<KeyValuePair<string, string>>? extra = null)
    {
        var token = await TestApp.AntiforgeryTokenAsync(client, formPage ?? path.Split('?')[0]);
        var all = fields.Select(f => f).Concat(extra ?? []).Append(new("__RequestVerificationToken", token));
        return await client.PostAsync(path, new FormUrlEncodedContent(all));
    }

    public static async Task<string> CreateTokenAsync(TestApp app, string[] scopes, string? unitCode = null, string name = "test client") =>
        await app.WithScopeAsync(async services =>
        {
            var created = await services.GetRequiredService<ApiTokenService>().CreateAsync(new ApiTokenInput(name, scopes, unitCode, null), "test");
            return created.Value?.Secret ?? throw new InvalidOperationException(string.Join("; ", created.Problems?.Lines() ?? []));
        });

    public static HttpClient Bearer(TestApp app, string secret)
    {
        var client = app.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    public static Task<List<AuditEntry>> AuditAsync(TestApp app, string entityType, string key) =>
        app.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityType == entityType && e.EntityKey == key).OrderBy(e => e.Id).ToListAsync());

    /// <summary>The temporary password shown on a page (new user, reset).</summary>
    public static string TemporaryPasswordIn(string html)
    {
        var match = SecretPattern().Match(html);
        Assert.True(match.Success, "no secret shown on the page");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    public static bool IsRedirectTo(HttpResponseMessage response, string path) =>
        response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Split('?')[0] is { } location
        && (location == path || location.EndsWith(path, StringComparison.Ordinal));

    [GeneratedRegex("<code class=\"secret\">([^<]+)</code>")]
    private static partial Regex SecretPattern();
}
