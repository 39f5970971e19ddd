namespace ParIndex.Core.Calendar;

/// <summary>The unit a procedure's processing time is stated in.</summary>
public enum DeadlineUnit : byte
{
    /// <summary>Ngày làm việc: only working days count (most procedures).</summary>
    WorkingDays,
    /// <summary>Ngày: every day counts, but a period ending on a non-working day ends on the next working day.</summary>
    CalendarDays,
    /// <summary>Giờ (làm việc): office hours count, from the moment of receipt.</summary>
    Hours,
}

/// <summary>
/// How a procedure's deadline is computed: its processing time and the rules around receipt.
/// One instance per procedure, reused for every dossier (it is immutable).
/// </summary>
public sealed record DeadlinePolicy
{
    /// <summary>The default cut-off: a dossier received after 15:00 counts from the next working day.</summary>
    public static readonly TimeOnly DefaultCutOff = new(15, 0);

    public DeadlinePolicy(int amount, DeadlineUnit unit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(amount);
        if (!Enum.IsDefined(unit))
            throw new ArgumentOutOfRangeException(nameof(unit), unit, "Unknown deadline unit.");
        Amount = amount;
        Unit = unit;
    }

    public static DeadlinePolicy WorkingDays(int amount) => new(amount, DeadlineUnit.WorkingDays);
    public static DeadlinePolicy CalendarDays(int amount) => new(amount, DeadlineUnit.CalendarDays);
    public static DeadlinePolicy Hours(int amount) => new(amount, DeadlineUnit.Hours);

    /// <summary>Processing time, in <see cref="Unit"/>s; 0 means "within the day of receipt".</summary>
    public int Amount { get; }
    public DeadlineUnit Unit { get; }

    /// <summary>
    /// The procedure counts a dossier received after <see cref="CutOff"/> as received on the next working
    /// day (certified copies, Decree 23/2015 art. 7; civil status, Law on Civil Status 2014). Stored per procedure.
    /// </summary>
    public bool CountsFromNextWorkingDayAfterCutOff { get; init; }

    /// <summary>The cut-off time; "after" is strict, so a dossier stamped 15:00:00 is on time for the day.</summary>
    public TimeOnly CutOff { get; init; } = DefaultCutOff;

    /// <summary>
    /// A dossier received outside office hours (an online filing at night, at the weekend, on a holiday) is
    /// treated as received when the office next opens. On by default (DOMAIN.md §6); a counter receipt always
    /// falls inside office hours, so the switch only matters for online and postal filings.
    /// </summary>
    public bool OutsideOfficeHoursCountsFromNextOpening { get; init; } = true;

    public OfficeHours OfficeHours { get; init; } = OfficeHours.Default;

    /// <summary>"3 ngày làm việc", "24 giờ làm việc", "15 ngày".</summary>
    public string DescribeVi() => Unit switch
    {
        DeadlineUnit.WorkingDays when Amount == 0 => "trong ngày",
        DeadlineUnit.WorkingDays => $"{Amount} ngày làm việc",
        DeadlineUnit.CalendarDays when Amount == 0 => "trong ngày",
        DeadlineUnit.CalendarDays => $"{Amount} ngày",
        _ => $"{Amount} giờ làm việc",
    };

    public string DescribeEn() => Unit switch
    {
        DeadlineUnit.WorkingDays when Amount == 0 => "same day",
        DeadlineUnit.WorkingDays => Amount == 1 ? "1 working day" : $"{Amount} working days",
        DeadlineUnit.CalendarDays when Amount == 0 => "same day",
        DeadlineUnit.CalendarDays => Amount == 1 ? "1 calendar day" : $"{Amount} calendar days",
        _ => Amount == 1 ? "1 office hour" : $"{Amount} office hours",
    };
}
