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
public sealed class WorkingCalendarProvider(IServiceScopeFactory scopes)
{
    public const int FirstYear = 2000;
    public const int LastYear = 2100;

    private readonly SemaphoreSlim gate = new(1, 1);
    private WorkingCalendar? current;

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
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var stored = await db.Set<CalendarNotice>().AsNoTracking().ToListAsync(cancellationToken);
            var notices = stored.Select(n => JsonSerializer.Deserialize<YearNotice>(n.NoticeJson, NoticeJson)!).ToDictionary(n => n.Year);
            foreach (var documented in DocumentedNotices.All)
                notices.TryAdd(documented.Year, documented);
            Volatile.Write(ref current, WorkingCalendar.Create(FirstYear, LastYear, notices.Values));
            return current!;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Call after a notice is stored; the next query rebuilds the calendar.</summary>
    public void Invalidate() => Volatile.Write(ref current, null);
}
