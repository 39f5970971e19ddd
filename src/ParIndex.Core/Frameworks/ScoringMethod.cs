using System.Text.Json.Serialization;

namespace ParIndex.Core.Frameworks;

/// <summary>
/// How a scored node turns its input into points. Rates and ratios are percentages (0–100) throughout:
/// a ratio input 45/50 is 90 (%), a bracket "from 80" means 80 %, a survey share of 0.9 is written 90.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(ManualMethod), "manual")]
[JsonDerivedType(typeof(RubricMethod), "rubric")]
[JsonDerivedType(typeof(RatioMethod), "ratio")]
[JsonDerivedType(typeof(MetricMethod), "metric")]
[JsonDerivedType(typeof(SurveyMethod), "survey")]
public abstract record ScoringMethod
{
    public abstract string TypeName { get; }
}

/// <summary>Points typed in, between 0 and the node maximum, optionally on a step (e.g. 0.25).</summary>
public sealed record ManualMethod : ScoringMethod
{
    public decimal? Step { get; init; }
    public override string TypeName => "manual";
}

/// <summary>One of several named levels, each worth fixed points.</summary>
public sealed record RubricMethod : ScoringMethod
{
    public required IReadOnlyList<RubricLevel> Levels { get; init; }
    public override string TypeName => "rubric";
}

public sealed record RubricLevel
{
    public required string Code { get; init; }
    public required string LabelVi { get; init; }
    public string? LabelEn { get; init; }
    public required decimal Points { get; init; }
}

/// <summary>Numerator and denominator entered (tasks done / assigned); the percentage is turned into points.</summary>
public sealed record RatioMethod : ScoringMethod
{
    public required PointsRule Rule { get; init; }
    public string? NumeratorLabelVi { get; init; }
    public string? DenominatorLabelVi { get; init; }
    public override string TypeName => "ratio";
}

/// <summary>A named metric fed by data (e.g. <c>dossiers.on_time_rate</c>), turned into points.</summary>
public sealed record MetricMethod : ScoringMethod
{
    public required string Metric { get; init; }
    public required PointsRule Rule { get; init; }
    public override string TypeName => "metric";
}

/// <summary>A named survey result (a satisfaction share in %): points = max × share ÷ 100.</summary>
public sealed record SurveyMethod : ScoringMethod
{
    public required string Survey { get; init; }
    public override string TypeName => "survey";
}

public enum PointsMode
{
    /// <summary>points = max × value ÷ 100, capped at max.</summary>
    Proportional,
    /// <summary>points = max when value ≥ threshold, else max × value ÷ threshold (the 766 rule).</summary>
    Threshold,
    /// <summary>The first bracket containing the value gives the points.</summary>
    Brackets,
}

/// <summary>Turns a value (a percentage or a metric's own unit) into points.</summary>
public sealed record PointsRule
{
    public required PointsMode Mode { get; init; }
    public decimal? Threshold { get; init; }
    public IReadOnlyList<Bracket> Brackets { get; init; } = [];
}

/// <summary>A value range [From, To) worth <see cref="Points"/>; an open end is null.</summary>
public sealed record Bracket
{
    public decimal? From { get; init; }
    public decimal? To { get; init; }
    public required decimal Points { get; init; }

    public bool Contains(decimal value) => (From is null || value >= From) && (To is null || value < To);
}
