using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ParIndex.Dossiers;

namespace ParIndex.Data.Configurations;

/// <summary>
/// The dossier table: ~10 million rows a year per city. Enums are small integers here, not names (the one exception
/// to the convention, ADR 0006), and three covering indexes serve the three sets every indicator query sums:
/// received in a month, ended in a month, open at a month's end. The column order of each index puts the month
/// first, so a city-wide month is one range and a unit's month one probe.
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

        dossier.HasIndex(d => new { d.ReceivedMonth, d.UnitId, d.ProcedureId, d.Channel, d.EndToEnd, d.Digitised, d.Payment, d.DuePromised })
            .HasDatabaseName("IX_Dossiers_Received");
        dossier.HasIndex(d => new { d.EndMonth, d.UnitId, d.Outcome, d.HasApology, d.ProcessingDays, d.ElectronicResult, d.Rating })
            .HasDatabaseName("IX_Dossiers_Ended");
        dossier.HasIndex(d => new { d.OpenSpan, d.ReceivedMonth, d.UnitId, d.OverdueFrom, d.HasApology })
            .HasDatabaseName("IX_Dossiers_Open")
            .HasFilter("open_span IS NOT NULL");
    }
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
