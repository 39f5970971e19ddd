using ParIndex.Results;

namespace ParIndex.Publication;

/// <summary>What a version was published under: its number, the approving decision, and when.</summary>
public sealed record PublicationStamp(int Version, string? DecisionNumber, DateOnly? DecisionDate, DateTime PublishedAtUtc);

/// <summary>
/// Everything the public pages, API and exports show of one published version of a block: the block view as it was
/// computed, the stamp, and the corrections log up to and including this version (newest first).
/// </summary>
public sealed record SnapshotDocument(BlockResultsView Block, PublicationStamp Publication, IReadOnlyList<CorrectionView> Corrections);

/// <summary>One entry of the public corrections log.</summary>
public sealed record CorrectionView(
    int Year,
    string BlockCode,
    string BlockNameVi,
    string? BlockNameEn,
    int FromVersion,
    int ToVersion,
    string Reason,
    string? DecisionNumber,
    DateOnly? DecisionDate,
    DateTime PublishedAtUtc,
    IReadOnlyList<UnitChange> Changes,
    int? AppealId);

/// <summary>A unit whose published standing changed between two versions (null on one side: the unit was added or removed).</summary>
public sealed record UnitChange(
    string UnitCode,
    string UnitNameVi,
    string? UnitNameEn,
    decimal? OldIndex,
    decimal? NewIndex,
    int? OldRank,
    int? NewRank,
    string? OldClassCode,
    string? NewClassCode,
    string? OldClassNameVi,
    string? NewClassNameVi,
    string? OldClassNameEn,
    string? NewClassNameEn)
{
    public bool IndexChanged => Round(OldIndex) != Round(NewIndex);
    public bool RankChanged => OldRank != NewRank;
    public bool ClassChanged => OldClassCode != NewClassCode;

    private static decimal? Round(decimal? value) => value is { } v ? Core.Scoring.Rounding.Round2(v) : null;
}

/// <summary>One version in a block's publication history (for the public and the administrator).</summary>
public sealed record VersionSummary(int Version, string? DecisionNumber, DateOnly? DecisionDate, DateTime PublishedAtUtc, DateTime ComputedAtUtc, int Units, decimal AverageIndex, bool Current);

/// <summary>A block's publication as the API shows it: whether it is public now, its current version, the versions, the corrections.</summary>
public sealed record BlockPublicationView(int Year, string BlockCode, bool Published, PublicationStamp? Current, IReadOnlyList<VersionSummary> Versions, IReadOnlyList<CorrectionView> Corrections);

/// <summary>
/// What the administrator needs to know about a block before publishing: whether it is public, the current
/// version, whether the live results are the published ones, and what a new version would change.
/// </summary>
public sealed record PublicationStatus(
    int Year,
    string BlockCode,
    bool Visible,
    PublicationSnapshotInfo? Current,
    DateTime? LiveComputedAtUtc)
{
    /// <summary>The live results are exactly what the public sees.</summary>
    public bool LiveIsPublished => Visible && Current is not null && LiveComputedAtUtc == Current.ComputedAtUtc;
}

public sealed record PublicationSnapshotInfo(int Id, int Version, string? DecisionNumber, DateOnly? DecisionDate, DateTime PublishedAtUtc, string PublishedBy, DateTime ComputedAtUtc)
{
    public PublicationStamp Stamp() => new(Version, DecisionNumber, DecisionDate, PublishedAtUtc);
}
