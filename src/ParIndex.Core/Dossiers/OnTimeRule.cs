using ParIndex.Core.Calendar;

namespace ParIndex.Core.Dossiers;

/// <summary>A dossier's verdict under the 766 rule.</summary>
public enum DossierOutcome : byte
{
    /// <summary>No end event yet: judged at the end of each period it is open in (see <see cref="OnTimeRule.StatusAt"/>).</summary>
    Open = 0,
    OnTime = 1,
    Late = 2,
}

/// <summary>Why a dossier got its verdict; <see cref="OnTimeRule.Explain"/> writes it out.</summary>
public enum VerdictReason : byte
{
    Open = 0,
    /// <summary>Ended no later than the (possibly moved) due date.</summary>
    EndedByDue = 1,
    /// <summary>Ended after the (possibly moved) due date.</summary>
    EndedAfterDue = 2,
    /// <summary>More than one supplement request: late whatever the dates.</summary>
    MoreThanOneSupplement = 3,
    /// <summary>Ended while waiting for the citizen's supplement, which was requested by the due date: the clock had stopped in time.</summary>
    EndedWhileAwaitingSupplement = 4,
    /// <summary>Ended while waiting for a supplement that was requested only after the due date: already late when the clock stopped.</summary>
    SupplementRequestedAfterDue = 5,
}

/// <summary>Where a dossier stands at the end of a period (a month, quarter or year).</summary>
public enum PeriodStatus : byte
{
    /// <summary>Received after the day judged.</summary>
    NotReceived,
    OnTime,
    Late,
    /// <summary>Open, and the due date has not passed: not judged yet.</summary>
    OpenWithinDeadline,
    /// <summary>Open and past its due date (or asked for a second supplement): counts as late for the period.</summary>
    OpenOverdue,
}

/// <summary>
/// Everything the 766 rule concluded about one dossier. A value type without text, so that the importer can judge
/// millions of dossiers without allocating; <see cref="OnTimeRule.Explain"/> turns it into sentences.
/// </summary>
public readonly record struct DossierJudgement
{
    public DossierOutcome Outcome { get; init; }
    public VerdictReason Reason { get; init; }

    /// <summary>The event that ended processing (see <see cref="OnTimeRule.EndPriority"/>), if any.</summary>
    public DossierEventKind? EndKind { get; init; }
    public DateTimeOffset? EndedAt { get; init; }

    /// <summary>The due instant before any pause: the promised date, or the one computed from the procedure.</summary>
    public DateTimeOffset Due { get; init; }

    /// <summary>The due instant after the single supplement's waiting time was added.</summary>
    public DateTimeOffset EffectiveDue { get; init; }

    /// <summary>The unit of the procedure's processing time.</summary>
    public DeadlineUnit Unit { get; init; }

    /// <summary>True for procedures counted in hours (instants are compared); otherwise dates are compared.</summary>
    public bool ComparesInstants => Unit == DeadlineUnit.Hours;

    public int SupplementRequests { get; init; }
    public DateTimeOffset? FirstSupplementRequest { get; init; }
    public DateTimeOffset? SecondSupplementRequest { get; init; }

    /// <summary>When the citizen supplied the papers for the first request, if that happened before the end.</summary>
    public DateTimeOffset? SupplementCompleted { get; init; }

    /// <summary>The waiting time added to the due date: working days (calendar days for calendar-day procedures).</summary>
    public int PausedDays { get; init; }

    /// <summary>A supplement was requested and not received before the end (or up to now, while open): the clock stopped at the request.</summary>
    public bool AwaitingSupplement { get; init; }

    /// <summary>
    /// The first day at whose end the dossier, if still open, counts as late; null when it never would (it waits for a
    /// supplement requested in time). Periods compare their last day (or today, for the running period) with it.
    /// </summary>
    public DateOnly? OverdueFrom { get; init; }

    /// <summary>
    /// Working days from the day of receipt to the day processing ended, waiting for the supplement excluded; for
    /// dossiers ended by a result (done or returned). The day of receipt is not counted, as for deadlines.
    /// </summary>
    public int? ProcessingDays { get; init; }

    public bool IsOpen => Outcome == DossierOutcome.Open;
}

/// <summary>One sentence of an explanation, in Vietnamese and English.</summary>
public sealed record VerdictLine(string Vi, string En)
{
    public string Text(Language language) => language == Language.En ? En : Vi;
}

/// <summary>
/// The on-time rule of Decision 766/QĐ-TTg (DOMAIN.md §6) as ParIndex reads it:
/// <list type="number">
/// <item>The end of processing is the first terminal event in the priority processing done → result returned →
///   stopped → refused → withdrawn: a dossier with a "done" event ends when processing was done even if the result
///   was handed over later; one with only a "returned" event ends when it was returned; and so on. Among several
///   events of the chosen kind the earliest counts.</item>
/// <item>On time when the end is no later than the due date: the promised return date on the receipt (ngày hẹn trả),
///   or, when none was given, the date computed from the procedure (<see cref="WorkingCalendar.ComputeDue"/>). Dates
///   are compared (Vietnamese local dates), except for procedures counted in hours, whose instants are compared.</item>
/// <item>One supplement request pauses the clock: the working days from the request (exclusive) to the supplement
///   (inclusive) are added to the due date (calendar days for calendar-day procedures). If the supplement never
///   arrives before the end, the clock stayed stopped: the dossier is on time exactly when the request was made by the
///   due date.</item>
/// <item>More than one supplement request: late.</item>
/// <item>An open dossier is judged at the end of each period: late (overdue) when the period's last day is past its
///   due date, or after a second supplement request; otherwise not judged yet (<see cref="StatusAt"/>).</item>
/// </list>
/// </summary>
public static class OnTimeRule
{
    /// <summary>The terminal events in the order the end of processing is taken from.</summary>
    public static readonly DossierEventKind[] EndPriority =
    [
        DossierEventKind.ProcessingDone, DossierEventKind.ResultReturned, DossierEventKind.Stopped,
        DossierEventKind.Refused, DossierEventKind.Withdrawn,
    ];

    private static int EndRank(DossierEventKind kind) => kind switch
    {
        DossierEventKind.ProcessingDone => 0,
        DossierEventKind.ResultReturned => 1,
        DossierEventKind.Stopped => 2,
        DossierEventKind.Refused => 3,
        DossierEventKind.Withdrawn => 4,
        _ => int.MaxValue,
    };

    /// <summary>
    /// Judges a dossier. <paramref name="events"/> must be normalised (<see cref="DossierTimeline.Normalize"/>) and
    /// valid (<see cref="DossierTimeline.Validate"/>). Allocation-free.
    /// </summary>
    public static DossierJudgement Judge(DateTimeOffset receivedAt, DateTimeOffset due, DeadlineUnit unit, ReadOnlySpan<DossierEvent> events, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        int requests = 0;
        DateTimeOffset firstRequest = default, secondRequest = default;
        DateTimeOffset? completed = null;
        int endRank = int.MaxValue;
        DateTimeOffset endAt = default;
        DossierEventKind endKind = default;
        foreach (var e in events)
        {
            switch (e.Kind)
            {
                case DossierEventKind.SupplementRequested:
                    requests++;
                    if (requests == 1)
                        firstRequest = e.At;
                    else if (requests == 2)
                        secondRequest = e.At;
                    break;
                case DossierEventKind.SupplementCompleted:
                    if (requests == 1 && completed is null && e.At >= firstRequest)
                        completed = e.At;
                    break;
                default:
                    int rank = EndRank(e.Kind);
                    if (rank < endRank)
                    {
                        endRank = rank;
                        endAt = e.At;
                        endKind = e.Kind;
                    }
                    break;
            }
        }

        bool ended = endRank != int.MaxValue;
        bool instants = unit == DeadlineUnit.Hours;
        var dueDate = VietnamTime.LocalDate(due);
        bool awaiting = false;
        int paused = 0;
        var effectiveDue = due;
        if (requests >= 1)
        {
            if (completed is { } c && (!ended || c <= endAt))
            {
                paused = PauseLength(firstRequest, c, unit, calendar);
                effectiveDue = Shift(due, paused, unit, calendar);
            }
            else
            {
                completed = null;
                awaiting = requests == 1;
            }
        }
        var effectiveDueDate = VietnamTime.LocalDate(effectiveDue);

        bool requestInTime = requests >= 1 && (instants ? firstRequest <= due : VietnamTime.LocalDate(firstRequest) <= dueDate);

        // When, if still open, the dossier counts as late.
        DateOnly? overdueFrom = instants ? effectiveDueDate : effectiveDueDate.AddDays(1);
        if (awaiting)
            overdueFrom = requestInTime ? null : (instants ? dueDate : dueDate.AddDays(1));
        if (requests > 1)
        {
            var second = VietnamTime.LocalDate(secondRequest);
            overdueFrom = overdueFrom is { } o && o < second ? o : second;
        }

        var outcome = DossierOutcome.Open;
        var reason = VerdictReason.Open;
        int? processingDays = null;
        if (ended)
        {
            if (requests > 1)
                (outcome, reason) = (DossierOutcome.Late, VerdictReason.MoreThanOneSupplement);
            else if (awaiting)
                (outcome, reason) = requestInTime
                    ? (DossierOutcome.OnTime, VerdictReason.EndedWhileAwaitingSupplement)
                    : (DossierOutcome.Late, VerdictReason.SupplementRequestedAfterDue);
            else
            {
                bool onTime = instants ? endAt <= effectiveDue : VietnamTime.LocalDate(endAt) <= effectiveDueDate;
                (outcome, reason) = onTime ? (DossierOutcome.OnTime, VerdictReason.EndedByDue) : (DossierOutcome.Late, VerdictReason.EndedAfterDue);
            }
            if (endKind is DossierEventKind.ProcessingDone or DossierEventKind.ResultReturned)
            {
                var receivedOn = VietnamTime.LocalDate(receivedAt);
                var endedOn = VietnamTime.LocalDate(endAt);
                int days = calendar.CountWorkingDays(receivedOn, endedOn);
                if (completed is { } c2)
                    days -= calendar.CountWorkingDays(VietnamTime.LocalDate(firstRequest), VietnamTime.LocalDate(c2));
                else if (awaiting)
                    days -= calendar.CountWorkingDays(VietnamTime.LocalDate(firstRequest), endedOn);
                processingDays = Math.Max(0, days);
            }
        }

        return new DossierJudgement
        {
            Outcome = outcome,
            Reason = reason,
            EndKind = ended ? endKind : null,
            EndedAt = ended ? endAt : null,
            Due = due,
            EffectiveDue = effectiveDue,
            Unit = unit,
            SupplementRequests = requests,
            FirstSupplementRequest = requests >= 1 ? firstRequest : null,
            SecondSupplementRequest = requests >= 2 ? secondRequest : null,
            SupplementCompleted = completed,
            PausedDays = paused,
            AwaitingSupplement = awaiting,
            OverdueFrom = overdueFrom,
            ProcessingDays = processingDays,
        };
    }

    /// <summary>Waiting time between a request and the supplement: working days in (request, supplement]; calendar days for calendar-day procedures.</summary>
    private static int PauseLength(DateTimeOffset requested, DateTimeOffset completed, DeadlineUnit unit, WorkingCalendar calendar)
    {
        var from = VietnamTime.LocalDate(requested);
        var to = VietnamTime.LocalDate(completed);
        return unit == DeadlineUnit.CalendarDays ? to.DayNumber - from.DayNumber : calendar.CountWorkingDays(from, to);
    }

    /// <summary>Moves a due instant by a pause: working days (same time of day), or calendar days ending on a working day.</summary>
    private static DateTimeOffset Shift(DateTimeOffset due, int days, DeadlineUnit unit, WorkingCalendar calendar)
    {
        if (days == 0)
            return due;
        var local = VietnamTime.ToLocal(due);
        var date = DateOnly.FromDateTime(local.DateTime);
        DateOnly moved;
        if (unit == DeadlineUnit.CalendarDays)
        {
            moved = date.AddDays(days);
            if (!calendar.IsWorkingDay(moved))
                moved = calendar.NextWorkingDay(moved);
        }
        else
        {
            moved = calendar.AddWorkingDays(date, days);
        }
        return VietnamTime.At(moved, TimeOnly.FromTimeSpan(local.TimeOfDay));
    }

    /// <summary>Where the dossier stands at the end of <paramref name="asOf"/> (a period's last day, or today for the running period).</summary>
    public static PeriodStatus StatusAt(in DossierJudgement judgement, DateTimeOffset receivedAt, DateOnly asOf)
    {
        if (VietnamTime.LocalDate(receivedAt) > asOf)
            return PeriodStatus.NotReceived;
        if (judgement.EndedAt is { } end && VietnamTime.LocalDate(end) <= asOf)
            return judgement.Outcome == DossierOutcome.OnTime ? PeriodStatus.OnTime : PeriodStatus.Late;
        return judgement.OverdueFrom is { } overdue && overdue <= asOf ? PeriodStatus.OpenOverdue : PeriodStatus.OpenWithinDeadline;
    }

    /// <summary>
    /// The verdict in sentences: the due date and where it came from, the supplements, the end and the verdict; for an
    /// open dossier, its standing at <paramref name="asOf"/> when given.
    /// </summary>
    public static IReadOnlyList<VerdictLine> Explain(in DossierJudgement judgement, bool promised, DateOnly? asOf = null)
    {
        var j = judgement;
        var lines = new List<VerdictLine>(4);
        bool instants = j.ComparesInstants;
        string Due(DateTimeOffset instant) => instants ? DossierText.Stamp(instant) : DossierText.Date(VietnamTime.LocalDate(instant));

        lines.Add(promised
            ? new($"Ngày hẹn trả ghi trên phiếu tiếp nhận: {Due(j.Due)}.", $"Return date promised on the receipt: {Due(j.Due)}.")
            : new($"Không có ngày hẹn trả: hạn trả tính theo thời hạn giải quyết của thủ tục là {Due(j.Due)}.",
                $"No promised return date: the due date computed from the procedure's processing time is {Due(j.Due)}."));

        if (j.SupplementRequests > 1)
        {
            lines.Add(new(
                $"Yêu cầu bổ sung hồ sơ {j.SupplementRequests} lần (lần đầu {DossierText.Stamp(j.FirstSupplementRequest!.Value)}, lần hai {DossierText.Stamp(j.SecondSupplementRequest!.Value)}): theo Quyết định 766, yêu cầu bổ sung quá một lần tính là trễ hạn.",
                $"Supplement requested {j.SupplementRequests} times (first {DossierText.Stamp(j.FirstSupplementRequest!.Value)}, second {DossierText.Stamp(j.SecondSupplementRequest!.Value)}): under Decision 766, more than one supplement request counts as late."));
        }
        else if (j.SupplementRequests == 1)
        {
            var request = DossierText.Stamp(j.FirstSupplementRequest!.Value);
            if (j.SupplementCompleted is { } completed)
            {
                var (unitVi, unitEn) = j.Unit == DeadlineUnit.CalendarDays ? ("ngày", "day(s)") : ("ngày làm việc", "working day(s)");
                lines.Add(j.PausedDays == 0
                    ? new($"Yêu cầu bổ sung lúc {request}, đã bổ sung lúc {DossierText.Stamp(completed)} trong cùng ngày: hạn trả không đổi.",
                        $"Supplement requested at {request} and received at {DossierText.Stamp(completed)} the same day: the due date stays.")
                    : new($"Yêu cầu bổ sung lúc {request}, đã bổ sung lúc {DossierText.Stamp(completed)}: {j.PausedDays} {unitVi} chờ bổ sung không tính, hạn trả lùi đến {Due(j.EffectiveDue)}.",
                        $"Supplement requested at {request} and received at {DossierText.Stamp(completed)}: the {j.PausedDays} {unitEn} of waiting are not counted, so the due date moves to {Due(j.EffectiveDue)}."));
            }
            else
            {
                lines.Add(new(
                    $"Yêu cầu bổ sung lúc {request}, công dân chưa bổ sung{(j.EndedAt is null ? "" : " trước khi hồ sơ kết thúc")}: thời gian chờ không tính, thời hạn dừng từ lúc yêu cầu.",
                    $"Supplement requested at {request} and not received{(j.EndedAt is null ? "" : " before the dossier ended")}: the waiting time is not counted; the clock stopped at the request."));
            }
        }

        if (j.EndedAt is { } end)
        {
            var endVi = $"{DossierEvent.NameVi(j.EndKind!.Value)} lúc {DossierText.Stamp(end)}";
            var endEn = $"{DossierEvent.NameEn(j.EndKind!.Value)} at {DossierText.Stamp(end)}";
            lines.Add(j.Reason switch
            {
                VerdictReason.EndedByDue => new($"{endVi}, không muộn hơn hạn trả {Due(j.EffectiveDue)}: đúng hạn.", $"{endEn}, no later than the due date {Due(j.EffectiveDue)}: on time."),
                VerdictReason.EndedAfterDue => new($"{endVi}, sau hạn trả {Due(j.EffectiveDue)}: trễ hạn.", $"{endEn}, after the due date {Due(j.EffectiveDue)}: late."),
                VerdictReason.MoreThanOneSupplement => new($"{endVi}: trễ hạn (yêu cầu bổ sung quá một lần).", $"{endEn}: late (more than one supplement request)."),
                VerdictReason.EndedWhileAwaitingSupplement => new($"{endVi}, khi đang chờ bổ sung; yêu cầu bổ sung gửi không muộn hơn hạn trả {Due(j.Due)}: đúng hạn.",
                    $"{endEn}, while waiting for the supplement, which was requested no later than the due date {Due(j.Due)}: on time."),
                _ => new($"{endVi}, khi đang chờ bổ sung; nhưng yêu cầu bổ sung gửi sau hạn trả {Due(j.Due)}: trễ hạn.",
                    $"{endEn}, while waiting for the supplement, which was requested only after the due date {Due(j.Due)}: late."),
            });
        }
        else if (asOf is { } day)
        {
            var overdue = j.OverdueFrom is { } o && o <= day;
            lines.Add(overdue
                ? new($"Đến hết ngày {DossierText.Date(day)} hồ sơ chưa kết thúc và đã quá hạn: tính là trễ hạn trong kỳ.",
                    $"At the end of {DossierText.Date(day)} the dossier is still open and overdue: it counts as late for the period.")
                : new($"Đến hết ngày {DossierText.Date(day)} hồ sơ chưa kết thúc, chưa quá hạn: chưa đánh giá.",
                    $"At the end of {DossierText.Date(day)} the dossier is still open and not overdue: not judged yet."));
        }
        else
        {
            lines.Add(new("Hồ sơ chưa kết thúc.", "The dossier is still open."));
        }
        return lines;
    }
}
