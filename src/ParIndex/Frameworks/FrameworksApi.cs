using Microsoft.AspNetCore.Http.HttpResults;
using ParIndex.Accounts;
using ParIndex.Core.Frameworks;
using ParIndex.Web;

namespace ParIndex.Frameworks;

/// <summary>
/// Criteria frameworks under /api/v1. Published frameworks are public (they are published legal texts);
/// drafts and every write need an administrator.
/// </summary>
public static class FrameworksApi
{
    private const string JsonMediaType = "application/json";

    public static RouteGroupBuilder MapFrameworksApi(this RouteGroupBuilder api)
    {
        var frameworks = api.MapGroup("/frameworks").WithTags("Frameworks");

        frameworks.MapGet("/", async (int? year, FrameworkService service, HttpContext http, CancellationToken ct) =>
            {
                var all = await service.ListAsync(year, ct);
                var isAdmin = http.User.IsInRole(Roles.Administrator);
                return TypedResults.Ok(all.Where(f => isAdmin || f.Status != FrameworkStatus.Draft).ToList());
            })
            .AllowAnonymous()
            .WithSummary("List framework revisions (drafts only for administrators).");

        frameworks.MapGet("/{id:int}", async Task<Results<ContentHttpResult, ProblemHttpResult>> (int id, FrameworkService service, HttpContext http, CancellationToken ct) =>
            {
                var framework = await service.FindAsync(id, ct);
                if (framework is null || (framework.Status == FrameworkStatus.Draft && !http.User.IsInRole(Roles.Administrator)))
                    return ApiResults.NotFound();
                return TypedResults.Content(framework.DefinitionJson, JsonMediaType);
            })
            .AllowAnonymous()
            .Produces<FrameworkDefinition>(contentType: JsonMediaType)
            .WithSummary("One framework revision as the documented JSON (docs/framework-json.md).");

        frameworks.MapGet("/{id:int}/xlsx", async Task<Results<FileStreamHttpResult, ProblemHttpResult>> (int id, FrameworkService service, HttpContext http, CancellationToken ct) =>
            {
                var framework = await service.FindAsync(id, ct);
                if (framework is null || (framework.Status == FrameworkStatus.Draft && !http.User.IsInRole(Roles.Administrator)))
                    return ApiResults.NotFound();
                var stream = new MemoryStream();
                FrameworkWorkbook.Write(stream, FrameworkService.Definition(framework));
                stream.Position = 0;
                return TypedResults.File(stream, FrameworkWorkbook.ContentType, $"bo-tieu-chi-{framework.Year}-{framework.Block!.Code}-r{framework.Revision}.xlsx");
            })
            .AllowAnonymous()
            .WithSummary("One framework revision as the editable XLSX workbook.");

        var byBlock = api.MapGroup("/years/{year:int}/blocks/{block}/framework").WithTags("Frameworks");

        byBlock.MapGet("/", async Task<Results<ContentHttpResult, ProblemHttpResult>> (int year, string block, FrameworkService service, CancellationToken ct) =>
                await service.PublishedAsync(year, block, ct) is { } framework
                    ? TypedResults.Content(framework.DefinitionJson, JsonMediaType)
                    : ApiResults.NotFound())
            .AllowAnonymous()
            .Produces<FrameworkDefinition>(contentType: JsonMediaType)
            .WithSummary("The published framework of a block and year, as JSON.");

        byBlock.MapPut("/draft", async Task<Results<Ok<FrameworkSummary>, ValidationProblem, ProblemHttpResult>> (
                int year, string block, Guid? expectedStamp, HttpRequest request, FrameworkService service, CancellationToken ct) =>
            {
                var parsed = await ReadDefinitionAsync(request, ct);
                if (!parsed.Succeeded)
                    return TypedResults.ValidationProblem(FrameworkService.ToProblems(parsed.Problems)!.ToDictionary(), title: Text.T("Bộ tiêu chí không hợp lệ", "Invalid framework"));
                return ApiResults.From(await service.SaveDraftAsync(year, block, parsed.Framework!, expectedStamp, Actor.Of(request.HttpContext.User), ct), f => FrameworkService.Summary(f, block));
            })
            .RequireAuthorization(Policies.Administrator)
            .Accepts<FrameworkDefinition>(JsonMediaType, FrameworkWorkbook.ContentType)
            .WithSummary("Create or replace the draft from JSON or XLSX (administrator). Validation names every problem; published revisions are immutable.");

        byBlock.MapPost("/revisions", async (int year, string block, RevisionInput input, FrameworkService service, HttpContext http, CancellationToken ct) =>
                ApiResults.From(await service.StartRevisionAsync(year, block, input.Reason, Actor.Of(http.User), ct), f => FrameworkService.Summary(f, block)))
            .RequireAuthorization(Policies.Administrator)
            .WithSummary("Start a correcting revision of the published framework, with a reason (administrator).");

        frameworks.MapPost("/{id:int}/publish", async (int id, FrameworkService service, HttpContext http, CancellationToken ct) =>
                ApiResults.From(await service.PublishAsync(id, Actor.Of(http.User), ct), f => FrameworkService.Summary(f, f.Block!.Code)))
            .RequireAuthorization(Policies.Administrator)
            .WithSummary("Publish a draft (administrator); it becomes immutable.");

        frameworks.MapPost("/clone", async (CloneInput input, FrameworkService service, HttpContext http, CancellationToken ct) =>
                ApiResults.From(await service.CloneAsync(input, Actor.Of(http.User), ct), f => FrameworkService.Summary(f, input.ToBlockCode)))
            .RequireAuthorization(Policies.Administrator)
            .WithSummary("Start a year's draft from another year's framework with a code crosswalk (administrator).");

        return api;
    }

    /// <summary>A framework from a JSON or XLSX request body (content type decides).</summary>
    private static async Task<FrameworkResult> ReadDefinitionAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (Uploads.FormatOfContentType(request.ContentType) == Data.Tabular.TabularFormat.Xlsx)
        {
            var spooled = await Uploads.SpoolAsync(request.Body, Data.Tabular.TabularFormat.Xlsx, Uploads.DefaultMaxBytes, cancellationToken);
            if (!spooled.Succeeded)
                return FrameworkResult.Failure([new FrameworkProblem("file", "file", string.Join(" ", spooled.Problems!.Lines()), string.Join(" ", spooled.Problems!.Lines()))]);
            await using var file = spooled.Value!;
            return FrameworkWorkbook.Read(file.Stream);
        }
        return await FrameworkJson.DeserializeAsync(request.Body, cancellationToken);
    }
}
