using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ParIndex.Evidence;

namespace ParIndex.Data.Configurations;

internal sealed class EvidenceDocumentConfiguration : IEntityTypeConfiguration<EvidenceDocument>
{
    public void Configure(EntityTypeBuilder<EvidenceDocument> d)
    {
        // The same file uploaded twice for one unit and year is one document.
        d.HasIndex(x => new { x.UnitId, x.Year, x.Sha256 }).IsUnique();
        d.HasIndex(x => x.Sha256);
        d.Property(x => x.Sha256).HasMaxLength(64);
        d.Property(x => x.FileName).HasMaxLength(255);
        d.Property(x => x.DocumentNumber).HasMaxLength(100);
        d.Property(x => x.IssuingBody).HasMaxLength(300);
        d.Property(x => x.Title).HasMaxLength(500);
        d.Property(x => x.UploadedBy).HasMaxLength(256);
        d.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        d.HasOne<EvidenceDocument>().WithMany().HasForeignKey(x => x.CarriedFromId).OnDelete(DeleteBehavior.Restrict);
        d.HasMany(x => x.Links).WithOne(l => l.Document).HasForeignKey(l => l.DocumentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class EvidenceLinkConfiguration : IEntityTypeConfiguration<EvidenceLink>
{
    public void Configure(EntityTypeBuilder<EvidenceLink> l)
    {
        l.HasIndex(x => new { x.EntryId, x.DocumentId }).IsUnique();
        l.HasIndex(x => x.DocumentId);
        l.Property(x => x.AddedBy).HasMaxLength(256);
        l.Property(x => x.VerdictNote).HasMaxLength(2000);
        l.Property(x => x.VerdictBy).HasMaxLength(256);
        l.HasOne(x => x.Entry).WithMany(e => e.Evidence).HasForeignKey(x => x.EntryId).OnDelete(DeleteBehavior.Cascade);
    }
}
