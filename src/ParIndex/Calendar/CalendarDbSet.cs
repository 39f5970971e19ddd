using ParIndex.Calendar;

namespace ParIndex.Data;

public sealed partial class AppDbContext
{
    public Microsoft.EntityFrameworkCore.DbSet<CalendarNotice> CalendarNotices => Set<CalendarNotice>();
}
