using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ParIndex.Data;

namespace ParIndex.Campaign;

public sealed record OutboxPage(IReadOnlyList<OutboxEmail> Items, int Total, int Page, int PageSize, IReadOnlyDictionary<OutboxStatus, int> Counts)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>The outbox as administrators see it: newest first, by status, with counts per status.</summary>
public sealed class OutboxQuery(AppDbContext db, IOptions<SmtpOptions> options)
{
    public const int PageSize = 50;

    public static OutboxStatus? ParseStatus(string? text) =>
        Enum.TryParse<OutboxStatus>(text, ignoreCase: true, out var status) && Enum.IsDefined(status) ? status : null;

    public async Task<OutboxPage> PageAsync(OutboxStatus? status, int page, CancellationToken cancellationToken = default)
    {
        page = Math.Max(1, page);
        var max = options.Value.MaxAttempts;
        var all = db.OutboxEmails.AsNoTracking();
        var counts = new Dictionary<OutboxStatus, int>
        {
            [OutboxStatus.Pending] = await all.CountAsync(e => e.SentAtUtc == null && e.Attempts < max, cancellationToken),
            [OutboxStatus.Sent] = await all.CountAsync(e => e.SentAtUtc != null, cancellationToken),
            [OutboxStatus.Failed] = await all.CountAsync(e => e.SentAtUtc == null && e.Attempts >= max, cancellationToken),
        };
        var query = status switch
        {
            OutboxStatus.Pending => all.Where(e => e.SentAtUtc == null && e.Attempts < max),
            OutboxStatus.Sent => all.Where(e => e.SentAtUtc != null),
            OutboxStatus.Failed => all.Where(e => e.SentAtUtc == null && e.Attempts >= max),
            _ => all,
        };
        var total = status is { } s ? counts[s] : counts.Values.Sum();
        var items = await query.OrderByDescending(e => e.CreatedAtUtc).ThenByDescending(e => e.Id)
            .Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        return new OutboxPage(items, total, page, PageSize, counts);
    }
}
