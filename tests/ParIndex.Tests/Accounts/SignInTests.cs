using Microsoft.EntityFrameworkCore;
using ParIndex.Accounts;
using static ParIndex.Tests.Accounts.AccountsTestKit;

namespace ParIndex.Tests.Accounts;

public abstract class SignInTests(DatabaseKind kind) : AppTest(kind)
{
    [Fact]
    public async Task FiveFailedSignInsLockTheAccountEvenAgainstTheRightPassword()
    {
        await CreateUserAsync(App, "canbo@test.local", Roles.Viewer);

        var failures = new List<HttpResponseMessage>();
        for (var i = 0; i < 5; i++)
            failures.Add((await TrySignInAsync(App, "canbo@test.local", "Sai-Mat-Khau-" + i)).Response);
        var (right, _) = await TrySignInAsync(App, "canbo@test.local", Password);

        Assert.All(failures, r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode));
        Assert.Contains("Thư điện tử hoặc mật khẩu không đúng.", await failures[3].Content.ReadAsStringAsync());
        Assert.Contains("thử lại sau 15 phút", await failures[4].Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
        Assert.Contains("thử lại sau 15 phút", await right.Content.ReadAsStringAsync());
        var lockedUntil = await App.WithDbAsync(db => db.Users.Where(u => u.Email == "canbo@test.local").Select(u => u.LockoutEnd).SingleAsync());
        Assert.InRange(lockedUntil!.Value - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15));
    }

    [Fact]
    public async Task SignInsAreAuditedSuccessAndFailureWithTheAddressAndNeverThePassword()
    {
        await CreateUserAsync(App, "canbo@test.local", Roles.Viewer);

        await TrySignInAsync(App, "canbo@test.local", "Mat-Khau-Sai-Bi-Mat-1");
        await TrySignInAsync(App, "khong-co@test.local", "Mat-Khau-Sai-Bi-Mat-2");
        var (ok, _) = await TrySignInAsync(App, "canbo@test.local", Password);

        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var entries = await App.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityType == "user").OrderBy(e => e.Id).ToListAsync());
        Assert.Equal(["user.sign-in-failed", "user.sign-in-failed", "user.signed-in"], entries.Select(e => e.Action));
        Assert.Equal("canbo@test.local", entries[0].EntityKey);
        Assert.StartsWith("wrong password", entries[0].Reason);
        Assert.Equal("khong-co@test.local", entries[1].EntityKey);
        Assert.Equal("unknown account", entries[1].Reason);
        Assert.Equal("canbo@test.local", entries[2].Actor);
        Assert.All(entries, e => Assert.DoesNotContain("Mat-Khau", $"{e.OldValue} {e.NewValue} {e.Reason} {e.EntityKey}"));
        Assert.All(entries, e => Assert.DoesNotContain(Password, $"{e.OldValue} {e.NewValue} {e.Reason}"));
        Assert.NotNull(await App.WithDbAsync(db => db.Users.Where(u => u.Email == "canbo@test.local").Select(u => u.LastSignInAtUtc).SingleAsync()));
    }

    [Fact]
    public async Task EveryoneSignedInCanChangeTheirOwnPassword()
    {
        await CreateUserAsync(App, "hoidong@test.local", Roles.CouncilMember);
        var member = await App.SignInAsync("hoidong@test.local", Password);

        var changed = await PostFormAsync(member, "/doi-mat-khau", new() { ["CurrentPassword"] = Password, ["NewPassword"] = "Hoi-Dong-Moi-2026", ["ConfirmPassword"] = "Hoi-Dong-Moi-2026" });

        Assert.True(IsRedirectTo(changed, "/doi-mat-khau"), $"answered {(int)changed.StatusCode}");
        Assert.Contains("Đã đổi mật khẩu.", await member.GetStringAsync("/doi-mat-khau"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await TrySignInAsync(App, "hoidong@test.local", Password)).Response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await TrySignInAsync(App, "hoidong@test.local", "Hoi-Dong-Moi-2026")).Response.StatusCode);
        Assert.True(IsRedirectTo(await App.Anonymous().GetAsync("/doi-mat-khau"), "/dang-nhap"));
    }

    [Fact]
    public async Task PasswordPolicyAndMistakesAreShownBesideTheFieldsAndNothingChanges()
    {
        await CreateUserAsync(App, "xem@test.local", Roles.Viewer);
        var viewer = await App.SignInAsync("xem@test.local", Password);

        async Task<string> TryAsync(string current, string replacement, string confirmation)
        {
            var response = await PostFormAsync(viewer, "/doi-mat-khau", new() { ["CurrentPassword"] = current, ["NewPassword"] = replacement, ["ConfirmPassword"] = confirmation });
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            return await response.Content.ReadAsStringAsync();
        }

        var tooShort = await TryAsync(Password, "Ab1", "Ab1");
        var noUpperNoDigit = await TryAsync(Password, "chi-co-chu-thuong", "chi-co-chu-thuong");
        var mismatch = await TryAsync(Password, "Hop-Le-Lam-2026", "Hop-Le-Lam-2027");
        var wrongCurrent = await TryAsync("Khong-Dung-2025", "Hop-Le-Lam-2026", "Hop-Le-Lam-2026");

        Assert.Contains("Mật khẩu phải có ít nhất 10 ký tự.", tooShort);
        Assert.Contains("id=\"newPassword-error\"", tooShort);
        Assert.Contains("chữ hoa", noUpperNoDigit);
        Assert.Contains("chữ số", noUpperNoDigit);
        Assert.Contains("Mật khẩu nhập lại không khớp.", mismatch);
        Assert.Contains("Mật khẩu hiện tại không đúng.", wrongCurrent);
        Assert.Contains("id=\"currentPassword-error\"", wrongCurrent);
        Assert.DoesNotContain("Hop-Le-Lam", wrongCurrent);
        Assert.Equal(HttpStatusCode.Redirect, (await TrySignInAsync(App, "xem@test.local", Password)).Response.StatusCode);
        Assert.DoesNotContain(await AuditAsync(App, "user", "xem@test.local"), e => e.Action == "user.password-changed");
    }

    [Fact]
    public async Task TheSignInPageInEnglishSaysTheSameThings()
    {
        await CreateUserAsync(App, "xem@test.local", Roles.Viewer);
        var client = App.Anonymous();

        var response = await PostFormAsync(client, "/dang-nhap?lang=en", new() { ["Email"] = "xem@test.local", ["Password"] = "wrong" }, formPage: "/dang-nhap?lang=en");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("The email or password is incorrect.", await response.Content.ReadAsStringAsync());
    }
}

public sealed class SignInTestsOnSqlite() : SignInTests(DatabaseKind.Sqlite);

public sealed class SignInTestsOnPostgres() : SignInTests(DatabaseKind.Postgres);
