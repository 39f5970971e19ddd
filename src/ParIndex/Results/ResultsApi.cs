using Microsoft.AspNetCore.Http.HttpResults;
using ParIndex.Accounts;
using ParIndex.Core.Scoring;
using ParIndex.Publication;
using ParIndex.Web;

namespace ParIndex.Results;

public sealed record NodeExplanation(string UnitCode, int Year, string NodeCode, string TitleVi, string? TitleEn, NodeScore Score, IReadOnlyList<NodeScore> Children);

/// <summary>Publish (with the approving decision; a correction also needs a reason) or withdraw a block's results.</summary>
public sealed record PublicationInput(bool Published, string? DecisionNumber = null, DateOnly? DecisionDate = null, string? Reason = null);

/// <summary>The block's publication after the change: public or not, and the version the public sees.</summary>
public sealed record PublicationState(bool Published, int? Version, PublishKind? Kind);

/// <summary>
/// Results under /api/v1. The public reads published blocks only; administrators also see computed but
/// unpublished results, and may compute, publish, enter final inputs and import past years. The public reads
/// are output-cached like the results pages (anonymous requests only; evicted with them when results or
/// publication change).
/// </summary>
public static class ResultsApi
{
    public static RouteGroupBuilder MapResultsApi(this RouteGroupBuilder api)
    {
        var results = api.MapGroup("/").WithTags("Results");

        results.MapGet("/results", async (ResultsQuery query, HttpContext http, CancellationToken ct) =>
                TypedResults.Ok(await query.AvailableAsync(IsAdmin(http), ct)))
            .AllowAnonymous()
            .CacheOutput(PublicCache.Policy)
            .WithSummary("Years and blocks with results (published ones only for the public).");

        results.MapGet("/years/{year:int}/blocks/{block}/results", async Task<Results<Ok<BlockResultsView>, ProblemHttpResult>> (int year, string block, ResultsQuery query, HttpContext http, CancellationToken ct) =>
                await query.BlockAsync(year, block, IsAdmin(http), ct) is { } view ? TypedResults.Ok(view) : NotPublished())
            .AllowAnonymous()
            .CacheOutput(PublicCache.Policy)
            .WithSummary("A block's ranked results: index, class, rank, change, field sub-indices, reward and discipline.");

        results.MapGet("/live/years/{year:int}/blocks/{block}/results", async Task<Results<Ok<BlockResultsView>, ProblemHttpResult>> (int year, string block, ResultsQuery query, CancellationToken ct) =>
                await query.BlockAsync(year, block, includeUnpublished: true, ct) is { } view ? TypedResults.Ok(view) : ApiResults.NotFound())
            .RequireAuthorization(Policies.MachineResults)
            .WithSummary("A block's current computed results, published or not, for reporting tools with a results:read API token (never cached, never public).");

        results.MapGet("/years/{year:int}/blocks/{block}/results/export", async Task<Results<FileStreamHttpResult, ProblemHttpResult, ValidationProblem>> (int year, string block, string? format, ResultsQuery query, HttpContext http, CancellationToken ct) =>
            {
                if (!Enum.TryParse<ExportFormat>(format ?? "csv", ignoreCase: true, out var exportFormat) || !Enum.IsDefined(exportFormat))
                    return TypedResults.ValidationProblem(Problems.Of("format", Text.T("Định dạng phải là csv, xlsx hoặc json.", "The format must be csv, xlsx or json.")).ToDictionary());
                if (await query.BlockAsync(year, block, IsAdmin(http), ct) is not { } view)
                    return NotPublished();
                var stream = new MemoryStream();
                await ResultsExport.WriteAsync(view, exportFormat, stream, UiLanguage.Current, ct);
                stream.Position = 0;
                return TypedResults.File(stream, ResultsExport.ContentType(exportFormat), ResultsExport.FileName(view, exportFormat));
            })
            .AllowAnonymous()
            .CacheOutput(PublicCache.Policy)
            .WithSummary("A block's results as CSV, XLSX or JSON (format=csv|xlsx|json).");

        results.MapGet("/years/{year:int}/blocks/{block}/results/{unit}", async Task<Results<Ok<UnitResult>, ProblemHttpResult>> (int year, string block, string unit, ResultsQuery query, HttpContext http, CancellationToken ct) =>
                await query.UnitAsync(year, block, unit, IsAdmin(http), ct) is { } view ? TypedResults.Ok(view.Detail) : NotPublished())
            .AllowAnonymous()
            .CacheOutput(PublicCache.Policy)
            .WithSummary("One unit's result with every node's points and explanation.");

        results.MapGet("/years/{year:int}/blocks/{block}/results/{unit}/explain/{node}", async Task<Results<Ok<NodeExplanation>, ProblemHttpResult>> (int year, string block, string unit, string node, ResultsQuery query, HttpContext http, CancellationToken ct) =>
            {
                if (await query.UnitAsync(year, block, unit, IsAdmin(http), ct) is not { } view)
                    return NotPublished();
                var definition = view.Framework.AllNodes().FirstOrDefault(n => n.Code == node);
                if (definition is null || !view.Detail.Nodes.TryGetValue(node, out var score))
                    return ApiResults.NotFound(Text.T($"Không có tiêu chí '{node}'.", $"There is no criterion '{node}'."));
                var children = definition.Children.Select(c => view.Detail.Nodes[c.Code]).ToList();
                return TypedResults.Ok(new NodeExplanation(unit, year, node, definition.TitleVi, definition.TitleEn, score, children));
            })
            .AllowAnonymous()
            .CacheOutput(PublicCache.Policy)
            .WithSummary("How one node's points came about for a unit: inputs, method, bracket, cap, and its children.");

        results.MapPost("/years/{year:int}/compute", async (int year, ResultsComputation computation, PublicationService publication, HttpContext http, CancellationToken ct) =>
            {
                var (computed, problems) = await computation.ComputeYearAsync(year, Actor.Of(http.User), cancellationToken: ct);
                await publication.EvictPublicPagesAsync(ct);
                return TypedResults.Ok(new { computed, problems });
            })
            .RequireAuthorization(Policies.Administrator)
            .WithSummary("Compute every block of a year (administrator).");

        results.MapPost("/years/{year:int}/blocks/{block}/compute", async (int year, string block, ResultsComputation computation, PublicationService publication, HttpContext http, CancellationToken ct) =>
            {
                var outcome = await computation.ComputeBlockAsync(year, block, Actor.Of(http.User), ct);
                await publication.EvictPublicPagesAsync(ct);
                return ApiResults.From(outcome, c => c);
            })
            .RequireAuthorization(Policies.Administrator)
            .WithSummary("Compute one block of a year (administrator).");

        results.MapPut("/years/{year:int}/blocks/{block}/publication", async (int year, string block, PublicationInput input, PublicationService publication, HttpContext http, CancellationToken ct) =>
            {
                if (!input.Published)
                    return ApiResults.From(await publication.WithdrawAsync(year, block, input.Reason, Actor.Of(http.User), ct), _ => new PublicationState(false, null, null));
                var outcome = await publication.PublishAsync(new PublishRequest(year, block, input.DecisionNumber, input.DecisionDate, input.Reason), Actor.Of(http.User), ct);
                return ApiResults.From(outcome, r => new PublicationState(true, r.Version, r.Kind));
            })
            .RequireAuthorization(Policies.Administrator)
            .WithSummary("Publish a block's results of a year as a frozen snapshot (a correction when they differ from the published version: reason and decision required), or withdraw them (administrator).");

        results.MapGet("/years/{year:int}/units/{unit}/scores", async (int year, string unit, ScoreEntryService scores, CancellationToken ct) =>
                TypedResults.Ok(await scores.ListAsync(year, unit, ct)))
            .RequireAuthorization(Policies.Administrator)
            .WithSummary("A unit's final inputs of a year (administrator).");

        results.MapPut("/years/{year:int}/units/{unit}/scores/{node}", async (int year, string unit, string node, LeafInput input, ScoreEntryService scores, AppraisalCouncil.CouncilLock councilLock, HttpContext http, CancellationToken ct) =>
                await councilLock.RefuseIfFinalisedAsync(year, ct) is { } locked
                    ? ApiResults.From(Outcome<ScoreDto>.Clash(locked), s => s)
                    : ApiResults.From(await scores.SetAsync(year, unit, node, input, Actor.Of(http.User), ct), s => s))
            .RequireAuthorization(Policies.Administrator)
            .WithSummary("Set a unit's final input for one criterion (administrator); checked against the framework and audited; refused (409) once the council has finalised the year.");

        results.MapPost("/results/import", Task<Results<Ok<Units.ImportReport>, ValidationProblem, UnprocessableEntity<Units.ImportReport>>> (HttpRequest request, HistoricalResultsImporter importer, CancellationToken ct) =>
                Uploads.ImportBodyAsync(request, (stream, format) => importer.ImportAsync(stream, format, Actor.Of(request.HttpContext.User), ct), report => report.Succeeded, ct))
            .RequireAuthorization(Policies.Administrator)
            .Accepts<Stream>("text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            .WithSummary("Import past years' final inputs per leaf from CSV or XLSX (administrator). All-or-nothing with row problems.");
        return api;
    }

    private static bool IsAdmin(HttpContext http) => http.User.IsInRole(Roles.Administrator);

    /// <summary>Unpublished results read as not found, so their existence does not leak.</summary>
    private static ProblemHttpResult NotPublished() =>
        ApiResults.NotFound(Text.T("Chưa có kết quả được công bố.", "No published results."));
}
