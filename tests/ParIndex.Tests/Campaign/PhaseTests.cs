using Microsoft.EntityFrameworkCore;
using ParIndex.Accounts;
using ParIndex.Campaign;

namespace ParIndex.Tests.Campaigns;

/// <summary>Campaign phases: each transition, each refusal, the gate read against Vietnamese dates, and the audit of every change.</summary>
public abstract class PhaseTests(DatabaseKind kind) : CampaignTest(kind)
{
    private const string SelfAssessment = "/api/v1/years/2025/phases/self-assessment";

    private static object Dates(string opens, string closes, string? reason = null, Guid? stamp = null) => new { opensOn = opens, closesOn = closes, reason, stamp };

    [Fact]
    public async Task BeforeTheAdministratorOpensAPhaseTheGateSaysSo()
    {
        Assert.Equal("Giai đoạn tự đánh giá năm 2025 chưa được quản trị viên mở.", await GateAsync(2025, CampaignPhaseKind.SelfAssessment));

        var admin = await App.AdminAsync();
        await JsonAsync(await admin.PutAsJsonAsync(SelfAssessment, Dates("2025-11-01", "2025-11-30")));

        // Dates alone do not open a phase.
        Assert.Equal("Giai đoạn tự đánh giá năm 2025 chưa được quản trị viên mở.", await GateAsync(2025, CampaignPhaseKind.SelfAssessment));
    }

    [Fact]
    public async Task AnOpenedPhaseAcceptsWorkFromItsFirstDayToTheEndOfItsLastDayInVietnam()
    {
        var admin = await App.AdminAsync();
        Clock.SetLocal(2025, 10, 20);
        await JsonAsync(await admin.PutAsJsonAsync(SelfAssessment, Dates("2025-11-01", "2025-11-30")));
        var opened = await JsonAsync(await admin.PostAsJsonAsync(SelfAssessment + "/open", new { }));

        Assert.Equal("Open", opened.GetProperty("state").GetString());
        Assert.Equal("Scheduled", opened.GetProperty("status").GetString());
        Assert.Equal("Giai đoạn tự đánh giá năm 2025 chưa mở: bắt đầu từ ngày 01/11/2025.", await GateAsync(2025, CampaignPhaseKind.SelfAssessment));

        Clock.SetLocal(2025, 11, 1, 0, 0);
        Assert.Null(await GateAsync(2025, CampaignPhaseKind.SelfAssessment));

        // 23:59 on the closing day in Vietnam is 16:59 UTC: still open; 00:00 the next day (17:00 UTC) is not.
        Clock.SetLocal(2025, 11, 30, 23, 59);
        Assert.Null(await GateAsync(2025, CampaignPhaseKind.SelfAssessment));
        Clock.SetLocal(2025, 12, 1, 0, 0);
        Assert.Equal("Giai đoạn tự đánh giá năm 2025 đã kết thúc ngày 30/11/2025.", await GateAsync(2025, CampaignPhaseKind.SelfAssessment));

        // The sign-in cookie slid with the clock moved back a month; sign in again in December.
        admin = await App.SignInAsync(TestApp.AdminEmail, TestApp.AdminPassword);
        var phase = await JsonAsync(await admin.GetAsync(SelfAssessment));
        Assert.Equal("Ended", phase.GetProperty("status").GetString());
        Assert.Equal("The self-assessment phase of 2025 ended on 30/11/2025.", phase.GetProperty("refusalEn").GetString());
        // Other phases are untouched.
        Assert.Equal("Giai đoạn thẩm định năm 2025 chưa được quản trị viên mở.", await GateAsync(2025, CampaignPhaseKind.Appraisal));
    }

    [Fact]
    public async Task ClosingRefusesWorkAndReopeningNeedsAReason()
    {
        var admin = await App.AdminAsync();
        await JsonAsync(await admin.PutAsJsonAsync(SelfAssessment, Dates("2025-11-01", "2025-11-30")));
        await JsonAsync(await admin.PostAsJsonAsync(SelfAssessment + "/open", new { reason = "Theo kế hoạch 12/KH-SNV" }));
        Assert.Null(await GateAsync(2025, CampaignPhaseKind.SelfAssessment));

        var closed = await JsonAsync(await admin.PostAsJsonAsync(SelfAssessment + "/close", new { reason = "Đủ đơn vị đã gửi" }));
        Assert.Equal("Closed", closed.GetProperty("state").GetString());
        Assert.Equal("Giai đoạn tự đánh giá năm 2025 đã được quản trị viên đóng ngày 20/11/2025.", await GateAsync(2025, CampaignPhaseKind.SelfAssessment));

        var closedAgain = await ProblemAsync(await admin.PostAsJsonAsync(SelfAssessment + "/close", new { }), HttpStatusCode.Conflict);
        Assert.Contains("đã đóng", closedAgain.GetProperty("detail").GetString());

        var withoutReason = await ProblemAsync(await admin.PostAsJsonAsync(SelfAssessment + "/open", new { }), HttpStatusCode.BadRequest);
        Assert.Equal(["reason"], withoutReason.GetProperty("errors").EnumerateObject().Select(p => p.Name));
        Assert.NotNull(await GateAsync(2025, CampaignPhaseKind.SelfAssessment));

        var reopened = await JsonAsync(await admin.PostAsJsonAsync(SelfAssessment + "/open", new { reason = "Gia hạn cho hai phường sáp nhập" }));
        Assert.Equal("Running", reopened.GetProperty("status").GetString());
        Assert.Null(await GateAsync(2025, CampaignPhaseKind.SelfAssessment));

        var audit = await App.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "campaign_phase").OrderBy(a => a.Id).ToListAsync());
        Assert.Equal(["campaign.phase.dates-set", "campaign.phase.opened", "campaign.phase.closed", "campaign.phase.reopened"], audit.Select(a => a.Action));
        Assert.All(audit, a => Assert.Equal("2025/SelfAssessment", a.EntityKey));
        Assert.All(audit, a => Assert.Equal(TestApp.AdminEmail, a.Actor));
        Assert.Null(audit[0].OldValue);
        Assert.Equal("01/11/2025 – 30/11/2025", audit[0].NewValue);
        Assert.Equal("Theo kế hoạch 12/KH-SNV", audit[1].Reason);
        Assert.Equal(("Open", "Closed", "Đủ đơn vị đã gửi"), (audit[2].OldValue, audit[2].NewValue, audit[2].Reason));
        Assert.Equal("Gia hạn cho hai phường sáp nhập", audit[3].Reason);
    }

    [Fact]
    public async Task OpeningNeedsDatesAndAClosingDateNotYetPast()
    {
        var admin = await App.AdminAsync();

        var undated = await ProblemAsync(await admin.PostAsJsonAsync(SelfAssessment + "/open", new { }), HttpStatusCode.BadRequest);
        Assert.True(undated.GetProperty("errors").TryGetProperty("closesOn", out _));

        await JsonAsync(await admin.PutAsJsonAsync(SelfAssessment, Dates("2025-10-01", "2025-10-31")));
        var past = await ProblemAsync(await admin.PostAsJsonAsync(SelfAssessment + "/open", new { }), HttpStatusCode.BadRequest);
        Assert.Contains("31/10/2025", past.GetProperty("errors").GetProperty("closesOn")[0].GetString());

        var alreadyOpen = await PhasesAsync(async phases =>
        {
            await phases.SetDatesAsync(2025, CampaignPhaseKind.Council, new PhaseDatesInput { OpensOn = new(2025, 11, 1), ClosesOn = new(2026, 1, 15) }, "test");
            await phases.OpenAsync(2025, CampaignPhaseKind.Council, new PhaseActionInput(), "test");
            return await phases.OpenAsync(2025, CampaignPhaseKind.Council, new PhaseActionInput(), "test");
        });
        Assert.True(alreadyOpen.Conflict);
    }

    [Fact]
    public async Task DatesAreCheckedAndMovingThoseOfAnOpenedPhaseNeedsAReason()
    {
        var admin = await App.AdminAsync();

        var backwards = await ProblemAsync(await admin.PutAsJsonAsync(SelfAssessment, Dates("2025-11-30", "2025-11-01")), HttpStatusCode.BadRequest);
        Assert.Equal(["closesOn"], backwards.GetProperty("errors").EnumerateObject().Select(p => p.Name));
        var missing = await ProblemAsync(await admin.PutAsJsonAsync(SelfAssessment, new { closesOn = "2025-11-30" }), HttpStatusCode.BadRequest);
        Assert.Equal(["opensOn"], missing.GetProperty("errors").EnumerateObject().Select(p => p.Name));
        var farAway = await ProblemAsync(await admin.PutAsJsonAsync(SelfAssessment, Dates("2031-11-01", "2031-11-30")), HttpStatusCode.BadRequest);
        Assert.Contains("2025", farAway.GetProperty("errors").GetProperty("opensOn")[0].GetString());

        await JsonAsync(await admin.PutAsJsonAsync(SelfAssessment, Dates("2025-11-01", "2025-11-30")));
        await JsonAsync(await admin.PostAsJsonAsync(SelfAssessment + "/open", new { }));
        var noReason = await ProblemAsync(await admin.PutAsJsonAsync(SelfAssessment, Dates("2025-11-01", "2025-12-15")), HttpStatusCode.BadRequest);
        Assert.Equal(["reason"], noReason.GetProperty("errors").EnumerateObject().Select(p => p.Name));

        var moved = await JsonAsync(await admin.PutAsJsonAsync(SelfAssessment, Dates("2025-11-01", "2025-12-15", "Gia hạn theo Công văn 45/SNV")));
        Assert.Equal("2025-12-15", moved.GetProperty("closesOn").GetString());
        var audit = await App.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == "campaign.phase.dates-set").OrderBy(a => a.Id).ToListAsync());
        Assert.Equal(2, audit.Count);
        Assert.Equal(("01/11/2025 – 30/11/2025", "01/11/2025 – 15/12/2025", "Gia hạn theo Công văn 45/SNV"), (audit[1].OldValue, audit[1].NewValue, audit[1].Reason));
    }

    [Fact]
    public async Task AStaleEditIsRefusedAndNothingIsOverwritten()
    {
        var admin = await App.AdminAsync();
        var first = await JsonAsync(await admin.PutAsJsonAsync(SelfAssessment, Dates("2025-11-01", "2025-11-30")));
        var stamp = first.GetProperty("stamp").GetGuid();
        await JsonAsync(await admin.PutAsJsonAsync(SelfAssessment, Dates("2025-11-01", "2025-12-05", stamp: stamp)));

        var stale = await ProblemAsync(await admin.PutAsJsonAsync(SelfAssessment, Dates("2025-11-03", "2025-11-28", stamp: stamp)), HttpStatusCode.Conflict);

        Assert.Contains(TestApp.AdminEmail, stale.GetProperty("detail").GetString());
        var phase = await JsonAsync(await admin.GetAsync(SelfAssessment));
        Assert.Equal("2025-12-05", phase.GetProperty("closesOn").GetString());
    }

    [Fact]
    public async Task OnlyAnAdministratorChangesPhasesAndEveryoneTakingPartReadsThem()
    {
        var officer = await SignInAsync("officer@stp.test", Roles.UnitOfficer);
        var viewer = await SignInAsync("viewer@test", Roles.Viewer);
        var appraiser = await SignInAsync("appraiser@test", Roles.Appraiser);
        var anonymous = App.Anonymous();

        foreach (var client in new[] { officer, viewer, appraiser })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PutAsJsonAsync(SelfAssessment, Dates("2025-11-01", "2025-11-30"))).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync(SelfAssessment + "/open", new { })).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync(SelfAssessment + "/close", new { })).StatusCode);
            var phases = await JsonAsync(await client.GetAsync("/api/v1/years/2025/phases"));
            Assert.Equal(7, phases.GetArrayLength());
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/years/2025/phases")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync(SelfAssessment + "/open", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync("/api/v1/years/2025/progress")).StatusCode);
        Assert.Empty(await App.WithDbAsync(db => db.CampaignPhases.ToListAsync()));
    }

    [Fact]
    public async Task PhasesAreListedInCampaignOrderAndUnknownOnesAreNotFound()
    {
        var admin = await App.AdminAsync();

        var phases = await JsonAsync(await admin.GetAsync("/api/v1/years/2025/phases"));
        var unknown = await ProblemAsync(await admin.GetAsync("/api/v1/years/2025/phases/vacation"), HttpStatusCode.NotFound);
        var vietnamese = await JsonAsync(await admin.GetAsync("/api/v1/years/2025/phases/phuc-khao"));
        var badYear = await ProblemAsync(await admin.GetAsync("/api/v1/years/1900/phases"), HttpStatusCode.BadRequest);

        Assert.Equal(["self-assessment", "appraisal", "explanation", "reappraisal", "council", "publication", "reexamination"],
            phases.EnumerateArray().Select(p => p.GetProperty("slug").GetString()));
        Assert.All(phases.EnumerateArray(), p => Assert.Equal("NotOpened", p.GetProperty("status").GetString()));
        Assert.Equal("phúc khảo", vietnamese.GetProperty("nameVi").GetString());
        Assert.Contains("vacation", unknown.GetProperty("detail").GetString());
        Assert.True(badYear.GetProperty("errors").TryGetProperty("year", out _));
    }
}

public sealed class PhaseTestsOnSqlite() : PhaseTests(DatabaseKind.Sqlite);

public sealed class PhaseTestsOnPostgres() : PhaseTests(DatabaseKind.Postgres);
