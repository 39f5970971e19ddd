using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParIndex.Accounts;
using ParIndex.Campaign;

namespace ParIndex.Tests.Campaigns;

/// <summary>The daily run: once a day after the configured time (Vietnam), reminders are computed without anyone asking.</summary>
public abstract class ReminderSchedulerTests(DatabaseKind kind) : CampaignTest(kind)
{
    protected override bool KeepScheduler => true;

    protected override void ConfigureServices(IServiceCollection services) => services.Configure<ReminderOptions>(options =>
    {
        options.RunAt = "07:30";
        options.CheckEvery = TimeSpan.FromMilliseconds(100);
    });

    private async Task<List<Notification>> WaitForNotificationsAsync(int count)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var notifications = await App.WithDbAsync(db => db.Notifications.AsNoTracking().ToListAsync());
            if (notifications.Count >= count || watch.Elapsed > TimeSpan.FromSeconds(20))
                return notifications;
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task TheDailyRunRemindsOnItsOwnOnceADayAfterItsTime()
    {
        // The app started at 08:00 on 20/11 and ran that day's reminders at once, with no phase open yet.
        await SmallCity.BuildAsync(App, publish: false);
        await CreateUserAsync("officer@stp.test", Roles.UnitOfficer, "STP");
        await OpenPhaseAsync(2025, CampaignPhaseKind.SelfAssessment, new(2025, 11, 1), new(2025, 11, 27));
        await Task.Delay(500);
        Assert.Empty(await App.WithDbAsync(db => db.Notifications.ToListAsync()));

        // Not before 07:30 the next day…
        Clock.SetLocal(2025, 11, 21, 7, 0);
        await Task.Delay(500);
        Assert.Empty(await App.WithDbAsync(db => db.Notifications.ToListAsync()));

        // …and once after it, however often the service wakes.
        Clock.SetLocal(2025, 11, 21, 7, 31);
        var notifications = await WaitForNotificationsAsync(1);
        await Task.Delay(500);

        var notification = Assert.Single(notifications);
        Assert.Equal(new DateOnly(2025, 11, 21), notification.OnDate);
        Assert.Contains("(còn 6 ngày)", notification.MessageVi);
        Assert.Single(await App.WithDbAsync(db => db.Notifications.ToListAsync()));
        Assert.Single(await OutboxAsync());
    }
}

public sealed class ReminderSchedulerTestsOnSqlite() : ReminderSchedulerTests(DatabaseKind.Sqlite);

public sealed class ReminderSchedulerTestsOnPostgres() : ReminderSchedulerTests(DatabaseKind.Postgres);
