namespace ParIndex.Dossiers.Stats;

/// <summary>
/// Dossiers received in a month, by unit and procedure: the sums the "received" indicators read
/// (docs/decisions/0010-dossier-monthly-statistics.md). Kept by <see cref="DossierStatsDelta"/>, never edited by hand.
/// </summary>
public sealed class DossierReceivedStat
{
    public int ReceivedMonth { get; set; }
    public int UnitId { get; set; }
    public int ProcedureId { get; set; }
    public long Received { get; set; }
    public long Online { get; set; }
    public long Postal { get; set; }
    public long EndToEnd { get; set; }
    public long Digitised { get; set; }
    public long FeeBearing { get; set; }
    public long PaidOnline { get; set; }
    public long WithPromise { get; set; }
}

/// <summary>Dossiers ended in a month, by unit: the sums the "resolved" indicators read.</summary>
public sealed class DossierEndedStat
{
    public int EndMonth { get; set; }
    public int UnitId { get; set; }
    public long Resolved { get; set; }
    public long OnTime { get; set; }
    public long Late { get; set; }
    public long LateWithApology { get; set; }
    /// <summary>Ended dossiers with processing days (ended by a result): the average's denominator.</summary>
    public long WithResult { get; set; }
    public long ProcessingDays { get; set; }
    public long ElectronicResults { get; set; }
    public long Rated { get; set; }
    public long NotSatisfied { get; set; }
}

/// <summary>
/// Dossiers that stayed open over at least one month-end, by how many (<see cref="Dossier.OpenSpan"/>), month of
/// receipt, unit and first overdue day: enough to count, for any period, those open at its end and those of them
/// overdue on the day they are judged.
/// </summary>
public sealed class DossierOpenStat
{
    public short OpenSpan { get; set; }
    public int ReceivedMonth { get; set; }
    public int UnitId { get; set; }
    /// <summary>The dossier's <see cref="Dossier.OverdueFrom"/>, or <see cref="NeverOverdue"/> (a key column cannot be null).</summary>
    public DateOnly OverdueFrom { get; set; }
    public long Pending { get; set; }
    public long WithApology { get; set; }

    public static readonly DateOnly NeverOverdue = new(9999, 12, 31);
}
