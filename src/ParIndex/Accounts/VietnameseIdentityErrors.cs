using Microsoft.AspNetCore.Identity;
using static ParIndex.Web.Text;

namespace ParIndex.Accounts;

/// <summary>Identity's messages in the language of the page (the password policy is shown to people, not logged).</summary>
public sealed class VietnameseIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) =>
        new() { Code = nameof(PasswordTooShort), Description = T($"Mật khẩu phải có ít nhất {length} ký tự.", $"The password must be at least {length} characters long.") };

    public override IdentityError PasswordRequiresUpper() =>
        new() { Code = nameof(PasswordRequiresUpper), Description = T("Mật khẩu phải có ít nhất một chữ hoa (A–Z).", "The password must contain an upper-case letter (A–Z).") };

    public override IdentityError PasswordRequiresLower() =>
        new() { Code = nameof(PasswordRequiresLower), Description = T("Mật khẩu phải có ít nhất một chữ thường (a–z).", "The password must contain a lower-case letter (a–z).") };

    public override IdentityError PasswordRequiresDigit() =>
        new() { Code = nameof(PasswordRequiresDigit), Description = T("Mật khẩu phải có ít nhất một chữ số (0–9).", "The password must contain a digit (0–9).") };

    public override IdentityError PasswordRequiresNonAlphanumeric() =>
        new() { Code = nameof(PasswordRequiresNonAlphanumeric), Description = T("Mật khẩu phải có ít nhất một ký tự đặc biệt.", "The password must contain a symbol.") };

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) =>
        new() { Code = nameof(PasswordRequiresUniqueChars), Description = T($"Mật khẩu phải có ít nhất {uniqueChars} ký tự khác nhau.", $"The password must use at least {uniqueChars} different characters.") };

    public override IdentityError PasswordMismatch() =>
        new() { Code = nameof(PasswordMismatch), Description = T("Mật khẩu hiện tại không đúng.", "The current password is incorrect.") };

    public override IdentityError DuplicateEmail(string email) =>
        new() { Code = nameof(DuplicateEmail), Description = T($"Đã có tài khoản với thư điện tử {email}.", $"There is already an account with the email {email}.") };

    public override IdentityError DuplicateUserName(string userName) =>
        new() { Code = nameof(DuplicateUserName), Description = T($"Đã có tài khoản {userName}.", $"There is already an account {userName}.") };

    public override IdentityError InvalidEmail(string? email) =>
        new() { Code = nameof(InvalidEmail), Description = T($"Thư điện tử '{email}' không hợp lệ.", $"The email '{email}' is not valid.") };

    public override IdentityError InvalidUserName(string? userName) =>
        new() { Code = nameof(InvalidUserName), Description = T($"Tên đăng nhập '{userName}' không hợp lệ.", $"The user name '{userName}' is not valid.") };

    public override IdentityError ConcurrencyFailure() =>
        new() { Code = nameof(ConcurrencyFailure), Description = T("Tài khoản vừa được người khác thay đổi. Hãy tải lại trang.", "Someone else changed the account meanwhile. Reload the page.") };

    public override IdentityError InvalidToken() =>
        new() { Code = nameof(InvalidToken), Description = T("Mã đặt lại mật khẩu không hợp lệ hoặc đã hết hạn.", "The reset code is invalid or expired.") };

    public override IdentityError UserLockoutNotEnabled() =>
        new() { Code = nameof(UserLockoutNotEnabled), Description = T("Tài khoản không thể khóa.", "Lockout is not enabled for this account.") };
}
