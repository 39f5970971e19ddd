using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ParIndex.Accounts.Pages.Admin;

/// <summary>All users with their roles, unit, lock state and last sign-in; filtered by role and a name/email search.</summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class UsersModel(UserAdministration administration) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Role { get; set; }
    [TempData] public string? Message { get; set; }

    public IReadOnlyList<UserView> Users { get; private set; } = [];
    public int Total { get; private set; }
    public bool Filtered => !string.IsNullOrWhiteSpace(Q) || !string.IsNullOrWhiteSpace(Role);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var all = await administration.ListAsync(cancellationToken);
        Total = all.Count;
        var needle = string.IsNullOrWhiteSpace(Q) ? null : Units.Pages.UnitPageText.Fold(Q);
        Users = all.Where(u => string.IsNullOrWhiteSpace(Role) || u.Roles.Contains(Role))
            .Where(u => needle is null || needle.Length == 0
                        || Units.Pages.UnitPageText.Fold(u.Email).Contains(needle, StringComparison.Ordinal)
                        || (u.DisplayName is not null && Units.Pages.UnitPageText.Fold(u.DisplayName).Contains(needle, StringComparison.Ordinal))
                        || (u.UnitCode is not null && Units.Pages.UnitPageText.Fold(u.UnitCode).Contains(needle, StringComparison.Ordinal)))
            .ToList();
    }

    public static string UserPath(string id) => "/quan-tri/nguoi-dung/" + Uri.EscapeDataString(id);
}
