using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ParIndex.Campaign;

namespace ParIndex.Data.Configurations;

internal sealed class OutboxEmailConfiguration : IEntityTypeConfiguration<OutboxEmail>
{
    public void Configure(EntityTypeBuilder<OutboxEmail> email)
    {
        email.HasIndex(e => new { e.SentAtUtc, e.NextAttemptAtUtc });
        email.HasIndex(e => e.CreatedAtUtc);
        // "to" is a reserved word in SQL; a plain column name keeps psql and reports free of quoting.
        email.Property(e => e.To).HasColumnName("to_address").HasMaxLength(320);
        email.Property(e => e.Subject).HasMaxLength(300);
        email.Property(e => e.LastError).HasMaxLength(2000);
    }
}
