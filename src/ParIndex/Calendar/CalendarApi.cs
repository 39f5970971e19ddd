using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using ParIndex.Accounts;
using ParIndex.Core.Calendar;
using VietnamTime = ParIndex.Core.Calendar.VietnamTime;
using ParIndex.Dossiers;
using ParIndex.Web;
using static ParIndex.Web.Text;

namespace ParIndex.Calendar;

public sealed record CalendarDayDto(DateOnly Date, string WeekdayVi, string WeekdayEn, NonWorkingKind Kind, Occasion Occasion, string ReasonVi, string ReasonEn, string? Reference)
{
    public static CalendarDayDto From(NonWorkingDay day) => new(day.Date, CalendarLabels.Weekday(day.Date, Core.Language.Vi), CalendarLabels.Weekday(day.Date, Core.Language.En),
        day.Kind, day.Occasion, day.ReasonVi, day.ReasonEn, day.Reference);
}

public sealed record WorkedDayDto(DateOnly Date, DateOnly InExchangeFor, string ReasonVi, string ReasonEn, string? Reference)
{
    public static WorkedDayDto From(WorkedWeekendDay day) => new(day.Date, day.InExchangeFor, day.ReasonVi, day.ReasonEn, day.Reference);
}

public sealed record SwapDto(DateOnly DayOff, DateOnly WorkedDay, string? Reference);

/// <summary>A year's notice in the JSON an administrator sends back with PUT (plus "derived").</summary>
public sealed record NoticeDto(int Year, IReadOnlyList<DateOnly> TetDays, DateOnly NationalDaySecondDay, IReadOnlyList<SwapDto> Swaps, IReadOnlyList<ExtraDayOff> ExtraDaysOff, bool Derived, string? Reference, string? Note)
{
    public static NoticeDto From(YearNotice notice) => new(notice.Year, notice.TetDays, notice.NationalDaySecondDay,
        [.. notice.Swaps.Select(s => new SwapDto(s.DayOff, s.WorkedDay, s.Reference))], notice.ExtraDaysOff, notice.Derived, notice.Reference, notice.Note);
}

public sealed record CalendarYearDto(
    int Year,
    NoticeStatus Status,
    string StatusVi,
    string StatusEn,
    NoticeDto Notice,
    int WorkingDays,
    int NonWorkingDayCount,
    IReadOnlyList<CalendarDayDto> NonWorkingDays,
    IReadOnlyList<WorkedDayDto> WorkedDays,
    DateTime? UpdatedAtUtc,
    string? UpdatedBy)
{
    public static CalendarYearDto From(CalendarYear year, bool includeWeekends = true) => new(
        year.Year, year.Status, CalendarLabels.StatusVi(year.Status), CalendarLabels.StatusEn(year.Status), NoticeDto.From(year.Notice),
        year.WorkingDays, year.NonWorkingDays.Count,
        [.. (includeWeekends ? year.NonWorkingDays : year.DaysOffBesidesWeekends).Select(CalendarDayDto.From)],
        [.. year.WorkedDays.Select(WorkedDayDto.From)], year.UpdatedAtUtc, year.UpdatedBy);
}

public sealed record NoticeChangedDto(CalendarYearDto Calendar, bool Unchanged, IReadOnlyList<DateOnly> ChangedDays, IReadOnlyList<string> ListenerFailures)
{
    public static NoticeChangedDto From(NoticeChanged changed) =>
        new(CalendarYearDto.From(changed.Calendar), changed.Unchanged, changed.Change.ChangedDays, changed.ListenerFailures);
}

public sealed record DeadlineStepDto(DeadlineStepKind Kind, string Vi, string En);

public sealed record DeadlineDto(
    DateTimeOffset ReceivedAt,
    int Amount,
    DeadlineUnit Unit,
    bool CutOff,
    string PolicyVi,
    string PolicyEn,
    DateTimeOffset Due,
    DateOnly DueDate,
    IReadOnlyList<DeadlineStepDto> Steps,
    string? ProcedureCode = null)
{
    public static DeadlineDto From(DeadlineExplanation explanation, string? procedureCode = null) => new(
        VietnamTime.ToLocal(explanation.ReceivedAt), explanation.Policy.Amount, explanation.Policy.Unit, explanation.Policy.CountsFromNextWorkingDayAfterCutOff,
        explanation.Policy.DescribeVi(), explanation.Policy.DescribeEn(), explanation.Due, VietnamTime.LocalDate(explanation.Due),
        [.. explanation.Steps.Select(s => new DeadlineStepDto(s.Kind, s.Vi, s.En))], procedureCode);
}

/// <summary>
/// The working calendar under /api/v1/calendar: a year's days off with reasons and its notice (public), the
/// notice's administration (administrator), and deadline computation with its explanation (public).
/// </summary>
public static class CalendarApi
{
    public static RouteGroupBuilder MapCalendarApi(this RouteGroupBuilder api)
    {
        var calendar = api.MapGroup("/calendar").WithTags("Calendar");

        calendar.MapGet("/years/{year:int}", async Task<Results<Ok<CalendarYearDto>, ValidationProblem, ProblemHttpResult>> (int year, bool? weekends, CalendarService service, CancellationToken ct) =>
                ApiResults.From(await service.YearAsync(year, ct), y => CalendarYearDto.From(y, weekends ?? true)))
            .AllowAnonymous()
            .WithSummary("A year's non-working days with their reasons (Vietnamese and English), the weekend days worked, and the notice in force with its status (Documented, Stored or Derived). weekends=false leaves out plain Saturdays and Sundays.");

        calendar.MapPut("/years/{year:int}/notice", async (int year, NoticeInput input, CalendarService service, HttpContext http, CancellationToken ct) =>
                ApiResults.From(await service.SaveNoticeAsync(year, input, Actor.Of(http.User), ct), NoticeChangedDto.From))
            .RequireAuthorization(Policies.Administrator)
            .WithSummary("Enter or replace a year's notice (administrator): the YearNotice JSON (tetDays, nationalDaySecondDay, swaps, extraDaysOff, reference, note) and a reason. Problems are named by field; deadlines already computed are recomputed.");

        calendar.MapDelete("/years/{year:int}/notice", async (int year, string? reason, CalendarService service, HttpContext http, CancellationToken ct) =>
                ApiResults.From(await service.DeleteNoticeAsync(year, reason, Actor.Of(http.User), ct), NoticeChangedDto.From))
            .RequireAuthorization(Policies.Administrator)
            .WithSummary("Delete a year's stored notice (administrator; ?reason= is required): the documented notice, or the one derived by rule, is in force again.");

        calendar.MapGet("/add-working-days", async Task<Results<Ok<DeadlineDto>, ValidationProblem, ProblemHttpResult>> (string? from, string? days, string? cutOff, CalendarService service, CancellationToken ct) =>
            {
                var problems = new Problems();
                if (!CalendarInput.TryParseInstant(from, out var receivedAt))
                    problems.Add("from", InstantMessage(from));
                if (!int.TryParse(days, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n))
                    problems.Add("days", T("Số ngày làm việc phải là số nguyên.", "The number of working days must be a whole number."));
                else if (n < 0)
                    problems.Add("days", T("Số ngày làm việc không được âm.", "The number of working days cannot be negative."));
                var counts = ParseFlag(cutOff, "cutOff", problems);
                if (problems.Any)
                    return Invalid(problems);
                var policy = DeadlinePolicy.WorkingDays(n) with { CountsFromNextWorkingDayAfterCutOff = counts ?? false };
                var explained = await service.ExplainAsync(receivedAt, policy, ct);
                // The service names its own fields; this endpoint's parameters are "from" and "days".
                return explained.Succeeded
                    ? TypedResults.Ok(DeadlineDto.From(explained.Value!))
                    : Invalid(Rename(explained.Problems!, ("receivedAt", "from"), ("amount", "days")));
            })
            .AllowAnonymous()
            .WithSummary("The due instant N working days after a receipt (from = ISO 8601 instant; cutOff=true: a receipt after 15:00 counts from the next working day), with the explanation in Vietnamese and English.");

        // A GET rather than a POST with a body: it computes and stores nothing, its answer can be cached and linked,
        // and every POST under /api/v1 is a write that anonymous callers are refused (EndpointSecurityTests).
        calendar.MapGet("/deadline", async Task<Results<Ok<DeadlineDto>, ValidationProblem, ProblemHttpResult>> (
                string? receivedAt, string? amount, string? unit, string? cutOff, string? cutOffTime, string? outsideOfficeHours, string? procedureCode,
                CalendarService service, ProcedureService procedures, CancellationToken ct) =>
            {
                var problems = new Problems();
                if (!CalendarInput.TryParseInstant(receivedAt, out var received))
                    problems.Add("receivedAt", InstantMessage(receivedAt));
                DeadlinePolicy? policy = null;
                if (!string.IsNullOrWhiteSpace(procedureCode))
                {
                    var procedure = await procedures.FindAsync(procedureCode, ct);
                    if (procedure is null)
                        return ApiResults.NotFound(T($"Không có thủ tục mã '{procedureCode}'.", $"There is no procedure with code '{procedureCode}'."));
                    policy = ProcedureDeadlines.PolicyFor(procedure);
                }
                else
                {
                    var parsedUnit = unit is null ? DeadlineUnit.WorkingDays : CalendarInput.ParseUnit(unit);
                    if (parsedUnit is null)
                        problems.Add("unit", T($"Đơn vị '{unit}' không hợp lệ (WorkingDays, CalendarDays, Hours hoặc ngày làm việc, ngày, giờ).", $"Unknown unit '{unit}' (WorkingDays, CalendarDays, Hours, or ngày làm việc, ngày, giờ)."));
                    if (string.IsNullOrWhiteSpace(amount))
                        problems.Add("amount", T("Hãy nhập thời hạn giải quyết.", "Give the processing time."));
                    else if (!int.TryParse(amount, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n))
                        problems.Add("amount", T($"Thời hạn '{amount}' phải là số nguyên.", $"The processing time '{amount}' must be a whole number."));
                    else if (n < 0)
                        problems.Add("amount", T("Thời hạn không được âm.", "The processing time cannot be negative."));
                    else if (parsedUnit is not null)
                        policy = new DeadlinePolicy(n, parsedUnit.Value);
                }
                var countsAfterCutOff = ParseFlag(cutOff, "cutOff", problems);
                var outside = ParseFlag(outsideOfficeHours, "outsideOfficeHours", problems);
                TimeOnly cutOffAt = DeadlinePolicy.DefaultCutOff;
                if (cutOffTime is not null && !TimeOnly.TryParseExact(cutOffTime, ["HH:mm", "H:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out cutOffAt))
                    problems.Add("cutOffTime", T($"Giờ '{cutOffTime}' không hợp lệ (HH:mm).", $"'{cutOffTime}' is not a time (HH:mm)."));
                if (problems.Any || policy is null)
                    return Invalid(problems);
                policy = policy with
                {
                    CountsFromNextWorkingDayAfterCutOff = countsAfterCutOff ?? policy.CountsFromNextWorkingDayAfterCutOff,
                    CutOff = cutOffAt,
                    OutsideOfficeHoursCountsFromNextOpening = outside ?? true,
                };
                return ApiResults.From(await service.ExplainAsync(received, policy, ct), e => DeadlineDto.From(e, procedureCode));
            })
            .AllowAnonymous()
            .WithSummary("The due instant of a dossier received at receivedAt (ISO 8601) under a deadline policy (amount, unit WorkingDays/CalendarDays/Hours, cutOff=true, optional cutOffTime HH:mm, outsideOfficeHours=false) or under a catalogue procedure (procedureCode), with the explanation step by step.");
        return api;
    }

    private static ValidationProblem Invalid(Problems problems) =>
        TypedResults.ValidationProblem(problems.ToDictionary(), title: T("Dữ liệu không hợp lệ", "Invalid input"));

    private static Problems Rename(Problems problems, params (string From, string To)[] names)
    {
        var renamed = new Problems();
        foreach (var (field, messages) in problems.ToDictionary())
            foreach (var message in messages)
                renamed.Add(names.FirstOrDefault(n => n.From == field).To ?? field, message);
        return renamed;
    }

    internal static string InstantMessage(string? text) => string.IsNullOrWhiteSpace(text)
        ? T("Hãy nhập thời điểm tiếp nhận (ISO 8601, ví dụ 2025-01-24T16:20+07:00).", "Give the moment of receipt (ISO 8601, e.g. 2025-01-24T16:20+07:00).")
        : T($"'{text}' không phải thời điểm hợp lệ (ISO 8601, ví dụ 2025-01-24T16:20+07:00).", $"'{text}' is not an instant (ISO 8601, e.g. 2025-01-24T16:20+07:00).");

    private static bool? ParseFlag(string? text, string field, Problems problems)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        if (text.Trim().ToLowerInvariant() is "true" or "1" or "on" or "yes")
            return true;
        if (text.Trim().ToLowerInvariant() is "false" or "0" or "off" or "no")
            return false;
        problems.Add(field, T($"'{text}' phải là true hoặc false.", $"'{text}' must be true or false."));
        return null;
    }
}
