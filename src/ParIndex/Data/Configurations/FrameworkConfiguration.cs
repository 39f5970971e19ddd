using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ParIndex.Frameworks;

namespace ParIndex.Data.Configurations;

internal sealed class FrameworkConfiguration : IEntityTypeConfiguration<Framework>
{
    public void Configure(EntityTypeBuilder<Framework> framework)
    {
        framework.HasIndex(f => new { f.BlockId, f.Revision }).IsUnique();
        framework.HasIndex(f => new { f.Year, f.Status });
        framework.Property(f => f.TitleVi).HasMaxLength(512);
        framework.Property(f => f.RevisionReason).HasMaxLength(2000);
        framework.Property(f => f.CreatedBy).HasMaxLength(256);
        framework.Property(f => f.PublishedBy).HasMaxLength(256);
        framework.Property(f => f.ConcurrencyStamp).IsConcurrencyToken();
        framework.HasOne(f => f.Block).WithMany().HasForeignKey(f => f.BlockId).OnDelete(DeleteBehavior.Restrict);
    }
}
