using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ParIndex.Results;

namespace ParIndex.Data.Configurations;

internal sealed class ResultSetConfiguration : IEntityTypeConfiguration<ResultSet>
{
    public void Configure(EntityTypeBuilder<ResultSet> set)
    {
        set.HasIndex(s => new { s.Year, s.BlockId }).IsUnique();
        set.Property(s => s.ComputedBy).HasMaxLength(256);
        set.HasOne(s => s.Block).WithMany().HasForeignKey(s => s.BlockId).OnDelete(DeleteBehavior.Restrict);
        set.HasMany(s => s.Rows).WithOne(r => r.ResultSet).HasForeignKey(r => r.ResultSetId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ResultRowConfiguration : IEntityTypeConfiguration<ResultRow>
{
    public void Configure(EntityTypeBuilder<ResultRow> row)
    {
        row.HasIndex(r => new { r.ResultSetId, r.Rank });
        row.HasIndex(r => new { r.UnitId, r.Year });
        row.Property(r => r.ClassCode).HasMaxLength(32);
        row.HasOne(r => r.Unit).WithMany().HasForeignKey(r => r.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
