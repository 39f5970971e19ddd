using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ParIndex.Audit;

namespace ParIndex.Data.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> entry)
    {
        entry.HasIndex(e => new { e.EntityType, e.EntityKey });
        entry.HasIndex(e => e.AtUtc);
        entry.Property(e => e.Actor).HasMaxLength(256);
        entry.Property(e => e.Action).HasMaxLength(64);
        entry.Property(e => e.EntityType).HasMaxLength(64);
        entry.Property(e => e.EntityKey).HasMaxLength(256);
        entry.Property(e => e.Reason).HasMaxLength(2000);
    }
}
