using System.Text.Json.Serialization;
using ParIndex.Frameworks;
using ParIndex.Units;

namespace ParIndex;

/// <summary>The features of the app: their services and their API routes, in one place.</summary>
public static class ParIndexSetup
{
    public static IHostApplicationBuilder AddParIndexServices(this IHostApplicationBuilder builder)
    {
        builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        builder.Services.AddScoped<UnitService>();
        builder.Services.AddScoped<BlockService>();
        builder.Services.AddScoped<LineageService>();
        builder.Services.AddScoped<UnitImporter>();
        builder.Services.AddScoped<FrameworkService>();
        return builder;
    }

    public static WebApplication MapParIndexApi(this WebApplication app)
    {
        app.MapGroup("/api/v1")
            .MapUnitsApi()
            .MapFrameworksApi();
        return app;
    }
}
