using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParIndex.Accounts;
using ParIndex.Accounts.Tokens;
using static ParIndex.Tests.Accounts.AccountsTestKit;

namespace ParIndex.Tests.Accounts;

public abstract class ApiTokenTests(DatabaseKind kind) : AppTest(kind)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    [Fact]
    public async Task ATokenIsShownOnceAndStoredOnlyAsAHash()
    {
        await EnsureUnitAsync(App);
        var admin = await App.AdminAsync();

        var response = await admin.PostAsJsonAsync("/api/v1/tokens", new { name = "Hệ thống một cửa", scopes = new[] { "dossiers:write" }, unitCode = "STP" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var created = (await response.Content.ReadFromJsonAsync<ApiTokenCreated>(Json))!;
        Assert.Matches("^pi_[a-z2-9]{10}_[A-Za-z0-9]{32}$", created.Secret);
        Assert.StartsWith(created.Token.Prefix + "_", created.Secret);
        var stored = await App.WithDbAsync(db => db.ApiTokens.SingleAsync());
        Assert.Equal(ApiTokenSecret.Hash(created.Secret), stored.SecretHash);
        Assert.DoesNotContain(created.Secret[14..], stored.SecretHash);
        Assert.Equal("dossiers:write", stored.Scopes);
        var listed = await admin.GetStringAsync("/api/v1/tokens");
        Assert.DoesNotContain(created.Secret, listed);
        Assert.DoesNotContain(stored.SecretHash, listed);
        Assert.Contains(created.Token.Prefix, listed);
        var audit = Assert.Single(await AuditAsync(App, "api-token", created.Token.Prefix));
        Assert.Equal("api-token.created", audit.Action);
        Assert.DoesNotContain(created.Secret, audit.NewValue);
    }

    [Fact]
    public async Task AMachineClientUsesItsTokenWithTheBearerScheme()
    {
        await EnsureUnitAsync(App);
        var secret = await CreateTokenAsync(App, [Scopes.DossiersWrite, Scopes.RatingsWrite], "STP", "Một cửa STP");

        var response = await Bearer(App, secret).GetAsync("/api/v1/tokens/current");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var current = (await response.Content.ReadFromJsonAsync<CurrentTokenView>(Json))!;
        Assert.Equal(["dossiers:write", "ratings:write"], current.Scopes);
        Assert.Equal("STP", current.UnitCode);
        Assert.Contains("Một cửa STP", current.Name);
        var anonymous = await App.Anonymous().GetAsync("/api/v1/tokens/current");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Contains("Bearer", anonymous.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task ScopesDecideWhichMachinePoliciesATokenMeets()
    {
        var dossiers = await CreateTokenAsync(App, [Scopes.DossiersWrite]);
        var ratings = await CreateTokenAsync(App, [Scopes.RatingsWrite]);

        Assert.True(await MeetsAsync(dossiers, Policies.MachineDossiers));
        Assert.False(await MeetsAsync(dossiers, Policies.MachineRatings));
        Assert.False(await MeetsAsync(dossiers, Policies.MachineResults));
        Assert.True(await MeetsAsync(dossiers, Policies.AdministratorOrMachineDossiers));
        Assert.False(await MeetsAsync(dossiers, Policies.AdministratorOrMachineRatings));
        Assert.False(await MeetsAsync(dossiers, Policies.Administrator), "a token never carries a role");
        Assert.True(await MeetsAsync(ratings, Policies.MachineRatings));
        Assert.False(await MeetsAsync(ratings, Policies.MachineDossiers));
    }

    [Fact]
    public async Task ARevokedTokenIsRefusedAtOnceAndTheRevocationIsAudited()
    {
        var admin = await App.AdminAsync();
        var secret = await CreateTokenAsync(App, [Scopes.RatingsWrite]);
        var client = Bearer(App, secret);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/tokens/current")).StatusCode);
        var id = await App.WithDbAsync(db => db.ApiTokens.Select(t => t.Id).SingleAsync());

        var withoutReason = await admin.DeleteAsync($"/api/v1/tokens/{id}");
        var revoked = await admin.DeleteAsync($"/api/v1/tokens/{id}?reason={Uri.EscapeDataString("Thiết bị bị mất")}");
        var again = await admin.DeleteAsync($"/api/v1/tokens/{id}?reason=again");
        var refused = await client.GetAsync("/api/v1/tokens/current");

        Assert.Equal(HttpStatusCode.BadRequest, withoutReason.StatusCode);
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("invalid_token", refused.Headers.WwwAuthenticate.ToString());
        var prefix = secret[..13];
        var entry = (await AuditAsync(App, "api-token", prefix)).Single(e => e.Action == "api-token.revoked");
        Assert.Equal("Thiết bị bị mất", entry.Reason);
        Assert.Equal(TestApp.AdminEmail, entry.Actor);
    }

    [Fact]
    public async Task AnExpiredOrUnknownTokenIsRefused()
    {
        var secret = await CreateTokenAsync(App, [Scopes.ResultsRead]);
        await App.WithDbAsync(db => db.ApiTokens.ExecuteUpdateAsync(s => s.SetProperty(t => t.ExpiresAtUtc, DateTime.UtcNow.AddMinutes(-1))));
        var forged = secret[..14] + new string('A', 32);

        Assert.Equal(HttpStatusCode.Unauthorized, (await Bearer(App, secret).GetAsync("/api/v1/tokens/current")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Bearer(App, forged).GetAsync("/api/v1/tokens/current")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Bearer(App, "pi_aaaaaaaaaa_" + new string('b', 32)).GetAsync("/api/v1/tokens/current")).StatusCode);
        Assert.Null(await App.WithDbAsync(db => db.ApiTokens.Select(t => t.LastUsedAtUtc).SingleAsync()));
    }

    [Fact]
    public async Task AReportingToolWithResultsReadSeesUnpublishedResultsThatThePublicDoesNot()
    {
        await SmallCity.BuildAsync(App, publish: false);
        var reader = Bearer(App, await CreateTokenAsync(App, [Scopes.ResultsRead]));
        var other = Bearer(App, await CreateTokenAsync(App, [Scopes.DossiersWrite], name: "one-stop"));
        const string live = "/api/v1/live/years/2025/blocks/SBN/results";

        var view = await reader.GetFromJsonAsync<System.Text.Json.JsonElement>(live);

        Assert.Equal(4, view.GetProperty("rows").GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, (await App.Anonymous().GetAsync("/api/v1/years/2025/blocks/SBN/results")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync(live)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await App.Anonymous().GetAsync(live)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync("/api/v1/live/years/2025/blocks/NOPE/results")).StatusCode);
    }

    [Fact]
    public async Task LastUseIsRecordedWithoutAWritePerRequest()
    {
        var secret = await CreateTokenAsync(App, [Scopes.DossiersWrite]);
        var client = Bearer(App, secret);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/tokens/current")).StatusCode);
        var first = await App.WithDbAsync(db => db.ApiTokens.Select(t => t.LastUsedAtUtc).SingleAsync());
        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/tokens/current")).StatusCode);
        var afterMore = await App.WithDbAsync(db => db.ApiTokens.Select(t => t.LastUsedAtUtc).SingleAsync());

        Assert.NotNull(first);
        Assert.InRange(first.Value, DateTime.UtcNow.AddMinutes(-1), DateTime.UtcNow.AddSeconds(1));
        Assert.Equal(first, afterMore);
        var admin = await App.AdminAsync();
        Assert.Contains(Web.Text.DateTimeLocal(first), await admin.GetStringAsync("/quan-tri/ma-truy-cap"));
    }

    [Fact]
    public async Task ABearerTokenOpensNoCookiePageOrEndpoint()
    {
        await App.AdminAsync();
        var secret = await CreateTokenAsync(App, [.. Scopes.All]);
        var client = Bearer(App, secret);

        Assert.True(IsRedirectTo(await client.GetAsync("/quan-tri/nguoi-dung"), "/dang-nhap"));
        Assert.True(IsRedirectTo(await client.GetAsync("/doi-mat-khau"), "/dang-nhap"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/tokens")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/v1/tokens", new { name = "x", scopes = new[] { "dossiers:write" } })).StatusCode);
        Assert.Equal(1, await App.WithDbAsync(db => db.ApiTokens.CountAsync()));
    }

    [Fact]
    public async Task AValueThatIsNotOneOfOurTokensIsLeftToOtherSchemesNotRefused()
    {
        // Counter devices send their own keys as "Bearer …"; the token scheme must not claim them.
        var result = await AuthenticateAsync("ABCD-EFGH-JKMN-PQRS-TVWX");

        Assert.True(result.None);
        Assert.Null(result.Failure);
    }

    [Fact]
    public async Task TokenInputIsValidatedByField()
    {
        var admin = await App.AdminAsync();

        var response = await admin.PostAsJsonAsync("/api/v1/tokens", new { name = "", scopes = new[] { "everything" }, unitCode = "NOPE", expiresOn = "2020-01-01" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var errors = problem.RootElement.GetProperty("errors");
        foreach (var field in new[] { "name", "scopes", "unitCode", "expiresOn" })
            Assert.True(errors.TryGetProperty(field, out _), $"no problem for {field}");
        Assert.Equal(0, await App.WithDbAsync(db => db.ApiTokens.CountAsync()));
    }

    [Fact]
    public async Task TheTokenPageShowsTheSecretOnceAndRevokesWithAReason()
    {
        var admin = await App.AdminAsync();

        var created = await PostFormAsync(admin, "/quan-tri/ma-truy-cap", new() { ["Name"] = "Thiết bị quầy 1", ["ExpiresOn"] = "31/12/2099" },
            extra: [new("Scopes", "ratings:write")]);

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var secret = TemporaryPasswordIn(await created.Content.ReadAsStringAsync());
        Assert.StartsWith("pi_", secret);
        var list = await admin.GetStringAsync("/quan-tri/ma-truy-cap");
        Assert.DoesNotContain(secret, list);
        Assert.Contains(secret[..13], list);
        Assert.Contains("31/12/2099", list);
        var id = await App.WithDbAsync(db => db.ApiTokens.Select(t => t.Id).SingleAsync());

        var noReason = await PostFormAsync(admin, $"/quan-tri/ma-truy-cap?handler=Revoke&id={id}", new() { ["Reason"] = "" }, formPage: "/quan-tri/ma-truy-cap");
        var revoked = await PostFormAsync(admin, $"/quan-tri/ma-truy-cap?handler=Revoke&id={id}", new() { ["Reason"] = "Thay thiết bị" }, formPage: "/quan-tri/ma-truy-cap");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, noReason.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        Assert.Contains("Đã thu hồi", await admin.GetStringAsync("/quan-tri/ma-truy-cap"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await Bearer(App, secret).GetAsync("/api/v1/tokens/current")).StatusCode);
        var missingScope = await PostFormAsync(admin, "/quan-tri/ma-truy-cap", new() { ["Name"] = "Không phạm vi", ["ExpiresOn"] = "32/13/2030" });
        var html = await missingScope.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.UnprocessableEntity, missingScope.StatusCode);
        Assert.Contains("32/13/2030", html);
        Assert.Contains("không hợp lệ", html);
    }

    private Task<AuthenticateResult> AuthenticateAsync(string bearer) => App.WithScopeAsync(services =>
    {
        var context = new DefaultHttpContext { RequestServices = services };
        context.Request.Headers.Authorization = "Bearer " + bearer;
        return context.AuthenticateAsync(TokenClaims.Scheme);
    });

    private Task<bool> MeetsAsync(string secret, string policy) => App.WithScopeAsync(async services =>
    {
        var authenticated = await AuthenticateAsync(secret);
        Assert.True(authenticated.Succeeded, authenticated.Failure?.Message);
        return (await services.GetRequiredService<IAuthorizationService>().AuthorizeAsync(authenticated.Principal!, policy)).Succeeded;
    });
}

public sealed class ApiTokenTestsOnSqlite() : ApiTokenTests(DatabaseKind.Sqlite);

public sealed class ApiTokenTestsOnPostgres() : ApiTokenTests(DatabaseKind.Postgres);
