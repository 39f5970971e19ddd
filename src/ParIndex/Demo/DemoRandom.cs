using System.Text;

namespace ParIndex.Demo;

/// <summary>
/// Deterministic randomness for the demo: seeds come from a fixed hash of (unit, year, purpose) rather than
/// string.GetHashCode, which changes between processes, and System.Random with a seed keeps its legacy,
/// stable sequence across runs and .NET versions.
/// </summary>
internal static class DemoRandom
{
    public static Random For(string unitCode, int year, string purpose) => new(Seed($"{unitCode}|{year}|{purpose}"));

    /// <summary>FNV-1a, 32 bits.</summary>
    public static int Seed(string text)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash ^= b;
            hash *= 16777619u;
        }
        return (int)(hash & 0x7FFFFFFF);
    }

    /// <summary>A standard normal draw (Box–Muller).</summary>
    public static double Normal(this Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    public static double Between(this Random random, double min, double max) => min + (max - min) * random.NextDouble();

    /// <summary>Log-uniform: as many values per decade, for counts that span orders of magnitude.</summary>
    public static double LogBetween(this Random random, double min, double max) => Math.Exp(random.Between(Math.Log(min), Math.Log(max)));

    public static double Clamp(double value, double min, double max) => Math.Min(max, Math.Max(min, value));
}
