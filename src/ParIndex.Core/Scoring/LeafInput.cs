namespace ParIndex.Core.Scoring;

public enum InputKind
{
    /// <summary>Points typed in (manual method, bonus and penalty nodes).</summary>
    Points,
    /// <summary>A rubric level code.</summary>
    Level,
    /// <summary>Numerator and denominator (ratio method).</summary>
    Ratio,
    /// <summary>A metric value or a survey share, in the metric's unit (percent for rates and shares).</summary>
    Value,
    /// <summary>The unit had nothing to do under the criterion (không phát sinh).</summary>
    NotApplicable,
}

/// <summary>The final input for one unit and one scored node. A node with no input scores 0, flagged as missing.</summary>
public sealed record LeafInput
{
    public required InputKind Kind { get; init; }
    public decimal? Points { get; init; }
    public string? Level { get; init; }
    public decimal? Numerator { get; init; }
    public decimal? Denominator { get; init; }
    public decimal? Value { get; init; }

    /// <summary>Where the value came from, for the explainer (e.g. "766: 1 234 hồ sơ, tháng 01–12/2024").</summary>
    public string? Source { get; init; }

    public static LeafInput OfPoints(decimal points) => new() { Kind = InputKind.Points, Points = points };
    public static LeafInput OfLevel(string level) => new() { Kind = InputKind.Level, Level = level };
    public static LeafInput OfRatio(decimal numerator, decimal denominator) => new() { Kind = InputKind.Ratio, Numerator = numerator, Denominator = denominator };
    public static LeafInput OfValue(decimal value, string? source = null) => new() { Kind = InputKind.Value, Value = value, Source = source };
    public static LeafInput NotApplicableInput { get; } = new() { Kind = InputKind.NotApplicable };
}
