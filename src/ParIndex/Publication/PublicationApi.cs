using Microsoft.AspNetCore.Http.HttpResults;
using ParIndex.Accounts;
using ParIndex.Web;

namespace ParIndex.Publication;

/// <summary>
/// Publication under /api/v1: the public reads published versions and the corrections log (output-cached like the
/// results pages); administrators publish (first version or correction), see what a publication would change, and
/// read every version whether public or not.
/// </summary>
public static class PublicationApi
{
    public static RouteGroupBuilder MapPublicationApi(this RouteGroupBuilder api)
    {
        var publication = api.MapGroup("/").WithTags("Publication");

        publication.MapGet("/corrections", async (int? year, PublishedResults published, CancellationToken ct) =>
                TypedResults.Ok(await published.CorrectionsAsync(year, ct)))
            .AllowAnonymous()
            .CacheOutput(PublicCache.Policy)
            .WithSummary("The public corrections log of published results, newest first (optionally ?year=): units whose index, rank or class changed, old → new, the reason and the decision.");

        publication.MapGet("/years/{year:int}/blocks/{block}/publication", async Task<Results<Ok<BlockPublicationView>, ProblemHttpResult>> (int year, string block, PublishedResults published, CancellationToken ct) =>
                await published.PublicationAsync(year, block, ct) is { } view ? TypedResults.Ok(view) : NotPublished())
            .AllowAnonymous()
            .CacheOutput(PublicCache.Policy)
            .WithSummary("A published block's current version (decision number and date), its versions and its corrections.");

        publication.MapGet("/years/{year:int}/blocks/{block}/publications/{version:int}", async Task<Results<Ok<SnapshotDocument>, ProblemHttpResult>> (int year, string block, int version, PublishedResults published, CancellationToken ct) =>
                await published.VersionAsync(year, block, version, ct) is { } snapshot ? TypedResults.Ok(snapshot.Document) : NotPublished())
            .AllowAnonymous()
            .CacheOutput(PublicCache.Policy)
            .WithSummary("One published version of a block's results as frozen (superseded versions stay readable while the block is published).");

        publication.MapGet("/years/{year:int}/blocks/{block}/publication/preview", async Task<Results<Ok<PublicationPreview>, ProblemHttpResult>> (int year, string block, PublicationService service, CancellationToken ct) =>
                await service.PreviewAsync(year, block, ct) is { } preview ? TypedResults.Ok(preview) : ApiResults.NotFound())
            .RequireAuthorization(Policies.Administrator)
            .WithSummary("What publishing now would do: the current version, whether the live results differ from it, and the units a correction would change (administrator).");

        publication.MapPost("/years/{year:int}/blocks/{block}/publications", async (int year, string block, PublicationRequestBody body, PublicationService service, HttpContext http, CancellationToken ct) =>
                ApiResults.From(await service.PublishAsync(new PublishRequest(year, block, body.DecisionNumber, body.DecisionDate, body.Reason), Actor.Of(http.User), ct), r => r))
            .RequireAuthorization(Policies.Administrator)
            .WithSummary("Publish the block's current results as a new version (administrator): the first one, or a correction with a reason and the new decision; unchanged results create nothing.");

        return api;
    }

    private static ProblemHttpResult NotPublished() =>
        ApiResults.NotFound(Text.T("Chưa có kết quả được công bố.", "No published results."));
}

/// <summary>The approving decision of a publication; a correction also says why.</summary>
public sealed record PublicationRequestBody(string? DecisionNumber, DateOnly? DecisionDate, string? Reason);
