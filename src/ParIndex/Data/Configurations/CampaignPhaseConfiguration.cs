using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ParIndex.Campaign;

namespace ParIndex.Data.Configurations;

internal sealed class CampaignPhaseConfiguration : IEntityTypeConfiguration<CampaignPhase>
{
    public void Configure(EntityTypeBuilder<CampaignPhase> phase)
    {
        phase.HasIndex(p => new { p.Year, p.Kind }).IsUnique();
        phase.Property(p => p.OpenedBy).HasMaxLength(256);
        phase.Property(p => p.ClosedBy).HasMaxLength(256);
        phase.Property(p => p.UpdatedBy).HasMaxLength(256);
        phase.Property(p => p.Reason).HasMaxLength(2000);
        phase.Property(p => p.ConcurrencyStamp).IsConcurrencyToken();
    }
}
