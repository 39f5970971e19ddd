using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ParIndex.Audit;

/// <summary>
/// Keeps the audit trail append-only inside the app: a SaveChanges that would update or delete an audit entry fails
/// before anything is written. (Bulk ExecuteUpdate/ExecuteDelete bypass SaveChanges; a test scans the code for them.
/// On PostgreSQL a trigger refusing UPDATE and DELETE on audit_entries would close the database side too — see
/// docs/campaign.md.)
/// </summary>
public sealed class AuditAppendOnlyInterceptor : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Check(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Check(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Check(DbContext? context)
    {
        if (context is null)
            return;
        foreach (var entry in context.ChangeTracker.Entries<AuditEntry>())
            if (entry.State is EntityState.Modified or EntityState.Deleted)
                throw new InvalidOperationException($"Audit entries are append-only: entry {entry.Entity.Id} ({entry.Entity.Action}) cannot be {(entry.State == EntityState.Deleted ? "deleted" : "changed")}.");
    }
}
