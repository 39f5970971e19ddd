using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ParIndex.Audit;
using ParIndex.Core;
using ParIndex.Core.Calendar;
using ParIndex.Data;
using ParIndex.Web;
using static ParIndex.Web.Text;

namespace ParIndex.Campaign;

/// <summary>Where a phase stands today: its state as the administrator left it, read against its dates.</summary>
public enum PhaseStatus
{
    /// <summary>The administrator has not opened it.</summary>
    NotOpened,
    /// <summary>Opened, but its opening date is still ahead.</summary>
    Scheduled,
    /// <summary>Opened and today is within its dates: work is accepted.</summary>
    Running,
    /// <summary>Opened, but its closing date has passed.</summary>
    Ended,
    /// <summary>Closed by the administrator.</summary>
    Closed,
}

/// <summary>A phase as shown and decided on: stored or not (a phase nobody has touched yet is "not opened", without dates).</summary>
public sealed record PhaseView(
    int Year,
    CampaignPhaseKind Kind,
    DateOnly? OpensOn,
    DateOnly? ClosesOn,
    PhaseState State,
    PhaseStatus Status,
    DateOnly Today,
    DateTime? OpenedAtUtc,
    string? OpenedBy,
    DateTime? ClosedAtUtc,
    string? ClosedBy,
    string? Reason,
    DateTime? UpdatedAtUtc,
    string? UpdatedBy,
    Guid? Stamp)
{
    public bool IsOpenNow => Status == PhaseStatus.Running;

    /// <summary>Whole days left including today (1 on the closing day); null without a closing date.</summary>
    public int? DaysLeft => ClosesOn is { } closes ? closes.DayNumber - Today.DayNumber + 1 : null;

    public static PhaseView From(int year, CampaignPhaseKind kind, CampaignPhase? phase, DateOnly today)
    {
        var state = phase?.State ?? PhaseState.NotOpened;
        return new PhaseView(year, kind, phase?.OpensOn, phase?.ClosesOn, state, StatusOf(state, phase?.OpensOn, phase?.ClosesOn, today), today,
            phase?.OpenedAtUtc, phase?.OpenedBy, phase?.ClosedAtUtc, phase?.ClosedBy, phase?.Reason, phase?.UpdatedAtUtc, phase?.UpdatedBy, phase?.ConcurrencyStamp);
    }

    /// <summary>
    /// A phase accepts work when the administrator opened it and today (Vietnamese date) is between its opening and
    /// closing dates, both included: "closes on 30/11/2025" means work is accepted until 24:00 of 30/11/2025.
    /// </summary>
    public static PhaseStatus StatusOf(PhaseState state, DateOnly? opensOn, DateOnly? closesOn, DateOnly today) => state switch
    {
        PhaseState.Closed => PhaseStatus.Closed,
        PhaseState.Open when opensOn is { } opens && today < opens => PhaseStatus.Scheduled,
        PhaseState.Open when closesOn is { } closes && today > closes => PhaseStatus.Ended,
        PhaseState.Open => PhaseStatus.Running,
        _ => PhaseStatus.NotOpened,
    };

    /// <summary>Why work is refused now, in the given language; null when the phase is running.</summary>
    public string? Refusal(Language language)
    {
        var en = language == Language.En;
        var name = PhaseLabels.Name(Kind, language);
        return Status switch
        {
            PhaseStatus.Running => null,
            PhaseStatus.NotOpened => en
                ? $"The {name} phase of {Year} has not been opened by the administrator."
                : $"Giai đoạn {name} năm {Year} chưa được quản trị viên mở.",
            PhaseStatus.Scheduled => en
                ? $"The {name} phase of {Year} is not open yet: it opens on {Date(OpensOn)}."
                : $"Giai đoạn {name} năm {Year} chưa mở: bắt đầu từ ngày {Date(OpensOn)}.",
            PhaseStatus.Ended => en
                ? $"The {name} phase of {Year} ended on {Date(ClosesOn)}."
                : $"Giai đoạn {name} năm {Year} đã kết thúc ngày {Date(ClosesOn)}.",
            PhaseStatus.Closed => en
                ? $"The {name} phase of {Year} was closed by the administrator on {ClosedOn}."
                : $"Giai đoạn {name} năm {Year} đã được quản trị viên đóng ngày {ClosedOn}.",
            _ => Status.ToString(),
        };
    }

    public string? Refusal() => Refusal(UiLanguage.Current);

    private string ClosedOn => ClosedAtUtc is { } at ? Date(VietnamTime.LocalDate(new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)))) : "—";
}

/// <summary>New dates of a phase. A reason is required once the phase has been opened (moving a deadline is a decision to explain).</summary>
public sealed record PhaseDatesInput
{
    public DateOnly? OpensOn { get; init; }
    public DateOnly? ClosesOn { get; init; }
    public string? Reason { get; init; }

    /// <summary>The stamp the editor saw; a different stored stamp means someone else changed the phase meanwhile.</summary>
    public Guid? Stamp { get; init; }
}

/// <summary>Opening or closing a phase. A reason is required to reopen a closed phase.</summary>
public sealed record PhaseActionInput
{
    public string? Reason { get; init; }
    public Guid? Stamp { get; init; }
}

/// <summary>
/// The phases of each year's campaign: their dates, and opening and closing them (administrator). Every change
/// is audited (entity type <c>campaign_phase</c>, key <c>{year}/{Kind}</c>) in the same SaveChanges.
/// Phase states are decided against today's date in Asia/Ho_Chi_Minh from the injected clock.
/// </summary>
public sealed class PhaseService(AppDbContext db, AuditLog audit, TimeProvider clock)
{
    public const int FirstYear = 2000;
    public const int LastYear = 2100;
    public const string AuditEntityType = "campaign_phase";

    public DateOnly Today => VietnamTime.LocalDate(clock.GetUtcNow());

    public static string AuditKey(int year, CampaignPhaseKind kind) => $"{year.ToString(CultureInfo.InvariantCulture)}/{kind}";

    public static Problems? YearProblem(int year) => year is < FirstYear or > LastYear
        ? Problems.Of("year", T($"Năm {year} nằm ngoài phạm vi {FirstYear}–{LastYear}.", $"Year {year} is outside {FirstYear}–{LastYear}."))
        : null;

    /// <summary>Every phase of the year, in campaign order, stored or not.</summary>
    public async Task<Outcome<IReadOnlyList<PhaseView>>> ListAsync(int year, CancellationToken cancellationToken = default)
    {
        if (YearProblem(year) is { } invalid)
            return invalid;
        var stored = await db.CampaignPhases.AsNoTracking().Where(p => p.Year == year).ToListAsync(cancellationToken);
        var today = Today;
        return Outcome<IReadOnlyList<PhaseView>>.Ok(
            [.. PhaseLabels.All.Select(kind => PhaseView.From(year, kind, stored.FirstOrDefault(p => p.Kind == kind), today))]);
    }

    public async Task<PhaseView> GetAsync(int year, CampaignPhaseKind kind, CancellationToken cancellationToken = default)
    {
        var phase = await db.CampaignPhases.AsNoTracking().FirstOrDefaultAsync(p => p.Year == year && p.Kind == kind, cancellationToken);
        return PhaseView.From(year, kind, phase, Today);
    }

    /// <summary>Years that have at least one phase opened and not closed (what the reminder run looks at).</summary>
    public async Task<IReadOnlyList<int>> YearsWithOpenPhasesAsync(CancellationToken cancellationToken = default) =>
        await db.CampaignPhases.AsNoTracking().Where(p => p.State == PhaseState.Open).Select(p => p.Year).Distinct().OrderBy(y => y).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<int>> YearsAsync(CancellationToken cancellationToken = default) =>
        await db.CampaignPhases.AsNoTracking().Select(p => p.Year).Distinct().OrderBy(y => y).ToListAsync(cancellationToken);

    public async Task<Outcome<PhaseView>> SetDatesAsync(int year, CampaignPhaseKind kind, PhaseDatesInput input, string actor, CancellationToken cancellationToken = default)
    {
        if (YearProblem(year) is { } invalid)
            return invalid;
        var problems = new Problems();
        if (input.OpensOn is null)
            problems.Add("opensOn", T("Hãy nhập ngày bắt đầu (dd/MM/yyyy).", "Give the opening date (dd/MM/yyyy)."));
        else if (input.OpensOn.Value.Year < year || input.OpensOn.Value.Year > year + 2)
            problems.Add("opensOn", T($"Ngày bắt đầu {Date(input.OpensOn)} phải thuộc năm {year} đến {year + 2}.", $"The opening date {Date(input.OpensOn)} must fall in {year} to {year + 2}."));
        if (input.ClosesOn is null)
            problems.Add("closesOn", T("Hãy nhập ngày kết thúc (dd/MM/yyyy).", "Give the closing date (dd/MM/yyyy)."));
        else if (input.ClosesOn.Value.Year < year || input.ClosesOn.Value.Year > year + 2)
            problems.Add("closesOn", T($"Ngày kết thúc {Date(input.ClosesOn)} phải thuộc năm {year} đến {year + 2}.", $"The closing date {Date(input.ClosesOn)} must fall in {year} to {year + 2}."));
        else if (input.OpensOn is { } opens && input.ClosesOn < opens)
            problems.Add("closesOn", T($"Ngày kết thúc {Date(input.ClosesOn)} đứng trước ngày bắt đầu {Date(opens)}.", $"The closing date {Date(input.ClosesOn)} is before the opening date {Date(opens)}."));
        problems.AddIf(input.Reason?.Length > 2000, "reason", T("Lý do dài quá 2.000 ký tự.", "The reason is longer than 2,000 characters."));
        if (problems.Any)
            return problems;

        var phase = await db.CampaignPhases.FirstOrDefaultAsync(p => p.Year == year && p.Kind == kind, cancellationToken);
        if (Stale(phase, input.Stamp) is { } stale)
            return stale;
        if (phase is not null && phase.OpensOn == input.OpensOn && phase.ClosesOn == input.ClosesOn)
            return Outcome<PhaseView>.Ok(PhaseView.From(year, kind, phase, Today));
        if (phase is { State: not PhaseState.NotOpened } && string.IsNullOrWhiteSpace(input.Reason))
            return Problems.Of("reason", T(
                $"Giai đoạn {PhaseLabels.NameVi(kind)} đã được mở: hãy nêu lý do đổi ngày.",
                $"The {PhaseLabels.NameEn(kind)} phase has been opened: give the reason for changing its dates."));

        var old = phase is null ? null : Dates(phase.OpensOn, phase.ClosesOn);
        phase ??= db.CampaignPhases.Add(new CampaignPhase { Year = year, Kind = kind }).Entity;
        phase.OpensOn = input.OpensOn;
        phase.ClosesOn = input.ClosesOn;
        Touch(phase, actor, input.Reason);
        audit.Record(actor, "campaign.phase.dates-set", AuditEntityType, AuditKey(year, kind), old, Dates(phase.OpensOn, phase.ClosesOn), Trimmed(input.Reason));
        return await SaveAsync(phase, cancellationToken);
    }

    public async Task<Outcome<PhaseView>> OpenAsync(int year, CampaignPhaseKind kind, PhaseActionInput input, string actor, CancellationToken cancellationToken = default)
    {
        if (YearProblem(year) is { } invalid)
            return invalid;
        var phase = await db.CampaignPhases.FirstOrDefaultAsync(p => p.Year == year && p.Kind == kind, cancellationToken);
        if (Stale(phase, input.Stamp) is { } stale)
            return stale;
        var name = (Vi: PhaseLabels.NameVi(kind), En: PhaseLabels.NameEn(kind));
        if (phase?.OpensOn is null || phase.ClosesOn is null)
            return Problems.Of("closesOn", T(
                $"Hãy đặt ngày bắt đầu và ngày kết thúc của giai đoạn {name.Vi} năm {year} trước khi mở.",
                $"Set the opening and closing dates of the {name.En} phase of {year} before opening it."));
        if (phase.State == PhaseState.Open)
            return Outcome<PhaseView>.Clash(Problems.Of("state", T(
                $"Giai đoạn {name.Vi} năm {year} đã đang mở.", $"The {name.En} phase of {year} is already open.")));
        if (phase.ClosesOn < Today)
            return Problems.Of("closesOn", T(
                $"Ngày kết thúc {Date(phase.ClosesOn)} đã qua: hãy dời ngày kết thúc trước khi mở giai đoạn {name.Vi}.",
                $"The closing date {Date(phase.ClosesOn)} has passed: move it before opening the {name.En} phase."));
        var reopening = phase.State == PhaseState.Closed;
        if (reopening && string.IsNullOrWhiteSpace(input.Reason))
            return Problems.Of("reason", T(
                $"Giai đoạn {name.Vi} năm {year} đã đóng: hãy nêu lý do mở lại.",
                $"The {name.En} phase of {year} is closed: give the reason for reopening it."));
        if (input.Reason?.Length > 2000)
            return Problems.Of("reason", T("Lý do dài quá 2.000 ký tự.", "The reason is longer than 2,000 characters."));

        var old = phase.State.ToString();
        phase.State = PhaseState.Open;
        phase.OpenedAtUtc = clock.GetUtcNow().UtcDateTime;
        phase.OpenedBy = actor;
        Touch(phase, actor, input.Reason);
        audit.Record(actor, reopening ? "campaign.phase.reopened" : "campaign.phase.opened", AuditEntityType, AuditKey(year, kind),
            old, $"{PhaseState.Open} {Dates(phase.OpensOn, phase.ClosesOn)}", Trimmed(input.Reason));
        return await SaveAsync(phase, cancellationToken);
    }

    public async Task<Outcome<PhaseView>> CloseAsync(int year, CampaignPhaseKind kind, PhaseActionInput input, string actor, CancellationToken cancellationToken = default)
    {
        if (YearProblem(year) is { } invalid)
            return invalid;
        var phase = await db.CampaignPhases.FirstOrDefaultAsync(p => p.Year == year && p.Kind == kind, cancellationToken);
        if (Stale(phase, input.Stamp) is { } stale)
            return stale;
        var name = (Vi: PhaseLabels.NameVi(kind), En: PhaseLabels.NameEn(kind));
        if (phase is not { State: PhaseState.Open })
            return Outcome<PhaseView>.Clash(Problems.Of("state", phase?.State == PhaseState.Closed
                ? T($"Giai đoạn {name.Vi} năm {year} đã đóng.", $"The {name.En} phase of {year} is already closed.")
                : T($"Giai đoạn {name.Vi} năm {year} chưa mở nên không đóng được.", $"The {name.En} phase of {year} has not been opened, so it cannot be closed.")));
        if (input.Reason?.Length > 2000)
            return Problems.Of("reason", T("Lý do dài quá 2.000 ký tự.", "The reason is longer than 2,000 characters."));

        phase.State = PhaseState.Closed;
        phase.ClosedAtUtc = clock.GetUtcNow().UtcDateTime;
        phase.ClosedBy = actor;
        Touch(phase, actor, input.Reason);
        audit.Record(actor, "campaign.phase.closed", AuditEntityType, AuditKey(year, kind), PhaseState.Open.ToString(), PhaseState.Closed.ToString(), Trimmed(input.Reason));
        return await SaveAsync(phase, cancellationToken);
    }

    private void Touch(CampaignPhase phase, string actor, string? reason)
    {
        phase.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        phase.UpdatedBy = actor;
        phase.Reason = Trimmed(reason);
        phase.ConcurrencyStamp = Guid.NewGuid();
    }

    private static Outcome<PhaseView>? Stale(CampaignPhase? phase, Guid? expected) =>
        expected is { } stamp && phase is not null && phase.ConcurrencyStamp != stamp
            ? Outcome<PhaseView>.Clash(Problems.Of("stamp", T(
                $"Giai đoạn này vừa được {phase.UpdatedBy} thay đổi lúc {DateTimeLocal(phase.UpdatedAtUtc)}; hãy tải lại trang và làm lại.",
                $"This phase was just changed by {phase.UpdatedBy} at {DateTimeLocal(phase.UpdatedAtUtc)}; reload the page and try again.")))
            : (Outcome<PhaseView>?)null;

    private async Task<Outcome<PhaseView>> SaveAsync(CampaignPhase phase, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another administrator stored the same phase (unique year and kind) or changed it (stamp) meanwhile.
            db.ChangeTracker.Clear();
            return Outcome<PhaseView>.Clash(Problems.Of("stamp", T(
                "Giai đoạn này vừa được người khác thay đổi; hãy tải lại trang và làm lại.",
                "This phase was just changed by someone else; reload the page and try again.")));
        }
        return Outcome<PhaseView>.Ok(PhaseView.From(phase.Year, phase.Kind, phase, Today));
    }

    private static string Dates(DateOnly? opens, DateOnly? closes) => $"{Date(opens)} – {Date(closes)}";

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
