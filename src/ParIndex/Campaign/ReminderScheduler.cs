using Microsoft.Extensions.Options;
using ParIndex.Core.Calendar;

namespace ParIndex.Campaign;

/// <summary>
/// Runs the reminders once a day at <see cref="ReminderOptions.RunAt"/> (Vietnamese time), and at start when that
/// time has passed today (a restarted server catches up; the run is idempotent, so running again adds nothing).
/// </summary>
public sealed class ReminderScheduler(IServiceScopeFactory scopes, IOptions<ReminderOptions> options, TimeProvider clock, ILogger<ReminderScheduler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        if (!options.Value.Enabled)
            return;
        // Wakes at least this often to notice a changed clock (and never sleeps through a day).
        var maxSleep = options.Value.CheckEvery > TimeSpan.Zero ? options.Value.CheckEvery : TimeSpan.FromHours(1);
        DateOnly? lastRun = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = VietnamTime.ToLocal(clock.GetUtcNow());
            var today = DateOnly.FromDateTime(now.DateTime);
            var runAt = options.Value.RunAtTime;
            if (lastRun != today && TimeOnly.FromDateTime(now.DateTime) >= runAt)
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var run = await scope.ServiceProvider.GetRequiredService<ReminderService>().RunAsync(null, stoppingToken);
                    logger.LogInformation("Reminders of {Day}: {Notifications} notification(s), {Emails} email(s)", run.Day, run.Notifications, run.Emails);
                    lastRun = today;
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception exception)
                {
                    logger.LogError(exception, "The reminder run failed; it is tried again within the hour");
                }
            }
            var next = VietnamTime.At(lastRun == today ? today.AddDays(1) : today, runAt);
            var sleep = next - clock.GetUtcNow();
            if (sleep > maxSleep || sleep <= TimeSpan.Zero)
                sleep = maxSleep;
            try
            {
                await Task.Delay(sleep, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
