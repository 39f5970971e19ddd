using ParIndex.Core.Dossiers;

namespace ParIndex.Dossiers;

/// <summary>
/// A one-stop dossier (hồ sơ thủ tục hành chính) as stored: what was received, its timeline, and what the 766 rule
/// concluded, precomputed so that indicators are SQL sums over narrow rows. One row per dossier, ~10 million a
/// year per city: integer keys, small integers for the enums, the events inside the row
/// (docs/decisions/0006-dossier-storage-and-bulk-loading.md). Written by <see cref="DossierImporter"/> only.
/// </summary>
public sealed class Dossier
{
    public long Id { get; set; }

    /// <summary>The dossier's code (mã hồ sơ) as the one-stop system gave it; unique.</summary>
    public required string Code { get; set; }

    public int UnitId { get; set; }
    public int ProcedureId { get; set; }
    public DossierChannel Channel { get; set; }

    public DateTime ReceivedAtUtc { get; set; }

    /// <summary>yyyymm of the receipt in Vietnamese local time: the period and partition key.</summary>
    public int ReceivedMonth { get; set; }

    /// <summary>The due instant before any supplement pause: the promised return date, or the computed one.</summary>
    public DateTime DueAtUtc { get; set; }

    /// <summary>True when the due date is the one promised on the receipt; false when computed from the procedure (and recomputed when the calendar changes).</summary>
    public bool DuePromised { get; set; }

    /// <summary>The end of processing under the 766 priority (done, returned, stopped, refused, withdrawn); null while open.</summary>
    public DateTime? EndedAtUtc { get; set; }
    public DossierEventKind? EndKind { get; set; }

    /// <summary>yyyymm of the end in Vietnamese local time; null while open.</summary>
    public int? EndMonth { get; set; }

    /// <summary>
    /// How many month-ends the dossier stayed open at: null when it ended in the month it was received, 1–N when it
    /// ended later, <see cref="OpenNow"/> while still open. Indexes the "open at the end of the period" count.
    /// </summary>
    public short? OpenSpan { get; set; }

    public DossierOutcome Outcome { get; set; }

    /// <summary>The first day at whose end the dossier, while open, counts as late; null when it never would.</summary>
    public DateOnly? OverdueFrom { get; set; }

    public short SupplementRequests { get; set; }

    /// <summary>Days of waiting for the supplement added to the due date.</summary>
    public short PausedDays { get; set; }

    /// <summary>Working days from receipt to the end, for dossiers ended by a result.</summary>
    public short? ProcessingDays { get; set; }

    public DossierPayment Payment { get; set; }
    public bool Digitised { get; set; }
    public bool ElectronicResult { get; set; }

    /// <summary>Filed through an end-to-end (toàn trình) online public service.</summary>
    public bool EndToEnd { get; set; }

    public DossierRating Rating { get; set; }

    /// <summary>An apology letter is recorded (denormalised from <see cref="DossierApology"/> for the indicators).</summary>
    public bool HasApology { get; set; }

    /// <summary>The timeline, as <see cref="DossierTimeline.Encode"/> writes it.</summary>
    public string Events { get; set; } = "";

    /// <summary>The import batch that last wrote the dossier.</summary>
    public int? BatchId { get; set; }

    public DateTime UpdatedAtUtc { get; set; }

    public const short OpenNow = short.MaxValue;
}
