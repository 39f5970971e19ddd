using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ParIndex.Publication;

namespace ParIndex.Data.Configurations;

internal sealed class PublicationSnapshotConfiguration : IEntityTypeConfiguration<PublicationSnapshot>
{
    public void Configure(EntityTypeBuilder<PublicationSnapshot> snapshot)
    {
        // One row per version; two administrators publishing at once cannot both create the same version.
        snapshot.HasIndex(s => new { s.BlockId, s.Version }).IsUnique();
        // The public read: the newest version of a year and block code.
        snapshot.HasIndex(s => new { s.Year, s.BlockCode, s.Version });
        snapshot.Property(s => s.BlockCode).HasMaxLength(32);
        snapshot.Property(s => s.DecisionNumber).HasMaxLength(64);
        snapshot.Property(s => s.PublishedBy).HasMaxLength(256);
        snapshot.Property(s => s.BlockNameVi).HasMaxLength(256);
        snapshot.Property(s => s.BlockNameEn).HasMaxLength(256);
        snapshot.Property(s => s.ContentHash).HasMaxLength(64);
        snapshot.HasOne(s => s.Block).WithMany().HasForeignKey(s => s.BlockId).OnDelete(DeleteBehavior.Restrict);
        snapshot.HasMany(s => s.Units).WithOne(u => u.Snapshot).HasForeignKey(u => u.SnapshotId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PublicationSnapshotUnitConfiguration : IEntityTypeConfiguration<PublicationSnapshotUnit>
{
    public void Configure(EntityTypeBuilder<PublicationSnapshotUnit> unit)
    {
        unit.HasIndex(u => new { u.SnapshotId, u.UnitCode }).IsUnique();
        unit.HasIndex(u => u.UnitCode);
        unit.Property(u => u.UnitCode).HasMaxLength(32);
        unit.Property(u => u.ClassCode).HasMaxLength(32);
    }
}

internal sealed class PublicationCorrectionConfiguration : IEntityTypeConfiguration<PublicationCorrection>
{
    public void Configure(EntityTypeBuilder<PublicationCorrection> correction)
    {
        correction.HasIndex(c => new { c.Year, c.BlockCode, c.ToVersion });
        correction.HasIndex(c => c.SnapshotId).IsUnique();
        correction.Property(c => c.BlockCode).HasMaxLength(32);
        correction.Property(c => c.Reason).HasMaxLength(2000);
        correction.Property(c => c.DecisionNumber).HasMaxLength(64);
        correction.Property(c => c.PublishedBy).HasMaxLength(256);
        correction.HasOne(c => c.Block).WithMany().HasForeignKey(c => c.BlockId).OnDelete(DeleteBehavior.Restrict);
        correction.HasOne(c => c.Snapshot).WithMany().HasForeignKey(c => c.SnapshotId).OnDelete(DeleteBehavior.Restrict);
        correction.HasOne<Appeals.Appeal>().WithMany().HasForeignKey(c => c.AppealId).OnDelete(DeleteBehavior.Restrict);
    }
}
