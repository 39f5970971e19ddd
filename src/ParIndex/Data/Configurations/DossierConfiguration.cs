using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ParIndex.Dossiers;
using ParIndex.Dossiers.Stats;

namespace ParIndex.Data.Configurations;

/// <summary>
/// The dossier table: ~10 million rows a year per city. Enums are small integers here, not names (the one exception
/// to the convention, ADR 0006). Indicators are not read from it but from the monthly statistics tables kept beside
/// it (ADR 0010), so besides the unique code (the upsert key) it carries one small partial index: the late and open
/// dossiers still without an apology, which the administration's worklist reads.
/// </summary>
internal sealed class DossierConfiguration : IEntityTypeConfiguration<Dossier>
{
    public void Configure(EntityTypeBuilder<Dossier> dossier)
    {
        // Plain rowids on SQLite (max + 1, still increasing as no dossier is deleted): AUTOINCREMENT would write the
        // sqlite_sequence table once per inserted row, a third of the import's time (ADR 0006).
        dossier.Property(d => d.Id).HasAnnotation("Sqlite:ValueGenerationStrategy", Microsoft.EntityFrameworkCore.Metadata.SqliteValueGenerationStrategy.None);
        dossier.Property(d => d.Code).HasMaxLength(64);
        dossier.HasIndex(d => d.Code).IsUnique();
        dossier.Property(d => d.Channel).HasConversion<short>();
        dossier.Property(d => d.EndKind).HasConversion<short>();
        dossier.Property(d => d.Outcome).HasConversion<short>();
        dossier.Property(d => d.Payment).HasConversion<short>();
        dossier.Property(d => d.Rating).HasConversion<short>();
        dossier.Property(d => d.Events).HasMaxLength(1000);
        // No foreign-key constraints to units, procedures and batches: the importer is the only writer and checks every
        // id, and each constraint would make EF add an index on the largest table (ADR 0006).

        // Outcome 1 is on time: the rest are late, or open and possibly overdue (a few per cent of the rows).
        dossier.HasIndex(d => new { d.UnitId, d.ReceivedMonth })
            .HasDatabaseName("IX_Dossiers_Unapologised")
            .HasFilter("outcome <> 1 AND NOT has_apology");
    }
}

internal sealed class DossierReceivedStatConfiguration : IEntityTypeConfiguration<DossierReceivedStat>
{
    public void Configure(EntityTypeBuilder<DossierReceivedStat> stat) => stat.HasKey(s => new { s.ReceivedMonth, s.UnitId, s.ProcedureId });
}

internal sealed class DossierEndedStatConfiguration : IEntityTypeConfiguration<DossierEndedStat>
{
    public void Configure(EntityTypeBuilder<DossierEndedStat> stat) => stat.HasKey(s => new { s.EndMonth, s.UnitId });
}

internal sealed class DossierOpenStatConfiguration : IEntityTypeConfiguration<DossierOpenStat>
{
    public void Configure(EntityTypeBuilder<DossierOpenStat> stat) => stat.HasKey(s => new { s.OpenSpan, s.ReceivedMonth, s.UnitId, s.OverdueFrom });
}

internal sealed class DossierApologyConfiguration : IEntityTypeConfiguration<DossierApology>
{
    public void Configure(EntityTypeBuilder<DossierApology> apology)
    {
        apology.HasIndex(a => a.DossierId).IsUnique();
        apology.HasOne<Dossier>().WithMany().HasForeignKey(a => a.DossierId).OnDelete(DeleteBehavior.Cascade);
        apology.Property(a => a.Reason).HasMaxLength(Core.Dossiers.ApologyRules.MaxReasonLength);
        apology.Property(a => a.SignedBy).HasMaxLength(256);
        apology.Property(a => a.RecordedBy).HasMaxLength(256);
    }
}

internal sealed class DossierImportBatchConfiguration : IEntityTypeConfiguration<DossierImportBatch>
{
    public void Configure(EntityTypeBuilder<DossierImportBatch> batch)
    {
        batch.Property(b => b.FileName).HasMaxLength(256);
        batch.Property(b => b.Actor).HasMaxLength(256);
        batch.Property(b => b.Message).HasMaxLength(2000);
        batch.HasIndex(b => b.StartedAtUtc);
    }
}

internal sealed class DossierImportErrorConfiguration : IEntityTypeConfiguration<DossierImportError>
{
    public void Configure(EntityTypeBuilder<DossierImportError> error)
    {
        error.HasIndex(e => new { e.BatchId, e.RowNumber });
        error.HasOne<DossierImportBatch>().WithMany().HasForeignKey(e => e.BatchId).OnDelete(DeleteBehavior.Cascade);
        error.Property(e => e.ColumnName).HasMaxLength(64);
        error.Property(e => e.Code).HasMaxLength(64);
        error.Property(e => e.Message).HasMaxLength(1000);
        error.Property(e => e.MessageEn).HasMaxLength(1000);
    }
}
