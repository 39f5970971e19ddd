using ParIndex.Core.Scoring;

namespace ParIndex.Results;

/// <summary>Which step of the yearly cycle an input belongs to. The engine computes from <see cref="Final"/>.</summary>
public enum ScoreStage
{
    Final,
    /// <summary>The unit's own score (tự đánh giá), written by the self-assessment.</summary>
    Self,
    /// <summary>The lead agency's score after appraisal or reappraisal (thẩm định), accepted or adjusted.</summary>
    Appraised,
}

/// <summary>A unit's input for one scored node of its framework in a year.</summary>
public sealed class LeafScore
{
    public long Id { get; set; }
    public int Year { get; set; }
    public int UnitId { get; set; }
    public Units.Unit? Unit { get; set; }
    public required string NodeCode { get; set; }
    public ScoreStage Stage { get; set; }
    public InputKind Kind { get; set; }
    public decimal? Points { get; set; }
    public string? Level { get; set; }
    public decimal? Numerator { get; set; }
    public decimal? Denominator { get; set; }
    public decimal? Value { get; set; }
    public string? Source { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public string? UpdatedBy { get; set; }

    public LeafInput ToInput() => new()
    {
        Kind = Kind, Points = Points, Level = Level, Numerator = Numerator, Denominator = Denominator, Value = Value, Source = Source,
    };

    public void Apply(LeafInput input)
    {
        Kind = input.Kind;
        Points = input.Points;
        Level = input.Level;
        Numerator = input.Numerator;
        Denominator = input.Denominator;
        Value = input.Value;
        Source = input.Source;
    }
}
