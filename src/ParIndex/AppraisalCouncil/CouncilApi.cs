using Microsoft.AspNetCore.Http.HttpResults;
using ParIndex.Accounts;
using ParIndex.Publication;
using ParIndex.Web;

namespace ParIndex.AppraisalCouncil;

/// <summary>
/// The council under /api/v1/years/{year}/council: its state and decisions, the side-by-side comparison per block and
/// per unit, overrides, decisions, finalisation (council members and administrators), and reopening (administrators).
/// </summary>
public static class CouncilApi
{
    public static RouteGroupBuilder MapCouncilApi(this RouteGroupBuilder api)
    {
        var council = api.MapGroup("/years/{year:int}/council").WithTags("Council");

        council.MapGet("/", async (int year, CouncilService service, CancellationToken ct) => TypedResults.Ok(await service.YearAsync(year, ct)))
            .RequireAuthorization(CouncilPolicies.Council)
            .WithSummary("The council's year: finalised or not, its decisions, the blocks, whether the council phase is open, pending appeals.");

        council.MapGet("/blocks/{block}", async (int year, string block, CouncilService service, CancellationToken ct) =>
                ApiResults.From(await service.BlockAsync(year, block, ct), v => v))
            .RequireAuthorization(CouncilPolicies.Council)
            .WithSummary("Every unit of a block: index from its own scores, after appraisal and with the council's scores, with the rank and class the latter would give (computed, not stored) and last year's standing.");

        council.MapGet("/units/{unit}", async (int year, string unit, CouncilService service, CancellationToken ct) =>
                ApiResults.From(await service.UnitAsync(year, unit, ct), v => v))
            .RequireAuthorization(CouncilPolicies.Council)
            .WithSummary("One unit leaf by leaf: self, appraised and proposed final inputs and points side by side, the council's overrides, and the unit's history.");

        council.MapPut("/units/{unit}/overrides/{node}", async (int year, string unit, string node, CouncilOverrideInput input, CouncilService service, HttpContext http, CancellationToken ct) =>
                ApiResults.From(await service.OverrideAsync(year, unit, node, input.ToInput(), input.Reason, Actor.Of(http.User), ct), v => v))
            .RequireAuthorization(CouncilPolicies.Council)
            .WithSummary("Set the council's score of a leaf, with a reason (council phase open, year not finalised); audited.");

        council.MapDelete("/units/{unit}/overrides/{node}", async (int year, string unit, string node, string? reason, CouncilService service, HttpContext http, CancellationToken ct) =>
                ApiResults.From(await service.RemoveOverrideAsync(year, unit, node, reason, Actor.Of(http.User), ct), removed => new { removed }))
            .RequireAuthorization(CouncilPolicies.Council)
            .WithSummary("Withdraw the council's score of a leaf: the proposed one applies again; audited.");

        council.MapPost("/decisions", async (int year, CouncilDecisionInput input, CouncilService service, HttpContext http, CancellationToken ct) =>
                ApiResults.From(await service.RecordDecisionAsync(year, input, Actor.Of(http.User), ct), v => v))
            .RequireAuthorization(CouncilPolicies.Council)
            .WithSummary("Record the council's decision: number, date and the vote of the members present (more than 50 % in favour).");

        council.MapPost("/finalise", async (int year, CouncilService service, PublicationService publication, HttpContext http, CancellationToken ct) =>
            {
                var outcome = await service.FinaliseAsync(year, Actor.Of(http.User), ct);
                if (outcome.Succeeded)
                    await publication.EvictPublicPagesAsync(ct);
                return ApiResults.From(outcome, v => v);
            })
            .RequireAuthorization(CouncilPolicies.Council)
            .WithSummary("Finalise the year (council phase open, a decision recorded): write the Final inputs from the council's scores, compute every block, lock the scores.");

        council.MapPost("/reopen", async (int year, ReasonInput input, CouncilService service, HttpContext http, CancellationToken ct) =>
                ApiResults.From(await service.ReopenAsync(year, input.Reason, Actor.Of(http.User), ct), v => v))
            .RequireAuthorization(Policies.Administrator)
            .WithSummary("Reopen a finalised year so that scores may change again (administrator, with a reason; audited).");
        return api;
    }
}
