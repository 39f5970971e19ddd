using Microsoft.EntityFrameworkCore;
using ParIndex.Assessments;

namespace ParIndex.Data;

public sealed partial class AppDbContext
{
    public DbSet<SelfAssessment> SelfAssessments => Set<SelfAssessment>();
    public DbSet<AssessmentEntry> AssessmentEntries => Set<AssessmentEntry>();
    public DbSet<LeafAppraisal> LeafAppraisals => Set<LeafAppraisal>();
}
