using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using ParIndex.Accounts;
using ParIndex.Assessments;
using ParIndex.Core;
using ParIndex.Web;
using static ParIndex.Web.Text;

namespace ParIndex.Campaign;

public sealed record PhaseDto(
    int Year,
    CampaignPhaseKind Phase,
    string Slug,
    string NameVi,
    string NameEn,
    DateOnly? OpensOn,
    DateOnly? ClosesOn,
    PhaseState State,
    PhaseStatus Status,
    string StatusVi,
    string StatusEn,
    bool IsOpen,
    int? DaysLeft,
    string? RefusalVi,
    string? RefusalEn,
    DateTime? OpenedAtUtc,
    string? OpenedBy,
    DateTime? ClosedAtUtc,
    string? ClosedBy,
    string? Reason,
    DateTime? UpdatedAtUtc,
    string? UpdatedBy,
    Guid? Stamp)
{
    public static PhaseDto From(PhaseView view) => new(view.Year, view.Kind, PhaseLabels.Slug(view.Kind), PhaseLabels.NameVi(view.Kind), PhaseLabels.NameEn(view.Kind),
        view.OpensOn, view.ClosesOn, view.State, view.Status, PhaseLabels.StatusName(view.Status, Language.Vi), PhaseLabels.StatusName(view.Status, Language.En),
        view.IsOpenNow, view.DaysLeft, view.Refusal(Language.Vi), view.Refusal(Language.En),
        view.OpenedAtUtc, view.OpenedBy, view.ClosedAtUtc, view.ClosedBy, view.Reason, view.UpdatedAtUtc, view.UpdatedBy, view.Stamp);
}

public sealed record UnitProgressDto(
    string UnitCode, string UnitNameVi, string? UnitNameEn, string BlockCode, bool HasFramework, int Leaves, int Scored,
    int EvidenceMissing, int EvidenceMissingUnexplained, int Adjusted, int ExplanationsPending, AssessmentStatus? Status, bool Submitted,
    DateTime? SubmittedAtUtc, string? SubmittedBy)
{
    public static UnitProgressDto From(UnitProgress u) => new(u.UnitCode, u.UnitNameVi, u.UnitNameEn, u.BlockCode, u.HasFramework, u.Leaves, u.Scored,
        u.EvidenceMissing, u.EvidenceMissingUnexplained, u.Adjusted, u.ExplanationsPending, u.Status, u.Submitted, u.SubmittedAtUtc, u.SubmittedBy);
}

public sealed record AgencyProgressDto(string AgencyCode, string NameVi, string? NameEn, int ToAppraise, int Appraised, int ToReappraise, int Reappraised);

public sealed record CampaignProgressDto(int Year, int Units, int Submitted, IReadOnlyList<UnitProgressDto> UnitRows, IReadOnlyList<AgencyProgressDto> Agencies, IReadOnlyList<string> BlocksWithoutFramework)
{
    public static CampaignProgressDto From(CampaignProgress p) => new(p.Year, p.Units.Count, p.Submitted, [.. p.Units.Select(UnitProgressDto.From)],
        [.. p.Agencies.Select(a => new AgencyProgressDto(a.AgencyCode, a.NameVi, a.NameEn, a.ToAppraise, a.Appraised, a.ToReappraise, a.Reappraised))], p.BlocksWithoutFramework);
}

public sealed record LeafProgressDto(
    string NodeCode, string TitleVi, string? TitleEn, decimal MaxPoints, bool Counted, bool DataFed, bool EvidenceRequired, string? LeadAgencyCode,
    bool Scored, int EvidenceCount, bool EvidenceMissing, bool HasNoEvidenceNote, AppraisalDecision? Appraisal, bool Explained, bool ExplanationPending, AppraisalDecision? Reappraisal);

public sealed record UnitProgressDetailDto(UnitProgressDto Summary, IReadOnlyList<LeafProgressDto> Leaves)
{
    public static UnitProgressDetailDto From(UnitProgressDetail d) => new(UnitProgressDto.From(d.Summary), [.. d.Leaves.Select(l => new LeafProgressDto(
        l.NodeCode, l.TitleVi, l.TitleEn, l.MaxPoints, l.Counted, l.DataFed, l.EvidenceRequired, l.LeadAgencyCode, l.Scored, l.EvidenceCount, l.EvidenceMissing,
        l.HasNoEvidenceNote, l.Appraisal, l.Explained, l.ExplanationPending, l.Reappraisal))]);
}

public sealed record NotificationDto(long Id, int Year, CampaignPhaseKind Phase, NotificationKind Kind, DateOnly OnDate, string MessageVi, string MessageEn, string? Link, DateTime CreatedAtUtc, DateTime? ReadAtUtc)
{
    public static NotificationDto From(Notification n) => new(n.Id, n.Year, n.Phase, n.Kind, n.OnDate, n.MessageVi, n.MessageEn, n.Link, n.CreatedAtUtc, n.ReadAtUtc);
}

public sealed record NotificationListDto(int Total, int Unread, int Page, int Pages, IReadOnlyList<NotificationDto> Items);

public sealed record ReminderRunDto(DateOnly Day, int Notifications, int Emails, IReadOnlyList<string> Lines);

public sealed record OutboxEmailDto(long Id, string To, string Subject, string Body, DateTime CreatedAtUtc, int Attempts, DateTime? SentAtUtc, string? LastError, DateTime NextAttemptAtUtc, OutboxStatus Status);

public sealed record OutboxListDto(bool SmtpConfigured, int Total, int Page, int Pages, IReadOnlyList<OutboxEmailDto> Items);

/// <summary>
/// The campaign under /api/v1: a year's phases (read by everyone taking part; dates, opening and closing by the
/// administrator), the progress board, the signed-in user's notifications, running the reminders, and the outbox.
/// </summary>
public static class CampaignApi
{
    public static RouteGroupBuilder MapCampaignApi(this RouteGroupBuilder api)
    {
        var phases = api.MapGroup("/years/{year:int}/phases").WithTags("Campaign");

        phases.MapGet("", async Task<Results<Ok<IReadOnlyList<PhaseDto>>, ValidationProblem, ProblemHttpResult>> (int year, PhaseService service, CancellationToken ct) =>
                ApiResults.From(await service.ListAsync(year, ct), list => (IReadOnlyList<PhaseDto>)[.. list.Select(PhaseDto.From)]))
            .RequireAuthorization(CampaignPolicies.Participant)
            .WithSummary("The year's campaign phases in order (self-assessment, appraisal, explanation, re-appraisal, council, publication, re-examination): dates, state, whether work is accepted today (Asia/Ho_Chi_Minh) and, when it is not, why in Vietnamese and English.");

        phases.MapGet("/{phase}", async Task<Results<Ok<PhaseDto>, ValidationProblem, ProblemHttpResult>> (int year, string phase, PhaseService service, CancellationToken ct) =>
            {
                if (!PhaseLabels.TryParse(phase, out var kind))
                    return ApiResults.NotFound(PhaseLabels.UnknownPhase(phase));
                if (PhaseService.YearProblem(year) is { } invalid)
                    return TypedResults.ValidationProblem(invalid.ToDictionary(), title: T("Dữ liệu không hợp lệ", "Invalid input"));
                return TypedResults.Ok(PhaseDto.From(await service.GetAsync(year, kind, ct)));
            })
            .RequireAuthorization(CampaignPolicies.Participant)
            .WithSummary("One phase of the year (by name: self-assessment, appraisal, explanation, reappraisal, council, publication, reexamination).");

        phases.MapPut("/{phase}", async Task<Results<Ok<PhaseDto>, ValidationProblem, ProblemHttpResult>> (int year, string phase, PhaseDatesInput input, PhaseService service, HttpContext http, CancellationToken ct) =>
                PhaseLabels.TryParse(phase, out var kind)
                    ? ApiResults.From(await service.SetDatesAsync(year, kind, input, Actor.Of(http.User), ct), PhaseDto.From)
                    : ApiResults.NotFound(PhaseLabels.UnknownPhase(phase)))
            .RequireAuthorization(Policies.Administrator)
            .WithSummary("Set a phase's dates (administrator): opensOn and closesOn (yyyy-MM-dd, both days included), and a reason once the phase has been opened; optional stamp from a previous read refuses a stale edit with 409.");

        phases.MapPost("/{phase}/open", async Task<Results<Ok<PhaseDto>, ValidationProblem, ProblemHttpResult>> (int year, string phase, [FromBody] PhaseActionInput? input, PhaseService service, HttpContext http, CancellationToken ct) =>
                PhaseLabels.TryParse(phase, out var kind)
                    ? ApiResults.From(await service.OpenAsync(year, kind, input ?? new PhaseActionInput(), Actor.Of(http.User), ct), PhaseDto.From)
                    : ApiResults.NotFound(PhaseLabels.UnknownPhase(phase)))
            .RequireAuthorization(Policies.Administrator)
            .WithSummary("Open a phase (administrator). Its dates must be set and its closing date not past; reopening a closed phase needs a reason. Audited.");

        phases.MapPost("/{phase}/close", async Task<Results<Ok<PhaseDto>, ValidationProblem, ProblemHttpResult>> (int year, string phase, [FromBody] PhaseActionInput? input, PhaseService service, HttpContext http, CancellationToken ct) =>
                PhaseLabels.TryParse(phase, out var kind)
                    ? ApiResults.From(await service.CloseAsync(year, kind, input ?? new PhaseActionInput(), Actor.Of(http.User), ct), PhaseDto.From)
                    : ApiResults.NotFound(PhaseLabels.UnknownPhase(phase)))
            .RequireAuthorization(Policies.Administrator)
            .WithSummary("Close a phase (administrator), with an optional reason: from then on the phase gate refuses its work whatever its dates. Audited.");

        var progress = api.MapGroup("/years/{year:int}/progress").WithTags("Campaign");

        progress.MapGet("", async Task<Results<Ok<CampaignProgressDto>, ValidationProblem, ProblemHttpResult>> (int year, CampaignProgressQuery query, CancellationToken ct) =>
                PhaseService.YearProblem(year) is { } invalid
                    ? TypedResults.ValidationProblem(invalid.ToDictionary(), title: T("Dữ liệu không hợp lệ", "Invalid input"))
                    : TypedResults.Ok(CampaignProgressDto.From(await query.YearAsync(year, ct))))
            .RequireAuthorization(Policies.CampaignReader)
            .WithSummary("The progress board of a year: per unit, leaves scored of those to score, evidence missing, explanations pending, submitted or not; per lead agency, leaves appraised of those to appraise and re-appraisal left.");

        progress.MapGet("/{unit}", async Task<Results<Ok<UnitProgressDetailDto>, ValidationProblem, ProblemHttpResult>> (int year, string unit, CampaignProgressQuery query, UserScope scopes, HttpContext http, CancellationToken ct) =>
            {
                var scope = await scopes.OfAsync(http.User, ct);
                if (!CampaignPolicies.MayReadUnit(scope, unit))
                    return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: T("Không có quyền", "Forbidden"),
                        detail: T("Cán bộ đơn vị chỉ xem được tiến độ của đơn vị mình.", "Unit staff see the progress of their own unit only."));
                var detail = await query.UnitAsync(year, unit, ct);
                return detail is null
                    ? ApiResults.NotFound(T($"Đơn vị '{unit}' không thuộc khối nào năm {year}.", $"Unit '{unit}' is in no block in {year}."))
                    : TypedResults.Ok(UnitProgressDetailDto.From(detail));
            })
            .RequireAuthorization(CampaignPolicies.Participant)
            .WithSummary("One unit's progress leaf by leaf (campaign readers: any unit; unit staff: their own unit only).");

        api.MapPost("/years/{year:int}/reminders", async Task<Results<Ok<ReminderRunDto>, ValidationProblem, ProblemHttpResult>> (int year, ReminderService reminders, CancellationToken ct) =>
            {
                if (PhaseService.YearProblem(year) is { } invalid)
                    return TypedResults.ValidationProblem(invalid.ToDictionary(), title: T("Dữ liệu không hợp lệ", "Invalid input"));
                var run = await reminders.RunAsync(year, ct);
                return TypedResults.Ok(new ReminderRunDto(run.Day, run.Notifications, run.Emails, run.Lines));
            })
            .RequireAuthorization(Policies.Administrator)
            .WithTags("Campaign")
            .WithSummary("Compute the reminders due today for the year now (administrator), as the daily run does; idempotent — running again the same day adds nothing.");

        var notifications = api.MapGroup("/notifications").WithTags("Notifications");

        notifications.MapGet("", async (bool? unread, int? page, NotificationService service, HttpContext http, CancellationToken ct) =>
            {
                var userId = CampaignPolicies.UserId(http.User);
                var list = await service.ListAsync(userId, page ?? 1, unread ?? false, ct);
                return TypedResults.Ok(new NotificationListDto(list.Total, list.Unread, list.Page, list.Pages, [.. list.Items.Select(NotificationDto.From)]));
            })
            .RequireAuthorization()
            .WithSummary("The signed-in user's notifications, newest first (unread=true for unread only; 30 a page), with the unread count.");

        notifications.MapPost("/{id}/read", async Task<Results<NoContent, ProblemHttpResult>> (long id, NotificationService service, HttpContext http, CancellationToken ct) =>
            {
                var userId = CampaignPolicies.UserId(http.User);
                return await service.MarkReadAsync(userId, id, ct) ? TypedResults.NoContent() : ApiResults.NotFound();
            })
            .RequireAuthorization()
            .WithSummary("Mark one of the signed-in user's notifications read.");

        notifications.MapPost("/read-all", async (NotificationService service, HttpContext http, CancellationToken ct) =>
            {
                var userId = CampaignPolicies.UserId(http.User);
                return TypedResults.Ok(new { marked = await service.MarkAllReadAsync(userId, ct) });
            })
            .RequireAuthorization()
            .WithSummary("Mark all of the signed-in user's notifications read.");

        api.MapGet("/outbox", async (int? page, string? status, OutboxQuery query, IOptions<SmtpOptions> smtp, CancellationToken ct) =>
            {
                var list = await query.PageAsync(OutboxQuery.ParseStatus(status), page ?? 1, ct);
                return TypedResults.Ok(new OutboxListDto(smtp.Value.IsConfigured, list.Total, list.Page, list.Pages,
                    [.. list.Items.Select(e => new OutboxEmailDto(e.Id, e.To, e.Subject, e.Body, e.CreatedAtUtc, e.Attempts, e.SentAtUtc, e.LastError, e.NextAttemptAtUtc,
                        OutboxSender.StatusOf(e, smtp.Value.MaxAttempts)))]));
            })
            .RequireAuthorization(Policies.Administrator)
            .WithTags("Notifications")
            .WithSummary("The email outbox (administrator), newest first, 50 a page; status=Pending, Sent or Failed; smtpConfigured says whether anything is being delivered.");
        return api;
    }
}
