namespace ParIndex.Calendar;

/// <summary>
/// Told after a year's notice was stored or deleted, so that anything computed from the old calendar (the
/// promised return dates of dossiers above all) is recomputed; see docs/decisions/0005-calendar-changes-recompute-deadlines.md.
/// Register with <c>AddScoped&lt;ICalendarChangeListener, …&gt;()</c>; <see cref="CalendarService"/> calls every
/// registered listener, in registration order, in the scope of the change, after the notice and its audit entry
/// are committed and the shared <see cref="WorkingCalendarProvider"/> already answers with the new calendar.
/// A listener must be idempotent: a failed run is reported to the administrator and can be repeated with
/// <c>parindex calendar recompute --year Y</c>.
/// </summary>
public interface ICalendarChangeListener
{
    Task OnNoticeChangedAsync(int year, string actor, CancellationToken cancellationToken);

    /// <summary>
    /// The same call with what changed: the reason and the dates whose working status differs between the old and
    /// the new calendar. Override it to recompute only the deadlines that can move (see <see cref="CalendarChange.CanMove"/>).
    /// </summary>
    Task OnNoticeChangedAsync(CalendarChange change, CancellationToken cancellationToken) =>
        OnNoticeChangedAsync(change.Year, change.Actor, cancellationToken);
}

/// <summary>A change of a year's notice as listeners see it.</summary>
/// <param name="Year">The notice's year.</param>
/// <param name="Actor">Who changed it (the audit name).</param>
/// <param name="Reason">Why, as the administrator wrote it.</param>
/// <param name="ChangedDays">
/// Dates (in the notice's year and the years either side, since a swap may cross New Year) that were working days
/// and are now off, or the reverse; empty when the change moved no day (a new reference or note, or a recompute
/// requested by hand with <see cref="Recompute"/> set).
/// </param>
/// <param name="Recompute">True when nothing changed and an operator asked for the recomputation again.</param>
public sealed record CalendarChange(int Year, string Actor, string? Reason, IReadOnlyList<DateOnly> ChangedDays, bool Recompute = false)
{
    public DateOnly? FirstChangedDay => ChangedDays.Count == 0 ? null : ChangedDays[0];
    public DateOnly? LastChangedDay => ChangedDays.Count == 0 ? null : ChangedDays[^1];

    /// <summary>
    /// Whether a deadline counted from <paramref name="receivedOn"/> that ended on <paramref name="dueOn"/> under the
    /// old calendar can end elsewhere under the new one. A deadline reads only the days from its receipt to its due
    /// date, so it can move only when one of them changed. Dates are Vietnamese local dates
    /// (<see cref="Core.Calendar.VietnamTime.LocalDate"/>). Always true for a hand-requested recompute.
    /// </summary>
    public bool CanMove(DateOnly receivedOn, DateOnly dueOn)
    {
        if (Recompute)
            return true;
        if (ChangedDays.Count == 0)
            return false;
        var last = dueOn < receivedOn ? receivedOn : dueOn;
        // The first changed day on or after the receipt; the deadline can move when it is no later than the due date.
        var index = BinarySearch(receivedOn);
        return index < ChangedDays.Count && ChangedDays[index] <= last;
    }

    private int BinarySearch(DateOnly date)
    {
        int low = 0, high = ChangedDays.Count;
        while (low < high)
        {
            var mid = (low + high) / 2;
            if (ChangedDays[mid] < date)
                low = mid + 1;
            else
                high = mid;
        }
        return low;
    }
}
