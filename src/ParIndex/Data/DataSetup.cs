using ParIndex.Audit;

namespace ParIndex.Data;

public static class DataSetup
{
    /// <summary>Registers the database (provider chosen by configuration), the migrator, the clock and the audit log.</summary>
    public static IHostApplicationBuilder AddParIndexData(this IHostApplicationBuilder builder)
    {
        var settings = DatabaseSettings.From(builder.Configuration, builder.Environment.ContentRootPath);
        builder.Services.AddSingleton(settings);
        builder.Services.AddDbContext<AppDbContext>(settings.Configure);
        builder.Services.AddScoped<SchemaMigrator>();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddScoped<AuditLog>();
        return builder;
    }
}
