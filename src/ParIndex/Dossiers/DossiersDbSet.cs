using ParIndex.Dossiers;
using ParIndex.Dossiers.Stats;

namespace ParIndex.Data;

public sealed partial class AppDbContext
{
    public Microsoft.EntityFrameworkCore.DbSet<Dossier> Dossiers => Set<Dossier>();
    public Microsoft.EntityFrameworkCore.DbSet<DossierApology> DossierApologies => Set<DossierApology>();
    public Microsoft.EntityFrameworkCore.DbSet<DossierImportBatch> DossierImportBatches => Set<DossierImportBatch>();
    public Microsoft.EntityFrameworkCore.DbSet<DossierImportError> DossierImportErrors => Set<DossierImportError>();
    public Microsoft.EntityFrameworkCore.DbSet<DossierReceivedStat> DossierReceivedStats => Set<DossierReceivedStat>();
    public Microsoft.EntityFrameworkCore.DbSet<DossierEndedStat> DossierEndedStats => Set<DossierEndedStat>();
    public Microsoft.EntityFrameworkCore.DbSet<DossierOpenStat> DossierOpenStats => Set<DossierOpenStat>();
}
