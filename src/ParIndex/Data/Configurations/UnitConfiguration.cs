using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ParIndex.Units;

namespace ParIndex.Data.Configurations;

internal sealed class UnitConfiguration : IEntityTypeConfiguration<Unit>
{
    public void Configure(EntityTypeBuilder<Unit> unit)
    {
        unit.Property(u => u.Code).HasMaxLength(32);
        unit.HasIndex(u => u.Code).IsUnique();
        unit.Property(u => u.NameVi).HasMaxLength(256);
        unit.Property(u => u.NameEn).HasMaxLength(256);
        unit.HasOne(u => u.Parent).WithMany().HasForeignKey(u => u.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}
