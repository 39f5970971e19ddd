using System.Runtime.InteropServices;
using ParIndex.Core.Dossiers;

namespace ParIndex.Dossiers.Stats;

/// <summary>
/// Changes to the three monthly statistics tables, summed in memory by key: +1 for a dossier as it is after a write,
/// −1 for a dossier as it was before it. Written in the transaction that writes the dossiers themselves
/// (<see cref="DossierStatsWriter"/>), so the statistics always agree with the rows.
/// </summary>
internal sealed class DossierStatsDelta
{
    public readonly Dictionary<(int Month, int Unit, int Procedure), long[]> Received = [];
    public readonly Dictionary<(int Month, int Unit), long[]> Ended = [];
    public readonly Dictionary<(short Span, int Month, int Unit, DateOnly OverdueFrom), long[]> Open = [];

    /// <summary>True when nothing would be written: no key, or only keys whose additions and removals cancelled out.</summary>
    public bool IsEmpty => Received.Values.All(IsZero) && Ended.Values.All(IsZero) && Open.Values.All(IsZero);

    public void Add(in DossierFacts f, int sign)
    {
        var r = Counters(Received, (f.ReceivedMonth, f.UnitId, f.ProcedureId), DossierStatsSql.ReceivedCounters.Length);
        r[0] += sign;
        if (f.Channel == DossierChannel.Online) r[1] += sign;
        if (f.Channel == DossierChannel.Postal) r[2] += sign;
        if (f.EndToEnd) r[3] += sign;
        if (f.Digitised) r[4] += sign;
        if (f.Payment != DossierPayment.None) r[5] += sign;
        if (f.Payment == DossierPayment.Online) r[6] += sign;
        if (f.DuePromised) r[7] += sign;

        if (f.EndMonth is { } endMonth)
        {
            var e = Counters(Ended, (endMonth, f.UnitId), DossierStatsSql.EndedCounters.Length);
            e[0] += sign;
            if (f.Outcome == DossierOutcome.OnTime) e[1] += sign;
            if (f.Outcome == DossierOutcome.Late) e[2] += sign;
            if (f.Outcome == DossierOutcome.Late && f.HasApology) e[3] += sign;
            if (f.ProcessingDays is { } days)
            {
                e[4] += sign;
                e[5] += sign * days;
            }
            if (f.ElectronicResult) e[6] += sign;
            if (f.Rating != DossierRating.None) e[7] += sign;
            if (f.Rating == DossierRating.NotSatisfied) e[8] += sign;
        }

        if (f.OpenSpan is { } span)
        {
            var o = Counters(Open, (span, f.ReceivedMonth, f.UnitId, f.OverdueFrom ?? DossierOpenStat.NeverOverdue), DossierStatsSql.OpenCounters.Length);
            o[0] += sign;
            if (f.HasApology) o[1] += sign;
        }
    }

    /// <summary>Adds another delta's counters (a chunk's, into its transaction's).</summary>
    public void Add(DossierStatsDelta other)
    {
        Merge(Received, other.Received);
        Merge(Ended, other.Ended);
        Merge(Open, other.Open);
    }

    private static void Merge<TKey>(Dictionary<TKey, long[]> into, Dictionary<TKey, long[]> from) where TKey : notnull
    {
        foreach (var (key, counters) in from)
        {
            var target = Counters(into, key, counters.Length);
            for (int i = 0; i < counters.Length; i++)
                target[i] += counters[i];
        }
    }

    public void Clear()
    {
        Received.Clear();
        Ended.Clear();
        Open.Clear();
    }

    private static long[] Counters<TKey>(Dictionary<TKey, long[]> table, TKey key, int width) where TKey : notnull
    {
        ref var counters = ref CollectionsMarshal.GetValueRefOrAddDefault(table, key, out _);
        return counters ??= new long[width];
    }

    /// <summary>True when every counter is zero (a key whose additions and removals cancelled out need not be written).</summary>
    public static bool IsZero(long[] counters)
    {
        foreach (var c in counters)
            if (c != 0)
                return false;
        return true;
    }
}
