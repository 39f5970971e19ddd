using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ParIndex.Campaign;

namespace ParIndex.Data.Configurations;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> notification)
    {
        // One reminder per user, phase, kind and day: the reminder run relies on it to be idempotent.
        notification.HasIndex(n => new { n.UserId, n.Year, n.Phase, n.Kind, n.OnDate }).IsUnique();
        notification.HasIndex(n => new { n.UserId, n.ReadAtUtc });
        notification.Property(n => n.UserId).HasMaxLength(450);
        notification.Property(n => n.MessageVi).HasMaxLength(2000);
        notification.Property(n => n.MessageEn).HasMaxLength(2000);
        notification.Property(n => n.Link).HasMaxLength(512);
    }
}
