using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace ParIndex.Dossiers;

/// <summary>
/// The public look-up by dossier code is rate-limited per client address with ASP.NET Core's rate limiter
/// (System.Threading.RateLimiting, a fixed window per address), so codes cannot be enumerated:
/// <see cref="DossierOptions.LookupPermitsPerMinute"/> look-ups a minute (20 by default). A refused request gets 429 with
/// Retry-After. The page acquires a permit itself, like the counter rating API does, so the limit needs no
/// middleware in the pipeline.
/// </summary>
public sealed class DossierLookupLimits : IDisposable
{
    private readonly PartitionedRateLimiter<string> limiter;

    public DossierLookupLimits(IOptions<DossierOptions> options)
    {
        var permits = Math.Max(1, options.Value.LookupPermitsPerMinute);
        limiter = PartitionedRateLimiter.Create<string, string>(address => RateLimitPartition.GetFixedWindowLimiter(address,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0, AutoReplenishment = true }));
    }

    /// <summary>True when the caller may look up one more code now.</summary>
    public bool TryAcquire(HttpContext context)
    {
        using var lease = limiter.AttemptAcquire(context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        if (lease.IsAcquired)
            return true;
        context.Response.Headers.RetryAfter = "60";
        return false;
    }

    public void Dispose() => limiter.Dispose();
}
