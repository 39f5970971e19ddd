using Microsoft.EntityFrameworkCore;
using ParIndex.Publication;

namespace ParIndex.Data;

public sealed partial class AppDbContext
{
    public DbSet<PublicationSnapshot> PublicationSnapshots => Set<PublicationSnapshot>();
    public DbSet<PublicationSnapshotUnit> PublicationSnapshotUnits => Set<PublicationSnapshotUnit>();
    public DbSet<PublicationCorrection> PublicationCorrections => Set<PublicationCorrection>();
}
