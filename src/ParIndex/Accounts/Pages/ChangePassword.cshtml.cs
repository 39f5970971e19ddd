using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ParIndex.Units.Pages;
using static ParIndex.Web.Text;

namespace ParIndex.Accounts.Pages;

/// <summary>Every signed-in person changes their own password here; a user with a temporary password is sent here until they do.</summary>
[Authorize]
[AllowedBeforePasswordChange]
public sealed class ChangePasswordModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, UserAdministration administration) : PageModel
{
    [BindProperty] public string? CurrentPassword { get; set; }
    [BindProperty] public string? NewPassword { get; set; }
    [BindProperty] public string? ConfirmPassword { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public FormErrors Errors { get; } = new();
    public bool Forced => AccountClaims.MustChange(User);
    [TempData] public string? Message { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
            return Challenge();
        var problems = await administration.ChangeOwnPasswordAsync(user, CurrentPassword, NewPassword, ConfirmPassword, cancellationToken);
        CurrentPassword = NewPassword = ConfirmPassword = null;
        if (problems is not null)
        {
            Errors.Merge(problems);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        // The password change gave the user a new security stamp: sign in again with it (and without the must-change claim).
        await signIn.RefreshSignInAsync(user);
        Message = T("Đã đổi mật khẩu.", "Your password has been changed.");
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) && ReturnUrl != PasswordChangeGate.ChangePath ? ReturnUrl! : PasswordChangeGate.ChangePath);
    }
}
