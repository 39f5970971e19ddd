using System.Reflection;
using Microsoft.EntityFrameworkCore;

namespace ParIndex.Data;

/// <summary>
/// Applies the hand-written, per-provider SQL migrations embedded under <c>Data/Migrations/{sqlite,postgres}</c>
/// in version order, each recorded in <c>schema_migrations</c>. All pending scripts run in one transaction,
/// so a failed upgrade leaves the database as it was. See docs/decisions/0002-hand-written-sql-migrations.md.
/// </summary>
public sealed class SchemaMigrator(AppDbContext db, DatabaseSettings settings, ILogger<SchemaMigrator> logger)
{
    private const string HistoryTable = "schema_migrations";

    public sealed record Script(string Version, string Sql);

    public static IReadOnlyList<Script> ScriptsFor(DatabaseProvider provider)
    {
        var folder = provider == DatabaseProvider.Sqlite ? "migrations/sqlite/" : "migrations/postgres/";
        var assembly = Assembly.GetExecutingAssembly();
        return assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(folder, StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(name =>
            {
                using var stream = assembly.GetManifestResourceStream(name)!;
                using var reader = new StreamReader(stream);
                return new Script(Path.GetFileNameWithoutExtension(name[folder.Length..]), reader.ReadToEnd());
            })
            .ToList();
    }

    /// <summary>Versions not yet applied (the history table missing means all are pending).</summary>
    public async Task<IReadOnlyList<string>> PendingAsync(CancellationToken cancellationToken = default)
    {
        var scripts = ScriptsFor(settings.Provider);
        List<string> applied;
        try
        {
            applied = await db.Database.SqlQueryRaw<string>($"SELECT version AS \"Value\" FROM {HistoryTable}").ToListAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is Microsoft.Data.Sqlite.SqliteException or Npgsql.PostgresException)
        {
            applied = [];
        }
        return scripts.Select(s => s.Version).Where(v => !applied.Contains(v)).ToList();
    }

    /// <summary>Applies pending migrations and returns the versions applied.</summary>
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken = default)
    {
        var scripts = ScriptsFor(settings.Provider);
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            if (settings.Provider == DatabaseProvider.Sqlite)
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            await db.Database.ExecuteSqlRawAsync(
                $"CREATE TABLE IF NOT EXISTS {HistoryTable} (version varchar(64) PRIMARY KEY, applied_at_utc varchar(40) NOT NULL);",
                cancellationToken);

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (settings.Provider == DatabaseProvider.Postgres)
            {
                // Two instances starting together must not both apply the same script.
                await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(72430001);", cancellationToken);
            }
            var applied = await db.Database
                .SqlQueryRaw<string>($"SELECT version AS \"Value\" FROM {HistoryTable}")
                .ToListAsync(cancellationToken);
            var pending = scripts.Where(s => !applied.Contains(s.Version)).ToList();
            foreach (var script in pending)
            {
                logger.LogInformation("Applying migration {Version}", script.Version);
                await db.Database.ExecuteSqlRawAsync(script.Sql, cancellationToken);
                await db.Database.ExecuteSqlAsync(
                    $"INSERT INTO schema_migrations (version, applied_at_utc) VALUES ({script.Version}, {DateTime.UtcNow.ToString("O")})",
                    cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
            return pending.Select(s => s.Version).ToList();
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
