using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParIndex.Accounts;
using ParIndex.Data;
using ParIndex.Units;

namespace ParIndex.Tests.Accounts;

public abstract class DemoAccountsTests(DatabaseKind kind) : AppTest(kind)
{
    [Fact]
    public async Task TheDemoHasOneAccountPerRoleEachOnItsUnitEvenWhenTheUnitsAreStoredAfterTheAccounts()
    {
        // The demo seeder creates the accounts first and the units afterwards, in the same unit of work.
        await App.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            await DemoAccounts.EnsureAsync(db, services.GetRequiredService<UserManager<AppUser>>(), services.GetRequiredService<RoleManager<IdentityRole>>(), TimeProvider.System);
            db.Units.AddRange(
                new Unit { Code = DemoAccounts.AppraiserAgencyCode, NameVi = "Sở Tư pháp", Kind = UnitKind.Department, ValidFrom = new DateOnly(2000, 1, 1) },
                new Unit { Code = DemoAccounts.WardCode, NameVi = "Phường Sài Gòn", Kind = UnitKind.Ward, ValidFrom = new DateOnly(2025, 7, 1) });
            await db.SaveChangesAsync();
            return 0;
        });
        // Running it again creates nothing more.
        await App.WithScopeAsync(async services =>
        {
            await DemoAccounts.EnsureAsync(services.GetRequiredService<AppDbContext>(), services.GetRequiredService<UserManager<AppUser>>(), services.GetRequiredService<RoleManager<IdentityRole>>(), TimeProvider.System);
            return 0;
        });

        var stored = await App.WithDbAsync(db => db.Users.Select(u => new { u.Email, Unit = u.Unit == null ? null : u.Unit.Code }).ToListAsync());
        var roles = await App.WithScopeAsync(services => services.GetRequiredService<UserAdministration>().ListAsync());

        Assert.Equal(DemoAccounts.Users.Count, stored.Count);
        Assert.Equal(Roles.All.Order(), roles.SelectMany(u => u.Roles).Order());
        foreach (var demo in DemoAccounts.Users)
        {
            Assert.Equal(demo.UnitCode, stored.Single(u => u.Email == demo.Email).Unit);
            var (response, _) = await AccountsTestKit.TrySignInAsync(App, demo.Email, DemoAccounts.Password);
            Assert.True(AccountsTestKit.IsRedirectTo(response, "/"), $"{demo.Email} could not sign in");
        }
    }

    [Fact]
    public async Task TheFirstAdministratorOfAnEmptyInstallationGetsATemporaryPasswordAndOnlyOnce()
    {
        var first = await App.WithScopeAsync(services => services.GetRequiredService<UserAdministration>()
            .CreateFirstAdministratorAsync("quantri@so-noi-vu.test", "Quản trị viên", "cli:test"));
        var second = await App.WithScopeAsync(services => services.GetRequiredService<UserAdministration>()
            .CreateFirstAdministratorAsync("khac@so-noi-vu.test", "Người khác", "cli:test"));

        Assert.True(first.Succeeded);
        Assert.True(second.Conflict);
        var (response, _) = await AccountsTestKit.TrySignInAsync(App, "quantri@so-noi-vu.test", first.Value!.TemporaryPassword);
        Assert.True(AccountsTestKit.IsRedirectTo(response, "/doi-mat-khau"));
        Assert.Equal(["Administrator"], first.Value.User.Roles);
    }
}

public sealed class DemoAccountsTestsOnSqlite() : DemoAccountsTests(DatabaseKind.Sqlite);

public sealed class DemoAccountsTestsOnPostgres() : DemoAccountsTests(DatabaseKind.Postgres);
