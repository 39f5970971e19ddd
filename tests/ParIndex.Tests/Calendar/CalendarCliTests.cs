namespace ParIndex.Tests.Calendar;

/// <summary>The calendar verbs of the real executable.</summary>
public abstract class CalendarCliTests(DatabaseKind kind) : AppTest(kind)
{
    [Fact]
    public async Task CalendarDaysListsTheYearsDaysOffWithReasons()
    {
        var result = await CliRunner.RunAsync(App.Database, "calendar", "days", "--year", "2025");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("27/01/2025", result.Output);
        Assert.Contains("Tết Nguyên đán", result.Output);
        Assert.Contains("Nghỉ hoán đổi, làm bù thứ Bảy 26/04/2025", result.Output);
        Assert.Contains("Làm bù cho ngày nghỉ thứ Sáu 02/05/2025", result.Output);
        Assert.Contains("2025: notice published with the app (Văn bản 8726/VPCP-KGVX", result.Output);
        Assert.Contains("115 non-working days (103 Saturdays and Sundays, 12 other days off), 1 weekend day(s) worked, 250 working days.", result.Output);
    }

    [Fact]
    public async Task CalendarAddPrintsTheDueDateAndTheExplanation()
    {
        var result = await CliRunner.RunAsync(App.Database, "calendar", "add", "--from", "2025-01-24T16:20+07:00", "--days", "5", "--cut-off");
        var english = await CliRunner.RunAsync(App.Database, "calendar", "add", "--from", "2025-01-24T16:20+07:00", "--days", "5", "--lang", "en");
        var derived = await CliRunner.RunAsync(App.Database, "calendar", "days", "--year", "2030", "--all");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("Due: 17:00 thứ Hai 10/02/2025 (2025-02-10T17:00:00+07:00)", result.Output);
        Assert.Contains("Nhận lúc 16:20 thứ Sáu 24/01/2025, sau 15:00 → tính từ ngày làm việc tiếp theo", result.Output);
        Assert.Contains("Bỏ qua 27/01–31/01/2025: nghỉ Tết Nguyên đán", result.Output);
        Assert.Equal(0, english.ExitCode);
        Assert.Contains("Due: 17:00 Friday 07/02/2025 (2025-02-07T17:00:00+07:00)", english.Output);
        Assert.Equal(0, derived.ExitCode);
        Assert.Contains("2030: no notice entered, days derived by rule.", derived.Output);
        Assert.Contains("Chủ nhật", derived.Output);
    }

    [Fact]
    public async Task BadInputGivesOneLinePerProblemAndExitCodeOne()
    {
        var result = await CliRunner.RunAsync(App.Database, "calendar", "add", "--from", "yesterday", "--days=-2");
        var year = await CliRunner.RunAsync(App.Database, "calendar", "days", "--year", "1990");

        Assert.Equal(1, result.ExitCode);
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("--from: 'yesterday' is not an instant", lines[0]);
        Assert.StartsWith("--days: -2 is negative", lines[1]);
        Assert.Equal(1, year.ExitCode);
        Assert.Contains("1990", year.Error);
    }

    [Fact]
    public async Task RecomputeRunsTheListenersAndRefusesAYearOutsideTheCalendar()
    {
        var result = await CliRunner.RunAsync(App.Database, "calendar", "recompute", "--year", "2025");
        var outside = await CliRunner.RunAsync(App.Database, "calendar", "recompute", "--year", "2200");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Matches("no listener is registered|listener\\(s\\) ran", result.Output);
        Assert.Equal(1, outside.ExitCode);
        Assert.Contains("2200", outside.Error);
    }
}

public sealed class CalendarCliTestsOnSqlite() : CalendarCliTests(DatabaseKind.Sqlite);

public sealed class CalendarCliTestsOnPostgres() : CalendarCliTests(DatabaseKind.Postgres);
