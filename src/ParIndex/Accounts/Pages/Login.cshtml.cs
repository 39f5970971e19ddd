using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using static ParIndex.Web.Text;

namespace ParIndex.Accounts.Pages;

[AllowAnonymous]
public sealed class LoginModel(SignInManager<AppUser> signInManager) : PageModel
{
    [BindProperty] public string Email { get; set; } = "";
    [BindProperty] public string Password { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public string? ErrorMessage { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await signInManager.PasswordSignInAsync(Email.Trim(), Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        ErrorMessage = result.IsLockedOut
            ? T("Tài khoản tạm khóa do đăng nhập sai nhiều lần. Vui lòng thử lại sau 15 phút.", "The account is locked after repeated failed sign-ins. Try again in 15 minutes.")
            : T("Thư điện tử hoặc mật khẩu không đúng.", "The email or password is incorrect.");
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        return Page();
    }
}
