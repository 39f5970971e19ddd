using ParIndex.Core.Scoring;
using ParIndex.Units;

namespace ParIndex.Assessments;

/// <summary>Where a unit's self-assessment stands. After submission it is read-only for the unit.</summary>
public enum AssessmentStatus
{
    /// <summary>Đang tự đánh giá: unit staff fill it in.</summary>
    Draft,
    /// <summary>Đã gửi: the unit head submitted it for appraisal.</summary>
    Submitted,
}

/// <summary>What an appraiser decided on a leaf.</summary>
public enum AppraisalDecision
{
    /// <summary>Giữ nguyên: the self score stands.</summary>
    Accepted,
    /// <summary>Điều chỉnh: the appraiser's input replaces it (with a reason).</summary>
    Adjusted,
}

/// <summary>The round of appraisal a decision belongs to.</summary>
public enum AppraisalRound
{
    /// <summary>Thẩm định.</summary>
    Appraisal,
    /// <summary>Thẩm định lại, after the unit's explanation.</summary>
    Reappraisal,
}

/// <summary>A unit's self-assessment (tự đánh giá) of one year: one per unit and year.</summary>
public sealed class SelfAssessment
{
    public long Id { get; set; }
    public int Year { get; set; }
    public int UnitId { get; set; }
    public Unit? Unit { get; set; }
    public AssessmentStatus Status { get; set; }

    /// <summary>Khó khăn, vướng mắc và đề xuất, kiến nghị — a section of the report.</summary>
    public string? Difficulties { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public string? UpdatedBy { get; set; }
    public DateTime? SubmittedAtUtc { get; set; }
    public string? SubmittedBy { get; set; }

    /// <summary>Raised on every change of the assessment's own fields; a writer must present the version it read.</summary>
    public int Version { get; set; }

    public List<AssessmentEntry> Entries { get; set; } = [];
}

/// <summary>
/// A unit's entry for one scored node: the input its method needs, a comment, the explanation of a score given
/// without evidence, and later the answer to an adjustment. <see cref="Version"/> guards against two people
/// overwriting each other's work on the same leaf (the unit's edits and the appraisers' decisions raise it).
/// </summary>
public sealed class AssessmentEntry
{
    public long Id { get; set; }
    public long AssessmentId { get; set; }
    public SelfAssessment? Assessment { get; set; }
    public required string NodeCode { get; set; }

    public InputKind? Kind { get; set; }
    public decimal? Points { get; set; }
    public string? Level { get; set; }
    public decimal? Numerator { get; set; }
    public decimal? Denominator { get; set; }
    public decimal? Value { get; set; }

    public string? Comment { get; set; }

    /// <summary>How the leaf was scored when it requires evidence and has none (bắt buộc giải trình).</summary>
    public string? NoEvidenceNote { get; set; }

    /// <summary>The unit's answer to an adjustment (giải trình), written in the explanation phase.</summary>
    public string? Explanation { get; set; }
    public DateTime? ExplainedAtUtc { get; set; }
    public string? ExplainedBy { get; set; }

    public DateTime UpdatedAtUtc { get; set; }
    public string? UpdatedBy { get; set; }
    public int Version { get; set; }

    public List<LeafAppraisal> Appraisals { get; set; } = [];
    public List<Evidence.EvidenceLink> Evidence { get; set; } = [];

    public LeafInput? Input => Kind is { } kind
        ? new LeafInput { Kind = kind, Points = Points, Level = Level, Numerator = Numerator, Denominator = Denominator, Value = Value }
        : null;

    public void SetInput(LeafInput? input)
    {
        Kind = input?.Kind;
        Points = input?.Points;
        Level = input?.Level;
        Numerator = input?.Numerator;
        Denominator = input?.Denominator;
        Value = input?.Value;
    }
}

/// <summary>An appraiser's decision on one leaf in one round; the reappraisal, when there is one, is the one in force.</summary>
public sealed class LeafAppraisal
{
    public long Id { get; set; }
    public long EntryId { get; set; }
    public AssessmentEntry? Entry { get; set; }
    public AppraisalRound Round { get; set; }
    public AppraisalDecision Decision { get; set; }

    public InputKind? Kind { get; set; }
    public decimal? Points { get; set; }
    public string? Level { get; set; }
    public decimal? Numerator { get; set; }
    public decimal? Denominator { get; set; }
    public decimal? Value { get; set; }

    /// <summary>Mandatory for an adjustment; optional for an acceptance.</summary>
    public string? Reason { get; set; }

    /// <summary>The lead agency whose member decided (a unit code).</summary>
    public required string AgencyCode { get; set; }
    public DateTime DecidedAtUtc { get; set; }
    public required string DecidedBy { get; set; }

    public LeafInput? Input => Kind is { } kind
        ? new LeafInput { Kind = kind, Points = Points, Level = Level, Numerator = Numerator, Denominator = Denominator, Value = Value }
        : null;

    public void SetInput(LeafInput? input)
    {
        Kind = input?.Kind;
        Points = input?.Points;
        Level = input?.Level;
        Numerator = input?.Numerator;
        Denominator = input?.Denominator;
        Value = input?.Value;
    }
}
