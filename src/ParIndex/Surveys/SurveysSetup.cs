using ParIndex.Surveys.Counters;

namespace ParIndex.Surveys;

/// <summary>The survey feature's services, in one place (ParIndexSetup calls this with one line).</summary>
public static class SurveysSetup
{
    /// <summary>The logging category that writes every request's URL, query string included, at Information.</summary>
    public const string RequestLogCategory = "Microsoft.AspNetCore.Hosting.Diagnostics";

    public static IHostApplicationBuilder AddSurveys(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<QuestionnaireService>();
        builder.Services.AddScoped<CampaignService>();
        builder.Services.AddScoped<InvitationService>();
        builder.Services.AddScoped<ResponseService>();
        builder.Services.AddScoped<ResponseImporter>();
        builder.Services.AddScoped<SurveyResultsService>();
        builder.Services.AddScoped<SurveyFeedService>();
        builder.Services.AddScoped<CounterService>();
        builder.Services.AddScoped<SurveyDemoData>();
        builder.Services.AddSingleton<CounterRatingWriter>();
        builder.Services.AddHostedService(services => services.GetRequiredService<CounterRatingWriter>());
        // Swappable for the API-token system of a later issue: anything that turns a presented key into a device.
        builder.Services.AddSingleton<ICounterDeviceAuthenticator, HashedKeyDeviceAuthenticator>();
        builder.Services.AddSingleton<CounterRateLimiter>();
        builder.Services.Configure<CounterOptions>(builder.Configuration.GetSection("Surveys:Counter"));
        // An invitation link carries its one-time token in the query string (/khao-sat?ma=…), and this category logs
        // every request line with its query at Information. It is held at Warning whatever the general level, so a
        // token never reaches a log (docs/decisions/0007-survey-anonymity-and-single-use-tokens.md).
        builder.Logging.AddFilter(RequestLogCategory, LogLevel.Warning);
        return builder;
    }
}
