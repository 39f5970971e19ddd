using Npgsql;

namespace ParIndex.Tests.Infrastructure;

public enum DatabaseKind
{
    Sqlite,
    Postgres,
}

/// <summary>
/// A fresh, empty database for one test: a SQLite file in a temporary folder, or a new database on the
/// throwaway PostgreSQL cluster that scripts/test.sh starts (its address in PARINDEX_TEST_POSTGRES).
/// Disposing removes it.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "PARINDEX_TEST_POSTGRES";

    private readonly string? postgresAdminConnection;
    private readonly string? postgresDatabase;

    public DatabaseKind Kind { get; }
    public string ConnectionString { get; }
    public string DataFolder { get; }
    public string ProviderName => Kind == DatabaseKind.Sqlite ? "Sqlite" : "Postgres";

    private TestDatabase(DatabaseKind kind, string connectionString, string dataFolder, string? postgresAdminConnection, string? postgresDatabase)
    {
        Kind = kind;
        ConnectionString = connectionString;
        DataFolder = dataFolder;
        this.postgresAdminConnection = postgresAdminConnection;
        this.postgresDatabase = postgresDatabase;
    }

    public static async Task<TestDatabase> CreateAsync(DatabaseKind kind)
    {
        var dataFolder = Path.Combine(Path.GetTempPath(), "parindex-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataFolder);
        if (kind == DatabaseKind.Sqlite)
            return new TestDatabase(kind, $"Data Source={Path.Combine(dataFolder, "test.db")};Pooling=False", dataFolder, null, null);

        var admin = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(admin))
            throw new InvalidOperationException($"{PostgresVariable} is not set: run the tests with scripts/test.sh, which starts a throwaway PostgreSQL cluster.");
        var name = "t_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }
        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name };
        return new TestDatabase(kind, builder.ConnectionString, dataFolder, admin, name);
    }

    public async ValueTask DisposeAsync()
    {
        if (postgresAdminConnection is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(postgresAdminConnection);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {postgresDatabase} WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }
        try
        {
            Directory.Delete(DataFolder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow shutdown is left to the OS temp cleaner rather than failing a test.
        }
    }
}
