using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ParIndex.Data;

namespace ParIndex.Surveys.Counters;

public sealed class CounterOptions
{
    /// <summary>Ratings a device may send per second on average (token bucket refill); a real device sends one every few seconds at most.</summary>
    public int PermitsPerSecond { get; set; } = 5;

    /// <summary>Ratings a device may send at once (bucket size).</summary>
    public int Burst { get; set; } = 20;

    /// <summary>How long a key's lookup is cached: revoking a device takes effect within this time.</summary>
    public int KeyCacheSeconds { get; set; } = 30;

    /// <summary>Most ratings written in one transaction by <see cref="CounterRatingWriter"/>.</summary>
    public int MaxBatch { get; set; } = 1_000;
}

/// <summary>Who sent a rating: the device and the counter and unit it belongs to.</summary>
public sealed record CounterPrincipal(int DeviceId, int CounterId, string CounterCode, int UnitId);

/// <summary>
/// Turns a presented key into a counter device. Today keys are per-device API keys stored hashed (<see cref="HashedKeyDeviceAuthenticator"/>);
/// the API-token system planned for machine clients can replace this registration without touching the endpoints.
/// </summary>
public interface ICounterDeviceAuthenticator
{
    ValueTask<CounterPrincipal?> AuthenticateAsync(string? key, CancellationToken cancellationToken);
}

/// <summary>Looks the SHA-256 of the key up in counter_devices; caches answers (both found and not found) briefly.</summary>
public sealed class HashedKeyDeviceAuthenticator(IServiceScopeFactory scopes, IOptions<CounterOptions> options, TimeProvider clock) : ICounterDeviceAuthenticator
{
    private readonly ConcurrentDictionary<string, (CounterPrincipal? Principal, DateTimeOffset Until)> cache = new(StringComparer.Ordinal);

    public async ValueTask<CounterPrincipal?> AuthenticateAsync(string? key, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(key) || !SurveyTokens.LooksValid(key))
            return null;
        var hash = SurveyTokens.Hash(key);
        var now = clock.GetUtcNow();
        if (cache.TryGetValue(hash, out var cached) && cached.Until > now)
            return cached.Principal;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var device = await db.CounterDevices.AsNoTracking().Include(d => d.Counter)
            .FirstOrDefaultAsync(d => d.KeyHash == hash && d.RevokedAtUtc == null && d.Counter!.Active, cancellationToken);
        var principal = device is null ? null : new CounterPrincipal(device.Id, device.CounterId, device.Counter!.Code, device.Counter.UnitId);
        if (cache.Count > 10_000)
            cache.Clear();
        cache[hash] = (principal, now.AddSeconds(options.Value.KeyCacheSeconds));
        return principal;
    }

    /// <summary>Forgets cached lookups (after a revocation in this process).</summary>
    public void Forget() => cache.Clear();
}

/// <summary>
/// ASP.NET Core's token-bucket rate limiter (System.Threading.RateLimiting), partitioned per device (API) or per
/// counter and client address (the touch page), applied by the counter endpoints.
/// </summary>
public sealed class CounterRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> limiter;

    public CounterRateLimiter(IOptions<CounterOptions> options)
    {
        var settings = options.Value;
        limiter = PartitionedRateLimiter.Create<string, string>(partition => RateLimitPartition.GetTokenBucketLimiter(partition, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(1, settings.Burst),
            TokensPerPeriod = Math.Max(1, settings.PermitsPerSecond),
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
    }

    /// <summary>True when the partition may send one more rating now.</summary>
    public bool TryAcquire(string partition)
    {
        using var lease = limiter.AttemptAcquire(partition);
        return lease.IsAcquired;
    }

    public void Dispose() => limiter.Dispose();
}
