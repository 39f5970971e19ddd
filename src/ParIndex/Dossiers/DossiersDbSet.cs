using ParIndex.Dossiers;

namespace ParIndex.Data;

public sealed partial class AppDbContext
{
    public Microsoft.EntityFrameworkCore.DbSet<Dossier> Dossiers => Set<Dossier>();
    public Microsoft.EntityFrameworkCore.DbSet<DossierApology> DossierApologies => Set<DossierApology>();
    public Microsoft.EntityFrameworkCore.DbSet<DossierImportBatch> DossierImportBatches => Set<DossierImportBatch>();
    public Microsoft.EntityFrameworkCore.DbSet<DossierImportError> DossierImportErrors => Set<DossierImportError>();
}
