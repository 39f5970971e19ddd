using System.Text.RegularExpressions;

namespace ParIndex.EndToEndTests.Accounts;

[Collection(AccountsSiteCollection.Name)]
public sealed class SignInTests(AccountsSiteFixture site, ITestOutputHelper output) : BrowserTest(site, output)
{
    private const string AdminEmail = "admin@parindex.local";
    private const string AdminPassword = "ParIndex-Demo-2025";
    private static readonly string[] AdminSections = ["Quản trị", "Tính toán & công bố", "Hội đồng"];

    [Fact]
    public Task AdministratorSignsInThroughTheFormAndSeesTheAdministrationNavigation() => BrowseAsync(async page =>
    {
        await page.GotoAsync("/");
        // Staff work links live in the work bar, which only signed-in people get.
        var navigation = page.GetByRole(AriaRole.Navigation, new() { Name = "Công việc" });
        foreach (var section in AdminSections)
            await Expect(navigation.GetByRole(AriaRole.Link, new() { Name = section, Exact = true })).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Link, new() { Name = "Đăng nhập" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/dang-nhap"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Đăng nhập", Level = 1 })).ToBeVisibleAsync();
        await SubmitSignInAsync(page, AdminEmail, AdminPassword);

        // Back where the sign-in started, now with the administrator's sections and name in the header.
        await Expect(page).ToHaveURLAsync(Server.Url("/"));
        foreach (var section in AdminSections)
            await Expect(navigation.GetByRole(AriaRole.Link, new() { Name = section, Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Banner)).ToContainTextAsync(AdminEmail);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Đăng xuất" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Link, new() { Name = "Đăng nhập" })).ToHaveCountAsync(0);
    });

    [Fact]
    public Task AWrongPasswordShowsTheErrorMessageAndDoesNotSignIn() => BrowseAsync(async page =>
    {
        await page.GotoAsync("/dang-nhap");
        await SubmitSignInAsync(page, AdminEmail, "Wrong-Password-1");

        await Expect(page).ToHaveURLAsync(new Regex("/dang-nhap"));
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Thư điện tử hoặc mật khẩu không đúng.");
        // The email is kept for the next attempt; the password is not sent back.
        await Expect(page.GetByLabel("Thư điện tử")).ToHaveValueAsync(AdminEmail);
        await Expect(page.GetByLabel("Mật khẩu")).ToHaveValueAsync("");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Đăng xuất" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Công việc" })).ToHaveCountAsync(0);
    });

    [Fact]
    public Task SigningOutEndsTheSessionAndClosesTheAdministrationPages() => BrowseAsync(async page =>
    {
        await page.GotoAsync("/dang-nhap");
        await SubmitSignInAsync(page, AdminEmail, AdminPassword);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Đăng xuất" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng xuất" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(Server.Url("/"));
        await Expect(page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Link, new() { Name = "Đăng nhập" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Đăng xuất" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Công việc" })).ToHaveCountAsync(0);
        // The cookie is really gone: an administration page sends the reader to the sign-in form again.
        await page.GotoAsync("/quan-tri/don-vi");
        await Expect(page).ToHaveURLAsync(new Regex("/dang-nhap\\?ReturnUrl=%2Fquan-tri%2Fdon-vi", RegexOptions.IgnoreCase));
    });

    private static async Task SubmitSignInAsync(IPage page, string email, string password)
    {
        var form = page.GetByRole(AriaRole.Main);
        await form.GetByLabel("Thư điện tử").FillAsync(email);
        await form.GetByLabel("Mật khẩu").FillAsync(password);
        await form.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
    }
}
