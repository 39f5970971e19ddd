using System.Text.Encodings.Web;
using System.Text.Json;
using ParIndex.Data;

namespace ParIndex.Audit;

/// <summary>
/// Adds audit entries to the current unit of work: they are saved by the same SaveChanges as the change
/// they describe, so a change is never stored without its audit entry, nor the other way round.
/// </summary>
public sealed class AuditLog(AppDbContext db, TimeProvider clock)
{
    private static readonly JsonSerializerOptions ReadableJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A value as JSON that keeps Vietnamese readable in the trail (no \u escapes).</summary>
    public static string Json(object value) => JsonSerializer.Serialize(value, ReadableJson);

    public void Record(string actor, string action, string entityType, string entityKey, string? oldValue = null, string? newValue = null, string? reason = null)
    {
        db.AuditEntries.Add(new AuditEntry
        {
            AtUtc = clock.GetUtcNow().UtcDateTime,
            Actor = actor,
            Action = action,
            EntityType = entityType,
            EntityKey = entityKey,
            OldValue = oldValue,
            NewValue = newValue,
            Reason = reason,
        });
    }
}
