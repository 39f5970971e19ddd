using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ParIndex.Appeals;
using ParIndex.AppraisalCouncil;

namespace ParIndex.Data.Configurations;

internal sealed class CouncilYearConfiguration : IEntityTypeConfiguration<CouncilYear>
{
    public void Configure(EntityTypeBuilder<CouncilYear> year)
    {
        year.HasIndex(y => y.Year).IsUnique();
        year.Property(y => y.FinalisedBy).HasMaxLength(256);
        year.Property(y => y.UpdatedBy).HasMaxLength(256);
        year.Property(y => y.ConcurrencyStamp).IsConcurrencyToken();
        year.HasOne(y => y.Decision).WithMany().HasForeignKey(y => y.DecisionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CouncilDecisionConfiguration : IEntityTypeConfiguration<CouncilDecision>
{
    public void Configure(EntityTypeBuilder<CouncilDecision> decision)
    {
        decision.HasIndex(d => d.Year);
        decision.Property(d => d.DecisionNumber).HasMaxLength(64);
        decision.Property(d => d.Notes).HasMaxLength(4000);
        decision.Property(d => d.RecordedBy).HasMaxLength(256);
    }
}

internal sealed class CouncilOverrideConfiguration : IEntityTypeConfiguration<CouncilOverride>
{
    public void Configure(EntityTypeBuilder<CouncilOverride> score)
    {
        score.HasIndex(s => new { s.Year, s.UnitId, s.NodeCode }).IsUnique();
        score.Property(s => s.NodeCode).HasMaxLength(64);
        score.Property(s => s.Level).HasMaxLength(64);
        score.Property(s => s.Reason).HasMaxLength(2000);
        score.Property(s => s.UpdatedBy).HasMaxLength(256);
        score.HasOne(s => s.Unit).WithMany().HasForeignKey(s => s.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AppealConfiguration : IEntityTypeConfiguration<Appeal>
{
    public void Configure(EntityTypeBuilder<Appeal> appeal)
    {
        appeal.HasIndex(a => new { a.Year, a.UnitId, a.NodeCode });
        appeal.HasIndex(a => new { a.Year, a.Status });
        appeal.Property(a => a.BlockCode).HasMaxLength(32);
        appeal.Property(a => a.NodeCode).HasMaxLength(64);
        appeal.Property(a => a.Grounds).HasMaxLength(8000);
        appeal.Property(a => a.FiledBy).HasMaxLength(256);
        appeal.Property(a => a.DecisionReason).HasMaxLength(4000);
        appeal.Property(a => a.DecidedBy).HasMaxLength(256);
        appeal.Property(a => a.Level).HasMaxLength(64);
        appeal.Property(a => a.ConcurrencyStamp).IsConcurrencyToken();
        appeal.HasOne(a => a.Unit).WithMany().HasForeignKey(a => a.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
