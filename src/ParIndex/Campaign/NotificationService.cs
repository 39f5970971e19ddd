using Microsoft.EntityFrameworkCore;
using ParIndex.Data;

namespace ParIndex.Campaign;

public sealed record NotificationPage(IReadOnlyList<Notification> Items, int Total, int Unread, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>A signed-in user's notifications: the unread count for the header, the list, marking them read.</summary>
public sealed class NotificationService(AppDbContext db, TimeProvider clock)
{
    public const int PageSize = 30;

    public Task<int> UnreadCountAsync(string userId, CancellationToken cancellationToken = default) =>
        db.Notifications.AsNoTracking().CountAsync(n => n.UserId == userId && n.ReadAtUtc == null, cancellationToken);

    public async Task<NotificationPage> ListAsync(string userId, int page, bool unreadOnly = false, CancellationToken cancellationToken = default)
    {
        page = Math.Max(1, page);
        var mine = db.Notifications.AsNoTracking().Where(n => n.UserId == userId);
        var unread = await mine.CountAsync(n => n.ReadAtUtc == null, cancellationToken);
        var query = unreadOnly ? mine.Where(n => n.ReadAtUtc == null) : mine;
        var total = unreadOnly ? unread : await query.CountAsync(cancellationToken);
        var items = await query.OrderByDescending(n => n.CreatedAtUtc).ThenByDescending(n => n.Id)
            .Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        return new NotificationPage(items, total, unread, page, PageSize);
    }

    public Task<Notification?> FindAsync(string userId, long id, CancellationToken cancellationToken = default) =>
        db.Notifications.AsNoTracking().FirstOrDefaultAsync(n => n.Id == id && n.UserId == userId, cancellationToken);

    /// <summary>Marks one of the user's notifications read; false when it is not theirs (or does not exist).</summary>
    public async Task<bool> MarkReadAsync(string userId, long id, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var exists = await db.Notifications.AnyAsync(n => n.Id == id && n.UserId == userId, cancellationToken);
        if (!exists)
            return false;
        await db.Notifications.Where(n => n.Id == id && n.UserId == userId && n.ReadAtUtc == null)
            .ExecuteUpdateAsync(set => set.SetProperty(n => n.ReadAtUtc, now), cancellationToken);
        return true;
    }

    public Task<int> MarkAllReadAsync(string userId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.Notifications.Where(n => n.UserId == userId && n.ReadAtUtc == null)
            .ExecuteUpdateAsync(set => set.SetProperty(n => n.ReadAtUtc, now), cancellationToken);
    }
}
