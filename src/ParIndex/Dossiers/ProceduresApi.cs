using Microsoft.AspNetCore.Http.HttpResults;
using ParIndex.Accounts;
using ParIndex.Units;
using ParIndex.Web;

namespace ParIndex.Dossiers;

/// <summary>The procedure catalogue under /api/v1/procedures. Reading it is public; writes need an administrator.</summary>
public static class ProceduresApi
{
    public static RouteGroupBuilder MapProceduresApi(this RouteGroupBuilder api)
    {
        var procedures = api.MapGroup("/procedures").WithTags("Procedures");

        procedures.MapGet("/", async (string? sector, ProcedureLevel? level, OnlineLevel? onlineLevel, string? q, ProcedureService service, CancellationToken ct) =>
                TypedResults.Ok((await service.ListAsync(new ProcedureFilter(sector, level, onlineLevel, q), ct)).Select(ProcedureDto.From).ToList()))
            .AllowAnonymous()
            .WithSummary("List procedures, optionally of one sector, level (Central, Province, District, Commune) or online level (None, Partial, EndToEnd), or matching a search on code or name; sorted by sector and Vietnamese name.");

        procedures.MapGet("/{code}", async Task<Results<Ok<ProcedureDto>, ProblemHttpResult>> (string code, ProcedureService service, CancellationToken ct) =>
                await service.FindAsync(code, ct) is { } procedure ? TypedResults.Ok(ProcedureDto.From(procedure)) : ApiResults.NotFound())
            .AllowAnonymous()
            .WithSummary("One procedure by code, with its deadline in words.");

        procedures.MapPut("/{code}", async (string code, ProcedureInput input, ProcedureService service, HttpContext http, CancellationToken ct) =>
                ApiResults.From(await service.SaveAsync(input with { Code = code }, Actor.Of(http.User), ct), ProcedureDto.From))
            .RequireAuthorization(Policies.Administrator)
            .WithSummary("Create or update a procedure (administrator). Processing times are whole numbers of working days, calendar days or office hours.");

        procedures.MapPost("/import", Task<Results<Ok<ImportReport>, ValidationProblem, UnprocessableEntity<ImportReport>>> (HttpRequest request, ProcedureImporter importer, CancellationToken ct) =>
                Uploads.ImportBodyAsync(request, (stream, format) => importer.ImportAsync(stream, format, Actor.Of(request.HttpContext.User), ct), report => report.Succeeded, ct))
            .RequireAuthorization(Policies.Administrator)
            .Accepts<Stream>("text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            .WithSummary("Import procedures from a CSV or XLSX body (administrator). All-or-nothing; problems are reported by row and column; re-importing matches by code.");
        return api;
    }
}
