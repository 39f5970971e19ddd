using ParIndex.Dossiers;

namespace ParIndex.Data;

public sealed partial class AppDbContext
{
    public Microsoft.EntityFrameworkCore.DbSet<Procedure> Procedures => Set<Procedure>();
}
