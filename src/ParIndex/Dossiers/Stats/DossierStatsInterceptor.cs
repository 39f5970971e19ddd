using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace ParIndex.Dossiers.Stats;

/// <summary>
/// Keeps the monthly statistics in step with dossiers changed through EF Core (events pushed for one dossier,
/// apologies recorded or removed, deadlines recomputed after a calendar change): before SaveChanges writes, the
/// tracked dossiers' original values are subtracted and their current values added, in the same transaction
/// (begun here when the caller has none). The bulk importer writes its own delta (<see cref="DossierImporter"/>).
/// </summary>
public sealed class DossierStatsInterceptor : SaveChangesInterceptor
{
    /// <summary>The transactions begun here, per context, to commit or roll back when SaveChanges ends.</summary>
    private readonly ConditionalWeakTable<DbContext, IDbContextTransaction> begun = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        SavingChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not { } context)
            return result;
        var delta = Delta(context);
        if (delta.IsEmpty)
            return result;
        var database = context.Database;
        if (database.CurrentTransaction is null)
            begun.AddOrUpdate(context, await database.BeginTransactionAsync(cancellationToken));
        await DossierStatsWriter.WriteAsync(database.GetDbConnection(), database.CurrentTransaction!.GetDbTransaction(), delta, cancellationToken);
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        End(eventData.Context, commit: true);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        End(eventData.Context, commit: true);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => End(eventData.Context, commit: false);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        End(eventData.Context, commit: false);
        return Task.CompletedTask;
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => End(eventData.Context, commit: false);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        End(eventData.Context, commit: false);
        return Task.CompletedTask;
    }

    private void End(DbContext? context, bool commit)
    {
        if (context is null || !begun.TryGetValue(context, out var transaction))
            return;
        begun.Remove(context);
        if (commit)
            transaction.Commit();
        else
            transaction.Rollback();
        transaction.Dispose();
    }

    private static DossierStatsDelta Delta(DbContext context)
    {
        var delta = new DossierStatsDelta();
        var tracker = context.ChangeTracker;
        // Every SaveChanges of the app passes here, and SaveChanges detects changes itself right after: do it here
        // too only when the context tracks a dossier at all (Entries() would detect changes of every entity).
        bool detect = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            if (!tracker.Entries<Dossier>().Any())
                return delta;
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = detect;
        }
        foreach (var entry in tracker.Entries<Dossier>())
        {
            switch (entry.State)
            {
                case EntityState.Added:
                    delta.Add(DossierFacts.From(entry.Entity), +1);
                    break;
                case EntityState.Deleted:
                    delta.Add(DossierFacts.From((Dossier)entry.OriginalValues.ToObject()), -1);
                    break;
                case EntityState.Modified:
                    delta.Add(DossierFacts.From((Dossier)entry.OriginalValues.ToObject()), -1);
                    delta.Add(DossierFacts.From(entry.Entity), +1);
                    break;
            }
        }
        return delta;
    }
}
