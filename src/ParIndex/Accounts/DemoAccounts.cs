using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ParIndex.Data;
using ParIndex.Units;

namespace ParIndex.Accounts;

/// <summary>
/// The sign-ins the embedded demo creates and prints at start: one per role, all with the same password. Never created
/// on a configured (production) database.
/// </summary>
public static class DemoAccounts
{
    public const string AdminEmail = "admin@parindex.local";
    public const string AdminPassword = "ParIndex-Demo-2025";
    public const string Password = AdminPassword;

    /// <summary>The demo ward of the 2025 block (formed from Bến Nghé, Đa Kao, Nguyễn Thái Bình of the former Quận 1).</summary>
    public const string WardCode = "P-SAIGON";
    /// <summary>Sở Tư pháp leads the institutional reform field (2) in the demo frameworks.</summary>
    public const string AppraiserAgencyCode = "STP";

    public sealed record DemoUser(string Email, string DisplayName, string Role, string? UnitCode);

    public static readonly IReadOnlyList<DemoUser> Users =
    [
        new(AdminEmail, "Quản trị viên Sở Nội vụ", Roles.Administrator, null),
        new("thamdinh.stp@parindex.local", "Thẩm định viên Sở Tư pháp", Roles.Appraiser, AppraiserAgencyCode),
        new("canbo.saigon@parindex.local", "Cán bộ UBND phường Sài Gòn", Roles.UnitOfficer, WardCode),
        new("lanhdao.saigon@parindex.local", "Lãnh đạo UBND phường Sài Gòn", Roles.UnitHead, WardCode),
        new("hoidong@parindex.local", "Thành viên Hội đồng thẩm định", Roles.CouncilMember, null),
        new("xem@parindex.local", "Người xem (Thanh tra thành phố)", Roles.Viewer, null),
    ];

    /// <summary>Creates the roles and the demo users that do not exist yet. Idempotent.</summary>
    public static async Task EnsureAsync(AppDbContext db, UserManager<AppUser> users, RoleManager<IdentityRole> roles, TimeProvider clock)
    {
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new IdentityRole(role));
        var waiting = new List<(AppUser User, string UnitCode)>();
        foreach (var demo in Users)
        {
            if (await users.FindByEmailAsync(demo.Email) is not null)
                continue;
            var unit = demo.UnitCode is null ? null : await db.Units.FirstOrDefaultAsync(u => u.Code == demo.UnitCode);
            var user = new AppUser
            {
                UserName = demo.Email, Email = demo.Email, EmailConfirmed = true, DisplayName = demo.DisplayName, UnitId = unit?.Id,
                CreatedAtUtc = clock.GetUtcNow().UtcDateTime, LockoutEnabled = true,
            };
            var created = await users.CreateAsync(user, Password);
            if (!created.Succeeded)
                throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
            await users.AddToRoleAsync(user, demo.Role);
            if (demo.UnitCode is not null && unit is null)
                waiting.Add((user, demo.UnitCode));
        }
        if (waiting.Count > 0)
            AttachWhenUnitsAreSaved(db, waiting);
    }

    /// <summary>
    /// The demo seeder stores the accounts before the units. A unit-scoped demo user whose unit is not stored yet gets
    /// it in the SaveChanges that stores the unit (the user stays tracked by the same context until then).
    /// </summary>
    private static void AttachWhenUnitsAreSaved(AppDbContext db, List<(AppUser User, string UnitCode)> waiting)
    {
        void Attach(object? sender, SavingChangesEventArgs e)
        {
            var units = db.ChangeTracker.Entries<Unit>().Select(entry => entry.Entity)
                .Where(unit => waiting.Any(w => w.UnitCode == unit.Code)).ToDictionary(unit => unit.Code);
            foreach (var (user, code) in waiting.ToList())
            {
                if (!units.TryGetValue(code, out var unit))
                    continue;
                user.Unit = unit;
                waiting.Remove((user, code));
            }
            if (waiting.Count == 0)
                db.SavingChanges -= Attach;
        }
        db.SavingChanges += Attach;
    }
}
