using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ParIndex.Units;

namespace ParIndex.Data.Configurations;

internal sealed class UnitSuccessionConfiguration : IEntityTypeConfiguration<UnitSuccession>
{
    public void Configure(EntityTypeBuilder<UnitSuccession> succession)
    {
        succession.HasIndex(s => new { s.PredecessorId, s.SuccessorId }).IsUnique();
        succession.HasIndex(s => s.SuccessorId);
        succession.Property(s => s.Note).HasMaxLength(1000);
        succession.HasOne(s => s.Predecessor).WithMany().HasForeignKey(s => s.PredecessorId).OnDelete(DeleteBehavior.Restrict);
        succession.HasOne(s => s.Successor).WithMany().HasForeignKey(s => s.SuccessorId).OnDelete(DeleteBehavior.Restrict);
    }
}
