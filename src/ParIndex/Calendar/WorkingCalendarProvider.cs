using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ParIndex.Core.Calendar;
using ParIndex.Data;

namespace ParIndex.Calendar;

/// <summary>
/// The city's working-day calendar (2000–2100): stored notices override the documented ones shipped in
/// <see cref="DocumentedNotices"/>, other years are derived by rule. Built once (≈40 ms) and shared until a
/// notice changes (<see cref="Invalidate"/>); queries on it are O(1).
/// </summary>
/// <remarks>
/// The cache lives in the process. <see cref="CalendarService"/> invalidates it when it stores or deletes a notice;
/// another process (a second web instance) keeps its calendar until it restarts (ADR 0005).
/// </remarks>
public sealed class WorkingCalendarProvider(IServiceScopeFactory scopes)
{
    public const int FirstYear = 2000;
    public const int LastYear = 2100;

    private readonly SemaphoreSlim gate = new(1, 1);
    private WorkingCalendar? current;
    private int version;

    public static JsonSerializerOptions NoticeJson => Core.Frameworks.FrameworkJson.Options;

    public async ValueTask<WorkingCalendar> GetAsync(CancellationToken cancellationToken = default)
    {
        if (Volatile.Read(ref current) is { } calendar)
            return calendar;
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (current is not null)
                return current;
            var startedAt = Volatile.Read(ref version);
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var stored = await db.Set<CalendarNotice>().AsNoTracking().ToListAsync(cancellationToken);
            var built = Build(stored.Select(n => JsonSerializer.Deserialize<YearNotice>(n.NoticeJson, NoticeJson)!));
            // A notice stored while this build read the old rows must not be hidden by caching the stale result.
            if (Volatile.Read(ref version) == startedAt)
                Volatile.Write(ref current, built);
            return built;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Call after a notice is stored; the next query rebuilds the calendar.</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref version);
        Volatile.Write(ref current, null);
    }

    /// <summary>
    /// The calendar the given stored notices make, the documented notices filling the years they leave out.
    /// Throws <see cref="ArgumentException"/> (naming the notice and date) when a notice is invalid or contradicts another.
    /// </summary>
    public static WorkingCalendar Build(IEnumerable<YearNotice> stored)
    {
        var notices = stored.ToDictionary(n => n.Year);
        foreach (var documented in DocumentedNotices.All)
            notices.TryAdd(documented.Year, documented);
        return WorkingCalendar.Create(FirstYear, LastYear, notices.Values);
    }
}
