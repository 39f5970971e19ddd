using Microsoft.EntityFrameworkCore;
using ParIndex.Appeals;

namespace ParIndex.Data;

public sealed partial class AppDbContext
{
    public DbSet<Appeal> Appeals => Set<Appeal>();
}
