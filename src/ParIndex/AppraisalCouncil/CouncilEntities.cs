using ParIndex.Core.Scoring;
using ParIndex.Units;

namespace ParIndex.AppraisalCouncil;

public enum CouncilYearStatus
{
    /// <summary>The council is reviewing the proposed scores; its overrides and decisions may change.</summary>
    Deliberating,
    /// <summary>Chốt: the Final inputs were written from the council's scores and results computed; scores are locked until an administrator reopens the year.</summary>
    Finalised,
}

/// <summary>The council's state for one year of the campaign (one row per year, created by its first action).</summary>
public sealed class CouncilYear
{
    public int Id { get; set; }
    public int Year { get; set; }
    public CouncilYearStatus Status { get; set; }
    public DateTime? FinalisedAtUtc { get; set; }
    public string? FinalisedBy { get; set; }

    /// <summary>The council decision the finalisation rests on.</summary>
    public int? DecisionId { get; set; }
    public CouncilDecision? Decision { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public string? UpdatedBy { get; set; }

    /// <summary>Two people finalising or reopening at once cannot both succeed.</summary>
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();
}

/// <summary>
/// A decision of the appraisal council (hội đồng thẩm định) on a year's scores: its number and date, the vote of the
/// members present (a decision needs more than half of them in favour), and notes.
/// </summary>
public sealed class CouncilDecision
{
    public int Id { get; set; }
    public int Year { get; set; }
    public required string DecisionNumber { get; set; }
    public DateOnly DecisionDate { get; set; }
    public int MembersTotal { get; set; }
    public int MembersPresent { get; set; }
    public int VotesFor { get; set; }
    public int VotesAgainst { get; set; }
    public int VotesAbstain { get; set; }
    public string? Notes { get; set; }
    public DateTime RecordedAtUtc { get; set; }
    public required string RecordedBy { get; set; }
}

/// <summary>The council's own score for a leaf of a unit, replacing the proposed one at finalisation; always with a reason.</summary>
public sealed class CouncilOverride
{
    public long Id { get; set; }
    public int Year { get; set; }
    public int UnitId { get; set; }
    public Unit? Unit { get; set; }
    public required string NodeCode { get; set; }
    public InputKind Kind { get; set; }
    public decimal? Points { get; set; }
    public string? Level { get; set; }
    public decimal? Numerator { get; set; }
    public decimal? Denominator { get; set; }
    public decimal? Value { get; set; }
    public required string Reason { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public required string UpdatedBy { get; set; }

    public LeafInput ToInput() => new() { Kind = Kind, Points = Points, Level = Level, Numerator = Numerator, Denominator = Denominator, Value = Value };

    public void Apply(LeafInput input)
    {
        Kind = input.Kind;
        Points = input.Points;
        Level = input.Level;
        Numerator = input.Numerator;
        Denominator = input.Denominator;
        Value = input.Value;
    }
}
