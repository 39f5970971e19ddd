using static ParIndex.Tests.Units.UnitsTestKit;

namespace ParIndex.Tests.Calendar;

/// <summary>The calendar pages: administration of a year's notice (admin) and the public list with the deadline calculator.</summary>
public abstract class CalendarPagesTests(DatabaseKind kind) : CalendarTest(kind)
{
    private const string AdminPage = "/quan-tri/lich-lam-viec";

    private static List<KeyValuePair<string, string>> Form2025(string reason = "Nhập thông báo chính thức") =>
    [
        new("Year", "2025"),
        new("TetDays[0]", "2025-01-27"), new("TetDays[1]", "2025-01-28"), new("TetDays[2]", "2025-01-29"), new("TetDays[3]", "2025-01-30"), new("TetDays[4]", "2025-01-31"),
        new("NationalDaySecondDay", "2025-09-01"),
        new("Swaps[0].DayOff", "2025-05-02"), new("Swaps[0].WorkedDay", "2025-04-26"), new("Swaps[0].Reference", ""),
        new("Swaps[1].DayOff", ""), new("Swaps[1].WorkedDay", ""), new("Swaps[1].Reference", ""),
        new("Extras[0].Date", ""), new("Extras[0].ReasonVi", ""), new("Extras[0].ReasonEn", ""), new("Extras[0].Reference", ""),
        new("Extras[1].Date", "03/02/2025"), new("Extras[1].ReasonVi", "Nghỉ thêm sau Tết"), new("Extras[1].ReasonEn", ""), new("Extras[1].Reference", "QĐ 1/TEST"),
        new("Reference", "Văn bản 8726/VPCP-KGVX ngày 26/11/2024"),
        new("Note", ""),
        new("Reason", reason),
    ];

    [Fact]
    public async Task TheAdministrationPageShowsTheYearItsStatusAndTheNoticeInTheForm()
    {
        var admin = await App.AdminAsync();

        var html = await PageAsync(admin, $"{AdminPage}?year=2025");
        var derived = await PageAsync(admin, $"{AdminPage}?year=2030");

        Assert.Contains("data-status=\"Documented\">Đã công bố<", html);
        Assert.Contains("<tr data-date=\"2025-01-27\" data-kind=\"Holiday\">", html);
        Assert.Contains("Tết Nguyên đán", html);
        Assert.Contains("<tr data-date=\"2025-04-26\">", html);
        Assert.Contains("name=\"TetDays[4]\" value=\"2025-01-31\"", html);
        Assert.Contains("name=\"Swaps[0].WorkedDay\" value=\"2025-04-26\"", html);
        Assert.Contains("value=\"2025-09-01\" checked=\"checked\"", html);
        Assert.Contains("data-status=\"Derived\">Mặc định suy ra<", derived);
    }

    [Fact]
    public async Task TheAdministrationPageIsForAdministratorsOnly()
    {
        var response = await App.Anonymous().GetAsync($"{AdminPage}?year=2025");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/dang-nhap", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task SavingTheFormStoresTheNoticeAndTheYearShowsAsEntered()
    {
        var admin = await App.AdminAsync();

        var response = await PostFormAsync(admin, $"{AdminPage}?year=2025", Form2025(), tokenPage: $"{AdminPage}?year=2025");
        var html = await PageAsync(admin, response.Headers.Location!.OriginalString);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("data-status=\"Stored\">Đã nhập<", html);
        Assert.Contains("Đã lưu thông báo năm 2025. 1 ngày đổi trạng thái làm việc", html);
        Assert.Contains("<tr data-date=\"2025-02-03\" data-kind=\"ExtraDayOff\">", html);
        Assert.Contains("Nghỉ thêm sau Tết", html);
        Assert.False(await IsWorkingDayAsync(new DateOnly(2025, 2, 3)));
        Assert.Equal(2025, Assert.Single(Listener.Changes).Year);
        Assert.Equal("Nhập thông báo chính thức", Assert.Single(await CalendarAuditAsync()).Reason);
    }

    [Fact]
    public async Task ARefusedFormComesBackAsTypedWithEachProblemBesideItsField()
    {
        var admin = await App.AdminAsync();
        var form = Form2025(reason: "");
        form[form.FindIndex(f => f.Key == "Swaps[1].DayOff")] = new("Swaps[1].DayOff", "2025-06-07");
        form[form.FindIndex(f => f.Key == "Swaps[1].WorkedDay")] = new("Swaps[1].WorkedDay", "2025-06-09");
        form[form.FindIndex(f => f.Key == "TetDays[2]")] = new("TetDays[2]", "29/13/2025");

        var response = await PostFormAsync(admin, $"{AdminPage}?year=2025", form, tokenPage: $"{AdminPage}?year=2025");
        var html = await HtmlAsync(response);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("id=\"tetDays[2]-error\"", html);
        Assert.Contains("'29/13/2025' không phải ngày hợp lệ.", html);
        Assert.Contains("name=\"TetDays[2]\" value=\"29/13/2025\"", html);
        Assert.Contains("name=\"Swaps[1].DayOff\" value=\"2025-06-07\"", html);
        Assert.Contains("name=\"Extras[1].ReasonVi\" value=\"Nghỉ thêm sau Tết\"", html);
        Assert.True(await IsWorkingDayAsync(new DateOnly(2025, 2, 3)));

        var second = Form2025(reason: "");
        second[second.FindIndex(f => f.Key == "Swaps[1].DayOff")] = new("Swaps[1].DayOff", "2025-06-07");
        second[second.FindIndex(f => f.Key == "Swaps[1].WorkedDay")] = new("Swaps[1].WorkedDay", "2025-06-09");
        var refused = await HtmlAsync(await PostFormAsync(admin, $"{AdminPage}?year=2025", second, tokenPage: $"{AdminPage}?year=2025"));
        Assert.Contains("id=\"reason-error\"", refused);
        Assert.Contains("Hãy ghi lý do thay đổi", refused);

        var third = Form2025();
        third[third.FindIndex(f => f.Key == "Swaps[1].DayOff")] = new("Swaps[1].DayOff", "2025-04-30");
        third[third.FindIndex(f => f.Key == "Swaps[1].WorkedDay")] = new("Swaps[1].WorkedDay", "2025-06-07");
        var clash = await HtmlAsync(await PostFormAsync(admin, $"{AdminPage}?year=2025", third, tokenPage: $"{AdminPage}?year=2025"));
        Assert.Contains("id=\"swaps[1].dayOff-error\"", clash);
        Assert.Contains("đã là ngày nghỉ lễ", clash);
        Assert.Empty(Listener.Changes);
        Assert.Empty(await CalendarAuditAsync());
    }

    [Fact]
    public async Task DeletingTheEnteredNoticeFromThePageNeedsAReason()
    {
        var admin = await App.AdminAsync();
        await PostFormAsync(admin, $"{AdminPage}?year=2025", Form2025(), tokenPage: $"{AdminPage}?year=2025");

        var refused = await PostFormAsync(admin, $"{AdminPage}?year=2025&handler=delete", new { Year = "2025", DeleteReason = "" }, tokenPage: $"{AdminPage}?year=2025");
        var deleted = await PostFormAsync(admin, $"{AdminPage}?year=2025&handler=delete", new { Year = "2025", DeleteReason = "Nhập nhầm" }, tokenPage: $"{AdminPage}?year=2025");
        var html = await PageAsync(admin, $"{AdminPage}?year=2025");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("Hãy ghi lý do xóa", await HtmlAsync(refused));
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Contains("data-status=\"Documented\"", html);
        Assert.True(await IsWorkingDayAsync(new DateOnly(2025, 2, 3)));
    }

    [Fact]
    public async Task ThePublicPageListsTheDaysAndComputesADeadlineWithoutJavaScript()
    {
        var client = App.Anonymous();

        var html = await PageAsync(client, "/lich-lam-viec?year=2025&calc=true&receivedAt=2025-01-24T16:20&days=2&cutOff=true");
        var english = await PageAsync(client, "/lich-lam-viec?year=2025&calc=true&receivedAt=2025-01-24T16:20&days=2&cutOff=true&lang=en-GB");

        Assert.Contains("data-status=\"Documented\"", html);
        Assert.Contains("<tr data-date=\"2025-01-29\" data-kind=\"Holiday\">", html);
        Assert.Contains("data-due=\"2025-02-05T17:00:00+07:00\"", html);
        Assert.Contains("17:00 thứ Tư 05/02/2025", html);
        Assert.Contains("Bỏ qua 27/01–31/01/2025: nghỉ Tết Nguyên đán", html);
        Assert.DoesNotContain("<form method=\"post\"", html.Replace("action=\"/dang-xuat\"", ""));
        Assert.Contains("17:00 Wednesday 05/02/2025", english);
    }

    [Fact]
    public async Task ThePublicCalculatorNamesTheFieldItCannotRead()
    {
        var response = await App.Anonymous().GetAsync("/lich-lam-viec?year=2025&calc=true&receivedAt=&days=-1");
        var html = await HtmlAsync(response);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("id=\"receivedAt-error\"", html);
        Assert.Contains("id=\"days-error\"", html);
        Assert.DoesNotContain("id=\"deadline-result\"", html);
    }
}

public sealed class CalendarPagesTestsOnSqlite() : CalendarPagesTests(DatabaseKind.Sqlite);

public sealed class CalendarPagesTestsOnPostgres() : CalendarPagesTests(DatabaseKind.Postgres);
