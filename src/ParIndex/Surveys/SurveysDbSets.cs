using Microsoft.EntityFrameworkCore;
using ParIndex.Surveys;
using ParIndex.Surveys.Counters;

namespace ParIndex.Data;

public sealed partial class AppDbContext
{
    public DbSet<Questionnaire> Questionnaires => Set<Questionnaire>();
    public DbSet<SurveyCampaign> SurveyCampaigns => Set<SurveyCampaign>();
    public DbSet<CampaignTarget> CampaignTargets => Set<CampaignTarget>();
    public DbSet<SurveyInvitation> SurveyInvitations => Set<SurveyInvitation>();
    public DbSet<SurveyDraft> SurveyDrafts => Set<SurveyDraft>();
    public DbSet<SurveyResponse> SurveyResponses => Set<SurveyResponse>();
    public DbSet<ServiceCounter> ServiceCounters => Set<ServiceCounter>();
    public DbSet<CounterDevice> CounterDevices => Set<CounterDevice>();
    public DbSet<CounterRating> CounterRatings => Set<CounterRating>();
    public DbSet<SurveyImport> SurveyImports => Set<SurveyImport>();
}
