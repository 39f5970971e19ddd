using System.Globalization;
using ParIndex.Core.Calendar;

namespace ParIndex.Core.Dossiers;

/// <summary>
/// A dossier's events as stored: ordered by instant (then kind), to the second, without duplicates, and written as
/// a short text — one token per event, a letter for the kind and the Unix time in seconds
/// (<c>"S1741054320 C1741140720 D1741227120"</c>). A dossier has a handful of events, always read and written with
/// the dossier itself, so they live in the dossier's row rather than in a table of their own
/// (docs/decisions/0006-dossier-storage-and-bulk-loading.md).
/// </summary>
public static class DossierTimeline
{
    private const string Letters = "?SCDRFXW"; // indexed by DossierEventKind

    /// <summary>Truncates an instant to the second (what is stored) and expresses it at +07:00.</summary>
    public static DateTimeOffset ToStoredPrecision(DateTimeOffset instant)
    {
        long seconds = instant.ToUnixTimeSeconds();
        return DateTimeOffset.FromUnixTimeSeconds(seconds).ToOffset(VietnamTime.Offset);
    }

    /// <summary>The events sorted by instant then kind, to the second, each (kind, instant) once.</summary>
    public static DossierEvent[] Normalize(IEnumerable<DossierEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var list = events.Select(e => e with { At = ToStoredPrecision(e.At) }).ToList();
        list.Sort(Compare);
        var result = new List<DossierEvent>(list.Count);
        foreach (var e in list)
            if (result.Count == 0 || result[^1].Kind != e.Kind || result[^1].At != e.At)
                result.Add(e);
        return [.. result];
    }

    /// <summary>Sorts in place and removes duplicates; returns the new length. For the importer's reused buffers.</summary>
    public static int NormalizeInPlace(Span<DossierEvent> events)
    {
        // A dossier has few events: insertion sort is the fastest and allocates nothing.
        for (int i = 1; i < events.Length; i++)
        {
            var current = events[i];
            int j = i - 1;
            while (j >= 0 && Compare(events[j], current) > 0)
            {
                events[j + 1] = events[j];
                j--;
            }
            events[j + 1] = current;
        }
        int length = 0;
        for (int i = 0; i < events.Length; i++)
            if (length == 0 || events[length - 1].Kind != events[i].Kind || events[length - 1].At != events[i].At)
                events[length++] = events[i];
        return length;
    }

    private static int Compare(DossierEvent a, DossierEvent b)
    {
        int byTime = a.At.UtcTicks.CompareTo(b.At.UtcTicks);
        return byTime != 0 ? byTime : a.Kind.CompareTo(b.Kind);
    }

    /// <summary>
    /// Problems with a timeline (normalised, see <see cref="Normalize"/>): events before the receipt or in the future,
    /// a supplement received with no request before it, a result returned before processing was done, a supplement
    /// requested after the dossier ended. Each names the event's column.
    /// </summary>
    public static List<DossierProblem>? Validate(DateTimeOffset receivedAt, ReadOnlySpan<DossierEvent> events, DateTimeOffset? now = null)
    {
        List<DossierProblem>? problems = null;
        void Add(string field, string vi, string en) => (problems ??= []).Add(new DossierProblem(field, vi, en));

        if (now is { } current && receivedAt > current.AddDays(1))
            Add(DossierFields.ReceivedAt, $"Thời điểm tiếp nhận {Stamp(receivedAt)} ở tương lai.", $"The receipt time {Stamp(receivedAt)} is in the future.");

        int openRequests = 0;
        DateTimeOffset? done = null, firstEnd = null;
        foreach (var e in events)
        {
            var field = DossierFields.ForEvent(e.Kind);
            if (e.At < receivedAt)
            {
                Add(field, $"{DossierEvent.NameVi(e.Kind)} lúc {Stamp(e.At)} trước thời điểm tiếp nhận {Stamp(receivedAt)}.",
                    $"{DossierEvent.NameEn(e.Kind)} at {Stamp(e.At)} is before the receipt at {Stamp(receivedAt)}.");
                continue;
            }
            if (now is { } n && e.At > n.AddDays(1))
                Add(field, $"{DossierEvent.NameVi(e.Kind)} lúc {Stamp(e.At)} ở tương lai.", $"{DossierEvent.NameEn(e.Kind)} at {Stamp(e.At)} is in the future.");
            switch (e.Kind)
            {
                case DossierEventKind.SupplementRequested:
                    if (firstEnd is { } ended && e.At > ended)
                        Add(field, $"Yêu cầu bổ sung lúc {Stamp(e.At)} sau khi hồ sơ đã kết thúc lúc {Stamp(ended)}.",
                            $"A supplement requested at {Stamp(e.At)} after the dossier ended at {Stamp(ended)}.");
                    openRequests++;
                    break;
                case DossierEventKind.SupplementCompleted:
                    if (openRequests == 0)
                        Add(field, $"Bổ sung hồ sơ lúc {Stamp(e.At)} nhưng trước đó không có yêu cầu bổ sung nào: các sự kiện sai thứ tự.",
                            $"A supplement received at {Stamp(e.At)} with no request before it: the events are out of order.");
                    else
                        openRequests--;
                    break;
                case DossierEventKind.ProcessingDone:
                    done ??= e.At;
                    firstEnd ??= e.At;
                    break;
                case DossierEventKind.ResultReturned:
                    firstEnd ??= e.At;
                    break;
                default:
                    firstEnd ??= e.At;
                    break;
            }
        }
        // Returned before done: compare the first of each (the list is ordered, so a later "done" is the problem).
        DateTimeOffset? returned = null;
        foreach (var e in events)
            if (e.Kind == DossierEventKind.ResultReturned) { returned = e.At; break; }
        if (done is { } d && returned is { } r && r < d)
            Add(DossierFields.ReturnedAt, $"Trả kết quả lúc {Stamp(r)} trước khi xử lý xong lúc {Stamp(d)}: các sự kiện sai thứ tự.",
                $"The result was returned at {Stamp(r)} before processing was done at {Stamp(d)}: the events are out of order.");
        return problems;
    }

    /// <summary>"dd/MM/yyyy HH:mm" in Vietnamese local time.</summary>
    public static string Stamp(DateTimeOffset instant) =>
        VietnamTime.ToLocal(instant).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The stored text of a normalised timeline; empty for none.</summary>
    public static string Encode(ReadOnlySpan<DossierEvent> events)
    {
        if (events.IsEmpty)
            return "";
        Span<char> buffer = stackalloc char[events.Length * 13];
        int position = 0;
        foreach (var e in events)
        {
            if (position > 0)
                buffer[position++] = ' ';
            buffer[position++] = Letters[(int)e.Kind];
            e.At.ToUnixTimeSeconds().TryFormat(buffer[position..], out int written, default, CultureInfo.InvariantCulture);
            position += written;
        }
        return new string(buffer[..position]);
    }

    /// <summary>Reads a stored timeline. Throws <see cref="FormatException"/> on text this class did not write.</summary>
    public static DossierEvent[] Decode(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return [];
        var tokens = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var events = new DossierEvent[tokens.Length];
        for (int i = 0; i < tokens.Length; i++)
        {
            int kind = Letters.IndexOf(tokens[i][0]);
            if (kind <= 0 || !long.TryParse(tokens[i].AsSpan(1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long seconds))
                throw new FormatException($"'{tokens[i]}' is not a stored dossier event.");
            events[i] = new DossierEvent((DossierEventKind)kind, DateTimeOffset.FromUnixTimeSeconds(seconds).ToOffset(VietnamTime.Offset));
        }
        return events;
    }
}
