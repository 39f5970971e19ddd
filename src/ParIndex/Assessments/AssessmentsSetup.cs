using Microsoft.Extensions.DependencyInjection.Extensions;
using ParIndex.Web.Documents;

namespace ParIndex.Assessments;

/// <summary>The self-assessment and appraisal services (ParIndexSetup calls this with one line).</summary>
public static class AssessmentsSetup
{
    public static IHostApplicationBuilder AddAssessments(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<AssessmentService>();
        builder.Services.AddScoped<AppraisalService>();
        builder.Services.AddScoped<IProposedScores, ProposedScores>();
        builder.Services.AddScoped<AssessmentReports>();
        builder.Services.TryAddScoped<PdfSupport>();
        return builder;
    }
}
