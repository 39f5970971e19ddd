using System.Runtime.CompilerServices;

namespace ParIndex.Core.Calendar;

/// <summary>
/// Deadline computation for a dossier (ngày hẹn trả). The rules, with the law behind them:
/// <list type="bullet">
/// <item>Receipt outside office hours (optional, on by default) is treated as receipt at the next opening:
///   before the morning session → its start; in the lunch break → the afternoon start; after closing, on a
///   weekend or holiday → the next working day's opening.</item>
/// <item>Receipt after the procedure's cut-off (optional, 15:00) → the next working day's opening.</item>
/// <item>A period in days does not count the day of receipt (Civil Code 2015 art. 147(1)): working days are
///   counted from the next one; 0 days means within the day of receipt.</item>
/// <item>Calendar days: the period ends on day receipt + n; when that is a non-working day it ends on the next
///   working day (art. 148(3)).</item>
/// <item>Days periods end at the close of office hours (17:00 by default) of their last day, not at 24:00 as the
///   Civil Code's general rule has it: a result is returned during office hours, and the 766 on-time test
///   compares dates anyway (take <see cref="VietnamTime.LocalDate"/> of the due instant).</item>
/// <item>Hours: office hours are counted from the (treated) moment of receipt (art. 147(2): a period in hours
///   starts at the stated moment). 8 office hours from 10:00 Monday end at 10:00 Tuesday; a count that ends
///   exactly at closing time ends at closing time, not at the next opening.</item>
/// </list>
/// The due instant is returned at +07:00.
/// </summary>
public sealed partial class WorkingCalendar
{
    /// <summary>
    /// The due instant of a dossier received at <paramref name="receivedAt"/> under <paramref name="policy"/>.
    /// Constant time and allocation-free (the hot path for recomputing millions of dossiers);
    /// <see cref="Explain"/> gives the same answer with the reasoning.
    /// </summary>
    public DateTimeOffset ComputeDue(DateTimeOffset receivedAt, DeadlinePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var r = Resolve(receivedAt, policy);
        return Instant(r.DueIndex, r.DueTime);
    }

    private enum StartShift : byte
    {
        None,
        /// <summary>Received before opening or in the lunch break of a working day: counted from the next session.</summary>
        NextSession,
        /// <summary>Received after closing or on a non-working day: counted from the next working day.</summary>
        NextWorkingDay,
    }

    /// <summary>Every intermediate result of a deadline computation, as day indexes into the tables and ticks of the day.</summary>
    private readonly record struct Resolution(
        int ReceivedIndex,
        long ReceivedTime,
        StartShift Shift,
        bool AfterCutOff,
        int StartIndex,
        long StartTime,
        int NominalIndex,
        int DueIndex,
        long DueTime);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Resolution Resolve(DateTimeOffset receivedAt, DeadlinePolicy policy)
    {
        var hours = policy.OfficeHours;
        long local = receivedAt.UtcTicks + VietnamTime.OffsetTicks;
        int dayNumber = (int)(local / TimeSpan.TicksPerDay);
        long time = local - dayNumber * TimeSpan.TicksPerDay;
        int received = dayNumber - _firstDayNumber;
        if ((uint)received >= (uint)_dayCount)
            ThrowOutOfRange(DateOnly.FromDayNumber(dayNumber));

        int start = received;
        long startTime = time;
        var shift = StartShift.None;
        if (policy.OutsideOfficeHoursCountsFromNextOpening && !(IsWorkingIndex(received) && hours.IsOpenAt(time)))
        {
            if (IsWorkingIndex(received) && time < hours.MorningStartTicks)
            {
                startTime = hours.MorningStartTicks;
                shift = StartShift.NextSession;
            }
            else if (IsWorkingIndex(received) && time >= hours.MorningEndTicks && time < hours.AfternoonStartTicks)
            {
                startTime = hours.AfternoonStartTicks;
                shift = StartShift.NextSession;
            }
            else
            {
                start = WorkingDayAt(_prefix[received + 1]);
                startTime = hours.MorningStartTicks;
                shift = StartShift.NextWorkingDay;
            }
        }

        bool afterCutOff = policy.CountsFromNextWorkingDayAfterCutOff && startTime > policy.CutOff.Ticks;
        if (afterCutOff)
        {
            start = WorkingDayAt(_prefix[start + 1]);
            startTime = hours.MorningStartTicks;
        }

        int amount = policy.Amount;
        int nominal, due;
        long dueTime = hours.AfternoonEndTicks;
        switch (policy.Unit)
        {
            case DeadlineUnit.WorkingDays:
                nominal = due = amount == 0 ? WorkingDayAt(_prefix[start]) : WorkingDayAt(_prefix[start + 1] + amount - 1);
                break;
            case DeadlineUnit.CalendarDays:
                nominal = start + amount;
                if (nominal >= _dayCount)
                    ThrowBeyondRange();
                due = WorkingDayAt(_prefix[nominal]);
                break;
            default:
                if (!IsWorkingIndex(start))
                {
                    start = WorkingDayAt(_prefix[start]);
                    startTime = hours.MorningStartTicks;
                }
                long total = hours.ElapsedAt(startTime) + amount * TimeSpan.TicksPerHour;
                if (amount == 0)
                {
                    // Nothing to count: due at the (treated) moment of receipt. Counting zero office time
                    // would map 13:00 back to 11:30, the same amount of elapsed office time.
                    due = start;
                    dueTime = startTime;
                }
                else
                {
                    // A count ending exactly at closing time stays on that day: hence (total - 1) / day.
                    long days = (total - 1) / hours.DayLengthTicks;
                    long rest = total - days * hours.DayLengthTicks;
                    if (days > int.MaxValue / 2)
                        ThrowBeyondRange();
                    due = days == 0 ? start : WorkingDayAt(_prefix[start + 1] + (int)days - 1);
                    dueTime = hours.TimeAtElapsed(rest);
                }
                nominal = due;
                break;
        }
        return new Resolution(received, time, shift, afterCutOff, start, startTime, nominal, due, dueTime);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private DateTimeOffset Instant(int index, long timeOfDay) =>
        new((_firstDayNumber + index) * TimeSpan.TicksPerDay + timeOfDay, VietnamTime.Offset);

    private DateOnly DateAt(int index) => DateOnly.FromDayNumber(_firstDayNumber + index);
}
