using Microsoft.EntityFrameworkCore;
using ParIndex.Data;

namespace ParIndex.Dossiers.Stats;

/// <summary>
/// Recomputes the monthly statistics from the dossiers, in one transaction: after a bulk SQL change that bypasses
/// the importer and EF Core (the demo seeder's apology flag), and on demand (<c>parindex dossiers rebuild-stats</c>).
/// Reads every dossier once: about a second per million rows.
/// </summary>
public static class DossierStatsRebuild
{
    public static async Task RunAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        bool own = db.Database.CurrentTransaction is null;
        var transaction = own ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            foreach (var sql in DossierStatsSql.Rebuild)
                await db.Database.ExecuteSqlRawAsync(sql, cancellationToken);
            if (transaction is not null)
                await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            if (transaction is not null)
                await transaction.DisposeAsync();
        }
    }
}
