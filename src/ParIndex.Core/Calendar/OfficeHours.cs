namespace ParIndex.Core.Calendar;

/// <summary>
/// The office's opening hours on a working day, in Vietnamese local time: a morning and an afternoon
/// session. Default 07:30–11:30 and 13:00–17:00 (eight hours); each city sets its own.
/// </summary>
public sealed record OfficeHours
{
    public static OfficeHours Default { get; } = new(new TimeOnly(7, 30), new TimeOnly(11, 30), new TimeOnly(13, 0), new TimeOnly(17, 0));

    public OfficeHours(TimeOnly morningStart, TimeOnly morningEnd, TimeOnly afternoonStart, TimeOnly afternoonEnd)
    {
        if (!(morningStart < morningEnd && morningEnd <= afternoonStart && afternoonStart < afternoonEnd))
            throw new ArgumentException($"Office hours must be two ordered, non-empty sessions; got {morningStart:HH:mm}–{morningEnd:HH:mm}, {afternoonStart:HH:mm}–{afternoonEnd:HH:mm}.");
        MorningStart = morningStart;
        MorningEnd = morningEnd;
        AfternoonStart = afternoonStart;
        AfternoonEnd = afternoonEnd;
        MorningStartTicks = morningStart.Ticks;
        MorningEndTicks = morningEnd.Ticks;
        AfternoonStartTicks = afternoonStart.Ticks;
        AfternoonEndTicks = afternoonEnd.Ticks;
        MorningLengthTicks = MorningEndTicks - MorningStartTicks;
        DayLengthTicks = MorningLengthTicks + AfternoonEndTicks - AfternoonStartTicks;
    }

    public TimeOnly MorningStart { get; }
    public TimeOnly MorningEnd { get; }
    public TimeOnly AfternoonStart { get; }
    public TimeOnly AfternoonEnd { get; }

    /// <summary>Office time in one working day.</summary>
    public TimeSpan Daily => TimeSpan.FromTicks(DayLengthTicks);

    // Ticks since midnight, precomputed for the deadline hot path.
    internal long MorningStartTicks { get; }
    internal long MorningEndTicks { get; }
    internal long AfternoonStartTicks { get; }
    internal long AfternoonEndTicks { get; }
    internal long MorningLengthTicks { get; }
    internal long DayLengthTicks { get; }

    internal bool IsOpenAt(long ticksOfDay) =>
        (ticksOfDay >= MorningStartTicks && ticksOfDay < MorningEndTicks)
        || (ticksOfDay >= AfternoonStartTicks && ticksOfDay < AfternoonEndTicks);

    /// <summary>Office time elapsed on a working day up to a time of day.</summary>
    internal long ElapsedAt(long ticksOfDay)
    {
        if (ticksOfDay <= MorningStartTicks) return 0;
        if (ticksOfDay <= MorningEndTicks) return ticksOfDay - MorningStartTicks;
        if (ticksOfDay <= AfternoonStartTicks) return MorningLengthTicks;
        if (ticksOfDay <= AfternoonEndTicks) return MorningLengthTicks + ticksOfDay - AfternoonStartTicks;
        return DayLengthTicks;
    }

    /// <summary>The time of day at which a given amount of office time has elapsed (0 &lt; elapsed ≤ a day's).</summary>
    internal long TimeAtElapsed(long elapsed) =>
        elapsed <= MorningLengthTicks ? MorningStartTicks + elapsed : AfternoonStartTicks + elapsed - MorningLengthTicks;
}
