using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using ParIndex.Accounts;
using ParIndex.Core.Scoring;
using ParIndex.Web;
using static ParIndex.Web.Text;

namespace ParIndex.Assessments;

/// <summary>A leaf's input as the API takes it: the kind of input the method needs and its values (no kind: no input).</summary>
public sealed record EntryBody(InputKind? Kind, decimal? Points, string? Level, decimal? Numerator, decimal? Denominator, decimal? Value, string? Comment, string? NoEvidenceNote, int Version)
{
    public EntryInput ToInput() => new(AssessmentsApi.Input(Kind, Points, Level, Numerator, Denominator, Value), Comment, NoEvidenceNote, Version);
}

/// <summary>An appraiser's decision as the API takes it; the input fields matter only for an adjustment.</summary>
public sealed record AppraisalBody(AppraisalDecision Decision, InputKind? Kind, decimal? Points, string? Level, decimal? Numerator, decimal? Denominator, decimal? Value, string? Reason, int Version)
{
    public AppraisalInput ToInput() => new(Decision, AssessmentsApi.Input(Kind, Points, Level, Numerator, Denominator, Value), Reason, Version);
}

/// <summary>
/// Self-assessment, explanation, appraisal and the report, under /api/v1/years/{year}. Who may call is declared per
/// route; the services further scope unit staff to their own unit and appraisers to the leaves their agency leads
/// (anything outside that is 404). Changes outside their phase, on a submitted assessment and with a stale version are
/// 409 with a message that says why.
/// </summary>
public static class AssessmentsApi
{
    public static RouteGroupBuilder MapAssessmentsApi(this RouteGroupBuilder api)
    {
        var unit = api.MapGroup("/years/{year:int}/units/{unit}/self-assessment").WithTags("Self-assessment");

        unit.MapGet("", async Task<Results<Ok<AssessmentView>, ValidationProblem, ProblemHttpResult>> (int year, string unit, ClaimsPrincipal user, UserScope scope, AssessmentService service, CancellationToken ct) =>
                await scope.OfAsync(user, ct) is { } who ? ApiResults.From(await service.ViewAsync(year, unit, who, ct), v => v) : ApiResults.NotFound())
            .RequireAuthorization()
            .WithSummary("A unit's self-assessment of a year: every leaf with its input, points, evidence, explanations and appraisals; progress and field totals (the unit's staff, administrators, council members, viewers).");

        unit.MapPut("/entries/{node}", async Task<Results<Ok<EntryView>, ValidationProblem, ProblemHttpResult>> (int year, string unit, string node, EntryBody body, ClaimsPrincipal user, UserScope scope, AssessmentService service, CancellationToken ct) =>
                await scope.OfAsync(user, ct) is { } who ? ApiResults.From(await service.SaveEntryAsync(year, unit, node, body.ToInput(), who, ct), v => v) : ApiResults.NotFound())
            .RequireAuthorization(Policies.UnitStaff)
            .WithSummary("Save a leaf's input, comment and explanation of a score given without evidence (unit staff of the unit, self-assessment phase; send the version read: a stale one is 409 with the value stored now).");

        unit.MapPut("/difficulties", async Task<Results<Ok<AssessmentView>, ValidationProblem, ProblemHttpResult>> (int year, string unit, DifficultiesInput body, ClaimsPrincipal user, UserScope scope, AssessmentService service, CancellationToken ct) =>
                await scope.OfAsync(user, ct) is { } who ? ApiResults.From(await service.SaveDifficultiesAsync(year, unit, body, who, ct), v => v) : ApiResults.NotFound())
            .RequireAuthorization(Policies.UnitStaff)
            .WithSummary("Save the report's difficulties and proposals (unit staff, self-assessment phase, with the assessment's version).");

        unit.MapPost("/submit", async Task<Results<Ok<AssessmentView>, ValidationProblem, ProblemHttpResult>> (int year, string unit, ClaimsPrincipal user, UserScope scope, AssessmentService service, CancellationToken ct) =>
                await scope.OfAsync(user, ct) is { } who ? ApiResults.From(await service.SubmitAsync(year, unit, who, ct), v => v) : ApiResults.NotFound())
            .RequireAuthorization(Policies.UnitHead)
            .WithSummary("Submit the self-assessment (the unit head; every leaf scored, every leaf needing evidence backed or explained). It is read-only for the unit afterwards.");

        unit.MapPost("/reopen", async Task<Results<Ok<AssessmentView>, ValidationProblem, ProblemHttpResult>> (int year, string unit, ReopenInput body, ClaimsPrincipal user, UserScope scope, AssessmentService service, CancellationToken ct) =>
                await scope.OfAsync(user, ct) is { } who ? ApiResults.From(await service.ReopenAsync(year, unit, body.Reason, who, ct), v => v) : ApiResults.NotFound())
            .RequireAuthorization(Policies.Administrator)
            .WithSummary("Hand a submitted self-assessment back to the unit, with a reason (administrator, self-assessment phase).");

        unit.MapPut("/entries/{node}/explanation", async Task<Results<Ok<EntryView>, ValidationProblem, ProblemHttpResult>> (int year, string unit, string node, ExplanationInput body, ClaimsPrincipal user, UserScope scope, AssessmentService service, CancellationToken ct) =>
                await scope.OfAsync(user, ct) is { } who ? ApiResults.From(await service.ExplainAsync(year, unit, node, body, who, ct), v => v) : ApiResults.NotFound())
            .RequireAuthorization(Policies.UnitStaff)
            .WithSummary("Answer an adjustment (giải trình) of a leaf (unit staff, explanation phase, with the entry's version).");

        unit.MapGet("/report", async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> (int year, string unit, string? format, ClaimsPrincipal user, UserScope scope, AssessmentReports reports, CancellationToken ct) =>
            {
                if (await scope.OfAsync(user, ct) is not { } who)
                    return ApiResults.NotFound();
                var pdf = string.Equals(format, "pdf", StringComparison.OrdinalIgnoreCase);
                if (!pdf && format is not null && !string.Equals(format, "docx", StringComparison.OrdinalIgnoreCase))
                    return TypedResults.ValidationProblem(Problems.Of("format", T("Định dạng là docx hoặc pdf.", "The format is docx or pdf.")).ToDictionary());
                var outcome = await reports.CreateAsync(year, unit, who, pdf, ct);
                if (outcome.NotFound)
                    return ApiResults.NotFound();
                if (outcome.Problems is { } problems)
                    return TypedResults.Problem(detail: string.Join(" ", problems.Lines()), statusCode: StatusCodes.Status503ServiceUnavailable, title: T("Chưa tạo được PDF", "PDF not available"));
                var file = outcome.Value!;
                return TypedResults.File(file.Bytes, file.ContentType, file.FileName);
            })
            .RequireAuthorization()
            .WithSummary("The self-assessment report as the official form expects (summary by field, explanations, difficulties and proposals): ?format=docx (default) or pdf.");

        api.MapGet("/years/{year:int}/units/{unit}/proposed-scores", async Task<Results<Ok<IReadOnlyList<ProposedScore>>, ProblemHttpResult>> (int year, string unit, IProposedScores proposed, CancellationToken ct) =>
                await proposed.ForUnitAsync(year, unit, ct) is { Count: > 0 } scores ? TypedResults.Ok(scores) : ApiResults.NotFound())
            .WithTags("Appraisal")
            .RequireAuthorization(Policies.CampaignReader)
            .WithSummary("Self, appraised and proposed final inputs of every leaf of a unit, for the council (administrators, appraisers, council members, viewers).");

        var appraisal = api.MapGroup("/years/{year:int}/appraisal").WithTags("Appraisal");

        appraisal.MapGet("", async Task<Results<Ok<IReadOnlyList<AppraisalItem>>, ProblemHttpResult>> (int year, string? unit, AppraisalState? state, string? field, ClaimsPrincipal user, UserScope scope, AppraisalService service, CancellationToken ct) =>
                await scope.OfAsync(user, ct) is { } who ? TypedResults.Ok(await service.QueueAsync(year, who, new AppraisalFilter(unit, state, field), ct)) : ApiResults.NotFound())
            .RequireAuthorization(Policies.Appraiser)
            .WithSummary("The appraiser's queue: leaves of submitted self-assessments that their agency leads, across units; filters unit, state (Undecided, Accepted, Adjusted, Explained, Reappraised), field.");

        appraisal.MapPut("/{unit}/{node}", async Task<Results<Ok<AppraisalItem>, ValidationProblem, ProblemHttpResult>> (int year, string unit, string node, AppraisalBody body, ClaimsPrincipal user, UserScope scope, AppraisalService service, CancellationToken ct) =>
                await scope.OfAsync(user, ct) is { } who ? ApiResults.From(await service.DecideAsync(year, unit, node, body.ToInput(), who, ct), v => v) : ApiResults.NotFound())
            .RequireAuthorization(Policies.Appraiser)
            .WithSummary("Accept or adjust a leaf (appraisal phase; reappraisal phase for adjusted leaves). An adjustment needs the new input and a reason; send the entry's version.");

        appraisal.MapPut("/{unit}/{node}/evidence/{document}", async Task<Results<Ok<AppraisalItem>, ValidationProblem, ProblemHttpResult>> (int year, string unit, string node, long document, VerdictInput body, ClaimsPrincipal user, UserScope scope, AppraisalService service, CancellationToken ct) =>
                await scope.OfAsync(user, ct) is { } who ? ApiResults.From(await service.VerdictAsync(year, unit, node, document, body, who, ct), v => v) : ApiResults.NotFound())
            .RequireAuthorization(Policies.Appraiser)
            .WithSummary("Give a document backing a leaf a verdict: Accepted, Insufficient or Irrelevant, with an optional note (appraisal or reappraisal phase).");

        return api;
    }

    internal static LeafInput? Input(InputKind? kind, decimal? points, string? level, decimal? numerator, decimal? denominator, decimal? value) =>
        kind is { } k ? new LeafInput { Kind = k, Points = points, Level = level, Numerator = numerator, Denominator = denominator, Value = value } : null;
}
