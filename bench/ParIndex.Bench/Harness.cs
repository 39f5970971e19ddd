using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ParIndex.Bench;

/// <summary>Timings of one operation: per-iteration wall time and allocation on the measuring thread.</summary>
/// <remarks>
/// <see cref="CpuMedianMs"/> is the measuring thread's own CPU time (Linux: CLOCK_THREAD_CPUTIME_ID). On a machine
/// shared with builds and tests, wall time includes waiting for a core; CPU time mostly does not, so a wall median
/// far above the CPU median says the machine was busy rather than that the code got slower.
/// </remarks>
public sealed record Measurement(string Name, int Iterations, double MedianMs, double P95Ms, double MinMs, double MaxMs, double MeanMs, double CpuMedianMs, long AllocatedBytesPerOp, double GcPauseMsPerOp, int Gen0, int Gen1, int Gen2);

/// <summary>
/// A small Stopwatch harness, chosen over BenchmarkDotNet because a full BenchmarkDotNet job takes minutes
/// per benchmark on a 2-core machine while this gives a stable median in seconds. What it does to be fair:
/// a timed warm-up (at least <see cref="Options.WarmupTime"/>, so tiered JIT has promoted the hot code
/// and dynamic PGO has run), one full GC before measuring (so the warm-up's garbage is not billed to
/// the first iterations), then at least <see cref="Options.MinIterations"/> iterations and at least
/// <see cref="Options.MinTime"/> of measuring. Garbage collections during the iterations are part of
/// the operation's cost and are counted, not avoided. Allocation is measured with
/// <see cref="GC.GetAllocatedBytesForCurrentThread"/>, so the operation must run on the calling thread.
/// </summary>
public static class Harness
{
    public sealed record Options
    {
        public TimeSpan WarmupTime { get; init; } = TimeSpan.FromSeconds(2);
        public int MinWarmupIterations { get; init; } = 5;
        public int MinIterations { get; init; } = 30;
        public int MaxIterations { get; init; } = 2_000;
        public TimeSpan MinTime { get; init; } = TimeSpan.FromSeconds(3);

        /// <summary>For a quick look while developing: not for the published table.</summary>
        public static Options Quick { get; } = new() { WarmupTime = TimeSpan.FromMilliseconds(300), MinWarmupIterations = 3, MinIterations = 30, MinTime = TimeSpan.Zero };
    }

    /// <summary>Keeps results alive so the JIT cannot drop the measured work.</summary>
    private static object? _sink;

    public static Measurement Measure<T>(string name, Func<T> operation, Options? options = null)
    {
        options ??= new Options();

        var warmup = Stopwatch.StartNew();
        for (var i = 0; i < options.MinWarmupIterations || warmup.Elapsed < options.WarmupTime; i++)
            Keep(operation());

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        var times = new List<double>(Math.Max(options.MinIterations, 64));
        var cpuTimes = new List<double>(Math.Max(options.MinIterations, 64));
        var (gen0, gen1, gen2) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var pausedBefore = GC.GetTotalPauseDuration();
        var total = Stopwatch.StartNew();
        while (times.Count < options.MaxIterations && (times.Count < options.MinIterations || total.Elapsed < options.MinTime))
        {
            var cpuStart = ThreadCpuMs();
            var start = Stopwatch.GetTimestamp();
            var result = operation();
            var elapsed = Stopwatch.GetElapsedTime(start);
            cpuTimes.Add(ThreadCpuMs() - cpuStart);
            Keep(result);
            times.Add(elapsed.TotalMilliseconds);
        }
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        var paused = GC.GetTotalPauseDuration() - pausedBefore;

        times.Sort();
        cpuTimes.Sort();
        return new Measurement(
            name,
            times.Count,
            MedianMs: Percentile(times, 0.50),
            P95Ms: Percentile(times, 0.95),
            MinMs: times[0],
            MaxMs: times[^1],
            MeanMs: times.Average(),
            CpuMedianMs: Percentile(cpuTimes, 0.50),
            AllocatedBytesPerOp: allocated / times.Count,
            GcPauseMsPerOp: paused.TotalMilliseconds / times.Count,
            Gen0: GC.CollectionCount(0) - gen0,
            Gen1: GC.CollectionCount(1) - gen1,
            Gen2: GC.CollectionCount(2) - gen2);
    }

    /// <summary>Linear interpolation between closest ranks on sorted values (the "R-7" definition spreadsheets use).</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double p)
    {
        if (sorted.Count == 0)
            return double.NaN;
        var position = (sorted.Count - 1) * p;
        var lower = (int)Math.Floor(position);
        var upper = (int)Math.Ceiling(position);
        return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
    }

    /// <summary>CPU time of the calling thread in milliseconds (NaN where the platform does not offer it).</summary>
    public static double ThreadCpuMs()
    {
        if (!OperatingSystem.IsLinux())
            return double.NaN;
        return ClockGetTime(ClockThreadCpuTime, out var now) == 0 ? now.Seconds * 1e3 + now.Nanoseconds / 1e6 : double.NaN;
    }

    private const int ClockThreadCpuTime = 3;

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Keep(object? value) => _sink = value;

    /// <summary>True when the scoring library was compiled without optimisations (a Debug build): its numbers mean nothing.</summary>
    public static bool IsDebugBuild(System.Reflection.Assembly assembly) =>
        assembly.GetCustomAttributes(typeof(DebuggableAttribute), false).OfType<DebuggableAttribute>().Any(a => a.IsJITOptimizerDisabled);
}
