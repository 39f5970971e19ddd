using ParIndex.Core.Frameworks;

namespace ParIndex.Core.Scoring;

/// <summary>The computed results of one block and year: units in rank order, ties ordered by Vietnamese name.</summary>
public sealed record BlockResult
{
    public required int Year { get; init; }
    public required string BlockCode { get; init; }
    public required IReadOnlyList<UnitResult> Units { get; init; }

    /// <summary>Mean index of the block's units, and per field, for comparisons on unit pages.</summary>
    public required decimal AverageIndex { get; init; }
    public required IReadOnlyDictionary<string, decimal> AverageFieldIndex { get; init; }
}

public sealed record UnitResult
{
    public required string UnitCode { get; init; }
    public required string UnitName { get; init; }

    /// <summary>Points after caps, clamped to [0, applicable maximum].</summary>
    public required decimal Total { get; init; }
    public required decimal ApplicableMax { get; init; }

    /// <summary>Total ÷ applicable maximum × 100, exact (not rounded).</summary>
    public required decimal Index { get; init; }
    public required IReadOnlyList<FieldIndex> Fields { get; init; }

    /// <summary>Every node's score by code.</summary>
    public required IReadOnlyDictionary<string, NodeScore> Nodes { get; init; }
    public required ClassBand Class { get; init; }

    /// <summary>Competition rank in the block (1, 2, 2, 4).</summary>
    public required int Rank { get; init; }
    public PreviousStanding? Previous { get; init; }

    /// <summary>Previous rank − current rank: positive means the unit climbed.</summary>
    public int? RankChange { get; init; }
    public decimal? IndexChange { get; init; }
    public required IReadOnlyList<RuleOutcome> Outcomes { get; init; }
}

public sealed record FieldIndex
{
    public required string Code { get; init; }
    public required decimal Points { get; init; }
    public required decimal ApplicableMax { get; init; }

    /// <summary>Points ÷ applicable maximum × 100; null when the whole field was not applicable.</summary>
    public decimal? Index { get; init; }
}

/// <summary>How a node's points came about.</summary>
public sealed record NodeScore
{
    public required string Code { get; init; }
    public required decimal Points { get; init; }

    /// <summary>The maximum after removing not-applicable leaves (0 for bonus and penalty nodes).</summary>
    public required decimal ApplicableMax { get; init; }

    /// <summary>Points before the node's cap (sum of children, or the method's result).</summary>
    public required decimal RawPoints { get; init; }
    public bool Capped => RawPoints != Points;
    public bool NotApplicable { get; init; }
    public bool MissingInput { get; init; }

    /// <summary>For scored nodes: the input and the step of the method that produced the points.</summary>
    public LeafExplanation? Leaf { get; init; }
}

public sealed record LeafExplanation
{
    public required string Method { get; init; }
    public LeafInput? Input { get; init; }

    /// <summary>The value the method worked on (the percentage for ratios, the metric value, the share).</summary>
    public decimal? Value { get; init; }
    public Bracket? BracketHit { get; init; }
    public string? LevelLabelVi { get; init; }

    /// <summary>Human-readable steps, Vietnamese and English, e.g. "45/50 = 90 % ≥ 80 % → 2 điểm".</summary>
    public required string StepsVi { get; init; }
    public required string StepsEn { get; init; }
}

public sealed record RuleOutcome
{
    public required string RuleCode { get; init; }
    public required OutcomeKind Kind { get; init; }
    public required bool Applies { get; init; }

    /// <summary>The clause that held (when it applies), or why none did.</summary>
    public required string ExplanationVi { get; init; }
    public required string ExplanationEn { get; init; }
}
