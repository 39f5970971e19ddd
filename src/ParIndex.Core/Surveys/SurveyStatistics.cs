namespace ParIndex.Core.Surveys;

/// <summary>What a metric gets when its unit has fewer respondents than the minimum (docs/surveys.md).</summary>
public enum FallbackKind
{
    /// <summary>The mean of the block's units that reached the minimum (the unit's own value if none did).</summary>
    BlockMean,
    /// <summary>100 %: the unit is not penalised for a sample it could not control.</summary>
    FullPoints,
    /// <summary>0 %: no evidence of satisfaction, no points.</summary>
    Zero,
    /// <summary>The unit's own value all the same (flagged, but used).</summary>
    RawValue,
}

/// <summary>The minimum-n rule as data: below <see cref="MinimumN"/> respondents a result is flagged and <see cref="Fallback"/> applies.</summary>
public sealed record MinimumSampleRule(int MinimumN = 30, FallbackKind Fallback = FallbackKind.BlockMean)
{
    public static MinimumSampleRule Default { get; } = new();
}

/// <summary>A 95 % confidence interval of a share, in percent.</summary>
public readonly record struct Interval(decimal Low, decimal High);

public static class SurveyStatistics
{
    /// <summary>The 97.5th percentile of the standard normal distribution (two-sided 95 %).</summary>
    public const double Z95 = 1.959963984540054;

    /// <summary>
    /// Wilson score interval of a proportion <paramref name="successes"/>/<paramref name="n"/> (Wilson 1927), in percent.
    /// Unlike the normal approximation it stays inside 0–100 % and behaves at small n and at shares near 0 or 100 %.
    /// <paramref name="n"/> may be an effective sample size (not an integer) for weighted shares.
    /// </summary>
    public static Interval? Wilson(double successes, double n, double z = Z95)
    {
        if (n <= 0 || double.IsNaN(n))
            return null;
        var p = Math.Clamp(successes / n, 0, 1);
        var z2 = z * z;
        var denominator = 1 + z2 / n;
        var centre = (p + z2 / (2 * n)) / denominator;
        var half = z / denominator * Math.Sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        return new Interval(Percent(Math.Max(0, centre - half)), Percent(Math.Min(1, centre + half)));
    }

    /// <summary>A share 0–1 as a percentage rounded to 6 decimals (the stored precision).</summary>
    public static decimal Percent(double share) => Math.Round((decimal)share * 100m, 6, MidpointRounding.AwayFromZero);

    /// <summary>Kish's effective sample size of a post-stratified estimate: (Σ W)² ÷ Σ (W² ÷ n) over the groups present.</summary>
    public static double EffectiveN(IEnumerable<(double Weight, int N)> groups)
    {
        double sum = 0, squares = 0;
        foreach (var (weight, n) in groups)
        {
            if (n <= 0 || weight <= 0)
                continue;
            sum += weight;
            squares += weight * weight / n;
        }
        return squares == 0 ? 0 : sum * sum / squares;
    }
}
