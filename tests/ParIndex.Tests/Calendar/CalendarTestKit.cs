using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParIndex.Calendar;

namespace ParIndex.Tests.Calendar;

/// <summary>A change listener that records what it is told, and can be made to fail.</summary>
public sealed class RecordingListener : ICalendarChangeListener
{
    public ConcurrentQueue<CalendarChange> Changes { get; } = new();
    public bool Fail { get; set; }

    public Task OnNoticeChangedAsync(int year, string actor, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("The service calls the overload with the change.");

    public Task OnNoticeChangedAsync(CalendarChange change, CancellationToken cancellationToken)
    {
        Changes.Enqueue(change);
        if (Fail)
            throw new InvalidOperationException("dossier store unavailable");
        return Task.CompletedTask;
    }
}

/// <summary>
/// Base of the calendar tests: the app on a fresh database with a <see cref="RecordingListener"/> registered the way
/// the dossier feature registers its own.
/// </summary>
public abstract class CalendarTest(DatabaseKind kind) : IAsyncLifetime
{
    protected DatabaseKind Kind { get; } = kind;
    protected TestApp App { get; private set; } = null!;
    protected RecordingListener Listener { get; } = new();

    public async Task InitializeAsync() =>
        App = await TestApp.StartAsync(Kind, services => services.AddSingleton<ICalendarChangeListener>(Listener));

    public Task DisposeAsync()
    {
        App.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>The documented 2025 notice as JSON an administrator would PUT, with one extra day off on Monday 3 February.</summary>
    protected static object Notice2025WithExtraDay(string reason = "Bổ sung ngày nghỉ theo văn bản mới") => new
    {
        year = 2025,
        tetDays = new[] { "2025-01-27", "2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31" },
        nationalDaySecondDay = "2025-09-01",
        swaps = new[] { new { dayOff = "2025-05-02", workedDay = "2025-04-26" } },
        extraDaysOff = new[] { new { date = "2025-02-03", reasonVi = "Nghỉ thêm sau Tết", reasonEn = "Extra day off after Tết" } },
        reference = "Văn bản thử nghiệm 1/TEST",
        reason,
    };

    protected Task<bool> IsWorkingDayAsync(DateOnly date) => App.WithScopeAsync(async services =>
        (await services.GetRequiredService<WorkingCalendarProvider>().GetAsync()).IsWorkingDay(date));

    protected Task<List<ParIndex.Audit.AuditEntry>> CalendarAuditAsync() =>
        App.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "calendar_notice").OrderBy(a => a.Id).ToListAsync());

    protected static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    protected static async Task<IReadOnlyList<string>> ErrorFieldsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return [.. problem.GetProperty("errors").EnumerateObject().Select(p => p.Name)];
    }
}
