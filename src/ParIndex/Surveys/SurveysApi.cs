using Microsoft.AspNetCore.Http.HttpResults;
using ParIndex.Accounts;
using ParIndex.Core.Surveys;
using ParIndex.Surveys.Counters;
using ParIndex.Units;
using ParIndex.Web;
using static ParIndex.Web.Text;

namespace ParIndex.Surveys;

public sealed record InvitationBatch(IReadOnlyList<InvitationRequest> Requests);

public sealed record IssuedInvitationLink(string Token, string Link, string UnitCode, string UnitName, string Group);

public sealed record PublicationChange(bool Published);

public sealed record DeviceInput(string? Name);

/// <summary>
/// Surveys under /api/v1: questionnaires, campaigns, invitations, results (public once published), imports,
/// feeding framework leaves (administrator), and the counter devices' rating endpoint (device key, rate-limited).
/// Citizens answer through the web form (/khao-sat), not through the API.
/// </summary>
public static class SurveysApi
{
    public const string DeviceKeyHeader = "X-Device-Key";

    public static RouteGroupBuilder MapSurveysApi(this RouteGroupBuilder api)
    {
        var surveys = api.MapGroup("/surveys").WithTags("Surveys");

        surveys.MapGet("/questionnaires", async (QuestionnaireService service, CancellationToken ct) => TypedResults.Ok(await service.ListAsync(ct)))
            .RequireAuthorization(Policies.Administrator)
            .WithSummary("Every version of every questionnaire (administrator).");

        surveys.MapGet("/questionnaires/{code}", async Task<Results<Ok<QuestionnaireDefinition>, ProblemHttpResult>> (string code, int? version, QuestionnaireService service, CancellationToken ct) =>
                await service.FindAsync(code, version, ct) is { } q ? TypedResults.Ok(QuestionnaireService.Definition(q)) : ApiResults.NotFound())
            .AllowAnonymous()
            .WithSummary("A questionnaire's definition (the latest version, or ?version=N).");

        surveys.MapPost("/questionnaires", async (QuestionnaireDefinition definition, QuestionnaireService service, HttpContext http, CancellationToken ct) =>
                ApiResults.From(await service.SaveVersionAsync(definition, Actor.Of(http.User), ct), q => new { q.Code, q.Version }))
            .RequireAuthorization(Policies.Administrator)
            .WithSummary("Store a questionnaire as the next version of its code (administrator); earlier answers keep their version.");

        surveys.MapGet("/campaigns", async (CampaignService service, HttpContext http, CancellationToken ct) =>
                TypedResults.Ok(await service.ListAsync(publishedOnly: !IsAdmin(http), ct)))
            .AllowAnonymous()
            .WithSummary("Survey campaigns (published ones only for the public).");

        surveys.MapPost("/campaigns", async (CampaignInput input, CampaignService service, HttpContext http, CancellationToken ct) =>
                ApiResults.From(await service.CreateAsync(input, Actor.Of(http.User), ct), c => c))
            .RequireAuthorization(Policies.Administrator)
            .WithSummary("Create a campaign: questionnaire version, period, target units and quotas per respondent group (administrator).");

        surveys.MapGet("/campaigns/{code}/progress", async Task<Results<Ok<CampaignProgress>, ProblemHttpResult>> (string code, CampaignService service, CancellationToken ct) =>
                await service.ProgressAsync(code, ct) is { } progress ? TypedResults.Ok(progress) : ApiResults.NotFound())
            .RequireAuthorization(Policies.Administrator)
            .WithSummary("Responses against quotas per unit and group, invitations issued and used (administrator).");

        surveys.MapPost("/campaigns/{code}/invitations", async (string code, InvitationBatch batch, InvitationService service, HttpContext http, CancellationToken ct) =>
            {
                var baseUrl = SurveyQr.BaseUrl(http.Request);
                return ApiResults.From(await service.IssueAsync(code, batch.Requests ?? [], Actor.Of(http.User), ct),
                    issued => issued.Select(i => new IssuedInvitationLink(i.Token, SurveyQr.Link(baseUrl, i.Token), i.UnitCode, i.UnitName, i.Group)).ToList());
            })
            .RequireAuthorization(Policies.Administrator)
            .WithSummary("Issue one-time invitations; the tokens are returned once and only their hashes are stored (administrator).");

        surveys.MapPost("/invitations/qr", Results<FileContentHttpResult, ValidationProblem> (QrRequest request) =>
            {
                if (!SurveyTokens.LooksValid(request.Token))
                    return TypedResults.ValidationProblem(Problems.Of("token", T("Mã mời không hợp lệ.", "The token is not valid.")).ToDictionary());
                var link = SurveyQr.Link(request.BaseUrl ?? "", request.Token);
                return string.Equals(request.Format, "svg", StringComparison.OrdinalIgnoreCase)
                    ? TypedResults.File(System.Text.Encoding.UTF8.GetBytes(SurveyQr.Svg(link)), "image/svg+xml", "khao-sat-qr.svg")
                    : TypedResults.File(SurveyQr.Png(link), "image/png", "khao-sat-qr.png");
            })
            .RequireAuthorization(Policies.Administrator)
            .WithSummary("The QR code (PNG or SVG) of an invitation link; the token goes in the body so it is not logged (administrator).");

        surveys.MapGet("/campaigns/{code}/results", async Task<Results<Ok<CampaignResultsView>, ProblemHttpResult>> (string code, SurveyResultsService service, HttpContext http, CancellationToken ct) =>
                await service.CampaignAsync(code, IsAdmin(http), ct) is { } results ? TypedResults.Ok(CampaignResultsView.From(results)) : NotPublished())
            .AllowAnonymous()
            .WithSummary("Per-unit results: metrics with n, 95 % Wilson interval, minimum-n flag and fallback; closed questions per group.");

        surveys.MapGet("/campaigns/{code}/results/export", async Task<Results<FileStreamHttpResult, ProblemHttpResult, ValidationProblem>> (string code, string? format, SurveyResultsService service, HttpContext http, CancellationToken ct) =>
            {
                if (!Enum.TryParse<SurveyExportFormat>(format ?? "csv", ignoreCase: true, out var exportFormat) || !Enum.IsDefined(exportFormat))
                    return TypedResults.ValidationProblem(Problems.Of("format", T("Định dạng phải là csv hoặc xlsx.", "The format must be csv or xlsx.")).ToDictionary());
                if (await service.CampaignAsync(code, IsAdmin(http), ct) is not { } results)
                    return NotPublished();
                var stream = new MemoryStream();
                await SurveyExport.WriteAsync(results, exportFormat, stream, UiLanguage.Current, ct);
                stream.Position = 0;
                return TypedResults.File(stream, SurveyExport.ContentType(exportFormat), SurveyExport.FileName(results, exportFormat));
            })
            .AllowAnonymous()
            .WithSummary("A campaign's results as CSV or XLSX (format=csv|xlsx).");

        surveys.MapPut("/campaigns/{code}/publication", async (string code, PublicationChange change, CampaignService service, HttpContext http, CancellationToken ct) =>
                ApiResults.From(await service.SetPublishedAsync(code, change.Published, Actor.Of(http.User), ct), p => new PublicationChange(p)))
            .RequireAuthorization(Policies.Administrator)
            .WithSummary("Publish or withdraw a campaign's results (administrator).");

        surveys.MapPost("/campaigns/{code}/feed", async (string code, SurveyFeedService feed, HttpContext http, CancellationToken ct) =>
                ApiResults.From(await feed.FeedCampaignAsync(code, Actor.Of(http.User), ct), r => r))
            .RequireAuthorization(Policies.Administrator)
            .WithSummary("Write the campaign's results into the final inputs of survey-method leaves of the year's frameworks (administrator; audited).");

        surveys.MapPost("/campaigns/{code}/responses/import", Task<Results<Ok<ImportReport>, ValidationProblem, UnprocessableEntity<ImportReport>>> (string code, HttpRequest request, ResponseImporter importer, CancellationToken ct) =>
                Uploads.ImportBodyAsync(request, (stream, format) => importer.ImportAsync(code, stream, format, Actor.Of(request.HttpContext.User), ct), report => report.Succeeded, ct))
            .RequireAuthorization(Policies.AdministratorOrMachineRatings)
            .Accepts<Stream>("text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            .WithSummary("Import paper or phone interviews from CSV or XLSX (administrator, or an interview system's API token with ratings:write). All-or-nothing with row problems; the same file twice adds nothing.");

        surveys.MapGet("/counters", async (CounterService service, CancellationToken ct) => TypedResults.Ok(await service.ListAsync(ct)))
            .RequireAuthorization(Policies.Administrator)
            .WithSummary("Counters, their active devices and rating counts (administrator).");

        surveys.MapPost("/counters", async (CounterInput input, CounterService service, HttpContext http, CancellationToken ct) =>
                ApiResults.From(await service.CreateAsync(input, Actor.Of(http.User), ct), c => c))
            .RequireAuthorization(Policies.Administrator)
            .WithSummary("Create a reception counter (or an officer) that citizens rate (administrator).");

        surveys.MapPost("/counters/{code}/devices", async (string code, DeviceInput input, CounterService service, HttpContext http, CancellationToken ct) =>
                ApiResults.From(await service.IssueDeviceKeyAsync(code, input.Name ?? "", Actor.Of(http.User), ct), k => k))
            .RequireAuthorization(Policies.Administrator)
            .WithSummary("Issue an API key for a rating device of the counter; returned once, stored hashed (administrator).");

        surveys.MapDelete("/devices/{id:int}", async (int id, CounterService service, ICounterDeviceAuthenticator devices, HttpContext http, CancellationToken ct) =>
            {
                var outcome = await service.RevokeDeviceAsync(id, Actor.Of(http.User), ct);
                (devices as HashedKeyDeviceAuthenticator)?.Forget();
                return ApiResults.From(outcome, revoked => new { revoked });
            })
            .RequireAuthorization(Policies.Administrator)
            .WithSummary("Revoke a rating device's key (administrator); other app instances stop accepting it within the key cache time (30 s).");

        surveys.MapGet("/counter-satisfaction", async (DateOnly from, DateOnly to, SurveyResultsService service, CancellationToken ct) =>
                TypedResults.Ok(await service.CounterSatisfactionAsync(from, to, ct)))
            .RequireAuthorization(Policies.Administrator)
            .WithSummary("Counter ratings per unit in a period: counts and satisfied share (administrator; the 766 satisfaction group reads it).");

        surveys.MapPost("/counter-ratings/years/{year:int}/feed", async (int year, int? minimumN, FallbackKind? fallback, SurveyFeedService feed, HttpContext http, CancellationToken ct) =>
                ApiResults.From(await feed.FeedCounterYearAsync(year, new MinimumSampleRule(minimumN ?? 30, fallback ?? FallbackKind.BlockMean), Actor.Of(http.User), ct), r => r))
            .RequireAuthorization(Policies.Administrator)
            .WithSummary("Write the year's counter satisfied share into counter.satisfied_share leaves (administrator; audited).");

        api.MapPost("/counter-ratings", async Task<Results<Ok<RatingReceipt>, ValidationProblem, ProblemHttpResult>> (RatingInput input, HttpContext http, ICounterDeviceAuthenticator devices, CounterRateLimiter limiter, CounterService counters) =>
            {
                var device = await devices.AuthenticateAsync(DeviceKey(http.Request), http.RequestAborted);
                if (device is null)
                    return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: T("Thiếu hoặc sai khóa thiết bị", "Missing or unknown device key"));
                if (!limiter.TryAcquire("device:" + device.DeviceId))
                    return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: T("Gửi quá nhanh", "Too many requests"));
                var outcome = await counters.RateAsync(device, input);
                return outcome.Conflict ? ApiResults.Conflict(outcome.Problems)
                    : outcome.Problems is { } problems ? TypedResults.ValidationProblem(problems.ToDictionary(), title: T("Dữ liệu không hợp lệ", "Invalid input"))
                    : TypedResults.Ok(outcome.Value!);
            })
            .AllowAnonymous()
            .WithTags("Surveys")
            .WithSummary("A counter device's rating (3 rất hài lòng, 2 hài lòng, 1 không hài lòng), optionally with the dossier receipt code (one rating per dossier). Authenticated by the X-Device-Key header; rate-limited per device.");
        return api;
    }

    /// <summary>The key from X-Device-Key, or from "Authorization: Bearer …".</summary>
    public static string? DeviceKey(HttpRequest request)
    {
        if (request.Headers[DeviceKeyHeader] is { Count: > 0 } header)
            return header[0];
        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization[7..].Trim() : null;
    }

    private static bool IsAdmin(HttpContext http) => http.User.IsInRole(Roles.Administrator);

    private static ProblemHttpResult NotPublished() => ApiResults.NotFound(T("Chưa có kết quả khảo sát được công bố.", "No published survey results."));
}

public sealed record QrRequest(string Token, string? Format, string? BaseUrl);

/// <summary>Results as the API returns them: the campaign, and per unit its name, block, responses, metrics and questions.</summary>
public sealed record CampaignResultsView(CampaignDto Campaign, bool PostStratified, IReadOnlyList<UnitResultsView> Units)
{
    public static CampaignResultsView From(CampaignResults results) => new(results.Campaign, results.Results.PostStratified,
        results.Results.Units.Select(u => new UnitResultsView(u.UnitCode, results.UnitNames[u.UnitCode], results.UnitBlocks[u.UnitCode], u.Responses,
            u.Metrics, u.Questions, u.QuestionsByGroup)).ToList());
}

public sealed record UnitResultsView(string UnitCode, string UnitName, string? Block, int Responses, IReadOnlyList<MetricStat> Metrics, IReadOnlyList<QuestionStat> Questions, IReadOnlyList<QuestionStat> QuestionsByGroup);
