using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParIndex.Accounts;
using static ParIndex.Tests.Accounts.AccountsTestKit;

namespace ParIndex.Tests.Accounts;

public abstract class UserAdministrationTests(DatabaseKind kind) : AppTest(kind)
{
    private static Dictionary<string, string> UserForm(string? email, string name, string? unit, string? reason)
    {
        var fields = new Dictionary<string, string> { ["DisplayName"] = name, ["UnitCode"] = unit ?? "", ["Reason"] = reason ?? "" };
        if (email is not null)
            fields["Email"] = email;
        return fields;
    }

    private static IEnumerable<KeyValuePair<string, string>> RoleFields(params string[] roles) => roles.Select(r => new KeyValuePair<string, string>("Roles", r));

    [Fact]
    public async Task AnAdministratorCreatesAUnitOfficerWhoMustChangeTheTemporaryPasswordAtFirstSignIn()
    {
        await EnsureUnitAsync(App);
        var admin = await App.AdminAsync();

        var created = await PostFormAsync(admin, "/quan-tri/nguoi-dung/moi", UserForm("canbo@stp.test", "Nguyễn Thị Cán Bộ", "STP", null), extra: RoleFields(Roles.UnitOfficer));

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var html = await created.Content.ReadAsStringAsync();
        var temporary = TemporaryPasswordIn(html);
        Assert.Contains("no-store", created.Headers.CacheControl?.ToString());
        var stored = await App.WithDbAsync(db => db.Users.Include(u => u.Unit).SingleAsync(u => u.Email == "canbo@stp.test"));
        Assert.Equal("STP", stored.Unit!.Code);
        Assert.True(stored.MustChangePassword);
        Assert.DoesNotContain(temporary, stored.PasswordHash);
        var entry = Assert.Single(await AuditAsync(App, "user", "canbo@stp.test"));
        Assert.Equal("user.created", entry.Action);
        Assert.Equal(TestApp.AdminEmail, entry.Actor);
        Assert.Contains("UnitOfficer", entry.NewValue);
        Assert.Contains("STP", entry.NewValue);

        var (signIn, officer) = await TrySignInAsync(App, "canbo@stp.test", temporary);
        Assert.True(IsRedirectTo(signIn, "/doi-mat-khau"));
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync("/")).StatusCode);

        var changed = await PostFormAsync(officer, "/doi-mat-khau?returnUrl=%2F", new()
        {
            ["CurrentPassword"] = temporary, ["NewPassword"] = "Mat-Khau-Rieng-2025", ["ConfirmPassword"] = "Mat-Khau-Rieng-2025", ["ReturnUrl"] = "/",
        });

        Assert.True(IsRedirectTo(changed, "/"), $"answered {(int)changed.StatusCode}");
        Assert.False(await App.WithDbAsync(db => db.Users.Where(u => u.Email == "canbo@stp.test").Select(u => u.MustChangePassword).SingleAsync()));
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync("/doi-mat-khau")).StatusCode);
        Assert.True(IsRedirectTo(await officer.GetAsync("/quan-tri/nguoi-dung"), "/tu-choi"), "after the change the officer is an ordinary officer, not an administrator");
        Assert.Contains(await AuditAsync(App, "user", "canbo@stp.test"), e => e.Action == "user.password-changed" && e.Actor == "canbo@stp.test");
        Assert.Equal(HttpStatusCode.Redirect, (await TrySignInAsync(App, "canbo@stp.test", "Mat-Khau-Rieng-2025")).Response.StatusCode);
    }

    [Fact]
    public async Task UnitScopedRolesAreRefusedWithoutAnExistingUnitAndTheFormKeepsWhatWasTyped()
    {
        var admin = await App.AdminAsync();

        var missing = await PostFormAsync(admin, "/quan-tri/nguoi-dung/moi", UserForm("thamdinh@stp.test", "Thẩm Định Viên", null, null), extra: RoleFields(Roles.Appraiser));
        var unknown = await PostFormAsync(admin, "/quan-tri/nguoi-dung/moi", UserForm("thamdinh@stp.test", "Thẩm Định Viên", "KHONG-CO", null), extra: RoleFields(Roles.Appraiser));
        var noRole = await PostFormAsync(admin, "/quan-tri/nguoi-dung/moi", UserForm("xem@stp.test", "", null, null));
        var badEmail = await PostFormAsync(admin, "/quan-tri/nguoi-dung/moi", UserForm("not-an-email", "Ai Đó", null, null), extra: RoleFields(Roles.Viewer));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, missing.StatusCode);
        var html = await missing.Content.ReadAsStringAsync();
        Assert.Contains("phải gắn với một đơn vị", html);
        Assert.Contains("id=\"unitCode-error\"", html);
        Assert.Contains("value=\"thamdinh@stp.test\"", html);
        Assert.Contains("Không có đơn vị &#x27;KHONG-CO&#x27;", (await unknown.Content.ReadAsStringAsync()).Replace("'", "&#x27;"));
        var noRoleHtml = await noRole.Content.ReadAsStringAsync();
        Assert.Contains("Chọn ít nhất một vai trò.", noRoleHtml);
        Assert.Contains("Nhập họ tên.", noRoleHtml);
        Assert.Contains("không hợp lệ", await badEmail.Content.ReadAsStringAsync());
        Assert.Equal(1, await App.WithDbAsync(db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task ChangingRolesAndUnitNeedsAReasonAndIsAuditedOldToNew()
    {
        await EnsureUnitAsync(App);
        await EnsureUnitAsync(App, "SNV", "Sở Nội vụ");
        var admin = await App.AdminAsync();
        var id = await CreateUserAsync(App, "nguoi@test.local", Roles.Viewer);
        var path = "/quan-tri/nguoi-dung/" + id;

        var withoutReason = await PostFormAsync(admin, path, UserForm(null, "Người Dùng", "SNV", null), extra: RoleFields(Roles.Appraiser, Roles.Viewer));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, withoutReason.StatusCode);
        Assert.Contains("Nhập lý do", await withoutReason.Content.ReadAsStringAsync());

        var saved = await PostFormAsync(admin, path, UserForm(null, "Người Dùng", "SNV", "Được phân công thẩm định lĩnh vực 1"), extra: RoleFields(Roles.Appraiser, Roles.Viewer));

        Assert.True(IsRedirectTo(saved, path), $"answered {(int)saved.StatusCode}");
        var entry = (await AuditAsync(App, "user", "nguoi@test.local")).Single(e => e.Action == "user.updated");
        Assert.Equal(TestApp.AdminEmail, entry.Actor);
        Assert.Equal("Được phân công thẩm định lĩnh vực 1", entry.Reason);
        Assert.Contains("\"roles\":[\"Viewer\"]", entry.OldValue);
        Assert.Contains("\"unit\":null", entry.OldValue);
        Assert.Contains("\"roles\":[\"Appraiser\",\"Viewer\"]", entry.NewValue);
        Assert.Contains("\"unit\":\"SNV\"", entry.NewValue);
        var page = await admin.GetStringAsync(path);
        Assert.Contains("Được phân công thẩm định lĩnh vực 1", page);
        Assert.Contains("Sở Nội vụ", await admin.GetStringAsync("/quan-tri/nguoi-dung"));
    }

    [Fact]
    public async Task ARemovedRoleStopsWorkingInASessionAlreadySignedIn()
    {
        await App.AdminAsync();
        RecheckSessionsOnEveryRequest(App);
        var id = await CreateUserAsync(App, "phoquantri@test.local", Roles.Administrator);
        var deputy = await App.SignInAsync("phoquantri@test.local", Password);
        Assert.Equal(HttpStatusCode.OK, (await deputy.GetAsync("/quan-tri/nguoi-dung")).StatusCode);

        var admin = await App.SignInAsync(TestApp.AdminEmail, TestApp.AdminPassword);
        var saved = await PostFormAsync(admin, "/quan-tri/nguoi-dung/" + id, UserForm(null, "Phó", null, "Chuyển công tác"), extra: RoleFields(Roles.Viewer));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        Assert.True(IsRedirectTo(await deputy.GetAsync("/quan-tri/nguoi-dung"), "/tu-choi"));
        Assert.Equal(HttpStatusCode.Forbidden, (await deputy.GetAsync("/api/v1/users")).StatusCode);
    }

    [Fact]
    public async Task LockingEndsTheSessionAndRefusesSignInUntilUnlocked()
    {
        var admin = await App.AdminAsync();
        RecheckSessionsOnEveryRequest(App);
        var id = await CreateUserAsync(App, "canbo@test.local", Roles.Viewer);
        var user = await App.SignInAsync("canbo@test.local", Password);
        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync("/doi-mat-khau")).StatusCode);

        var refused = await PostFormAsync(admin, $"/quan-tri/nguoi-dung/{id}?handler=Lock", new() { ["Reason"] = "" }, formPage: "/quan-tri/nguoi-dung/" + id);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var locked = await PostFormAsync(admin, $"/quan-tri/nguoi-dung/{id}?handler=Lock", new() { ["Reason"] = "Nghỉ việc" }, formPage: "/quan-tri/nguoi-dung/" + id);
        Assert.Equal(HttpStatusCode.Redirect, locked.StatusCode);

        Assert.True(IsRedirectTo(await user.GetAsync("/doi-mat-khau"), "/dang-nhap"), "the locked user's session ended");
        var (again, _) = await TrySignInAsync(App, "canbo@test.local", Password);
        Assert.Equal(HttpStatusCode.Unauthorized, again.StatusCode);
        Assert.Contains("quản trị viên khóa", await again.Content.ReadAsStringAsync());
        Assert.Contains("Đã khóa", await admin.GetStringAsync("/quan-tri/nguoi-dung"));

        var unlocked = await PostFormAsync(admin, $"/quan-tri/nguoi-dung/{id}?handler=Unlock", new() { ["Reason"] = "Trở lại làm việc" }, formPage: "/quan-tri/nguoi-dung/" + id);
        Assert.Equal(HttpStatusCode.Redirect, unlocked.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await TrySignInAsync(App, "canbo@test.local", Password)).Response.StatusCode);
        var actions = (await AuditAsync(App, "user", "canbo@test.local")).Select(e => e.Action).ToList();
        Assert.Contains("user.locked", actions);
        Assert.Contains("user.unlocked", actions);
    }

    [Fact]
    public async Task AnAdministratorCannotLockDemoteOrResetThemselvesNorRemoveTheLastAdministrator()
    {
        var admin = await App.AdminAsync();
        var id = await UserIdAsync(App, TestApp.AdminEmail);
        var path = "/quan-tri/nguoi-dung/" + id;

        var demote = await PostFormAsync(admin, path, UserForm(null, "Quản trị", null, "thử"), extra: RoleFields(Roles.Viewer));
        var lockSelf = await PostFormAsync(admin, path + "?handler=Lock", new() { ["Reason"] = "thử" }, formPage: path);
        var resetSelf = await PostFormAsync(admin, path + "?handler=Reset", new() { ["Reason"] = "thử" }, formPage: path);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, demote.StatusCode);
        Assert.Contains("tự bỏ quyền quản trị", await demote.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, lockSelf.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, resetSelf.StatusCode);
        Assert.True(await App.WithScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<AppUser>>();
            return await users.IsInRoleAsync((await users.FindByIdAsync(id))!, Roles.Administrator);
        }));

        // Nor may anyone else remove the last active administrator.
        var lastAdministrator = await App.WithScopeAsync(services => services.GetRequiredService<UserAdministration>()
            .UpdateAsync(id, new UserInput(null, "Quản trị", [Roles.Viewer], null, "thử"), "someone-else@test.local"));
        var lastLock = await App.WithScopeAsync(services => services.GetRequiredService<UserAdministration>()
            .SetLockedAsync(id, true, "thử", "someone-else@test.local"));
        Assert.Contains("quản trị viên cuối cùng", string.Join(" ", lastAdministrator.Problems!.Lines()));
        Assert.Contains("quản trị viên cuối cùng", string.Join(" ", lastLock.Problems!.Lines()));

        // With a second active administrator, the first may be demoted by the second.
        await CreateUserAsync(App, "second@test.local", Roles.Administrator);
        var second = await App.SignInAsync("second@test.local", Password);
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(second, path, UserForm(null, "Quản trị", null, "Bàn giao"), extra: RoleFields(Roles.Viewer))).StatusCode);
    }

    [Fact]
    public async Task AnAdministratorWithATemporaryPasswordCannotUseTheApiUntilItIsChanged()
    {
        var admin = await App.AdminAsync();
        var created = await PostFormAsync(admin, "/quan-tri/nguoi-dung/moi", UserForm("moi@test.local", "Quản trị mới", null, null), extra: RoleFields(Roles.Administrator));
        var temporary = TemporaryPasswordIn(await created.Content.ReadAsStringAsync());
        var (_, fresh) = await TrySignInAsync(App, "moi@test.local", temporary);

        var api = await fresh.GetAsync("/api/v1/users");
        var page = await fresh.GetAsync("/quan-tri/nguoi-dung");

        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        Assert.Contains("mật khẩu tạm", await api.Content.ReadAsStringAsync());
        Assert.True(IsRedirectTo(page, "/doi-mat-khau"));
        Assert.Contains("returnUrl=%2Fquan-tri%2Fnguoi-dung", page.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task AnAdministratorResetsAPasswordTheOldOneStopsAndTheUserMustChooseANewOne()
    {
        var admin = await App.AdminAsync();
        RecheckSessionsOnEveryRequest(App);
        var id = await CreateUserAsync(App, "quen@test.local", Roles.CouncilMember);
        var oldSession = await App.SignInAsync("quen@test.local", Password);
        for (var i = 0; i < 5; i++)
            await TrySignInAsync(App, "quen@test.local", "Sai-Mat-Khau-1");
        var path = "/quan-tri/nguoi-dung/" + id;

        var reset = await PostFormAsync(admin, path + "?handler=Reset", new() { ["Reason"] = "Người dùng quên mật khẩu, đã xác minh qua điện thoại" }, formPage: path);

        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        var temporary = TemporaryPasswordIn(await reset.Content.ReadAsStringAsync());
        Assert.DoesNotContain(temporary, await admin.GetStringAsync(path));
        Assert.True(IsRedirectTo(await oldSession.GetAsync("/doi-mat-khau"), "/dang-nhap"), "the reset ended the sessions signed in with the old password");
        Assert.Equal(HttpStatusCode.Unauthorized, (await TrySignInAsync(App, "quen@test.local", Password)).Response.StatusCode);
        var (signIn, user) = await TrySignInAsync(App, "quen@test.local", temporary);
        Assert.True(IsRedirectTo(signIn, "/doi-mat-khau"), "the reset also lifted the lock the failed sign-ins caused");
        var weak = await PostFormAsync(user, "/doi-mat-khau", new() { ["CurrentPassword"] = temporary, ["NewPassword"] = "ngan", ["ConfirmPassword"] = "ngan" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, weak.StatusCode);
        Assert.Contains("Mật khẩu phải có ít nhất 10 ký tự.", await weak.Content.ReadAsStringAsync());
        var entry = (await AuditAsync(App, "user", "quen@test.local")).Single(e => e.Action == "user.password-reset");
        Assert.Equal("Người dùng quên mật khẩu, đã xác minh qua điện thoại", entry.Reason);
        Assert.DoesNotContain(temporary, entry.NewValue ?? "");
    }

    [Fact]
    public async Task TheUserListShowsRolesUnitLockStateAndLastSignIn()
    {
        await EnsureUnitAsync(App);
        var admin = await App.AdminAsync();
        await CreateUserAsync(App, "lanhdao@stp.test", Roles.UnitHead, "STP");
        await App.SignInAsync("lanhdao@stp.test", Password);
        await CreateUserAsync(App, "khoa@test.local", Roles.Viewer);
        for (var i = 0; i < 5; i++)
            await TrySignInAsync(App, "khoa@test.local", "Sai-Mat-Khau-1");

        var html = await admin.GetStringAsync("/quan-tri/nguoi-dung");
        var users = await App.WithScopeAsync(services => services.GetRequiredService<UserAdministration>().ListAsync());

        Assert.Contains("Lãnh đạo đơn vị", html);
        Assert.Contains("Sở Tư pháp", html);
        Assert.Contains("Tạm khóa đến", html);
        Assert.NotNull(users.Single(u => u.Email == "lanhdao@stp.test").LastSignInAtUtc);
        Assert.True(users.Single(u => u.Email == "khoa@test.local").LockedOut);
        Assert.Contains("lanhdao@stp.test", await admin.GetStringAsync("/quan-tri/nguoi-dung?role=UnitHead"));
        Assert.DoesNotContain("khoa@test.local", await admin.GetStringAsync("/quan-tri/nguoi-dung?role=UnitHead"));
        var api = await admin.GetFromJsonAsync<List<UserView>>("/api/v1/users");
        Assert.Equal(["UnitHead"], api!.Single(u => u.Email == "lanhdao@stp.test").Roles);
    }

    [Fact]
    public async Task PeopleWhoAreNotAdministratorsCannotOpenUserAdministration()
    {
        await App.AdminAsync();
        await CreateUserAsync(App, "xem@test.local", Roles.Viewer);
        var viewer = await App.SignInAsync("xem@test.local", Password);

        Assert.True(IsRedirectTo(await viewer.GetAsync("/quan-tri/nguoi-dung"), "/tu-choi"));
        Assert.True(IsRedirectTo(await App.Anonymous().GetAsync("/quan-tri/nguoi-dung"), "/dang-nhap"));
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.GetAsync("/api/v1/users")).StatusCode);
    }
}

public sealed class UserAdministrationTestsOnSqlite() : UserAdministrationTests(DatabaseKind.Sqlite);

public sealed class UserAdministrationTestsOnPostgres() : UserAdministrationTests(DatabaseKind.Postgres);
