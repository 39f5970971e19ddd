using ParIndex.Core.Frameworks;

namespace ParIndex.Core.Scoring;

/// <summary>Why a scored node got its points; the explainer turns it into words.</summary>
internal enum LeafReason : byte
{
    Scored,
    /// <summary>Manual points not on the method's step: rounded down to the step.</summary>
    OffStep,
    Missing,
    NotApplicableFullPoints,
    NotApplicableRemoved,
    /// <summary>Declared not applicable where the framework does not allow it.</summary>
    NotApplicableNotAllowed,
    /// <summary>A bonus or penalty node declared not applicable: nothing is added or subtracted.</summary>
    NotApplicableAdjustment,
    KindMismatch,
    /// <summary>The input has the right kind but lacks its value.</summary>
    IncompleteInput,
    UnknownLevel,
    ZeroDenominatorNotAllowed,
    NegativeDenominator,
    NoBracket,
    Overflow,
    UnsupportedMethod,
}

/// <summary>
/// The numbers of one scored node, without any text: the engine's hot loop works on these, and the
/// explanation is produced only when someone looks at it.
/// </summary>
internal readonly record struct LeafOutcome(decimal Points, decimal RawPoints, decimal ApplicableMax, LeafReason Reason)
{
    /// <summary>The value the method worked on: the percentage of a ratio, a metric value, a survey share.</summary>
    public decimal? Value { get; init; }
    public Bracket? Bracket { get; init; }
    public RubricLevel? Level { get; init; }

    /// <summary>Manual points after rounding down to the step (before the clamp).</summary>
    public decimal Stepped { get; init; }
    public bool NotApplicable { get; init; }

    /// <summary>Not applicable because a ratio's denominator was zero rather than by declaration.</summary>
    public bool ZeroDenominator { get; init; }
    public bool MissingInput => Reason == LeafReason.Missing;
}
