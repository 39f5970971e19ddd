using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ParIndex.Audit;
using ParIndex.Core.Calendar;
using VietnamTime = ParIndex.Core.Calendar.VietnamTime;
using ParIndex.Data;
using ParIndex.Web;
using static ParIndex.Web.Text;

namespace ParIndex.Calendar;

/// <summary>A notice as an administrator sends it: the fields of <see cref="YearNotice"/> (its JSON is accepted as is) and the reason for the change.</summary>
public sealed record NoticeInput
{
    public int? Year { get; init; }
    public IReadOnlyList<DateOnly>? TetDays { get; init; }
    public DateOnly? NationalDaySecondDay { get; init; }
    public IReadOnlyList<DaySwap>? Swaps { get; init; }
    public IReadOnlyList<ExtraDayOff>? ExtraDaysOff { get; init; }
    public string? Reference { get; init; }
    public string? Note { get; init; }

    /// <summary>Ignored: a notice an administrator enters is never derived.</summary>
    public bool? Derived { get; init; }

    /// <summary>Why the notice is entered or changed; recorded in the audit trail. Required.</summary>
    public string? Reason { get; init; }

    public static NoticeInput From(YearNotice notice, string? reason = null) => new()
    {
        Year = notice.Year,
        TetDays = notice.TetDays,
        NationalDaySecondDay = notice.NationalDaySecondDay,
        Swaps = notice.Swaps,
        ExtraDaysOff = notice.ExtraDaysOff,
        Reference = notice.Reference,
        Note = notice.Note,
        Reason = reason,
    };
}

/// <summary>The outcome of storing or deleting a notice.</summary>
/// <param name="ListenerFailures">Listeners that failed (the notice stays stored; the recomputation can be repeated).</param>
public sealed record NoticeChanged(CalendarYear Calendar, CalendarChange Change, IReadOnlyList<string> ListenerFailures, bool Unchanged = false);

/// <summary>
/// Administers the working calendar: a year's days off with their reasons, and the notices that fix them. Saving
/// or deleting a notice validates it (by its own rules and by building the calendar with it), stores it with an
/// audit entry (old → new JSON, the administrator, the reason), refreshes the shared calendar and then tells every
/// <see cref="ICalendarChangeListener"/> so that deadlines already computed are recomputed (ADR 0005).
/// Deadline questions (<see cref="ExplainAsync"/>) go through the same calendar.
/// </summary>
public sealed class CalendarService(
    AppDbContext db,
    AuditLog audit,
    WorkingCalendarProvider provider,
    IEnumerable<ICalendarChangeListener> listeners,
    TimeProvider clock,
    ILogger<CalendarService> logger)
{
    public const int FirstYear = WorkingCalendarProvider.FirstYear;
    public const int LastYear = WorkingCalendarProvider.LastYear;

    /// <summary>Processing times above this are refused rather than run off the end of the calendar.</summary>
    public const int MaxAmount = 10_000;

    private static readonly JsonSerializerOptions CompactJson = new(WorkingCalendarProvider.NoticeJson) { WriteIndented = false };

    public static bool Covers(int year) => year is >= FirstYear and <= LastYear;

    public static Problems YearProblem(int year, string field = "year") => Problems.Of(field,
        T($"Năm {year} nằm ngoài phạm vi của lịch ({FirstYear}–{LastYear}).", $"Year {year} is outside the calendar ({FirstYear}–{LastYear})."));

    public static string Serialize(YearNotice notice) => JsonSerializer.Serialize(notice, CompactJson);

    public async Task<Outcome<CalendarYear>> YearAsync(int year, CancellationToken cancellationToken = default)
    {
        if (!Covers(year))
            return YearProblem(year);
        var stored = await db.CalendarNotices.AsNoTracking().FirstOrDefaultAsync(n => n.Year == year, cancellationToken);
        var calendar = await provider.GetAsync(cancellationToken);
        return Outcome<CalendarYear>.Ok(Describe(calendar, year, stored));
    }

    private static CalendarYear Describe(WorkingCalendar calendar, int year, CalendarNotice? stored)
    {
        var notice = calendar.Notice(year);
        var status = stored is not null ? NoticeStatus.Stored
            : notice.Derived ? NoticeStatus.Derived
            : NoticeStatus.Documented;
        var nonWorking = calendar.NonWorkingDays(year);
        var workingDays = (DateTime.IsLeapYear(year) ? 366 : 365) - nonWorking.Count;
        return new CalendarYear(year, status, notice, nonWorking, calendar.WorkedWeekendDays(year), workingDays, stored?.UpdatedAtUtc, stored?.UpdatedBy);
    }

    /// <summary>
    /// Checks a notice for <paramref name="year"/> and turns it into a <see cref="YearNotice"/>. Problems are keyed by
    /// the JSON field ("tetDays", "nationalDaySecondDay", "swaps[0].workedDay", "extraDaysOff[1].reasonVi", "reason", …).
    /// </summary>
    public static Outcome<YearNotice> Parse(int year, NoticeInput input)
    {
        var problems = new Problems();
        if (!Covers(year))
            return YearProblem(year);
        if (input.Year is { } given && given != year)
            problems.Add("year", T($"Năm trong thông báo ({given}) khác năm được sửa ({year}).", $"The notice's year ({given}) is not the year being edited ({year})."));
        if (string.IsNullOrWhiteSpace(input.Reason))
            problems.Add("reason", T("Hãy ghi lý do thay đổi (được lưu vào nhật ký).", "Give a reason for the change (it is kept in the audit trail)."));
        else if (input.Reason.Length > 1000)
            problems.Add("reason", T("Lý do tối đa 1000 ký tự.", "The reason may have at most 1000 characters."));
        if (input.TetDays is null || input.TetDays.Count == 0)
            problems.Add("tetDays", T("Hãy nhập 5 ngày nghỉ Tết Âm lịch.", "Enter the five Lunar New Year days."));
        if (input.NationalDaySecondDay is null)
            problems.Add("nationalDaySecondDay", T($"Hãy chọn ngày nghỉ Quốc khánh thứ hai (01/09/{year} hoặc 03/09/{year}).", $"Choose the second National Day day (01/09/{year} or 03/09/{year})."));
        if (input.Reference is { Length: > 500 })
            problems.Add("reference", T("Số hiệu văn bản tối đa 500 ký tự.", "The reference may have at most 500 characters."));
        if (input.Note is { Length: > 4000 })
            problems.Add("note", T("Ghi chú tối đa 4000 ký tự.", "The note may have at most 4000 characters."));

        var swaps = (input.Swaps ?? []).Where(s => s is not null).ToList();
        var extras = new List<ExtraDayOff>();
        for (var i = 0; i < (input.ExtraDaysOff?.Count ?? 0); i++)
        {
            var extra = input.ExtraDaysOff![i];
            if (extra is null)
                continue;
            if (string.IsNullOrWhiteSpace(extra.ReasonVi))
                problems.Add($"extraDaysOff[{i}].reasonVi", T($"Hãy ghi lý do nghỉ ngày {Date(extra.Date)}.", $"Give the reason for the day off on {Date(extra.Date)}."));
            extras.Add(extra with
            {
                ReasonVi = extra.ReasonVi?.Trim() ?? "",
                // An English reason is optional: the Vietnamese one stands in for it rather than leaving the English page blank.
                ReasonEn = string.IsNullOrWhiteSpace(extra.ReasonEn) ? extra.ReasonVi?.Trim() ?? "" : extra.ReasonEn.Trim(),
                Reference = string.IsNullOrWhiteSpace(extra.Reference) ? null : extra.Reference.Trim(),
            });
        }
        if (problems.Any)
            return problems;

        var notice = new YearNotice
        {
            Year = year,
            TetDays = [.. input.TetDays!.Order()],
            NationalDaySecondDay = input.NationalDaySecondDay!.Value,
            Swaps = [.. swaps.Select(s => s with { Reference = string.IsNullOrWhiteSpace(s.Reference) ? null : s.Reference.Trim() })],
            ExtraDaysOff = extras,
            Reference = string.IsNullOrWhiteSpace(input.Reference) ? null : input.Reference.Trim(),
            Note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim(),
        };
        foreach (var error in notice.Validate())
            problems.Add(JsonField(error.Field), T(error.MessageVi, error.MessageEn));
        CheckClashes(notice, problems);
        return problems.Any ? problems : Outcome<YearNotice>.Ok(notice);
    }

    /// <summary>Days a notice names twice, or names as off/worked although the law already makes them holidays, with the field at fault.</summary>
    private static void CheckClashes(YearNotice notice, Problems problems)
    {
        IReadOnlyList<NonWorkingDay> holidays;
        try
        {
            holidays = HolidayRules.StatutoryHolidays(notice);
        }
        catch (ArgumentException)
        {
            return; // Validate() has reported what is wrong with the notice itself.
        }
        var holidayOn = holidays.GroupBy(h => h.Date).ToDictionary(g => g.Key, g => g.First());
        var seenOff = new Dictionary<DateOnly, string>();
        var seenWorked = new Dictionary<DateOnly, string>();
        for (var i = 0; i < notice.Swaps.Count; i++)
        {
            var swap = notice.Swaps[i];
            if (holidayOn.TryGetValue(swap.DayOff, out var h1))
                problems.Add($"swaps[{i}].dayOff", T($"Ngày nghỉ hoán đổi {Date(swap.DayOff)} đã là ngày nghỉ lễ: {h1.ReasonVi}.", $"The swapped day off {Date(swap.DayOff)} is already a holiday: {h1.ReasonEn}."));
            else if (!seenOff.TryAdd(swap.DayOff, $"swaps[{i}]"))
                problems.Add($"swaps[{i}].dayOff", T($"Ngày {Date(swap.DayOff)} đã được nêu ở {seenOff[swap.DayOff]}.", $"{Date(swap.DayOff)} is already given in {seenOff[swap.DayOff]}."));
            if (holidayOn.TryGetValue(swap.WorkedDay, out var h2))
                problems.Add($"swaps[{i}].workedDay", T($"Ngày làm bù {Date(swap.WorkedDay)} là ngày nghỉ lễ: {h2.ReasonVi}.", $"The day worked instead, {Date(swap.WorkedDay)}, is a holiday: {h2.ReasonEn}."));
            else if (!seenWorked.TryAdd(swap.WorkedDay, $"swaps[{i}]"))
                problems.Add($"swaps[{i}].workedDay", T($"Ngày làm bù {Date(swap.WorkedDay)} đã được dùng ở {seenWorked[swap.WorkedDay]}.", $"The worked day {Date(swap.WorkedDay)} is already used in {seenWorked[swap.WorkedDay]}."));
        }
        for (var i = 0; i < notice.ExtraDaysOff.Count; i++)
        {
            var extra = notice.ExtraDaysOff[i];
            if (holidayOn.TryGetValue(extra.Date, out var h))
                problems.Add($"extraDaysOff[{i}].date", T($"Ngày {Date(extra.Date)} đã là ngày nghỉ lễ: {h.ReasonVi}.", $"{Date(extra.Date)} is already a holiday: {h.ReasonEn}."));
            else if (seenWorked.ContainsKey(extra.Date))
                problems.Add($"extraDaysOff[{i}].date", T($"Ngày {Date(extra.Date)} là ngày làm bù ở {seenWorked[extra.Date]}.", $"{Date(extra.Date)} is a worked day in {seenWorked[extra.Date]}."));
            else if (!seenOff.TryAdd(extra.Date, $"extraDaysOff[{i}]"))
                problems.Add($"extraDaysOff[{i}].date", T($"Ngày {Date(extra.Date)} đã được nêu ở {seenOff[extra.Date]}.", $"{Date(extra.Date)} is already given in {seenOff[extra.Date]}."));
        }
    }

    private static string JsonField(string field) => field.Length == 0 ? field : char.ToLowerInvariant(field[0]) + field[1..];

    /// <summary>Stores the year's notice (replacing any stored one), audited, then refreshes the calendar and tells the listeners.</summary>
    public async Task<Outcome<NoticeChanged>> SaveNoticeAsync(int year, NoticeInput input, string actor, CancellationToken cancellationToken = default)
    {
        var parsed = Parse(year, input);
        if (!parsed.Succeeded)
            return parsed.Problems!;
        var notice = parsed.Value!;
        var json = Serialize(notice);

        var stored = await db.CalendarNotices.FirstOrDefaultAsync(n => n.Year == year, cancellationToken);
        var others = await StoredNoticesAsync(except: year, cancellationToken);
        var before = await provider.GetAsync(cancellationToken);
        if (stored is not null && stored.NoticeJson == json)
            return Outcome<NoticeChanged>.Ok(new NoticeChanged(Describe(before, year, stored), new CalendarChange(year, actor, input.Reason, []), [], Unchanged: true));

        WorkingCalendar after;
        try
        {
            after = WorkingCalendarProvider.Build(others.Append(notice));
        }
        catch (ArgumentException exception)
        {
            return Problems.Of("notice", T($"Thông báo mâu thuẫn với lịch: {exception.Message}", $"The notice contradicts the calendar: {exception.Message}"));
        }

        var old = Serialize(before.Notice(year));
        if (stored is null)
        {
            stored = new CalendarNotice { Year = year, NoticeJson = json };
            db.CalendarNotices.Add(stored);
        }
        stored.NoticeJson = json;
        stored.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        stored.UpdatedBy = actor;
        audit.Record(actor, "calendar.notice.saved", "calendar_notice", year.ToString(System.Globalization.CultureInfo.InvariantCulture), old, json, input.Reason!.Trim());
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return Outcome<NoticeChanged>.Clash(Problems.Of("year", T($"Thông báo năm {year} vừa được người khác lưu. Hãy tải lại trang và thử lại.", $"Someone else has just saved the {year} notice. Reload and try again.")));
        }
        return Outcome<NoticeChanged>.Ok(await AfterChangeAsync(year, actor, input.Reason.Trim(), before, after, stored, cancellationToken));
    }

    /// <summary>Deletes the stored notice of a year: the documented notice (or the one derived by rule) is in force again. Audited.</summary>
    public async Task<Outcome<NoticeChanged>> DeleteNoticeAsync(int year, string? reason, string actor, CancellationToken cancellationToken = default)
    {
        if (!Covers(year))
            return YearProblem(year);
        if (string.IsNullOrWhiteSpace(reason))
            return Problems.Of("reason", T("Hãy ghi lý do xóa (được lưu vào nhật ký).", "Give a reason for the deletion (it is kept in the audit trail)."));
        var stored = await db.CalendarNotices.FirstOrDefaultAsync(n => n.Year == year, cancellationToken);
        if (stored is null)
            return Outcome<NoticeChanged>.Missing();
        var others = await StoredNoticesAsync(except: year, cancellationToken);
        var before = await provider.GetAsync(cancellationToken);
        WorkingCalendar after;
        try
        {
            after = WorkingCalendarProvider.Build(others);
        }
        catch (ArgumentException exception)
        {
            return Problems.Of("notice", T($"Không thể quay về mặc định: {exception.Message}", $"The default cannot be restored: {exception.Message}"));
        }
        db.CalendarNotices.Remove(stored);
        audit.Record(actor, "calendar.notice.deleted", "calendar_notice", year.ToString(System.Globalization.CultureInfo.InvariantCulture), stored.NoticeJson, Serialize(after.Notice(year)), reason.Trim());
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<NoticeChanged>.Ok(await AfterChangeAsync(year, actor, reason.Trim(), before, after, null, cancellationToken));
    }

    /// <summary>
    /// Runs the listeners again for a year without changing anything (the repair path when a recomputation failed
    /// or was interrupted). Returns the failures, as <see cref="SaveNoticeAsync"/> does.
    /// </summary>
    public async Task<Outcome<IReadOnlyList<string>>> RecomputeAsync(int year, string actor, CancellationToken cancellationToken = default)
    {
        if (!Covers(year))
            return YearProblem(year);
        return Outcome<IReadOnlyList<string>>.Ok(await NotifyAsync(new CalendarChange(year, actor, null, [], Recompute: true), cancellationToken));
    }

    /// <summary>How many listeners are registered (the CLI says so when there are none).</summary>
    public int ListenerCount => listeners.Count();

    private async Task<NoticeChanged> AfterChangeAsync(int year, string actor, string reason, WorkingCalendar before, WorkingCalendar after, CalendarNotice? stored, CancellationToken cancellationToken)
    {
        provider.Invalidate();
        var change = new CalendarChange(year, actor, reason, ChangedDays(before, after, year));
        var failures = await NotifyAsync(change, cancellationToken);
        var current = await provider.GetAsync(cancellationToken);
        return new NoticeChanged(Describe(current, year, stored), change, failures);
    }

    private async Task<IReadOnlyList<string>> NotifyAsync(CalendarChange change, CancellationToken cancellationToken)
    {
        var failures = new List<string>();
        foreach (var listener in listeners)
        {
            try
            {
                await listener.OnNoticeChangedAsync(change, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The notice is committed; a failed recomputation must not undo it, nor hide. It is logged, reported
                // to the administrator and can be repeated with `parindex calendar recompute --year Y`.
                logger.LogError(exception, "Calendar listener {Listener} failed for the {Year} notice change.", listener.GetType().Name, change.Year);
                failures.Add(T($"{listener.GetType().Name}: {exception.Message}", $"{listener.GetType().Name}: {exception.Message}"));
            }
        }
        return failures;
    }

    /// <summary>Dates whose working status differs, over the year and the years either side (a swap may cross New Year).</summary>
    private static List<DateOnly> ChangedDays(WorkingCalendar before, WorkingCalendar after, int year)
    {
        var changed = new List<DateOnly>();
        var first = new DateOnly(Math.Max(FirstYear, year - 1), 1, 1);
        var last = new DateOnly(Math.Min(LastYear, year + 1), 12, 31);
        for (var day = first; day <= last; day = day.AddDays(1))
            if (before.IsWorkingDay(day) != after.IsWorkingDay(day))
                changed.Add(day);
        return changed;
    }

    private async Task<List<YearNotice>> StoredNoticesAsync(int except, CancellationToken cancellationToken)
    {
        var rows = await db.CalendarNotices.AsNoTracking().Where(n => n.Year != except).ToListAsync(cancellationToken);
        return [.. rows.Select(r => JsonSerializer.Deserialize<YearNotice>(r.NoticeJson, WorkingCalendarProvider.NoticeJson)!)];
    }

    /// <summary>
    /// The due instant of a dossier received at <paramref name="receivedAt"/> under <paramref name="policy"/>, with the
    /// steps that lead to it; refused (field "receivedAt" or "amount") when it falls outside the calendar.
    /// </summary>
    public async Task<Outcome<DeadlineExplanation>> ExplainAsync(DateTimeOffset receivedAt, DeadlinePolicy policy, CancellationToken cancellationToken = default)
    {
        var receivedYear = VietnamTime.LocalDate(receivedAt).Year;
        if (!Covers(receivedYear))
            return YearProblem(receivedYear, "receivedAt");
        if (policy.Amount > MaxAmount)
            return Problems.Of("amount", T($"Thời hạn tối đa {MaxAmount:N0}.", $"The processing time may be at most {MaxAmount:N0}."));
        var calendar = await provider.GetAsync(cancellationToken);
        try
        {
            return Outcome<DeadlineExplanation>.Ok(calendar.Explain(receivedAt, policy));
        }
        catch (ArgumentOutOfRangeException)
        {
            return Problems.Of("amount", T($"Hạn trả vượt quá phạm vi của lịch (hết năm {LastYear}).", $"The due date falls beyond the calendar (after {LastYear})."));
        }
    }
}
