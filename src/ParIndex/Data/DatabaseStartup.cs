using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using ParIndex.Accounts;

namespace ParIndex.Data;

public static class DatabaseStartup
{
    /// <summary>
    /// The embedded default (SQLite, no configuration) migrates itself on start. A configured database must be
    /// migrated explicitly (<c>parindex migrate</c>) so that production upgrades are deliberate; the app refuses to
    /// start on an out-of-date schema rather than fail later on a missing column.
    /// </summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var settings = app.Services.GetRequiredService<DatabaseSettings>();
        if (app.Configuration.GetValue("Database:SkipStartupCheck", false))
            return;
        await using var scope = app.Services.CreateAsyncScope();
        var migrator = scope.ServiceProvider.GetRequiredService<SchemaMigrator>();
        if (settings.IsEmbeddedDefault || app.Configuration.GetValue("Database:MigrateOnStart", false))
        {
            await migrator.MigrateAsync();
            // The embedded default is a demo: it fills itself with the demo city on first start.
            if (settings.IsEmbeddedDefault && app.Configuration.GetValue("Demo:SeedOnFirstStart", true))
            {
                var seeded = await scope.ServiceProvider.GetRequiredService<DemoSeeder>()
                    .SeedAsync(new Progress<string>(step => Console.WriteLine($"  demo › {step}")));
                if (seeded)
                    Console.WriteLine("  demo › ready");
            }
        }
        else
        {
            var pending = await migrator.PendingAsync();
            if (pending.Count > 0)
                throw new InvalidOperationException($"The database schema is out of date (pending: {string.Join(", ", pending)}). Run `parindex migrate` first.");
        }
    }

    /// <summary>Prints the URL(s) and, on the embedded demo, the demo sign-ins once Kestrel listens.</summary>
    public static void PrintWelcomeWhenStarted(this WebApplication app)
    {
        var settings = app.Services.GetRequiredService<DatabaseSettings>();
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            Console.WriteLine();
            Console.WriteLine("ParIndex — Chỉ số cải cách hành chính");
            foreach (var address in addresses)
                Console.WriteLine($"  URL: {address}");
            Console.WriteLine($"  Database: {settings.Provider}{(settings.IsEmbeddedDefault ? $" (embedded, {settings.ConnectionString})" : "")}");
            if (settings.IsEmbeddedDefault)
            {
                Console.WriteLine($"  Demo sign-in (password for all / mật khẩu chung: {DemoAccounts.Password}):");
                foreach (var user in DemoAccounts.Users)
                    Console.WriteLine($"    {user.Email,-32} {user.Role,-14} {user.DisplayName}{(user.UnitCode is null ? "" : $" [{user.UnitCode}]")}");
            }
            Console.WriteLine();
        });
    }
}
