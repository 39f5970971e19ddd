using ParIndex.Core.Calendar;
using ParIndex.Core.Dossiers;

namespace ParIndex.Bench.Dossiers;

/// <summary>
/// The per-dossier arithmetic of ingestion, on one core: computing a due date (<see cref="WorkingCalendar.ComputeDue"/>)
/// and judging a timeline (<see cref="OnTimeRule.Judge"/>), over a year of receipts and a mix of procedures like the
/// demo catalogue's (working days with and without the 15:00 cut-off, calendar days, office hours). Ingestion,
/// indicator queries and the native loaders are measured by bench/ParIndex.Bench/Dossiers/dossier-bench.sh.
/// </summary>
public static class DossierBenchmarks
{
    /// <summary>Target of issue 4: at least 10 million deadline computations a second on one core.</summary>
    public const double DeadlinesPerSecondTarget = 10_000_000;

    private const int Batch = 1_000_000;

    public static IEnumerable<ResultRow> Deadlines(BenchContext context)
    {
        var calendar = WorkingCalendar.CreateDefault(2020, 2030);
        var (receipts, policies) = Receipts();
        var measurement = Harness.Measure("dossiers-deadlines", () =>
        {
            long sum = 0;
            for (int i = 0; i < receipts.Length; i++)
                sum += calendar.ComputeDue(receipts[i], policies[i & 7]).UtcTicks;
            return sum;
        }, context.Options with { MinIterations = Math.Min(context.Options.MinIterations, 20), MinTime = TimeSpan.FromSeconds(2) });
        context.Describe(measurement);
        var perSecond = Batch / (measurement.MedianMs / 1000);
        var cpuPerSecond = Batch / (measurement.CpuMedianMs / 1000);

        var judged = Judging(calendar, receipts, context);
        const string name = "dossiers: due dates computed (ComputeDue, 1,000,000 receipts, 8 procedure rules), one core";
        yield return new ResultRow($"{name} — rate", perSecond, "/s", Goal.AtLeast, DeadlinesPerSecondTarget, Judged: true);
        if (!double.IsNaN(cpuPerSecond))
            yield return new ResultRow($"{name} — rate on thread CPU time", cpuPerSecond, "/s", Goal.AtLeast, DeadlinesPerSecondTarget);
        yield return new ResultRow($"{name} — allocated per call", measurement.AllocatedBytesPerOp / (double)Batch, "B");
        yield return new ResultRow("dossiers: 766 verdicts (OnTimeRule.Judge with supplements and ends), one core — rate", judged, "/s");
    }

    private static double Judging(WorkingCalendar calendar, DateTimeOffset[] receipts, BenchContext context)
    {
        // Timelines of the usual shapes: done and returned; one supplement then done; two supplements; open.
        var dues = new DateTimeOffset[receipts.Length];
        for (int i = 0; i < receipts.Length; i++)
            dues[i] = calendar.ComputeDue(receipts[i], DeadlinePolicy.WorkingDays(5));
        var measurement = Harness.Measure("dossiers-verdicts", () =>
        {
            long late = 0;
            for (int i = 0; i < receipts.Length; i++)
            {
                var r = receipts[i];
                ReadOnlySpan<DossierEvent> events = (i & 3) switch
                {
                    0 => [new(DossierEventKind.ProcessingDone, r.AddDays(3)), new(DossierEventKind.ResultReturned, r.AddDays(4))],
                    1 => [new(DossierEventKind.SupplementRequested, r.AddDays(1)), new(DossierEventKind.SupplementCompleted, r.AddDays(3)), new(DossierEventKind.ProcessingDone, r.AddDays(8))],
                    2 => [new(DossierEventKind.SupplementRequested, r.AddDays(1)), new(DossierEventKind.SupplementCompleted, r.AddDays(2)), new(DossierEventKind.SupplementRequested, r.AddDays(4)), new(DossierEventKind.Refused, r.AddDays(6))],
                    _ => [],
                };
                if (OnTimeRule.Judge(r, dues[i], DeadlineUnit.WorkingDays, events, calendar).Outcome == DossierOutcome.Late)
                    late++;
            }
            return late;
        }, context.Options with { MinIterations = Math.Min(context.Options.MinIterations, 10), MinTime = TimeSpan.FromSeconds(2) });
        context.Describe(measurement);
        return Batch / (measurement.MedianMs / 1000);
    }

    /// <summary>A year of receipts (office hours, some online at night and weekends) and eight procedure rules.</summary>
    private static (DateTimeOffset[] Receipts, DeadlinePolicy[] Policies) Receipts()
    {
        var random = new Random(766);
        var receipts = new DateTimeOffset[Batch];
        var first = new DateTime(2025, 1, 1);
        for (int i = 0; i < Batch; i++)
        {
            var day = first.AddDays(random.Next(365));
            var minutes = i % 5 == 0 ? random.Next(24 * 60) : 7 * 60 + 30 + random.Next(9 * 60 + 30);
            receipts[i] = new DateTimeOffset(day.AddMinutes(minutes), VietnamTime.Offset);
        }
        DeadlinePolicy[] policies =
        [
            DeadlinePolicy.WorkingDays(3),
            DeadlinePolicy.WorkingDays(0) with { CountsFromNextWorkingDayAfterCutOff = true },
            DeadlinePolicy.WorkingDays(10),
            DeadlinePolicy.CalendarDays(15),
            DeadlinePolicy.WorkingDays(5),
            DeadlinePolicy.Hours(8),
            DeadlinePolicy.WorkingDays(20),
            DeadlinePolicy.WorkingDays(2) with { CountsFromNextWorkingDayAfterCutOff = true },
        ];
        return (receipts, policies);
    }
}
