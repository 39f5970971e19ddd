using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using ParIndex.Accounts.Tokens;
using ParIndex.Web;

namespace ParIndex.Accounts;

public sealed record TokenRevocation(string? Reason);

/// <summary>What a machine client's token allows, as the client sees it.</summary>
public sealed record CurrentTokenView(string Name, IReadOnlyList<string> Scopes, string? UnitCode);

/// <summary>Users (read) and API tokens (administrators), and a check a machine client can make with its own token.</summary>
public static class AccountsApi
{
    public static RouteGroupBuilder MapAccountsApi(this RouteGroupBuilder api)
    {
        var tokens = api.MapGroup("/tokens").WithTags("Accounts");
        tokens.MapGet("/", async (ApiTokenService service, CancellationToken ct) => TypedResults.Ok(await service.ListAsync(ct)))
            .RequireAuthorization(Policies.Administrator)
            .WithSummary("List API tokens with their scopes, unit restriction, expiry, last use and status (administrator). Never the secrets.");

        tokens.MapPost("/", async (ApiTokenInput input, ApiTokenService service, HttpContext http, CancellationToken ct) =>
                ApiResults.From(await service.CreateAsync(input, Actor.Of(http.User), ct), created => created))
            .RequireAuthorization(Policies.Administrator)
            .WithSummary("Create an API token (administrator). The secret is in this response only; it is stored as a SHA-256 hash. Audited.");

        tokens.MapDelete("/{id:int}", async (int id, string? reason, ApiTokenService service, HttpContext http, CancellationToken ct) =>
                ApiResults.From(await service.RevokeAsync(id, reason, Actor.Of(http.User), ct), view => view))
            .RequireAuthorization(Policies.Administrator)
            .WithSummary("Revoke an API token with a reason (administrator; ?reason=…). Refused at once here, by other app instances within 30 s. Audited.");

        tokens.MapGet("/current", (ClaimsPrincipal user) => TypedResults.Ok(new CurrentTokenView(
                user.Identity?.Name ?? "", user.FindAll(TokenClaims.Scope).Select(c => c.Value).ToList(), TokenClaims.UnitOf(user))))
            .RequireAuthorization(Policies.Machine)
            .WithSummary("The calling machine client's token: name, scopes and unit restriction (Bearer token of any scope). For checking a token is set up right.");

        api.MapGet("/users", async (UserAdministration service, CancellationToken ct) => TypedResults.Ok(await service.ListAsync(ct)))
            .RequireAuthorization(Policies.Administrator)
            .WithTags("Accounts")
            .WithSummary("List users with roles, unit scope, lock status and last sign-in (administrator).");
        return api;
    }
}
