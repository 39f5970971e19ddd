using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ParIndex.Calendar;

namespace ParIndex.Data.Configurations;

internal sealed class CalendarNoticeConfiguration : IEntityTypeConfiguration<CalendarNotice>
{
    public void Configure(EntityTypeBuilder<CalendarNotice> notice)
    {
        notice.HasIndex(n => n.Year).IsUnique();
        notice.Property(n => n.UpdatedBy).HasMaxLength(256);
    }
}
