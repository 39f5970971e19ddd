using System.Text.Json;
using ParIndex.Calendar;

namespace ParIndex.Tests.Calendar;

/// <summary>The calendar API: a year's days off, notice administration with audit and recomputation, deadline questions.</summary>
public abstract class CalendarApiTests(DatabaseKind kind) : CalendarTest(kind)
{
    [Fact]
    public async Task The2025NoticeGivesTetFromTheTwentySeventhToTheThirtyFirstAndAWorkedSaturday()
    {
        var year = await JsonAsync(await App.Anonymous().GetAsync("/api/v1/calendar/years/2025"));

        Assert.Equal("Documented", year.GetProperty("status").GetString());
        Assert.Equal("Đã công bố", year.GetProperty("statusVi").GetString());
        Assert.Equal(115, year.GetProperty("nonWorkingDayCount").GetInt32());
        Assert.Equal(365 - 115, year.GetProperty("workingDays").GetInt32());
        var days = year.GetProperty("nonWorkingDays").EnumerateArray().ToDictionary(d => d.GetProperty("date").GetString()!);
        foreach (var date in new[] { "2025-01-27", "2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31" })
        {
            Assert.Equal("Holiday", days[date].GetProperty("kind").GetString());
            Assert.Equal("LunarNewYear", days[date].GetProperty("occasion").GetString());
            Assert.StartsWith("Tết Nguyên đán", days[date].GetProperty("reasonVi").GetString());
            Assert.StartsWith("Lunar New Year", days[date].GetProperty("reasonEn").GetString());
        }
        Assert.Equal("SwappedDayOff", days["2025-05-02"].GetProperty("kind").GetString());
        Assert.False(days.ContainsKey("2025-04-26"));
        var worked = Assert.Single(year.GetProperty("workedDays").EnumerateArray());
        Assert.Equal("2025-04-26", worked.GetProperty("date").GetString());
        Assert.Equal("2025-05-02", worked.GetProperty("inExchangeFor").GetString());
        Assert.Equal(["2025-01-27", "2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31"], year.GetProperty("notice").GetProperty("tetDays").EnumerateArray().Select(d => d.GetString()));
    }

    [Fact]
    public async Task WithoutWeekendsOnlyHolidaysAndOtherDaysOffAreListed()
    {
        var year = await JsonAsync(await App.Anonymous().GetAsync("/api/v1/calendar/years/2025?weekends=false"));

        var kinds = year.GetProperty("nonWorkingDays").EnumerateArray().Select(d => d.GetProperty("kind").GetString()).ToList();
        Assert.Equal(12, kinds.Count);
        Assert.DoesNotContain("Weekend", kinds);
    }

    [Fact]
    public async Task AYearWithoutANoticeIsDerivedByRule()
    {
        var year = await JsonAsync(await App.Anonymous().GetAsync("/api/v1/calendar/years/2030"));

        Assert.Equal("Derived", year.GetProperty("status").GetString());
        Assert.True(year.GetProperty("notice").GetProperty("derived").GetBoolean());
    }

    [Fact]
    public async Task EditingANoticeChangesWorkingDaysAndDeadlinesAuditsAndTellsTheListener()
    {
        var admin = await App.AdminAsync();
        var before = await JsonAsync(await App.Anonymous().GetAsync("/api/v1/calendar/add-working-days?from=2025-01-24T16:20%2B07:00&days=2&cutOff=true"));
        Assert.True(await IsWorkingDayAsync(new DateOnly(2025, 2, 3)));

        var saved = await JsonAsync(await admin.PutAsJsonAsync("/api/v1/calendar/years/2025/notice", Notice2025WithExtraDay()));

        Assert.Equal("Stored", saved.GetProperty("calendar").GetProperty("status").GetString());
        Assert.Equal(["2025-02-03"], saved.GetProperty("changedDays").EnumerateArray().Select(d => d.GetString()));
        Assert.False(await IsWorkingDayAsync(new DateOnly(2025, 2, 3)));
        var after = await JsonAsync(await App.Anonymous().GetAsync("/api/v1/calendar/add-working-days?from=2025-01-24T16:20%2B07:00&days=2&cutOff=true"));
        Assert.Equal("2025-02-05T17:00:00+07:00", before.GetProperty("due").GetString());
        Assert.Equal("2025-02-06T17:00:00+07:00", after.GetProperty("due").GetString());
        Assert.Contains(after.GetProperty("steps").EnumerateArray(), s => s.GetProperty("vi").GetString() == "Bỏ qua 27/01–03/02/2025: nghỉ Tết Nguyên đán; nghỉ thêm sau Tết");

        var change = Assert.Single(Listener.Changes);
        Assert.Equal(2025, change.Year);
        Assert.Equal(TestApp.AdminEmail, change.Actor);
        Assert.Equal("Bổ sung ngày nghỉ theo văn bản mới", change.Reason);
        Assert.True(change.CanMove(new DateOnly(2025, 1, 24), new DateOnly(2025, 2, 5)));
        Assert.False(change.CanMove(new DateOnly(2025, 3, 3), new DateOnly(2025, 3, 6)));

        var audit = Assert.Single(await CalendarAuditAsync());
        Assert.Equal("calendar.notice.saved", audit.Action);
        Assert.Equal("2025", audit.EntityKey);
        Assert.Equal(TestApp.AdminEmail, audit.Actor);
        Assert.Equal("Bổ sung ngày nghỉ theo văn bản mới", audit.Reason);
        Assert.Contains("Văn bản 8726/VPCP-KGVX", audit.OldValue);
        Assert.DoesNotContain("2025-02-03", audit.OldValue);
        Assert.Contains("\"2025-02-03\"", audit.NewValue);
        Assert.Contains("Nghỉ thêm sau Tết", audit.NewValue);
    }

    [Fact]
    public async Task SavingTheSameNoticeTwiceChangesNothingTheSecondTime()
    {
        var admin = await App.AdminAsync();

        await JsonAsync(await admin.PutAsJsonAsync("/api/v1/calendar/years/2025/notice", Notice2025WithExtraDay()));
        var again = await JsonAsync(await admin.PutAsJsonAsync("/api/v1/calendar/years/2025/notice", Notice2025WithExtraDay("lần hai")));

        Assert.True(again.GetProperty("unchanged").GetBoolean());
        Assert.Single(await CalendarAuditAsync());
        Assert.Single(Listener.Changes);
    }

    [Fact]
    public async Task BadNoticesAreRefusedWithTheFieldsNamedAndNothingStored()
    {
        var admin = await App.AdminAsync();

        var invalid = await admin.PutAsJsonAsync("/api/v1/calendar/years/2025/notice", new
        {
            tetDays = new[] { "2025-01-27", "2025-01-28", "2025-01-29", "2025-01-30" },
            nationalDaySecondDay = "2025-09-05",
            swaps = new[] { new { dayOff = "2025-04-26", workedDay = "2025-05-02" } },
            extraDaysOff = new[] { new { date = "2025-06-02", reasonVi = "" } },
        });
        var clash = await admin.PutAsJsonAsync("/api/v1/calendar/years/2025/notice", new
        {
            tetDays = new[] { "2025-01-27", "2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31" },
            nationalDaySecondDay = "2025-09-01",
            swaps = new[] { new { dayOff = "2025-05-02", workedDay = "2025-04-26" }, new { dayOff = "2025-05-05", workedDay = "2025-04-26" } },
            extraDaysOff = new[] { new { date = "2025-04-30", reasonVi = "Nghỉ", reasonEn = "Off" } },
            reason = "thử",
        });
        var wrongYear = await admin.PutAsJsonAsync("/api/v1/calendar/years/2024/notice", Notice2025WithExtraDay());
        var outOfRange = await admin.PutAsJsonAsync("/api/v1/calendar/years/1990/notice", Notice2025WithExtraDay());

        var invalidFields = await ErrorFieldsAsync(invalid);
        Assert.Contains("reason", invalidFields);
        Assert.Contains("extraDaysOff[0].reasonVi", invalidFields);
        var fields = await ErrorFieldsAsync(await admin.PutAsJsonAsync("/api/v1/calendar/years/2025/notice", new
        {
            tetDays = new[] { "2025-01-27", "2025-01-28", "2025-01-29", "2025-01-30" },
            nationalDaySecondDay = "2025-09-05",
            swaps = new[] { new { dayOff = "2025-04-26", workedDay = "2025-05-02" } },
            reason = "thử",
        }));
        Assert.Contains("tetDays", fields);
        Assert.Contains("nationalDaySecondDay", fields);
        Assert.Contains("swaps", fields);
        var clashFields = await ErrorFieldsAsync(clash);
        Assert.Contains("swaps[1].workedDay", clashFields);
        Assert.Contains("extraDaysOff[0].date", clashFields);
        Assert.Contains("year", await ErrorFieldsAsync(wrongYear));
        Assert.Contains("year", await ErrorFieldsAsync(outOfRange));
        Assert.Empty(await CalendarAuditAsync());
        Assert.Empty(Listener.Changes);
        Assert.Equal(0, await App.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.CalendarNotices)));
    }

    [Fact]
    public async Task AMessageNamesTheFieldInVietnameseAndInEnglish()
    {
        var admin = await App.AdminAsync();
        var body = new { tetDays = new[] { "2025-01-27" }, nationalDaySecondDay = "2025-09-01", reason = "thử" };

        var vi = await admin.PutAsJsonAsync("/api/v1/calendar/years/2025/notice", body);
        var en = await admin.PutAsJsonAsync("/api/v1/calendar/years/2025/notice?lang=en-GB", body);

        Assert.Contains("Phải có đúng 5 ngày nghỉ Tết", await vi.Content.ReadAsStringAsync());
        Assert.Contains("Exactly five distinct Lunar New Year days", await en.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AnonymousCallersAndNonAdministratorsCannotChangeTheCalendar()
    {
        await App.EnsureUserAsync("reader@test.local", "Reader-Pass-2025", role: null);
        var reader = await App.SignInAsync("reader@test.local", "Reader-Pass-2025");
        var anonymous = App.Anonymous();

        var put = await anonymous.PutAsJsonAsync("/api/v1/calendar/years/2025/notice", Notice2025WithExtraDay());
        var delete = await anonymous.DeleteAsync("/api/v1/calendar/years/2025/notice?reason=x");
        var readerPut = await reader.PutAsJsonAsync("/api/v1/calendar/years/2025/notice", Notice2025WithExtraDay());

        Assert.Equal(HttpStatusCode.Unauthorized, put.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, delete.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, readerPut.StatusCode);
        Assert.True(await IsWorkingDayAsync(new DateOnly(2025, 2, 3)));
        Assert.Empty(Listener.Changes);
    }

    [Fact]
    public async Task DeletingTheStoredNoticeBringsBackThePublishedOneWithAnAuditEntry()
    {
        var admin = await App.AdminAsync();
        await JsonAsync(await admin.PutAsJsonAsync("/api/v1/calendar/years/2025/notice", Notice2025WithExtraDay()));

        var withoutReason = await admin.DeleteAsync("/api/v1/calendar/years/2025/notice");
        var deleted = await JsonAsync(await admin.DeleteAsync("/api/v1/calendar/years/2025/notice?reason=Nh%E1%BA%ADp%20nh%E1%BA%A7m"));
        var again = await admin.DeleteAsync("/api/v1/calendar/years/2025/notice?reason=again");

        Assert.Contains("reason", await ErrorFieldsAsync(withoutReason));
        Assert.Equal("Documented", deleted.GetProperty("calendar").GetProperty("status").GetString());
        Assert.Equal(["2025-02-03"], deleted.GetProperty("changedDays").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.True(await IsWorkingDayAsync(new DateOnly(2025, 2, 3)));
        var audit = await CalendarAuditAsync();
        Assert.Equal(["calendar.notice.saved", "calendar.notice.deleted"], audit.Select(a => a.Action));
        Assert.Equal("Nhập nhầm", audit[1].Reason);
        Assert.Contains("2025-02-03", audit[1].OldValue);
        Assert.DoesNotContain("2025-02-03", audit[1].NewValue);
        Assert.Equal(2, Listener.Changes.Count);
    }

    [Fact]
    public async Task AFailingListenerIsReportedWhileTheNoticeStaysStored()
    {
        var admin = await App.AdminAsync();
        Listener.Fail = true;

        var saved = await JsonAsync(await admin.PutAsJsonAsync("/api/v1/calendar/years/2025/notice", Notice2025WithExtraDay()));

        var failure = Assert.Single(saved.GetProperty("listenerFailures").EnumerateArray());
        Assert.Contains("dossier store unavailable", failure.GetString());
        Assert.False(await IsWorkingDayAsync(new DateOnly(2025, 2, 3)));
        Assert.Single(await CalendarAuditAsync());
    }

    [Fact]
    public async Task AddingWorkingDaysExplainsTheSkippedTetBreakAndTheWorkedSaturday()
    {
        var client = App.Anonymous();

        var tet = await JsonAsync(await client.GetAsync("/api/v1/calendar/add-working-days?from=2025-01-24T16:20%2B07:00&days=2&cutOff=true"));
        var noCutOff = await JsonAsync(await client.GetAsync("/api/v1/calendar/add-working-days?from=2025-01-24T09:20:00Z&days=2"));
        var may = await JsonAsync(await client.GetAsync("/api/v1/calendar/add-working-days?from=2025-04-25T10:00&days=5"));

        Assert.Equal("2025-02-05T17:00:00+07:00", tet.GetProperty("due").GetString());
        Assert.Equal("2025-02-05", tet.GetProperty("dueDate").GetString());
        var steps = tet.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("vi").GetString()).ToList();
        Assert.Equal("Nhận lúc 16:20 thứ Sáu 24/01/2025, sau 15:00 → tính từ ngày làm việc tiếp theo", steps[0]);
        Assert.Contains("Bỏ qua 27/01–31/01/2025: nghỉ Tết Nguyên đán", steps);
        Assert.Equal("Hạn trả: 17:00 thứ Tư 05/02/2025", steps[^1]);
        Assert.Equal("2025-02-04T17:00:00+07:00", noCutOff.GetProperty("due").GetString());
        Assert.Equal("2025-05-06T17:00:00+07:00", may.GetProperty("due").GetString());
        Assert.Contains(may.GetProperty("steps").EnumerateArray(), s => s.GetProperty("kind").GetString() == "WorkedWeekendDay");
    }

    [Fact]
    public async Task BadDeadlineQuestionsAreAnsweredWithProblemDetails()
    {
        var client = App.Anonymous();

        var unparseable = await client.GetAsync("/api/v1/calendar/add-working-days?from=yesterday&days=2");
        var negative = await client.GetAsync("/api/v1/calendar/add-working-days?from=2025-01-24T16:20%2B07:00&days=-3");
        var notANumber = await client.GetAsync("/api/v1/calendar/add-working-days?from=2025-01-24T16:20%2B07:00&days=two&cutOff=maybe");
        var tooEarly = await client.GetAsync("/api/v1/calendar/add-working-days?from=1999-12-31T10:00%2B07:00&days=1");
        var tooLate = await client.GetAsync("/api/v1/calendar/add-working-days?from=2100-12-20T10:00%2B07:00&days=30");
        var badYear = await client.GetAsync("/api/v1/calendar/years/2101");

        Assert.Equal(["from"], await ErrorFieldsAsync(unparseable));
        Assert.Equal(["days"], await ErrorFieldsAsync(negative));
        Assert.Equal(["days", "cutOff"], await ErrorFieldsAsync(notANumber));
        Assert.Equal(["from"], await ErrorFieldsAsync(tooEarly));
        Assert.Equal(["days"], await ErrorFieldsAsync(tooLate));
        Assert.Equal(["year"], await ErrorFieldsAsync(badYear));
    }

    [Fact]
    public async Task TheDeadlineEndpointCountsCalendarDaysOfficeHoursAndCatalogueProcedures()
    {
        var client = App.Anonymous();
        var admin = await App.AdminAsync();
        var put = await admin.PutAsJsonAsync("/api/v1/procedures/2.000815", new
        {
            nameVi = "Chứng thực bản sao từ bản chính", sector = "Tư pháp – Chứng thực", level = "Commune",
            processingTime = 0, processingUnit = "WorkingDays", afterCutOffCountsNextDay = true, feeBearing = true, onlineLevel = "Partial",
        });
        Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync());

        var calendarDays = await JsonAsync(await client.GetAsync("/api/v1/calendar/deadline?receivedAt=2025-04-15T10:00%2B07:00&amount=15&unit=CalendarDays"));
        var hours = await JsonAsync(await client.GetAsync("/api/v1/calendar/deadline?receivedAt=2025-01-24T10:00%2B07:00&amount=16&unit=gi%E1%BB%9D"));
        var copy = await JsonAsync(await client.GetAsync("/api/v1/calendar/deadline?receivedAt=2025-03-07T15:00:01%2B07:00&procedureCode=2.000815"));
        var badUnit = await client.GetAsync("/api/v1/calendar/deadline?receivedAt=2025-03-07T10:00&amount=2&unit=weeks");
        var missing = await client.GetAsync("/api/v1/calendar/deadline?receivedAt=soon&amount=-1");
        var unknownProcedure = await client.GetAsync("/api/v1/calendar/deadline?receivedAt=2025-03-07T10:00&procedureCode=9.999999");

        Assert.Equal("2025-05-05T17:00:00+07:00", calendarDays.GetProperty("due").GetString());
        Assert.Equal("15 ngày", calendarDays.GetProperty("policyVi").GetString());
        Assert.Equal("2025-02-04T10:00:00+07:00", hours.GetProperty("due").GetString());
        Assert.Equal("Hours", hours.GetProperty("unit").GetString());
        Assert.Equal("2025-03-10T17:00:00+07:00", copy.GetProperty("due").GetString());
        Assert.True(copy.GetProperty("cutOff").GetBoolean());
        Assert.Equal("2.000815", copy.GetProperty("procedureCode").GetString());
        Assert.Equal(["unit"], await ErrorFieldsAsync(badUnit));
        Assert.Equal(["receivedAt", "amount"], await ErrorFieldsAsync(missing));
        Assert.Equal(HttpStatusCode.NotFound, unknownProcedure.StatusCode);
        Assert.Equal("application/problem+json", unknownProcedure.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task TheOpenApiDocumentDescribesTheCalendarAndProcedureRoutes()
    {
        using var document = JsonDocument.Parse(await App.Anonymous().GetStringAsync("/api/openapi/v1.json"));

        var paths = document.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/calendar/years/{year}", paths);
        Assert.Contains("/api/v1/calendar/years/{year}/notice", paths);
        Assert.Contains("/api/v1/calendar/add-working-days", paths);
        Assert.Contains("/api/v1/calendar/deadline", paths);
        Assert.Contains("/api/v1/procedures/{code}", paths);
        Assert.Contains("/api/v1/procedures/import", paths);
    }
}

public sealed class CalendarApiTestsOnSqlite() : CalendarApiTests(DatabaseKind.Sqlite);

public sealed class CalendarApiTestsOnPostgres() : CalendarApiTests(DatabaseKind.Postgres);
