using ParIndex.Core.Scoring;
using ParIndex.Units;

namespace ParIndex.Appeals;

public enum AppealStatus
{
    /// <summary>Filed, waiting for the council.</summary>
    Pending,
    /// <summary>Chấp nhận: the leaf's score was corrected and the correction published as a new version.</summary>
    Upheld,
    /// <summary>Không chấp nhận: the published score stands.</summary>
    Rejected,
}

/// <summary>
/// A request for re-examination (phúc khảo) of one leaf's published score, filed by the unit's head after publication;
/// the council (or an administrator) upholds it with a corrected input, which is published as a correction, or rejects it.
/// </summary>
public sealed class Appeal
{
    public int Id { get; set; }
    public int Year { get; set; }
    public int UnitId { get; set; }
    public Unit? Unit { get; set; }
    public required string BlockCode { get; set; }
    public required string NodeCode { get; set; }

    /// <summary>Why the unit asks for re-examination (lý do đề nghị phúc khảo).</summary>
    public required string Grounds { get; set; }

    /// <summary>The published points of the leaf when the appeal was filed.</summary>
    public decimal PublishedPoints { get; set; }
    public int PublishedVersion { get; set; }
    public DateTime FiledAtUtc { get; set; }
    public required string FiledBy { get; set; }

    public AppealStatus Status { get; set; }
    public string? DecisionReason { get; set; }
    public DateTime? DecidedAtUtc { get; set; }
    public string? DecidedBy { get; set; }

    /// <summary>The corrected input of an upheld appeal.</summary>
    public InputKind? Kind { get; set; }
    public decimal? Points { get; set; }
    public string? Level { get; set; }
    public decimal? Numerator { get; set; }
    public decimal? Denominator { get; set; }
    public decimal? Value { get; set; }

    /// <summary>The published version that carried the correction of an upheld appeal.</summary>
    public int? CorrectionVersion { get; set; }

    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    public LeafInput? CorrectedInput => Kind is { } kind ? new LeafInput { Kind = kind, Points = Points, Level = Level, Numerator = Numerator, Denominator = Denominator, Value = Value } : null;
}
