using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ParIndex.Dossiers;

namespace ParIndex.Data.Configurations;

internal sealed class ProcedureConfiguration : IEntityTypeConfiguration<Procedure>
{
    public void Configure(EntityTypeBuilder<Procedure> procedure)
    {
        procedure.HasIndex(p => p.Code).IsUnique();
        procedure.Property(p => p.Code).HasMaxLength(32);
        procedure.Property(p => p.NameVi).HasMaxLength(1000);
        procedure.Property(p => p.NameEn).HasMaxLength(1000);
        procedure.Property(p => p.Sector).HasMaxLength(256);
    }
}
