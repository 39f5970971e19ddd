using System.Net.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ParIndex.Audit;
using ParIndex.Data;
using ParIndex.Web;
using static ParIndex.Web.Text;

namespace ParIndex.Accounts;

/// <summary>A user as the administration pages and the API show it.</summary>
public sealed record UserView(
    string Id, string Email, string? DisplayName, IReadOnlyList<string> Roles, string? UnitCode, string? UnitName,
    bool LockedOut, bool LockedByAdministrator, DateTime? LockedUntilUtc, bool MustChangePassword, DateTime CreatedAtUtc, DateTime? LastSignInAtUtc);

/// <summary>What an administrator enters for a user. Email is only read on creation (it is the sign-in name).</summary>
public sealed record UserInput(string? Email, string? DisplayName, IReadOnlyList<string>? Roles, string? UnitCode, string? Reason);

/// <summary>A new account or a reset: the temporary password is returned once and never stored in clear.</summary>
public sealed record TemporaryPasswordIssued(UserView User, string TemporaryPassword);

/// <summary>
/// Users, roles and unit scopes, managed by administrators. Every change is audited (entity "user", key the email)
/// with the old and new values and the reason, in one transaction with the change. Guards: an administrator cannot
/// lock, demote or reset themselves, and the last active administrator cannot be demoted or locked.
/// </summary>
public sealed class UserAdministration(AppDbContext db, UserManager<AppUser> users, RoleManager<IdentityRole> roleStore, AuditLog audit, TimeProvider clock)
{
    /// <summary>An administrative lock has no end; a lock after failed sign-ins ends after 15 minutes.</summary>
    public static readonly DateTimeOffset AdministrativeLock = new(3000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public const string AuditEntity = "user";

    public async Task<IReadOnlyList<UserView>> ListAsync(CancellationToken cancellationToken = default)
    {
        var rows = await db.Users.AsNoTracking()
            .Select(u => new { User = u, UnitCode = u.Unit == null ? null : u.Unit.Code, UnitName = u.Unit == null ? null : u.Unit.NameVi })
            .ToListAsync(cancellationToken);
        var roles = await RolesByUserAsync(null, cancellationToken);
        return rows.Select(r => View(r.User, roles.GetValueOrDefault(r.User.Id) ?? [], r.UnitCode, r.UnitName))
            .OrderBy(u => u.DisplayName ?? u.Email, VietnameseText.Comparer).ThenBy(u => u.Email, StringComparer.Ordinal)
            .ToList();
    }

    public async Task<UserView?> FindAsync(string id, CancellationToken cancellationToken = default)
    {
        var row = await db.Users.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new { User = u, UnitCode = u.Unit == null ? null : u.Unit.Code, UnitName = u.Unit == null ? null : u.Unit.NameVi })
            .FirstOrDefaultAsync(cancellationToken);
        if (row is null)
            return null;
        var roles = await RolesByUserAsync(id, cancellationToken);
        return View(row.User, roles.GetValueOrDefault(id) ?? [], row.UnitCode, row.UnitName);
    }

    /// <summary>The user's audit trail, newest first: changes by administrators, password changes, sign-ins.</summary>
    public async Task<IReadOnlyList<AuditEntry>> HistoryAsync(string email, int take = 100, CancellationToken cancellationToken = default)
    {
        var key = Key(email);
        return await db.AuditEntries.AsNoTracking().Where(e => e.EntityType == AuditEntity && e.EntityKey == key)
            .OrderByDescending(e => e.AtUtc).ThenByDescending(e => e.Id).Take(take).ToListAsync(cancellationToken);
    }

    public async Task<Outcome<TemporaryPasswordIssued>> CreateAsync(UserInput input, string actor, CancellationToken cancellationToken = default)
    {
        var problems = new Problems();
        var email = input.Email?.Trim() ?? "";
        problems.AddIf(email.Length == 0, "email", T("Nhập thư điện tử (dùng để đăng nhập).", "Enter the email (the sign-in name)."));
        problems.AddIf(email.Length > 0 && (email.Length > 256 || !MailAddress.TryCreate(email, out var parsed) || parsed.Address != email),
            "email", T($"Thư điện tử '{email}' không hợp lệ.", $"The email '{email}' is not valid."));
        var (roles, unitId) = await ValidateScopeAsync(input, problems, cancellationToken);
        if (problems.Any)
            return problems;
        if (await users.FindByEmailAsync(email) is not null)
            return Problems.Of("email", T($"Đã có tài khoản với thư điện tử {email}.", $"There is already an account with the email {email}."));

        return await InTransactionAsync(async () =>
        {
            var password = TemporaryPassword.New();
            var user = new AppUser
            {
                UserName = email, Email = email, EmailConfirmed = true, DisplayName = input.DisplayName!.Trim(), UnitId = unitId,
                MustChangePassword = true, CreatedAtUtc = Now, LockoutEnabled = true,
            };
            if (Failed(await users.CreateAsync(user, password), "email") is { } createProblems)
                return createProblems;
            await EnsureRolesAsync();
            if (Failed(await users.AddToRolesAsync(user, roles), "roles") is { } roleProblems)
                return roleProblems;
            audit.Record(actor, "user.created", AuditEntity, Key(email), null, AuditLog.Json(Snapshot(user.DisplayName, roles, await UnitCodeAsync(unitId, cancellationToken))), Reason(input.Reason));
            await db.SaveChangesAsync(cancellationToken);
            return Outcome<TemporaryPasswordIssued>.Ok(new TemporaryPasswordIssued((await FindAsync(user.Id, cancellationToken))!, password));
        }, cancellationToken);
    }

    /// <summary>Changes the display name, roles and unit. A removed role stops working at the user's next session check (about a minute).</summary>
    public async Task<Outcome<UserView>> UpdateAsync(string id, UserInput input, string actor, CancellationToken cancellationToken = default)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
            return Outcome<UserView>.Missing();
        var problems = new Problems();
        var (roles, unitId) = await ValidateScopeAsync(input, problems, cancellationToken);
        RequireReason(input.Reason, problems);
        if (problems.Any)
            return problems;
        var before = (await users.GetRolesAsync(user)).Order(StringComparer.Ordinal).ToList();
        var removed = before.Except(roles).ToList();
        var added = roles.Except(before).ToList();
        if (removed.Contains(Roles.Administrator))
        {
            if (IsSelf(user, actor))
                return Problems.Of("roles", T("Bạn không thể tự bỏ quyền quản trị của mình.", "You cannot remove your own administrator role."));
            if (!await AnotherActiveAdministratorAsync(user.Id, cancellationToken))
                return Problems.Of("roles", T("Đây là quản trị viên cuối cùng đang hoạt động; hãy giao quyền quản trị cho người khác trước.", "This is the last active administrator; make someone else an administrator first."));
        }
        var displayName = input.DisplayName!.Trim();
        if (removed.Count == 0 && added.Count == 0 && unitId == user.UnitId && displayName == user.DisplayName)
            return Outcome<UserView>.Ok((await FindAsync(id, cancellationToken))!);

        return await InTransactionAsync(async () =>
        {
            var old = Snapshot(user.DisplayName, before, await UnitCodeAsync(user.UnitId, cancellationToken));
            user.DisplayName = displayName;
            user.UnitId = unitId;
            if (Failed(await users.UpdateAsync(user), "displayName") is { } updateProblems)
                return updateProblems;
            if (removed.Count > 0 && Failed(await users.RemoveFromRolesAsync(user, removed), "roles") is { } removeProblems)
                return removeProblems;
            if (added.Count > 0)
                await EnsureRolesAsync();
            if (added.Count > 0 && Failed(await users.AddToRolesAsync(user, added), "roles") is { } addProblems)
                return addProblems;
            audit.Record(actor, "user.updated", AuditEntity, Key(user.Email!), AuditLog.Json(old),
                AuditLog.Json(Snapshot(displayName, roles, await UnitCodeAsync(unitId, cancellationToken))), Reason(input.Reason));
            await db.SaveChangesAsync(cancellationToken);
            return Outcome<UserView>.Ok((await FindAsync(id, cancellationToken))!);
        }, cancellationToken);
    }

    /// <summary>Locks (no end date) or unlocks an account. Locking ends the user's sessions at their next check.</summary>
    public async Task<Outcome<UserView>> SetLockedAsync(string id, bool locked, string? reason, string actor, CancellationToken cancellationToken = default)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
            return Outcome<UserView>.Missing();
        var problems = RequireReason(reason, new Problems());
        if (locked && IsSelf(user, actor))
            problems.Add("locked", T("Bạn không thể tự khóa tài khoản của mình.", "You cannot lock your own account."));
        if (locked && await users.IsInRoleAsync(user, Roles.Administrator) && !await AnotherActiveAdministratorAsync(user.Id, cancellationToken))
            problems.Add("locked", T("Không thể khóa quản trị viên cuối cùng đang hoạt động.", "The last active administrator cannot be locked."));
        if (problems.Any)
            return problems;
        var wasLocked = IsLocked(user.LockoutEnd);
        return await InTransactionAsync(async () =>
        {
            if (locked)
            {
                await users.SetLockoutEnabledAsync(user, true);
                await users.SetLockoutEndDateAsync(user, AdministrativeLock);
                // A new security stamp ends every session of the user at its next check.
                await users.UpdateSecurityStampAsync(user);
            }
            else
            {
                await users.SetLockoutEndDateAsync(user, null);
                await users.ResetAccessFailedCountAsync(user);
            }
            audit.Record(actor, locked ? "user.locked" : "user.unlocked", AuditEntity, Key(user.Email!),
                AuditLog.Json(new { locked = wasLocked }), AuditLog.Json(new { locked }), Reason(reason));
            await db.SaveChangesAsync(cancellationToken);
            return Outcome<UserView>.Ok((await FindAsync(id, cancellationToken))!);
        }, cancellationToken);
    }

    /// <summary>
    /// Sets a temporary password (returned once) that must be changed at the next sign-in; ends the user's sessions and
    /// lifts a lock caused by failed sign-ins (not an administrative lock).
    /// </summary>
    public async Task<Outcome<TemporaryPasswordIssued>> ResetPasswordAsync(string id, string? reason, string actor, CancellationToken cancellationToken = default)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
            return Outcome<TemporaryPasswordIssued>.Missing();
        var problems = RequireReason(reason, new Problems());
        if (IsSelf(user, actor))
            problems.Add("password", T("Hãy đổi mật khẩu của chính bạn tại trang Đổi mật khẩu.", "Change your own password on the Change password page."));
        if (problems.Any)
            return problems;
        return await InTransactionAsync(async () =>
        {
            var password = TemporaryPassword.New();
            var token = await users.GeneratePasswordResetTokenAsync(user);
            if (Failed(await users.ResetPasswordAsync(user, token, password), "password") is { } resetProblems)
                return resetProblems;
            user.MustChangePassword = true;
            if (user.LockoutEnd is { } end && end < AdministrativeLock)
            {
                user.LockoutEnd = null;
                user.AccessFailedCount = 0;
            }
            if (Failed(await users.UpdateAsync(user), "password") is { } updateProblems)
                return updateProblems;
            audit.Record(actor, "user.password-reset", AuditEntity, Key(user.Email!), null, AuditLog.Json(new { mustChangePassword = true }), Reason(reason));
            await db.SaveChangesAsync(cancellationToken);
            return Outcome<TemporaryPasswordIssued>.Ok(new TemporaryPasswordIssued((await FindAsync(id, cancellationToken))!, password));
        }, cancellationToken);
    }

    /// <summary>The user's own change (current password required); clears the must-change flag. Errors are the password policy's, per field.</summary>
    public async Task<Problems?> ChangeOwnPasswordAsync(AppUser user, string? current, string? replacement, string? confirmation, CancellationToken cancellationToken = default)
    {
        var problems = new Problems();
        problems.AddIf(string.IsNullOrEmpty(current), "currentPassword", T("Nhập mật khẩu hiện tại.", "Enter the current password."));
        problems.AddIf(string.IsNullOrEmpty(replacement), "newPassword", T("Nhập mật khẩu mới.", "Enter the new password."));
        problems.AddIf(!string.IsNullOrEmpty(replacement) && replacement != confirmation, "confirmPassword", T("Mật khẩu nhập lại không khớp.", "The passwords do not match."));
        problems.AddIf(!string.IsNullOrEmpty(replacement) && replacement == current, "newPassword", T("Mật khẩu mới phải khác mật khẩu hiện tại.", "The new password must differ from the current one."));
        if (problems.Any)
            return problems;
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, replacement);
            foreach (var error in result.Errors)
                problems.Add("newPassword", error.Description);
        }
        if (problems.Any)
            return problems;
        var outcome = await InTransactionAsync(async () =>
        {
            var changed = await users.ChangePasswordAsync(user, current!, replacement!);
            if (!changed.Succeeded)
                return Outcome<bool>.Invalid(changed.Errors.Aggregate(new Problems(), (p, e) =>
                    p.Add(e.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "currentPassword" : "newPassword", e.Description)));
            var wasForced = user.MustChangePassword;
            user.MustChangePassword = false;
            if (Failed(await users.UpdateAsync(user), "newPassword") is { } updateProblems)
                return updateProblems;
            audit.Record(user.UserName!, "user.password-changed", AuditEntity, Key(user.Email!), null, null, wasForced ? "temporary password replaced" : null);
            await db.SaveChangesAsync(cancellationToken);
            return Outcome<bool>.Ok(true);
        }, cancellationToken);
        return outcome.Problems;
    }

    /// <summary>
    /// The roles are a fixed list in code (<see cref="Roles.All"/>); their rows are created when first needed, so a new
    /// production database needs no seeding beyond its first administrator.
    /// </summary>
    public async Task EnsureRolesAsync()
    {
        foreach (var role in Roles.All)
            if (!await roleStore.RoleExistsAsync(role))
                await roleStore.CreateAsync(new IdentityRole(role));
    }

    /// <summary>
    /// The first administrator of a new installation (for a CLI verb: there is nobody yet to sign in and create it).
    /// Refused when an administrator exists. Returns the temporary password, to be changed at the first sign-in.
    /// </summary>
    public async Task<Outcome<TemporaryPasswordIssued>> CreateFirstAdministratorAsync(string email, string displayName, string actor, CancellationToken cancellationToken = default)
    {
        await EnsureRolesAsync();
        if ((await users.GetUsersInRoleAsync(Roles.Administrator)).Count > 0)
            return Outcome<TemporaryPasswordIssued>.Clash(Problems.Of("email", T("Đã có quản trị viên; hãy đăng nhập và tạo tài khoản trên trang Người dùng.", "An administrator exists; sign in and create accounts on the Users page.")));
        return await CreateAsync(new UserInput(email, displayName, [Roles.Administrator], null, "first administrator of the installation"), actor, cancellationToken);
    }

    private async Task<(List<string> Roles, int? UnitId)> ValidateScopeAsync(UserInput input, Problems problems, CancellationToken cancellationToken)
    {
        var displayName = input.DisplayName?.Trim() ?? "";
        problems.AddIf(displayName.Length == 0, "displayName", T("Nhập họ tên.", "Enter the name."));
        problems.AddIf(displayName.Length > 200, "displayName", T("Họ tên tối đa 200 ký tự.", "The name is at most 200 characters."));
        var roles = (input.Roles ?? []).Where(r => !string.IsNullOrWhiteSpace(r)).Select(r => r.Trim()).Distinct(StringComparer.Ordinal).ToList();
        foreach (var unknown in roles.Where(r => !Roles.All.Contains(r)))
            problems.Add("roles", T($"Không có vai trò '{unknown}'.", $"There is no role '{unknown}'."));
        problems.AddIf(roles.Count == 0, "roles", T("Chọn ít nhất một vai trò.", "Choose at least one role."));
        roles = roles.Where(Roles.All.Contains).Order(StringComparer.Ordinal).ToList();

        int? unitId = null;
        var unitCode = string.IsNullOrWhiteSpace(input.UnitCode) ? null : input.UnitCode.Trim();
        if (unitCode is not null)
        {
            unitId = await db.Units.Where(u => u.Code == unitCode).Select(u => (int?)u.Id).FirstOrDefaultAsync(cancellationToken);
            problems.AddIf(unitId is null, "unitCode", T($"Không có đơn vị '{unitCode}'.", $"There is no unit '{unitCode}'."));
        }
        else if (roles.Any(Roles.UnitScoped.Contains))
        {
            problems.Add("unitCode", T("Thẩm định viên, cán bộ đơn vị và lãnh đạo đơn vị phải gắn với một đơn vị (cơ quan chủ trì thẩm định hoặc đơn vị được đánh giá).",
                "Appraisers, unit officers and unit heads must belong to a unit (the lead agency, or the assessed unit)."));
        }
        return (roles, unitId);
    }

    private static Problems RequireReason(string? reason, Problems problems)
    {
        problems.AddIf(string.IsNullOrWhiteSpace(reason), "reason", T("Nhập lý do (được ghi vào nhật ký).", "Enter the reason (it is recorded in the audit trail)."));
        problems.AddIf(reason is { Length: > 2000 }, "reason", T("Lý do tối đa 2000 ký tự.", "The reason is at most 2000 characters."));
        return problems;
    }

    private async Task<bool> AnotherActiveAdministratorAsync(string exceptUserId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var administrators = await users.GetUsersInRoleAsync(Roles.Administrator);
        return administrators.Any(u => u.Id != exceptUserId && !IsLocked(u.LockoutEnd, now));
    }

    private async Task<Dictionary<string, List<string>>> RolesByUserAsync(string? userId, CancellationToken cancellationToken)
    {
        var pairs = await (from link in db.UserRoles
                           join role in db.Roles on link.RoleId equals role.Id
                           where userId == null || link.UserId == userId
                           select new { link.UserId, role.Name }).ToListAsync(cancellationToken);
        return pairs.GroupBy(p => p.UserId).ToDictionary(g => g.Key, g => g.Select(p => p.Name!).Order(StringComparer.Ordinal).ToList());
    }

    private Task<string?> UnitCodeAsync(int? unitId, CancellationToken cancellationToken) =>
        unitId is null ? Task.FromResult<string?>(null) : db.Units.Where(u => u.Id == unitId).Select(u => u.Code).FirstOrDefaultAsync(cancellationToken);

    private async Task<Outcome<T>> InTransactionAsync<T>(Func<Task<Outcome<T>>> work, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var outcome = await work();
            if (outcome.Succeeded)
                await transaction.CommitAsync(cancellationToken);
            else
                db.ChangeTracker.Clear();
            return outcome;
        });
    }

    private UserView View(AppUser user, IReadOnlyList<string> roles, string? unitCode, string? unitName)
    {
        var locked = IsLocked(user.LockoutEnd, clock.GetUtcNow());
        return new UserView(user.Id, user.Email ?? user.UserName ?? "", user.DisplayName, roles, unitCode, unitName, locked,
            locked && user.LockoutEnd >= AdministrativeLock, locked ? user.LockoutEnd!.Value.UtcDateTime : null, user.MustChangePassword, user.CreatedAtUtc, user.LastSignInAtUtc);
    }

    private bool IsLocked(DateTimeOffset? end) => IsLocked(end, clock.GetUtcNow());

    private static bool IsLocked(DateTimeOffset? end, DateTimeOffset now) => end is { } until && until > now;

    private static bool IsSelf(AppUser user, string actor) => string.Equals(user.UserName, actor, StringComparison.OrdinalIgnoreCase);

    private static object Snapshot(string? displayName, IReadOnlyList<string> roles, string? unitCode) => new { displayName, roles, unit = unitCode };

    private static string? Reason(string? reason) => string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();

    private static Problems? Failed(IdentityResult result, string field) =>
        result.Succeeded ? null : result.Errors.Aggregate(new Problems(), (problems, error) => problems.Add(field, error.Description));

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Audit key of a user: the sign-in email in lower case (emails are not changed once the account exists).</summary>
    public static string Key(string email) => email.Trim().ToLowerInvariant();
}
