using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using ParIndex.Data;

namespace ParIndex.Cli;

public static partial class CommandLine
{
    private static Command MigrateCommand()
    {
        var command = new Command("migrate", "Apply pending database migrations (SQLite or PostgreSQL, by configuration).");
        command.SetAction((_, cancellationToken) => CliHost.RunAsync(async (services, ct) =>
        {
            var applied = await services.GetRequiredService<SchemaMigrator>().MigrateAsync(ct);
            Console.WriteLine(applied.Count == 0 ? "Database is up to date." : $"Applied: {string.Join(", ", applied)}");
            return 0;
        }, cancellationToken));
        return command;
    }

    /// <summary>Developer aid for writing the next hand-written migration: prints the schema EF would create for the configured provider.</summary>
    private static Command SchemaScriptCommand()
    {
        var command = new Command("schema-script", "Print the CREATE script of the current model for the configured provider (developers).");
        command.Hidden = true;
        command.SetAction((_, cancellationToken) => CliHost.RunAsync((services, _) =>
        {
            Console.WriteLine(services.GetRequiredService<AppDbContext>().Database.GenerateCreateScript());
            return Task.FromResult(0);
        }, cancellationToken));
        return command;
    }
}
