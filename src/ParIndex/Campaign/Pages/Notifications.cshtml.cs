using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ParIndex.Campaign.Pages;

/// <summary>The signed-in user's notifications, newest first, with marking one or all of them read (forms, no script).</summary>
[Authorize]
public sealed class NotificationsModel(NotificationService notifications) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "trang")] public int PageNumber { get; set; } = 1;
    [BindProperty(SupportsGet = true)] public bool Unread { get; set; }

    public NotificationPage List { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        List = await notifications.ListAsync(CampaignPolicies.UserId(User), PageNumber, Unread, cancellationToken);

    public async Task<IActionResult> OnPostReadAsync(long id, CancellationToken cancellationToken)
    {
        if (!await notifications.MarkReadAsync(CampaignPolicies.UserId(User), id, cancellationToken))
            return NotFound();
        return LocalRedirect(Back());
    }

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken cancellationToken)
    {
        await notifications.MarkAllReadAsync(CampaignPolicies.UserId(User), cancellationToken);
        return LocalRedirect(Back());
    }

    /// <summary>Opens a notification's link and marks it read on the way (a link, so it works without script).</summary>
    public async Task<IActionResult> OnPostOpenAsync(long id, CancellationToken cancellationToken)
    {
        var userId = CampaignPolicies.UserId(User);
        if (!await notifications.MarkReadAsync(userId, id, cancellationToken))
            return NotFound();
        var link = (await notifications.FindAsync(userId, id, cancellationToken))?.Link;
        return LocalRedirect(link is not null && link.StartsWith('/') && !link.StartsWith("//") ? link : Back());
    }

    private string Back() => $"{CampaignPageText.NotificationsPath}?trang={PageNumber}{(Unread ? "&unread=true" : "")}";
}
