using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ParIndex.Assessments;

namespace ParIndex.Data.Configurations;

internal sealed class SelfAssessmentConfiguration : IEntityTypeConfiguration<SelfAssessment>
{
    public void Configure(EntityTypeBuilder<SelfAssessment> a)
    {
        a.HasIndex(x => new { x.Year, x.UnitId }).IsUnique();
        a.Property(x => x.Difficulties).HasMaxLength(20000);
        a.Property(x => x.UpdatedBy).HasMaxLength(256);
        a.Property(x => x.SubmittedBy).HasMaxLength(256);
        a.Property(x => x.Version).IsConcurrencyToken();
        a.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        a.HasMany(x => x.Entries).WithOne(e => e.Assessment).HasForeignKey(e => e.AssessmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AssessmentEntryConfiguration : IEntityTypeConfiguration<AssessmentEntry>
{
    public void Configure(EntityTypeBuilder<AssessmentEntry> e)
    {
        e.HasIndex(x => new { x.AssessmentId, x.NodeCode }).IsUnique();
        e.Property(x => x.NodeCode).HasMaxLength(64);
        e.Property(x => x.Level).HasMaxLength(64);
        e.Property(x => x.Comment).HasMaxLength(4000);
        e.Property(x => x.NoEvidenceNote).HasMaxLength(4000);
        e.Property(x => x.Explanation).HasMaxLength(8000);
        e.Property(x => x.ExplainedBy).HasMaxLength(256);
        e.Property(x => x.UpdatedBy).HasMaxLength(256);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.Ignore(x => x.Input);
        e.HasMany(x => x.Appraisals).WithOne(a => a.Entry).HasForeignKey(a => a.EntryId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class LeafAppraisalConfiguration : IEntityTypeConfiguration<LeafAppraisal>
{
    public void Configure(EntityTypeBuilder<LeafAppraisal> a)
    {
        a.HasIndex(x => new { x.EntryId, x.Round }).IsUnique();
        a.Property(x => x.Level).HasMaxLength(64);
        a.Property(x => x.Reason).HasMaxLength(4000);
        a.Property(x => x.AgencyCode).HasMaxLength(64);
        a.Property(x => x.DecidedBy).HasMaxLength(256);
        a.Ignore(x => x.Input);
    }
}
