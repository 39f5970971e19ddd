using Microsoft.EntityFrameworkCore;
using ParIndex.Core.Calendar;

namespace ParIndex.Tests.Campaigns;

/// <summary>The campaign verbs of the real executable (on the real clock: the phase runs from today).</summary>
public abstract class CampaignCliTests(DatabaseKind kind) : AppTest(kind)
{
    private static string Dmy(DateOnly date) => date.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task PhasesAreDatedOpenedListedAndClosedFromTheCommandLine()
    {
        var today = VietnamTime.LocalDate(DateTimeOffset.UtcNow);
        var year = today.Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var closes = today.AddDays(10);

        var dated = await CliRunner.RunAsync(App.Database, "campaign", "phase", "--year", year, "--dates", "self-assessment", "--opens", Dmy(today), "--closes", Dmy(closes));
        var opened = await CliRunner.RunAsync(App.Database, "campaign", "phase", "--year", year, "--open", "tu-danh-gia");
        var listed = await CliRunner.RunAsync(App.Database, "campaign", "phase", "--year", year);
        var closed = await CliRunner.RunAsync(App.Database, "campaign", "phase", "--year", year, "--close", "SelfAssessment", "--reason", "Kết thúc sớm");
        var reopened = await CliRunner.RunAsync(App.Database, "campaign", "phase", "--year", year, "--open", "self-assessment");

        Assert.True(dated.ExitCode == 0, dated.Error);
        Assert.Contains($"{year} self-assessment: NotOpened, {Dmy(today)} – {Dmy(closes)}", dated.Output);
        Assert.True(opened.ExitCode == 0, opened.Error);
        Assert.Contains($"{year} self-assessment: Open", opened.Output);
        Assert.Contains("(running)", opened.Output);
        Assert.True(listed.ExitCode == 0, listed.Error);
        Assert.Contains("open: work is accepted", listed.Output);
        Assert.Contains($"The appraisal phase of {year} has not been opened by the administrator.", listed.Output);
        Assert.True(closed.ExitCode == 0, closed.Error);
        Assert.Contains("Closed", closed.Output);
        Assert.Equal(1, reopened.ExitCode);
        Assert.StartsWith("--reason: ", reopened.Error.Trim());

        var audit = await App.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "campaign_phase").OrderBy(a => a.Id).ToListAsync());
        Assert.Equal(["campaign.phase.dates-set", "campaign.phase.opened", "campaign.phase.closed"], audit.Select(a => a.Action));
        Assert.All(audit, a => Assert.StartsWith("cli:", a.Actor));
        Assert.Equal("Kết thúc sớm", audit[2].Reason);
    }

    [Fact]
    public async Task BadInputIsOneLinePerProblemAndExitCodeOne()
    {
        var unknown = await CliRunner.RunAsync(App.Database, "campaign", "phase", "--year", "2025", "--open", "vacation");
        var dates = await CliRunner.RunAsync(App.Database, "campaign", "phase", "--year", "2025", "--dates", "appraisal", "--opens", "soon", "--closes", "2025-12-20");
        var both = await CliRunner.RunAsync(App.Database, "campaign", "phase", "--year", "2025", "--open", "council", "--close", "council");

        Assert.Equal(1, unknown.ExitCode);
        Assert.Equal("--open: there is no phase 'vacation' (use one of: self-assessment, appraisal, explanation, reappraisal, council, publication, reexamination).", unknown.Error.Trim());
        Assert.Equal(1, dates.ExitCode);
        Assert.Equal("--opens: 'soon' is not a date (dd/MM/yyyy or yyyy-MM-dd).", dates.Error.Trim());
        Assert.Equal(1, both.ExitCode);
        Assert.Equal("Give one of --open, --close or --dates.", both.Error.Trim());
    }

    [Fact]
    public async Task RemindAndDeliverRunFromTheCommandLine()
    {
        var remind = await CliRunner.RunAsync(App.Database, "campaign", "remind", "--year", "2025");
        var deliver = await CliRunner.RunAsync(App.Database, "campaign", "deliver");

        Assert.True(remind.ExitCode == 0, remind.Error);
        Assert.Contains("2025: no open phase needs a reminder today.", remind.Output);
        Assert.Contains("0 notification(s) created, 0 email(s) queued.", remind.Output);
        Assert.Equal(1, deliver.ExitCode);
        Assert.Contains("SMTP is not configured", deliver.Error);
    }
}

public sealed class CampaignCliTestsOnSqlite() : CampaignCliTests(DatabaseKind.Sqlite);

public sealed class CampaignCliTestsOnPostgres() : CampaignCliTests(DatabaseKind.Postgres);
