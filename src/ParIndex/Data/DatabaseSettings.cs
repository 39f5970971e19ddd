using Microsoft.EntityFrameworkCore;

namespace ParIndex.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// Which database the app uses, chosen by configuration alone: <c>Database:Provider</c> (Sqlite or Postgres)
/// and <c>ConnectionStrings:ParIndex</c>. With neither set, the app runs on the embedded default: a SQLite
/// file in the data folder, migrated and filled with the demo city on first start.
/// </summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString, bool IsEmbeddedDefault, string DataFolder)
{
    public static DatabaseSettings From(IConfiguration configuration, string contentRoot)
    {
        var dataFolder = Path.GetFullPath(configuration["Paths:Data"] ?? Path.Combine(contentRoot, "data"));
        var providerText = configuration["Database:Provider"];
        var provider = string.IsNullOrWhiteSpace(providerText)
            ? DatabaseProvider.Sqlite
            : Enum.TryParse<DatabaseProvider>(providerText, ignoreCase: true, out var parsed)
                ? parsed
                : throw new InvalidOperationException($"Database:Provider must be Sqlite or Postgres, not '{providerText}'.");
        var connectionString = configuration.GetConnectionString("ParIndex");
        if (!string.IsNullOrWhiteSpace(connectionString))
            return new(provider, connectionString, IsEmbeddedDefault: false, dataFolder);
        if (provider == DatabaseProvider.Postgres)
            throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:ParIndex is not set.");
        Directory.CreateDirectory(dataFolder);
        return new(provider, $"Data Source={Path.Combine(dataFolder, "parindex.db")}", IsEmbeddedDefault: true, dataFolder);
    }

    public void Configure(DbContextOptionsBuilder options)
    {
        _ = Provider switch
        {
            DatabaseProvider.Sqlite => options.UseSqlite(ConnectionString),
            DatabaseProvider.Postgres => options.UseNpgsql(ConnectionString),
            _ => throw new InvalidOperationException($"Unknown provider {Provider}."),
        };
    }
}
