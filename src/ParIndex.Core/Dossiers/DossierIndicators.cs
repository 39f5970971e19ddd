using ParIndex.Core.Frameworks;

namespace ParIndex.Core.Dossiers;

/// <summary>
/// The sums a period's indicators are computed from, for one unit or the city. The app fills them with SQL
/// aggregation over the stored dossiers (three sets: received in the period, ended in the period, open at its end).
/// </summary>
public sealed record DossierCounts
{
    // Received in the period.
    public long Received { get; init; }
    public long ReceivedOnline { get; init; }
    public long ReceivedPostal { get; init; }
    public long ReceivedEndToEnd { get; init; }
    public long ReceivedDigitised { get; init; }
    /// <summary>Received dossiers whose procedure charges a fee or charge.</summary>
    public long ReceivedFeeBearing { get; init; }
    public long ReceivedPaidOnline { get; init; }
    /// <summary>Received dossiers whose receipt states a return date (ngày hẹn trả).</summary>
    public long ReceivedWithPromise { get; init; }

    // Ended in the period.
    public long Resolved { get; init; }
    public long ResolvedOnTime { get; init; }
    public long ResolvedLate { get; init; }
    public long ResolvedLateWithApology { get; init; }
    /// <summary>Ended by a result (processing done or returned), the dossiers the average processing time is over.</summary>
    public long ResolvedWithResult { get; init; }
    public long ProcessingDaysTotal { get; init; }
    public long ElectronicResults { get; init; }
    public long Rated { get; init; }
    public long NotSatisfied { get; init; }

    // Open at the period's end (or today, while the period runs).
    public long Pending { get; init; }
    public long Overdue { get; init; }
    public long OverdueWithApology { get; init; }

    // Distinct procedures of the dossiers received, and how many of them are offered online.
    public long ProceduresUsed { get; init; }
    public long ProceduresOnline { get; init; }

    public static DossierCounts Empty { get; } = new();

    /// <summary>The sum of two units' counts. Distinct procedure counts cannot be added: the city's are queried separately.</summary>
    public DossierCounts Plus(DossierCounts other) => this with
    {
        Received = Received + other.Received,
        ReceivedOnline = ReceivedOnline + other.ReceivedOnline,
        ReceivedPostal = ReceivedPostal + other.ReceivedPostal,
        ReceivedEndToEnd = ReceivedEndToEnd + other.ReceivedEndToEnd,
        ReceivedDigitised = ReceivedDigitised + other.ReceivedDigitised,
        ReceivedFeeBearing = ReceivedFeeBearing + other.ReceivedFeeBearing,
        ReceivedPaidOnline = ReceivedPaidOnline + other.ReceivedPaidOnline,
        ReceivedWithPromise = ReceivedWithPromise + other.ReceivedWithPromise,
        Resolved = Resolved + other.Resolved,
        ResolvedOnTime = ResolvedOnTime + other.ResolvedOnTime,
        ResolvedLate = ResolvedLate + other.ResolvedLate,
        ResolvedLateWithApology = ResolvedLateWithApology + other.ResolvedLateWithApology,
        ResolvedWithResult = ResolvedWithResult + other.ResolvedWithResult,
        ProcessingDaysTotal = ProcessingDaysTotal + other.ProcessingDaysTotal,
        ElectronicResults = ElectronicResults + other.ElectronicResults,
        Rated = Rated + other.Rated,
        NotSatisfied = NotSatisfied + other.NotSatisfied,
        Pending = Pending + other.Pending,
        Overdue = Overdue + other.Overdue,
        OverdueWithApology = OverdueWithApology + other.OverdueWithApology,
    };
}

/// <summary>
/// A period's one-stop indicators for a unit or the city (DOMAIN.md §6), from <see cref="DossierCounts"/>.
/// Shares are percentages (0–100), unrounded; null when their denominator is zero.
/// <list type="bullet">
/// <item>Judged = ended in the period + open and overdue at its end; on time = ended on time; late = ended late +
///   open and overdue. An open dossier still within its deadline is not judged yet.</item>
/// <item>Apologies: late dossiers (as above) that have an apology letter, and those that still need one.</item>
/// <item>Online, end-to-end, digitised shares are of the dossiers received; online payment is of the received
///   dossiers that bear a fee; electronic results are of the dossiers ended.</item>
/// <item>Average processing time: working days over the dossiers ended by a result (done or returned).</item>
/// </list>
/// </summary>
public sealed record DossierIndicators
{
    public required DossierCounts Counts { get; init; }

    public long Received => Counts.Received;
    public long Resolved => Counts.Resolved;
    public long OnTime => Counts.ResolvedOnTime;
    public long Late => Counts.ResolvedLate + Counts.Overdue;
    public long Judged => Counts.Resolved + Counts.Overdue;
    public long Pending => Counts.Pending;
    public long PendingWithinDeadline => Counts.Pending - Counts.Overdue;
    public long Overdue => Counts.Overdue;
    public long ApologiesIssued => Counts.ResolvedLateWithApology + Counts.OverdueWithApology;
    public long ApologiesMissing => Late - ApologiesIssued;

    public decimal? OnTimeRate => Share(OnTime, Judged);
    public decimal? LateRate => Share(Late, Judged);
    public decimal? ApologyRate => Share(ApologiesIssued, Late);
    public decimal? OnlineShare => Share(Counts.ReceivedOnline, Counts.Received);
    public decimal? EndToEndOnlineShare => Share(Counts.ReceivedEndToEnd, Counts.Received);
    public decimal? DigitisedShare => Share(Counts.ReceivedDigitised, Counts.Received);
    public decimal? OnlinePaymentShare => Share(Counts.ReceivedPaidOnline, Counts.ReceivedFeeBearing);
    public decimal? PromisedShare => Share(Counts.ReceivedWithPromise, Counts.Received);
    public decimal? ElectronicResultShare => Share(Counts.ElectronicResults, Counts.Resolved);
    public decimal? NotSatisfiedShare => Share(Counts.NotSatisfied, Counts.Resolved);
    public decimal? ProceduresOnlineOfferedShare => Share(Counts.ProceduresOnline, Counts.ProceduresUsed);

    public decimal? AvgProcessingDays => Counts.ResolvedWithResult == 0 ? null : (decimal)Counts.ProcessingDaysTotal / Counts.ResolvedWithResult;

    /// <summary>766 satisfaction with handling: 100 % − (late share + share of "not satisfied" ratings), at least 0.</summary>
    public decimal? SatisfactionRate => LateRate is null && NotSatisfiedShare is null
        ? null
        : Math.Max(0, 100 - (LateRate ?? 0) - (NotSatisfiedShare ?? 0));

    /// <summary>Nothing to report: no dossier received, ended or open in the period.</summary>
    public bool IsEmpty => Counts.Received == 0 && Counts.Resolved == 0 && Counts.Pending == 0;

    public static DossierIndicators From(DossierCounts counts) => new() { Counts = counts };

    /// <summary>The 766 score (0–100) under <paramref name="options"/>; null when there is nothing to score.</summary>
    public Index766Result? Score766(Index766Options? options = null) => Index766.Score(this, options ?? Index766Options.Default);

    /// <summary>The value of a metric of the framework catalog (<see cref="MetricNames"/>), or null when it has no value.</summary>
    public decimal? Metric(string name, Index766Options? options = null) => name switch
    {
        MetricNames.DossiersOnTimeRate => OnTimeRate,
        MetricNames.DossiersLateRate => LateRate,
        MetricNames.DossiersApologyRate => Late == 0 && Judged > 0 ? 100 : ApologyRate,
        MetricNames.DossiersOnlineShare => OnlineShare,
        MetricNames.DossiersEndToEndOnlineShare => EndToEndOnlineShare,
        MetricNames.DossiersOnlinePaymentShare => OnlinePaymentShare,
        MetricNames.DossiersDigitisedShare => DigitisedShare,
        MetricNames.DossiersAvgProcessingDays => AvgProcessingDays,
        MetricNames.DossiersScore766 => Score766(options)?.Total,
        MetricNames.ProceduresOnlineOfferedShare => ProceduresOnlineOfferedShare,
        _ => null,
    };

    /// <summary>The metric names this record can answer.</summary>
    public static readonly string[] MetricNamesFed =
    [
        MetricNames.DossiersOnTimeRate, MetricNames.DossiersLateRate, MetricNames.DossiersApologyRate, MetricNames.DossiersOnlineShare,
        MetricNames.DossiersEndToEndOnlineShare, MetricNames.DossiersOnlinePaymentShare, MetricNames.DossiersDigitisedShare,
        MetricNames.DossiersAvgProcessingDays, MetricNames.DossiersScore766, MetricNames.ProceduresOnlineOfferedShare,
    ];

    /// <summary>The share by key, for the 766 indicators (see <see cref="Index766Options"/>).</summary>
    public decimal? Rate(string key) => key switch
    {
        Index766Keys.ApologyRate => ApologyRate,
        Index766Keys.PromisedShare => PromisedShare,
        Index766Keys.OnTimeRate => OnTimeRate,
        Index766Keys.DigitisedShare => DigitisedShare,
        Index766Keys.ElectronicResultShare => ElectronicResultShare,
        Index766Keys.ProceduresOnlineOfferedShare => ProceduresOnlineOfferedShare,
        Index766Keys.OnlineShare => OnlineShare,
        Index766Keys.EndToEndOnlineShare => EndToEndOnlineShare,
        Index766Keys.OnlinePaymentShare => OnlinePaymentShare,
        Index766Keys.SatisfactionRate => SatisfactionRate,
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, "Unknown 766 indicator."),
    };

    private static decimal? Share(long part, long whole) => whole == 0 ? null : 100m * part / whole;
}
