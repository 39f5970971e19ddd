using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using static ParIndex.Web.Text;

namespace ParIndex.Accounts.Pages;

[AllowAnonymous]
public sealed class LoginModel(AccountSignIn signIn) : PageModel
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
        var outcome = await signIn.SignInAsync(Email, Password, HttpContext.Connection.RemoteIpAddress?.ToString());
        var next = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/";
        switch (outcome)
        {
            case SignInOutcome.SignedIn:
                return LocalRedirect(next);
            case SignInOutcome.MustChangePassword:
                return LocalRedirect($"{PasswordChangeGate.ChangePath}?returnUrl={Uri.EscapeDataString(next)}");
        }
        ErrorMessage = outcome switch
        {
            SignInOutcome.LockedOut => T("Tài khoản tạm khóa do đăng nhập sai nhiều lần. Vui lòng thử lại sau 15 phút.", "The account is locked after repeated failed sign-ins. Try again in 15 minutes."),
            SignInOutcome.LockedByAdministrator => T("Tài khoản đã bị quản trị viên khóa. Hãy liên hệ Sở Nội vụ.", "The account has been locked by an administrator. Contact the Department of Home Affairs."),
            _ => T("Thư điện tử hoặc mật khẩu không đúng.", "The email or password is incorrect."),
        };
        Password = "";
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        return Page();
    }
}
