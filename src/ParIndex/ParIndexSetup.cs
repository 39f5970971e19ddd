using System.Text.Json.Serialization;
using ParIndex.Accounts;
using ParIndex.Audit;
using ParIndex.Appeals;
using ParIndex.AppraisalCouncil;
using ParIndex.Assessments;
using ParIndex.Calendar;
using ParIndex.Evidence;
using ParIndex.Campaign;
using ParIndex.Dossiers;
using ParIndex.Frameworks;
using ParIndex.Publication;
using ParIndex.Results;
using ParIndex.Surveys;
using ParIndex.Units;

namespace ParIndex;

/// <summary>The features of the app: their services and their API routes, in one place.</summary>
public static class ParIndexSetup
{
    public static IHostApplicationBuilder AddParIndexServices(this IHostApplicationBuilder builder)
    {
        builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        builder.Services.AddSingleton<WorkingCalendarProvider>();
        builder.Services.AddScoped<CalendarService>();
        builder.Services.AddScoped<ProcedureService>();
        builder.Services.AddScoped<ProcedureImporter>();
        builder.Services.AddScoped<DossierImporter>();
        // Dossiers changed through EF Core keep the monthly statistics in step (ADR 0010).
        builder.Services.ConfigureDbContext<Data.AppDbContext>(options => options.AddInterceptors(new Dossiers.Stats.DossierStatsInterceptor()));
        builder.Services.AddScoped<DossierService>();
        builder.Services.AddScoped<DossierIndicatorsQuery>();
        builder.Services.AddScoped<DossierMetricFeed>();
        builder.Services.AddScoped<ApologyImporter>();
        builder.Services.AddScoped<ApologySlips>();
        builder.Services.AddScoped<DemoDossiers>();
        builder.Services.AddScoped<ICalendarChangeListener, DossierRecalculation>();
        builder.Services.AddSingleton<DossierImportQueue>();
        builder.Services.AddHostedService(services => services.GetRequiredService<DossierImportQueue>());
        builder.Services.Configure<DossierOptions>(builder.Configuration.GetSection("Dossiers"));
        // The embedded demo makes PDFs under PDFsharp's AGPL licence; a configured deployment chooses (docs/decisions/0009).
        builder.Services.AddOptions<DossierOptions>().PostConfigure<Data.DatabaseSettings>((options, database) =>
        {
            if (database.IsEmbeddedDefault && string.IsNullOrWhiteSpace(options.PdfSharpLicense))
                options.PdfSharpLicense = "AGPL";
        });
        builder.Services.AddSingleton<DossierLookupLimits>();
        builder.Services.AddScoped<Web.WorkYear>();
        builder.Services.AddScoped<UnitService>();
        builder.Services.AddScoped<BlockService>();
        builder.Services.AddScoped<LineageService>();
        builder.Services.AddScoped<UnitImporter>();
        builder.Services.AddScoped<FrameworkService>();
        builder.Services.AddScoped<ScoreEntryService>();
        builder.Services.AddScoped<HistoricalResultsImporter>();
        builder.Services.AddScoped<ResultsComputation>();
        builder.Services.AddScoped<ResultsQuery>();
        builder.Services.AddScoped<PublicationService>();
        builder.Services.AddScoped<PublishedResults>();
        builder.Services.AddSingleton<SnapshotCache>();
        builder.AddCouncil();
        builder.Services.AddScoped<Data.DemoSeeder>();
        builder.AddSurveys();
        builder.AddAssessments();
        builder.AddEvidence();
        builder.AddCampaign();
        return builder;
    }

    public static WebApplication MapParIndexApi(this WebApplication app)
    {
        app.MapGroup("/api/v1")
            .MapAccountsApi()
            .MapUnitsApi()
            .MapFrameworksApi()
            .MapResultsApi()
            .MapPublicationApi()
            .MapCouncilApi()
            .MapAppealsApi()
            .MapSurveysApi()
            .MapCalendarApi()
            .MapProceduresApi()
            .MapDossiersApi()
            .MapAssessmentsApi()
            .MapEvidenceApi()
            .MapCampaignApi()
            .MapAuditApi();
        return app;
    }
}
