using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ParIndex.Units;

namespace ParIndex.Data.Configurations;

internal sealed class BlockConfiguration : IEntityTypeConfiguration<Block>
{
    public void Configure(EntityTypeBuilder<Block> block)
    {
        block.Property(b => b.Code).HasMaxLength(32);
        block.Property(b => b.NameVi).HasMaxLength(256);
        block.Property(b => b.NameEn).HasMaxLength(256);
        block.Property(b => b.PublishedBy).HasMaxLength(256);
        block.HasIndex(b => new { b.Year, b.Code }).IsUnique();
        block.HasMany(b => b.Members).WithOne(m => m.Block).HasForeignKey(m => m.BlockId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class BlockMemberConfiguration : IEntityTypeConfiguration<BlockMember>
{
    public void Configure(EntityTypeBuilder<BlockMember> member)
    {
        // A unit sits in one block per year.
        member.HasIndex(m => new { m.Year, m.UnitId }).IsUnique();
        member.HasIndex(m => m.BlockId);
        member.HasOne(m => m.Unit).WithMany().HasForeignKey(m => m.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
