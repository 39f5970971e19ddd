using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ParIndex.Results;

namespace ParIndex.Data.Configurations;

internal sealed class LeafScoreConfiguration : IEntityTypeConfiguration<LeafScore>
{
    public void Configure(EntityTypeBuilder<LeafScore> score)
    {
        score.HasIndex(s => new { s.Year, s.UnitId, s.Stage, s.NodeCode }).IsUnique();
        score.Property(s => s.NodeCode).HasMaxLength(64);
        score.Property(s => s.Level).HasMaxLength(64);
        score.Property(s => s.Source).HasMaxLength(1000);
        score.Property(s => s.UpdatedBy).HasMaxLength(256);
        score.HasOne(s => s.Unit).WithMany().HasForeignKey(s => s.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
