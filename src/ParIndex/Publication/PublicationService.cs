using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using ParIndex.Audit;
using ParIndex.Data;
using ParIndex.Web;
using static ParIndex.Web.Text;

namespace ParIndex.Publication;

/// <summary>
/// The published flag of a block and year: only published results are public. (The full publication
/// workflow with frozen snapshots and a corrections log comes with the assessment campaign.)
/// </summary>
public sealed class PublicationService(AppDbContext db, AuditLog audit, TimeProvider clock, IOutputCacheStore? cache = null)
{
    public async Task<Outcome<bool>> SetPublishedAsync(int year, string blockCode, bool published, string actor, CancellationToken cancellationToken = default)
    {
        var block = await db.Blocks.FirstOrDefaultAsync(b => b.Year == year && b.Code == blockCode, cancellationToken);
        if (block is null)
            return Outcome<bool>.Missing();
        if (published && !await db.ResultSets.AnyAsync(s => s.BlockId == block.Id, cancellationToken))
            return Problems.Of("results", T($"Khối {blockCode} năm {year} chưa có kết quả tính toán để công bố.", $"Block {blockCode} has no computed results for {year} to publish."));
        if (block.IsPublished == published)
            return Outcome<bool>.Ok(published);
        block.IsPublished = published;
        block.PublishedAtUtc = published ? clock.GetUtcNow().UtcDateTime : null;
        block.PublishedBy = published ? actor : null;
        audit.Record(actor, published ? "results.published" : "results.unpublished", "block", $"{year}/{blockCode}", (!published).ToString(), published.ToString());
        await db.SaveChangesAsync(cancellationToken);
        await EvictPublicPagesAsync(cancellationToken);
        return Outcome<bool>.Ok(published);
    }

    /// <summary>Public pages are cached; any change to what is published or computed evicts them.</summary>
    public async Task EvictPublicPagesAsync(CancellationToken cancellationToken = default)
    {
        if (cache is not null)
            await cache.EvictByTagAsync(PublicCache.Tag, cancellationToken);
    }
}
