using Microsoft.AspNetCore.Identity;
using ParIndex.Audit;
using ParIndex.Data;

namespace ParIndex.Accounts;

public enum SignInOutcome
{
    SignedIn,
    /// <summary>Signed in with a temporary password: the next stop is /doi-mat-khau.</summary>
    MustChangePassword,
    Refused,
    /// <summary>Locked after repeated failures (15 minutes).</summary>
    LockedOut,
    /// <summary>Locked by an administrator until unlocked.</summary>
    LockedByAdministrator,
}

/// <summary>
/// Password sign-in with lockout, recorded in the audit trail (success and failure, with the client address, never
/// the password). Unknown emails are refused exactly like wrong passwords.
/// </summary>
public sealed class AccountSignIn(SignInManager<AppUser> signIn, UserManager<AppUser> users, AppDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<SignInOutcome> SignInAsync(string? email, string? password, string? address)
    {
        email = (email ?? "").Trim();
        var key = UserAdministration.Key(email.Length > 256 ? email[..256] : email);
        var user = email.Length == 0 ? null : await users.FindByEmailAsync(email);
        if (user is null || string.IsNullOrEmpty(password))
        {
            await RecordAsync("anonymous", "user.sign-in-failed", key, address, user is null ? "unknown account" : "empty password");
            return SignInOutcome.Refused;
        }
        var result = await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            user.LastSignInAtUtc = clock.GetUtcNow().UtcDateTime;
            await RecordAsync(user.UserName!, "user.signed-in", key, address, null);
            return user.MustChangePassword ? SignInOutcome.MustChangePassword : SignInOutcome.SignedIn;
        }
        if (result.IsLockedOut)
        {
            var byAdministrator = user.LockoutEnd >= UserAdministration.AdministrativeLock;
            await RecordAsync("anonymous", "user.sign-in-failed", key, address, byAdministrator ? "locked by an administrator" : "locked out after failed sign-ins");
            return byAdministrator ? SignInOutcome.LockedByAdministrator : SignInOutcome.LockedOut;
        }
        await RecordAsync("anonymous", "user.sign-in-failed", key, address, result.IsNotAllowed ? "not allowed" : $"wrong password (failed attempts in a row: {user.AccessFailedCount})");
        return SignInOutcome.Refused;
    }

    private async Task RecordAsync(string actor, string action, string key, string? address, string? reason)
    {
        audit.Record(actor, action, UserAdministration.AuditEntity, key, null, address is null ? null : AuditLog.Json(new { address }), reason);
        await db.SaveChangesAsync();
    }
}
