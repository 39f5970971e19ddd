using Microsoft.Extensions.Caching.Memory;
using ParIndex.Core.Scoring;

namespace ParIndex.Publication;

/// <summary>
/// Parsed snapshot documents by snapshot id. A snapshot never changes once written, so an entry never goes stale;
/// the cache only bounds memory (entries are sized by their JSON length) and lives as long as the app.
/// </summary>
public sealed class SnapshotCache : IDisposable
{
    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = 256L * 1024 * 1024 });

    public bool TryGetBlock(int snapshotId, out SnapshotDocument? document) => cache.TryGetValue(("block", snapshotId), out document);

    public SnapshotDocument AddBlock(int snapshotId, SnapshotDocument document, int jsonLength) =>
        cache.Set(("block", snapshotId), document, new MemoryCacheEntryOptions { Size = jsonLength, Priority = CacheItemPriority.High });

    public bool TryGetUnit(int snapshotId, string unitCode, out UnitResult? detail) => cache.TryGetValue(("unit", snapshotId, unitCode), out detail);

    public UnitResult AddUnit(int snapshotId, string unitCode, UnitResult detail, int jsonLength) =>
        cache.Set(("unit", snapshotId, unitCode), detail, new MemoryCacheEntryOptions { Size = jsonLength });

    public void Dispose() => cache.Dispose();
}
