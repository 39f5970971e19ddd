using Microsoft.AspNetCore.Http.HttpResults;
using ParIndex.Accounts;
using ParIndex.AppraisalCouncil;
using ParIndex.Web;

namespace ParIndex.Appeals;

/// <summary>Re-examination on appeal (phúc khảo) under /api/v1/years/{year}/appeals: unit heads file, the council decides.</summary>
public static class AppealsApi
{
    public static RouteGroupBuilder MapAppealsApi(this RouteGroupBuilder api)
    {
        var appeals = api.MapGroup("/years/{year:int}/appeals").WithTags("Appeals");

        appeals.MapGet("/", async Task<Results<Ok<IReadOnlyList<AppealView>>, ForbidHttpResult>> (int year, AppealService service, UserScope scopes, HttpContext http, CancellationToken ct) =>
                await scopes.OfAsync(http.User, ct) is { } who ? TypedResults.Ok(await service.ListAsync(year, who, ct)) : TypedResults.Forbid())
            .RequireAuthorization(AppealPolicies.Reader)
            .WithSummary("The year's appeals: all of them for the council and administrators, the unit's own for its staff.");

        appeals.MapPost("/units/{unit}", async (int year, string unit, AppealInput input, AppealService service, UserScope scopes, HttpContext http, CancellationToken ct) =>
                await scopes.OfAsync(http.User, ct) is { } who ? ApiResults.From(await service.FileAsync(year, unit, input, who, ct), v => v) : TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden))
            .RequireAuthorization(Policies.UnitHead)
            .WithSummary("File an appeal on one leaf of the unit's published result (the unit's head, re-examination phase open).");

        appeals.MapPost("/{id:int}/decision", async (int year, int id, AppealDecisionInput input, AppealService service, HttpContext http, CancellationToken ct) =>
                ApiResults.From(await service.DecideAsync(year, id, input, Actor.Of(http.User), ct), v => v))
            .RequireAuthorization(CouncilPolicies.Council)
            .WithSummary("Decide an appeal (council or administrator, re-examination phase open): reject it, or uphold it with the corrected input and the new decision — the block is recomputed and the correction published as a new version.");
        return api;
    }
}

/// <summary>Who may read appeals: the council, administrators, and unit staff (their own unit's, checked by the service).</summary>
public static class AppealPolicies
{
    public const string Reader = "AppealReader";

    public static readonly string[] ReaderRoles = [Roles.CouncilMember, Roles.Administrator, Roles.UnitHead, Roles.UnitOfficer];
}
