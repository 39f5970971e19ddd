namespace ParIndex.Publication;

/// <summary>
/// One published version of a block's results of a year, frozen: the whole block view (rows, field sub-indices,
/// classes, averages, the publication stamp and the corrections log up to this version) as one JSON document, and
/// each unit's detail (every node's score and explanation) as a document of its own. Rows are only ever inserted:
/// recomputing results never touches them, and a correction is a new version.
/// </summary>
public sealed class PublicationSnapshot
{
    public int Id { get; set; }
    public int Year { get; set; }
    public int BlockId { get; set; }
    public Units.Block? Block { get; set; }
    public required string BlockCode { get; set; }

    /// <summary>1 for the first publication of the block and year, then 2, 3, … for each correction.</summary>
    public int Version { get; set; }

    /// <summary>The People's Committee decision that approved the results, e.g. "1234/QĐ-UBND".</summary>
    public string? DecisionNumber { get; set; }
    public DateOnly? DecisionDate { get; set; }
    public DateTime PublishedAtUtc { get; set; }
    public required string PublishedBy { get; set; }

    /// <summary>When the results this version froze were computed (the live results are "the published ones" while they match).</summary>
    public DateTime ComputedAtUtc { get; set; }
    public int FrameworkId { get; set; }
    public int FrameworkRevision { get; set; }
    public int UnitCount { get; set; }
    public decimal AverageIndex { get; set; }
    public required string BlockNameVi { get; set; }
    public string? BlockNameEn { get; set; }

    /// <summary>SHA-256 of the published content (figures, names, details; not the instants), to tell a real change from a recomputation.</summary>
    public required string ContentHash { get; set; }

    /// <summary>The <see cref="SnapshotDocument"/> as JSON.</summary>
    public required string DocumentJson { get; set; }
    public List<PublicationSnapshotUnit> Units { get; set; } = [];
}

/// <summary>One unit of a published version: its standing (for trends and corrections) and its detail document.</summary>
public sealed class PublicationSnapshotUnit
{
    public long Id { get; set; }
    public int SnapshotId { get; set; }
    public PublicationSnapshot? Snapshot { get; set; }
    public int Year { get; set; }
    public required string UnitCode { get; set; }
    public decimal Index { get; set; }
    public int Rank { get; set; }
    public required string ClassCode { get; set; }
    public decimal? PreviousIndex { get; set; }

    /// <summary>The unit's <see cref="Core.Scoring.UnitResult"/> as computed, JSON.</summary>
    public required string DetailJson { get; set; }
}

/// <summary>
/// The public corrections log (đính chính): a version after the first says what changed (units whose index, rank
/// or class changed, old → new), why, and under which decision.
/// </summary>
public sealed class PublicationCorrection
{
    public int Id { get; set; }
    public int Year { get; set; }
    public int BlockId { get; set; }
    public Units.Block? Block { get; set; }
    public required string BlockCode { get; set; }
    public int SnapshotId { get; set; }
    public PublicationSnapshot? Snapshot { get; set; }
    public int FromVersion { get; set; }
    public int ToVersion { get; set; }
    public required string Reason { get; set; }
    public string? DecisionNumber { get; set; }
    public DateOnly? DecisionDate { get; set; }
    public DateTime PublishedAtUtc { get; set; }
    public required string PublishedBy { get; set; }

    /// <summary>The list of <see cref="UnitChange"/> as JSON.</summary>
    public required string ChangesJson { get; set; }

    /// <summary>The upheld appeal (phúc khảo) that led to this correction, if any.</summary>
    public int? AppealId { get; set; }
}
