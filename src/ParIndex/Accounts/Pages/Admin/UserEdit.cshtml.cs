using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ParIndex.Audit;
using ParIndex.Data;
using ParIndex.Web;
using static ParIndex.Web.Text;

namespace ParIndex.Accounts.Pages.Admin;

/// <summary>One account: roles and unit scope, lock and unlock, password reset (temporary password shown once), and its audit trail.</summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class UserEditModel(AppDbContext db, TimeProvider clock, UserAdministration administration) : UserFormModel(db, clock)
{
    public override bool IsNew => false;

    [TempData] public string? Message { get; set; }

    public UserView Account { get; private set; } = null!;
    public IReadOnlyList<AuditEntry> History { get; private set; } = [];
    public TemporaryPasswordIssued? Reset { get; private set; }

    /// <summary>Which of the page's forms was sent and refused, so that its problems are shown in it and not in the others.</summary>
    public string? Refused { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
            return NotFound();
        DisplayName = Account.DisplayName;
        Roles = Account.Roles.ToList();
        UnitCode = Account.UnitCode;
        await LoadChoicesAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken cancellationToken)
    {
        var outcome = await administration.UpdateAsync(id, Input(null), Actor.Of(User), cancellationToken);
        if (outcome.NotFound)
            return NotFound();
        if (outcome.Succeeded)
        {
            Message = T("Đã lưu vai trò và đơn vị.", "Roles and unit saved.");
            return LocalRedirect(UsersModel.UserPath(id));
        }
        return await RefusedAsync(id, "save", outcome.Problems, cancellationToken);
    }

    public Task<IActionResult> OnPostLockAsync(string id, CancellationToken cancellationToken) => SetLockedAsync(id, true, cancellationToken);

    public Task<IActionResult> OnPostUnlockAsync(string id, CancellationToken cancellationToken) => SetLockedAsync(id, false, cancellationToken);

    public async Task<IActionResult> OnPostResetAsync(string id, CancellationToken cancellationToken)
    {
        var outcome = await administration.ResetPasswordAsync(id, Reason, Actor.Of(User), cancellationToken);
        if (outcome.NotFound)
            return NotFound();
        if (!outcome.Succeeded)
            return await RefusedAsync(id, "reset", outcome.Problems, cancellationToken);
        Reset = outcome.Value;
        Response.Headers.CacheControl = "no-store";
        Reason = null;
        return await OnGetAsync(id, cancellationToken);
    }

    private async Task<IActionResult> SetLockedAsync(string id, bool locked, CancellationToken cancellationToken)
    {
        var outcome = await administration.SetLockedAsync(id, locked, Reason, Actor.Of(User), cancellationToken);
        if (outcome.NotFound)
            return NotFound();
        if (!outcome.Succeeded)
            return await RefusedAsync(id, "lock", outcome.Problems, cancellationToken);
        Message = locked ? T("Đã khóa tài khoản; các phiên đăng nhập của người dùng kết thúc trong vòng một phút.", "Account locked; the user's sessions end within a minute.")
                         : T("Đã mở khóa tài khoản.", "Account unlocked.");
        return LocalRedirect(UsersModel.UserPath(id));
    }

    private async Task<IActionResult> RefusedAsync(string id, string form, Problems? problems, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
            return NotFound();
        Refused = form;
        Errors.Merge(problems);
        if (form != "save")
        {
            DisplayName = Account.DisplayName;
            Roles = Account.Roles.ToList();
            UnitCode = Account.UnitCode;
        }
        await LoadChoicesAsync(cancellationToken);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task<bool> LoadAsync(string id, CancellationToken cancellationToken)
    {
        if (await administration.FindAsync(id, cancellationToken) is not { } account)
            return false;
        Account = account;
        History = await administration.HistoryAsync(account.Email, cancellationToken: cancellationToken);
        return true;
    }
}
