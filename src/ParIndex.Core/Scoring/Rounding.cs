namespace ParIndex.Core.Scoring;

/// <summary>
/// The one rounding rule of ParIndex: published figures (points, indices, averages) are rounded to two
/// decimals, half away from zero (89.955 → 89.96), as Vietnamese publications do. The engine itself
/// never rounds: it computes exact decimals, ranks and classifies on them, and only display and export
/// call <see cref="Round2"/>. Components rounded separately may therefore differ from a rounded total by
/// 0.01 — the same effect visible in the published national tables.
/// </summary>
public static class Rounding
{
    public static decimal Round2(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);
}
