using System.Collections.Concurrent;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ParIndex.Data;

namespace ParIndex.Accounts.Tokens;

/// <summary>Claim types of a machine client's principal. A token principal carries scopes, never roles.</summary>
public static class TokenClaims
{
    public const string Scheme = "Bearer";
    public const string Scope = "scope";
    public const string TokenId = "parindex:token";
    /// <summary>The code of the unit a token is restricted to (absent when it is not).</summary>
    public const string Unit = "parindex:unit";

    /// <summary>The unit a machine client is restricted to, or null (endpoints that take unit data check it).</summary>
    public static string? UnitOf(ClaimsPrincipal principal) => principal.FindFirst(Unit)?.Value;
}

public sealed class ApiTokenOptions
{
    /// <summary>How long a token's row is cached: a revocation made on another app instance takes effect within this time.</summary>
    public int CacheSeconds { get; set; } = 30;

    /// <summary>Uses are written to last_used_at_utc at most this often per token (and app instance), never once per request.</summary>
    public int LastUsedPrecisionSeconds { get; set; } = 60;
}

/// <summary>What the handler needs of a stored token; cached by prefix.</summary>
public sealed record ApiTokenRecord(int Id, string Name, string Prefix, string SecretHash, IReadOnlyList<string> Scopes, string? UnitCode, DateTime? ExpiresAtUtc, DateTime? RevokedAtUtc);

/// <summary>Looks tokens up by prefix and keeps the answers (found or not) for a short time, so a busy client costs one SHA-256 per request.</summary>
public sealed class ApiTokenCache(IServiceScopeFactory scopes, IOptions<ApiTokenOptions> options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, (ApiTokenRecord? Token, DateTimeOffset Until)> byPrefix = new(StringComparer.Ordinal);

    public async ValueTask<ApiTokenRecord?> FindAsync(string prefix, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (byPrefix.TryGetValue(prefix, out var cached) && cached.Until > now)
            return cached.Token;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var row = await db.ApiTokens.AsNoTracking().Where(t => t.Prefix == prefix)
            .Select(t => new { t.Id, t.Name, t.Prefix, t.SecretHash, t.Scopes, UnitCode = t.Unit == null ? null : t.Unit.Code, t.ExpiresAtUtc, t.RevokedAtUtc })
            .FirstOrDefaultAsync(cancellationToken);
        var token = row is null ? null : new ApiTokenRecord(row.Id, row.Name, row.Prefix, row.SecretHash,
            row.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries), row.UnitCode, row.ExpiresAtUtc, row.RevokedAtUtc);
        // Unknown prefixes are cached too (a client retrying a wrong token is not a query per request); the bound
        // keeps a flood of random prefixes from growing the cache without limit.
        if (byPrefix.Count > 10_000)
            byPrefix.Clear();
        byPrefix[prefix] = (token, now.AddSeconds(Math.Max(0, options.Value.CacheSeconds)));
        return token;
    }

    /// <summary>Forgets one token (after a revocation or a creation in this process).</summary>
    public void Forget(string prefix) => byPrefix.TryRemove(prefix, out _);
}

/// <summary>
/// Records when a token was last used without a database write per request: the first use, then at most once per
/// <see cref="ApiTokenOptions.LastUsedPrecisionSeconds"/> per token; concurrent requests race for the write and one wins.
/// </summary>
public sealed class ApiTokenUsage(IServiceScopeFactory scopes, IOptions<ApiTokenOptions> options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<int, DateTimeOffset> lastWritten = new();

    public async ValueTask RecordAsync(int tokenId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var precision = TimeSpan.FromSeconds(Math.Max(0, options.Value.LastUsedPrecisionSeconds));
        while (true)
        {
            if (lastWritten.TryGetValue(tokenId, out var last))
            {
                if (now - last < precision)
                    return;
                if (lastWritten.TryUpdate(tokenId, now, last))
                    break;
            }
            else if (lastWritten.TryAdd(tokenId, now))
                break;
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var utc = now.UtcDateTime;
        await db.ApiTokens.Where(t => t.Id == tokenId).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAtUtc, utc), cancellationToken);
    }
}

public sealed class ApiTokenAuthenticationOptions : AuthenticationSchemeOptions;

/// <summary>
/// <c>Authorization: Bearer pi_…</c>. Only endpoints whose policy names this scheme run it (the Machine:* policies);
/// everywhere else a bearer token is ignored and the request is anonymous. A bearer value that is not shaped like
/// one of our tokens (e.g. a counter device key) is left alone (no result), not refused.
/// </summary>
public sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<ApiTokenAuthenticationOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiTokenCache cache,
    ApiTokenUsage usage,
    TimeProvider clock) : AuthenticationHandler<ApiTokenAuthenticationOptions>(options, logger, encoder)
{
    private bool presented;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return AuthenticateResult.NoResult();
        var secret = header[7..].Trim();
        if (ApiTokenSecret.PrefixOf(secret) is not { } prefix)
            return AuthenticateResult.NoResult();
        presented = true;
        var token = await cache.FindAsync(prefix, Context.RequestAborted);
        if (token is null || !ApiTokenSecret.Matches(secret, token.SecretHash))
            return AuthenticateResult.Fail("Unknown API token.");
        if (token.RevokedAtUtc is not null)
            return AuthenticateResult.Fail($"API token {token.Prefix} is revoked.");
        if (token.ExpiresAtUtc is { } expires && expires <= clock.GetUtcNow().UtcDateTime)
            return AuthenticateResult.Fail($"API token {token.Prefix} expired.");

        await usage.RecordAsync(token.Id, Context.RequestAborted);
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, "token:" + token.Id),
            // The audit trail records this name as the actor of whatever the client changes.
            new(ClaimTypes.Name, $"token:{token.Prefix} {token.Name}"),
            new(TokenClaims.TokenId, token.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
        claims.AddRange(token.Scopes.Select(scope => new Claim(TokenClaims.Scope, scope)));
        if (token.UnitCode is not null)
            claims.Add(new Claim(TokenClaims.Unit, token.UnitCode));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme.Name, ClaimTypes.Name, ClaimTypes.Role));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.Append("WWW-Authenticate", presented ? "Bearer realm=\"ParIndex\", error=\"invalid_token\"" : "Bearer realm=\"ParIndex\"");
        return Task.CompletedTask;
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        Response.Headers.Append("WWW-Authenticate", "Bearer realm=\"ParIndex\", error=\"insufficient_scope\"");
        return Task.CompletedTask;
    }
}
