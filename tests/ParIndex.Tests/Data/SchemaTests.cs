using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParIndex.Data;

namespace ParIndex.Tests.Data;

public abstract class SchemaTests(DatabaseKind kind) : AppTest(kind)
{
    [Fact]
    public async Task HandWrittenMigrationsProduceTheSchemaOfTheModel()
    {
        await using var reference = await TestDatabase.CreateAsync(Kind);
        var options = new DbContextOptionsBuilder<AppDbContext>();
        new DatabaseSettings(Kind == DatabaseKind.Sqlite ? DatabaseProvider.Sqlite : DatabaseProvider.Postgres, reference.ConnectionString, false, reference.DataFolder)
            .Configure(options);
        await using (var context = new AppDbContext(options.Options))
            await context.Database.EnsureCreatedAsync();

        var migrated = await SchemaSnapshot.ReadAsync(Kind, App.Database.ConnectionString);
        var fromModel = await SchemaSnapshot.ReadAsync(Kind, reference.ConnectionString);

        Assert.NotEmpty(migrated);
        Assert.Equal(fromModel, migrated);
    }

    [Fact]
    public async Task MigratingTwiceAppliesNothingTheSecondTime()
    {
        var applied = await App.WithScopeAsync(services => services.GetRequiredService<SchemaMigrator>().MigrateAsync());
        var pending = await App.WithScopeAsync(services => services.GetRequiredService<SchemaMigrator>().PendingAsync());

        Assert.Empty(applied);
        Assert.Empty(pending);
        Assert.Contains(SchemaMigrator.ScriptsFor(Kind == DatabaseKind.Sqlite ? DatabaseProvider.Sqlite : DatabaseProvider.Postgres), s => s.Version == "0001_initial");
    }
}

public sealed class SchemaTestsOnSqlite() : SchemaTests(DatabaseKind.Sqlite);

public sealed class SchemaTestsOnPostgres() : SchemaTests(DatabaseKind.Postgres);
