using Microsoft.AspNetCore.Http.HttpResults;
using ParIndex.Accounts;
using ParIndex.Web;

namespace ParIndex.Units;

/// <summary>Units, blocks and lineage under /api/v1. Reading the organisation is public; every write needs an administrator.</summary>
public static class UnitsApi
{
    public static RouteGroupBuilder MapUnitsApi(this RouteGroupBuilder api)
    {
        var units = api.MapGroup("/units").WithTags("Units");
        units.MapGet("/", async (int? year, UnitKind? kind, UnitService service, CancellationToken ct) =>
                TypedResults.Ok((await service.ListAsync(year, kind, ct)).Select(UnitDto.From).ToList()))
            .AllowAnonymous()
            .WithSummary("List units, optionally those valid in a year or of one kind, sorted by Vietnamese name.");

        units.MapGet("/{code}", async Task<Results<Ok<UnitDto>, ProblemHttpResult>> (string code, UnitService service, CancellationToken ct) =>
                await service.FindAsync(code, ct) is { } unit ? TypedResults.Ok(UnitDto.From(unit)) : ApiResults.NotFound())
            .AllowAnonymous()
            .WithSummary("One unit by code.");

        units.MapPut("/{code}", async (string code, UnitDto input, UnitService service, HttpContext http, CancellationToken ct) =>
                ApiResults.From(await service.SaveAsync(input with { Code = code }, Actor.Of(http.User), ct), UnitDto.From))
            .RequireAuthorization(Policies.Administrator)
            .WithSummary("Create or update a unit (administrator).");

        units.MapPost("/import", Task<Results<Ok<ImportReport>, ValidationProblem, UnprocessableEntity<ImportReport>>> (HttpRequest request, UnitImporter importer, CancellationToken ct) =>
                Uploads.ImportBodyAsync(request, (stream, format) => importer.ImportAsync(stream, format, Actor.Of(request.HttpContext.User), ct), report => report.Succeeded, ct))
            .RequireAuthorization(Policies.Administrator)
            .Accepts<Stream>("text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            .WithSummary("Import units from a CSV or XLSX body (administrator). All-or-nothing; problems are reported by row and column.");

        var years = api.MapGroup("/years").WithTags("Blocks");
        years.MapGet("/", async (BlockService service, CancellationToken ct) => TypedResults.Ok(await service.YearsAsync(ct)))
            .AllowAnonymous()
            .WithSummary("Years that have blocks.");

        years.MapGet("/{year:int}/blocks", async (int year, BlockService service, CancellationToken ct) =>
                TypedResults.Ok((await service.ListAsync(year, ct)).Select(BlockService.ToDto).ToList()))
            .AllowAnonymous()
            .WithSummary("Blocks of a year with their member units.");

        years.MapGet("/{year:int}/blocks/{code}", async Task<Results<Ok<BlockDto>, ProblemHttpResult>> (int year, string code, BlockService service, CancellationToken ct) =>
                await service.FindAsync(year, code, ct) is { } block ? TypedResults.Ok(BlockService.ToDto(block)) : ApiResults.NotFound())
            .AllowAnonymous()
            .WithSummary("One block of a year.");

        years.MapPut("/{year:int}/blocks/{code}", async (int year, string code, BlockInput input, BlockService service, HttpContext http, CancellationToken ct) =>
                ApiResults.From(await service.SaveAsync(year, input with { Code = code }, Actor.Of(http.User), ct), BlockService.ToDto))
            .RequireAuthorization(Policies.Administrator)
            .WithSummary("Create or rename a block of a year (administrator).");

        years.MapPut("/{year:int}/blocks/{code}/members", async (int year, string code, MembersInput input, BlockService service, HttpContext http, CancellationToken ct) =>
                ApiResults.From(await service.SetMembersAsync(year, code, input.UnitCodes, Actor.Of(http.User), ct), BlockService.ToDto))
            .RequireAuthorization(Policies.Administrator)
            .WithSummary("Replace the member units of a block (administrator). A unit may sit in one block per year.");

        var lineage = api.MapGroup("/successions").WithTags("Lineage");
        lineage.MapGet("/", async (string? unit, LineageService service, CancellationToken ct) => TypedResults.Ok(await service.ListAsync(unit, ct)))
            .AllowAnonymous()
            .WithSummary("Unit successions (merge, split, rename), optionally those touching one unit.");

        lineage.MapPost("/", async (SuccessionInput input, LineageService service, HttpContext http, CancellationToken ct) =>
                ApiResults.From(await service.AddAsync(input, Actor.Of(http.User), ct), s => s))
            .RequireAuthorization(Policies.Administrator)
            .WithSummary("Record a succession (administrator).");

        lineage.MapDelete("/{id:int}", async Task<Results<NoContent, ProblemHttpResult>> (int id, LineageService service, HttpContext http, CancellationToken ct) =>
                await service.RemoveAsync(id, Actor.Of(http.User), ct) ? TypedResults.NoContent() : ApiResults.NotFound())
            .RequireAuthorization(Policies.Administrator)
            .WithSummary("Remove a succession (administrator).");
        return api;
    }
}
