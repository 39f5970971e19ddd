using Microsoft.AspNetCore.Http.HttpResults;
using ParIndex.Accounts;
using ParIndex.Accounts.Tokens;
using ParIndex.Core.Dossiers;
using ParIndex.Data.Tabular;
using ParIndex.Web;
using static ParIndex.Web.Text;

namespace ParIndex.Dossiers;

public sealed record BatchDto(int Id, ImportSource Source, string? FileName, string Actor, ImportBatchStatus Status, DateTime StartedAtUtc, DateTime? FinishedAtUtc,
    long RowsRead, long RowsStored, long RowsRejected, long Created, long Updated, long Duplicates, long BytesRead, long? FileBytes, string? Message, string? MessageEn)
{
    public static BatchDto From(DossierImportBatch b) => new(b.Id, b.Source, b.FileName, b.Actor, b.Status, b.StartedAtUtc, b.FinishedAtUtc,
        b.RowsRead, b.RowsStored, b.RowsRejected, b.Created, b.Updated, b.Duplicates, b.BytesRead, b.FileBytes,
        b.Message is null ? null : DossierImporter.MessageIn(b.Message, Core.Language.Vi), b.Message is null ? null : DossierImporter.MessageIn(b.Message, Core.Language.En));
}

public sealed record IndicatorsDto(string Period, string PeriodLabel, DateOnly JudgedOn, string? Unit, long Received, long Resolved, long OnTime, long Late, long Pending, long Overdue,
    long ApologiesIssued, long ApologiesMissing, decimal? OnTimeRate, decimal? LateRate, decimal? ApologyRate, decimal? OnlineShare, decimal? EndToEndOnlineShare,
    decimal? DigitisedShare, decimal? OnlinePaymentShare, decimal? ElectronicResultShare, decimal? AvgProcessingDays, decimal? SatisfactionRate,
    decimal? ProceduresOnlineOfferedShare, decimal? Score766)
{
    public static IndicatorsDto From(DossierPeriod period, DateOnly judgedOn, string? unit, DossierIndicators i) => new(
        period.Key, Text.T(period.LabelVi, period.LabelEn), judgedOn, unit, i.Received, i.Resolved, i.OnTime, i.Late, i.Pending, i.Overdue, i.ApologiesIssued, i.ApologiesMissing,
        R(i.OnTimeRate), R(i.LateRate), R(i.ApologyRate), R(i.OnlineShare), R(i.EndToEndOnlineShare), R(i.DigitisedShare), R(i.OnlinePaymentShare),
        R(i.ElectronicResultShare), R(i.AvgProcessingDays), R(i.SatisfactionRate), R(i.ProceduresOnlineOfferedShare), i.Score766()?.Total);

    private static decimal? R(decimal? value) => value is { } v ? Math.Round(v, 2, MidpointRounding.AwayFromZero) : null;
}

public sealed record RemoveApologyInput(string? Reason);

/// <summary>
/// Dossiers under /api/v1/dossiers. Ingestion (the batch API for one-stop systems) and everything about single
/// dossiers need an administrator — machine clients get API tokens with the campaign feature; until then they use an
/// administrator's session. Indicators and the monthly disclosure are public.
/// </summary>
public static class DossiersApi
{
    public const long MaxBatchBytes = 512L * 1024 * 1024;

    public static RouteGroupBuilder MapDossiersApi(this RouteGroupBuilder api)
    {
        var dossiers = api.MapGroup("/dossiers").WithTags("Dossiers");

        dossiers.MapPost("/batches", async Task<Results<Ok<DossierImportReport>, UnprocessableEntity<DossierImportReport>, ValidationProblem>> (HttpRequest request, DossierImporter importer, CancellationToken ct) =>
            {
                var mediaType = request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
                bool json = mediaType is "application/json";
                if (!json && mediaType is not ("text/csv" or "application/csv" or "text/plain"))
                    return TypedResults.ValidationProblem(Problems.Of("body", T("Gửi JSON (application/json) hoặc CSV (text/csv).", "Send JSON (application/json) or CSV (text/csv).")).ToDictionary());
                if (request.ContentLength > MaxBatchBytes)
                    return TypedResults.ValidationProblem(Problems.Of("body", T($"Dữ liệu vượt quá {MaxBatchBytes / 1024 / 1024} MB.", $"The body exceeds {MaxBatchBytes / 1024 / 1024} MB.")).ToDictionary());
                var actor = Actor.Of(request.HttpContext.User);
                // A token restricted to a unit may send that unit's dossiers only; the importer rejects other rows by row.
                var batch = new DossierImportRequest(ImportSource.Api, actor, null, request.ContentLength, TokenClaims.UnitOf(request.HttpContext.User));
                var report = json
                    ? await importer.ImportJsonAsync(request.Body, batch, cancellationToken: ct)
                    : await importer.ImportCsvAsync(request.Body, batch, cancellationToken: ct);
                return report.Status == ImportBatchStatus.Failed ? TypedResults.UnprocessableEntity(report) : TypedResults.Ok(report);
            })
            .RequireAuthorization(Policies.AdministratorOrMachineDossiers)
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(MaxBatchBytes))
            .Accepts<DossierJson[]>("application/json", "text/csv")
            .WithSummary("Import a batch of dossiers: a JSON array or a CSV body (administrator, or an API token with dossiers:write; a token restricted to a unit sends that unit's dossiers only). Valid rows are stored, invalid ones reported by row and column; re-sending is safe.");

        dossiers.MapGet("/batches", async (DossierService service, CancellationToken ct) =>
                TypedResults.Ok((await service.BatchesAsync(50, ct)).Select(BatchDto.From).ToList()))
            .RequireAuthorization(Policies.Administrator)
            .WithSummary("The latest 50 import batches with their counts (administrator).");

        dossiers.MapGet("/batches/{id:int}", async Task<Results<Ok<BatchDto>, ProblemHttpResult>> (int id, DossierService service, CancellationToken ct) =>
                await service.BatchAsync(id, ct) is { } batch ? TypedResults.Ok(BatchDto.From(batch)) : ApiResults.NotFound())
            .RequireAuthorization(Policies.AdministratorOrMachineDossiers)
            .WithSummary("One import batch: status, progress and counts (administrator, or the one-stop system with dossiers:write).");

        dossiers.MapGet("/batches/{id:int}/errors", async Task<Results<Ok<List<DossierRowError>>, ProblemHttpResult>> (int id, int? skip, int? take, DossierService service, CancellationToken ct) =>
            {
                if (await service.BatchAsync(id, ct) is null)
                    return ApiResults.NotFound();
                var errors = await service.BatchErrorsAsync(id, Math.Max(0, skip ?? 0), Math.Clamp(take ?? 500, 1, 5000), ct);
                return TypedResults.Ok(errors.Select(e => new DossierRowError(e.RowNumber, e.ColumnName, e.Code, e.Message, e.MessageEn)).ToList());
            })
            .RequireAuthorization(Policies.AdministratorOrMachineDossiers)
            .WithSummary("A batch's rejected rows by row and column, paged with skip and take (administrator, or the one-stop system with dossiers:write).");

        dossiers.MapGet("/indicators", async Task<Results<Ok<IndicatorsDto>, ValidationProblem, ProblemHttpResult>> (string? period, string? unit, DossierIndicatorsQuery query, Units.UnitService units, CancellationToken ct) =>
            {
                if (!DossierPeriod.TryParse(period, out var parsed))
                    return TypedResults.ValidationProblem(Problems.Of("period", T("Kỳ phải có dạng 2025-03, 2025-Q1 hoặc 2025.", "The period must look like 2025-03, 2025-Q1 or 2025.")).ToDictionary());
                if (unit is null)
                    return TypedResults.Ok(IndicatorsDto.From(parsed, query.JudgedOn(parsed), null, await query.CityAsync(parsed, ct)));
                if (await units.FindAsync(unit, ct) is not { } found)
                    return ApiResults.NotFound(T($"Không có đơn vị '{unit}'.", $"There is no unit '{unit}'."));
                return TypedResults.Ok(IndicatorsDto.From(parsed, query.JudgedOn(parsed), found.Code, await query.UnitAsync(found.Id, parsed, ct)));
            })
            .AllowAnonymous()
            .WithSummary("One-stop indicators of the city or a unit for a month, quarter or year (period=2025-03|2025-Q1|2025; unit=code).");

        dossiers.MapGet("/disclosure", async Task<Results<Ok<List<IndicatorsDto>>, ValidationProblem>> (string? period, DossierIndicatorsQuery query, CancellationToken ct) =>
            {
                if (!DossierPeriod.TryParse(period, out var parsed))
                    return TypedResults.ValidationProblem(Problems.Of("period", T("Kỳ phải có dạng 2025-03, 2025-Q1 hoặc 2025.", "The period must look like 2025-03, 2025-Q1 or 2025.")).ToDictionary());
                var table = await query.DisclosureAsync(parsed, ct);
                return TypedResults.Ok(table.Units.Select(u => IndicatorsDto.From(parsed, table.JudgedOn, u.UnitCode, u.Indicators))
                    .Append(IndicatorsDto.From(parsed, table.JudgedOn, null, table.City)).ToList());
            })
            .AllowAnonymous()
            .WithSummary("The public disclosure of a period: every unit's indicators, then the city's (unit null).");

        dossiers.MapPost("/metrics/{year:int}/feed", async (int year, DossierMetricFeed feed, HttpContext http, CancellationToken ct) =>
                ApiResults.From(await feed.FeedYearAsync(year, Actor.Of(http.User), ct), r => r))
            .RequireAuthorization(Policies.Administrator)
            .WithSummary("Cập nhật chỉ số từ dữ liệu hồ sơ: write the year's dossier metrics as final inputs of the framework leaves that use them (administrator, audited).");

        dossiers.MapGet("/late-without-apology", async Task<Results<Ok<IReadOnlyList<LateDossierRow>>, ValidationProblem>> (string? unit, string? period, DossierService service, CancellationToken ct) =>
            {
                DossierPeriod? parsed = null;
                if (period is not null)
                {
                    if (!DossierPeriod.TryParse(period, out var p))
                        return TypedResults.ValidationProblem(Problems.Of("period", T("Kỳ không hợp lệ.", "The period is not valid.")).ToDictionary());
                    parsed = p;
                }
                return TypedResults.Ok(await service.LateWithoutApologyAsync(unit, parsed, 500, ct));
            })
            .RequireAuthorization(Policies.Administrator)
            .WithSummary("Late dossiers (ended late, or open and overdue) that have no apology yet, newest first (administrator).");

        dossiers.MapPost("/apologies/import", async Task<Results<Ok<ApologyImportReport>, ValidationProblem, UnprocessableEntity<ApologyImportReport>, ProblemHttpResult>> (HttpRequest request, ApologyImporter importer, CancellationToken ct) =>
            {
                if (TokenClaims.UnitOf(request.HttpContext.User) is { } onlyUnit)
                    return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: T(
                        $"Mã truy cập giới hạn ở đơn vị {onlyUnit} không được nhập thư xin lỗi theo lô; dùng mã truy cập không giới hạn đơn vị.",
                        $"A token restricted to unit {onlyUnit} may not import apologies; use a token without a unit restriction."));
                var spooled = await Uploads.SpoolAsync(request.Body, Uploads.FormatOfContentType(request.ContentType), Uploads.DefaultMaxBytes, ct);
                if (!spooled.Succeeded)
                    return TypedResults.ValidationProblem(spooled.Problems!.ToDictionary());
                await using var file = spooled.Value!;
                var report = await importer.ImportAsync(file.Stream, file.Format, Actor.Of(request.HttpContext.User), ct);
                return report.Succeeded ? TypedResults.Ok(report) : TypedResults.UnprocessableEntity(report);
            })
            .RequireAuthorization(Policies.AdministratorOrMachineDossiers)
            .Accepts<Stream>("text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            .WithSummary("Record apologies from a CSV or XLSX body (administrator, or the one-stop system with dossiers:write). All-or-nothing; problems by row and column.");

        dossiers.MapGet("/{code}", async Task<Results<Ok<DossierView>, ProblemHttpResult>> (string code, DossierService service, CancellationToken ct) =>
                await service.FindAsync(code, ct) is { } view ? TypedResults.Ok(view) : ApiResults.NotFound())
            .RequireAuthorization(Policies.Administrator)
            .WithSummary("One dossier: its data, due date with how it was computed, 766 verdict with reasons, and apology (administrator).");

        dossiers.MapPost("/{code}/events", async (string code, DossierEventJson[] events, DossierService service, HttpContext http, CancellationToken ct) =>
                ApiResults.From(await service.AddEventsAsync(code, events ?? [], Actor.Of(http.User), ct), v => v))
            .RequireAuthorization(Policies.Administrator)
            .WithSummary("Add events to a dossier (merged with the stored ones, duplicates of kind and instant dropped); the verdict is recomputed (administrator).");

        dossiers.MapPut("/{code}/apology", async (string code, ApologyInput input, DossierService service, HttpContext http, CancellationToken ct) =>
                ApiResults.From(await service.RecordApologyAsync(code, input, Actor.Of(http.User), ct), a => a))
            .RequireAuthorization(Policies.Administrator)
            .WithSummary("Record or replace a dossier's apology: date, reason, new appointment (administrator, audited).");

        dossiers.MapDelete("/{code}/apology", async Task<Results<NoContent, ProblemHttpResult>> (string code, string? reason, DossierService service, HttpContext http, CancellationToken ct) =>
                await service.RemoveApologyAsync(code, Actor.Of(http.User), reason, ct) ? TypedResults.NoContent() : ApiResults.NotFound())
            .RequireAuthorization(Policies.Administrator)
            .WithSummary("Remove a dossier's apology recorded by mistake (administrator, audited).");

        dossiers.MapGet("/{code}/apology/slip", async Task<Results<FileContentHttpResult, ProblemHttpResult, ValidationProblem>> (string code, string? format, ApologySlips slips, CancellationToken ct) =>
            {
                bool pdf = string.Equals(format, "pdf", StringComparison.OrdinalIgnoreCase);
                if (format is not null && !pdf && !string.Equals(format, "docx", StringComparison.OrdinalIgnoreCase))
                    return TypedResults.ValidationProblem(Problems.Of("format", T("Định dạng phải là docx hoặc pdf.", "The format must be docx or pdf.")).ToDictionary());
                var file = await slips.CreateAsync(code, pdf, ct);
                if (file.NotFound)
                    return ApiResults.NotFound(T("Hồ sơ không có hoặc chưa có văn bản xin lỗi.", "No such dossier, or it has no apology yet."));
                if (!file.Succeeded)
                    return TypedResults.Problem(string.Join(" ", file.Problems!.Lines()), statusCode: StatusCodes.Status503ServiceUnavailable, title: T("Không tạo được tệp", "The file cannot be made"));
                return TypedResults.File(file.Value!.Bytes, file.Value.ContentType, file.Value.FileName);
            })
            .RequireAuthorization(Policies.Administrator)
            .WithSummary("The apology slip (Phiếu xin lỗi và hẹn lại ngày trả kết quả) as DOCX (default) or PDF (format=pdf) (administrator).");
        return api;
    }
}
