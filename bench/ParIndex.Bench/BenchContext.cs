using System.Globalization;

namespace ParIndex.Bench;

/// <summary>What every benchmark gets: the harness options and where to say what it is doing.</summary>
public sealed class BenchContext(Harness.Options options, TextWriter log)
{
    public Harness.Options Options { get; } = options;

    public void Log(string line) => log.WriteLine(line);

    /// <summary>One line per measurement with everything the harness saw, for the console log.</summary>
    public void Describe(Measurement m) => Log(string.Create(CultureInfo.InvariantCulture,
        $"  {m.Name}: {m.Iterations} iterations, median {m.MedianMs:0.000} ms, p95 {m.P95Ms:0.000} ms, min {m.MinMs:0.000} ms, " +
        $"max {m.MaxMs:0.000} ms, mean {m.MeanMs:0.000} ms; thread CPU median {m.CpuMedianMs:0.000} ms; allocated {m.AllocatedBytesPerOp / 1024.0 / 1024.0:0.00} MB/op; " +
        $"GC pauses {m.GcPauseMsPerOp:0.000} ms/op; GCs gen0 {m.Gen0}, gen1 {m.Gen1}, gen2 {m.Gen2}"));
}
