using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ParIndex.Campaign;
using ParIndex.Results;
using static ParIndex.Tests.Assessments.CampaignKit;

namespace ParIndex.Tests.Assessments;

/// <summary>Self-assessment through the API: inputs per method, scope, phases, stale edits, submission and read-only afterwards.</summary>
public abstract class SelfAssessmentTests(DatabaseKind kind) : IAsyncLifetime
{
    private readonly TestPhases phases = new();
    private TestApp app = null!;

    public async Task InitializeAsync()
    {
        app = await StartAsync(kind, phases);
        phases.Open(Year, CampaignPhaseKind.SelfAssessment);
    }

    public Task DisposeAsync()
    {
        app.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task AnOfficerScoresALeafWhichIsStoredAsTheSelfStageAndAudited()
    {
        var officer = await SignInAsync(app, Officer);

        var saved = await officer.PutAsJsonAsync(SelfPath() + "/entries/1.1", Points(3.5m, 0, comment: "Đã ban hành kế hoạch đúng hạn"));

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var entry = await JsonAsync(saved);
        Assert.Equal(3.5m, entry.GetProperty("points").GetDecimal());
        Assert.Equal(1, entry.GetProperty("version").GetInt32());
        Assert.Equal("Đã ban hành kế hoạch đúng hạn", entry.GetProperty("comment").GetString());
        var stages = await app.WithDbAsync(db => db.LeafScores.Where(s => s.NodeCode == "1.1").Select(s => new { s.Stage, s.Points }).ToListAsync());
        Assert.Equal([(ScoreStage.Self, 3.5m)], stages.Select(s => (s.Stage, s.Points!.Value)).ToArray());
        var audit = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityKey == "2025/STP/1.1").ToListAsync());
        var only = Assert.Single(audit);
        Assert.Equal("assessment.entry-saved", only.Action);
        Assert.Equal(Officer, only.Actor);
        Assert.Contains("points=3.5", only.NewValue);
    }

    [Fact]
    public async Task EveryMethodTakesItsOwnInputAndTheViewTotalsTheFields()
    {
        var officer = await SignInAsync(app, Officer);

        Assert.Equal(HttpStatusCode.OK, (await officer.PutAsJsonAsync(SelfPath() + "/entries/1.1", Points(4, 0))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await officer.PutAsJsonAsync(SelfPath() + "/entries/1.2", Level("B", 0))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await officer.PutAsJsonAsync(SelfPath() + "/entries/1.3", Ratio(9, 10, 0))).StatusCode);
        var view = await officer.GetFromJsonAsync<JsonElement>(SelfPath());

        var field1 = view.GetProperty("fields").EnumerateArray().Single(f => f.GetProperty("code").GetString() == "1");
        // 4 + 1.5 + 3 × 90 % = 8.2 of 10.
        Assert.Equal(8.2m, field1.GetProperty("selfPoints").GetDecimal());
        var progress = view.GetProperty("progress");
        Assert.Equal(4, progress.GetProperty("leaves").GetInt32()); // 1.1, 1.2, 1.3 and the bonus; 2.1 and 2.2 come from data
        Assert.Equal(3, progress.GetProperty("scored").GetInt32());
        Assert.Equal(2, progress.GetProperty("evidenceMissing").GetInt32());
    }

    [Fact]
    public async Task LeavesFedByDataShowTheirValueAndSourceAndCannotBeTypedIn()
    {
        var officer = await SignInAsync(app, Officer);

        var metric = await EntryAsync(officer, "2.1");
        var typed = await officer.PutAsJsonAsync(SelfPath() + "/entries/2.1", new { kind = "Value", value = 100, version = 0 });

        Assert.True(metric.GetProperty("fedByData").GetBoolean());
        Assert.Equal(93.5m, metric.GetProperty("input").GetProperty("value").GetDecimal());
        Assert.Contains("1.234 hồ sơ", metric.GetProperty("dataSource").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, typed.StatusCode);
        Assert.Contains("không nhập tay", await typed.Content.ReadAsStringAsync());
        Assert.Equal(93.5m, (await EntryAsync(officer, "2.1")).GetProperty("input").GetProperty("value").GetDecimal());
    }

    [Fact]
    public async Task ScoresOutOfRangeOrOffTheStepAreRefusedNamingTheField()
    {
        var officer = await SignInAsync(app, Officer);

        var tooHigh = await officer.PutAsJsonAsync(SelfPath() + "/entries/1.1", Points(4.5m, 0));
        var offStep = await officer.PutAsJsonAsync(SelfPath() + "/entries/1.1", Points(3.1m, 0));
        var wrongLevel = await officer.PutAsJsonAsync(SelfPath() + "/entries/1.2", Level("Z", 0));
        var ratio = await officer.PutAsJsonAsync(SelfPath() + "/entries/1.3", Ratio(11, 10, 0));
        var notApplicable = await officer.PutAsJsonAsync(SelfPath() + "/entries/1.1", new { kind = "NotApplicable", version = 0 });

        foreach (var response in new[] { tooHigh, offStep, wrongLevel, ratio, notApplicable })
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await JsonAsync(tooHigh)).GetProperty("errors").TryGetProperty("points", out _));
        Assert.Contains("từ 0 đến 4", await tooHigh.Content.ReadAsStringAsync());
        Assert.Contains("bội số của 0,25", await offStep.Content.ReadAsStringAsync());
        Assert.True((await JsonAsync(wrongLevel)).GetProperty("errors").TryGetProperty("level", out _));
        Assert.True((await JsonAsync(ratio)).GetProperty("errors").TryGetProperty("numerator", out _));
        Assert.True((await JsonAsync(notApplicable)).GetProperty("errors").TryGetProperty("kind", out _));
        Assert.Equal(0, await app.WithDbAsync(db => db.AssessmentEntries.CountAsync()));
    }

    [Fact]
    public async Task TheSecondOfTwoPeopleEditingALeafIsToldAndNothingIsOverwritten()
    {
        var first = await SignInAsync(app, Officer);
        var second = await SignInAsync(app, Officer2);
        await first.PutAsJsonAsync(SelfPath() + "/entries/1.1", Points(2, 0));
        var opened = await VersionAsync(second, "1.1");

        // Both open version 1; the first saves 3.75, then the second saves 1 from the old version.
        var saved = await first.PutAsJsonAsync(SelfPath() + "/entries/1.1", Points(3.75m, opened, comment: "Bổ sung kế hoạch"));
        var stale = await second.PutAsJsonAsync(SelfPath() + "/entries/1.1", Points(1, opened));

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var problem = await JsonAsync(stale);
        Assert.Contains(Officer, problem.GetProperty("detail").GetString());
        Assert.Contains("3,75", problem.GetProperty("detail").GetString());
        Assert.Contains("Bổ sung kế hoạch", problem.GetProperty("detail").GetString());
        Assert.Equal(3.75m, (await EntryAsync(second, "1.1")).GetProperty("input").GetProperty("points").GetDecimal());
        Assert.Equal(3.75m, await app.WithDbAsync(db => db.LeafScores.Where(s => s.NodeCode == "1.1" && s.Stage == ScoreStage.Self).Select(s => s.Points!.Value).SingleAsync()));
    }

    [Fact]
    public async Task AnOfficerNeverSeesNorChangesAnotherUnitsAssessment()
    {
        var officer = await SignInAsync(app, Officer);
        var other = await SignInAsync(app, OtherOfficer);
        await officer.PutAsJsonAsync(SelfPath() + "/entries/1.1", Points(3, 0));

        var read = await other.GetAsync(SelfPath("STP"));
        var write = await other.PutAsJsonAsync(SelfPath("STP") + "/entries/1.1", Points(0, 1));
        var report = await other.GetAsync(SelfPath("STP") + "/report");
        var appraiserRead = await (await SignInAsync(app, AppraiserSnv)).GetAsync(SelfPath("STP"));
        var viewerRead = await (await SignInAsync(app, Viewer)).GetAsync(SelfPath("STP"));

        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, write.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, report.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, appraiserRead.StatusCode);
        Assert.Equal(HttpStatusCode.OK, viewerRead.StatusCode);
        Assert.Equal(3m, (await EntryAsync(officer, "1.1")).GetProperty("input").GetProperty("points").GetDecimal());
    }

    [Fact]
    public async Task ChangesOutsideTheSelfAssessmentPhaseAreRefusedWithTheReason()
    {
        var officer = await SignInAsync(app, Officer);
        phases.MoveTo(Year, CampaignPhaseKind.Appraisal);

        var saved = await officer.PutAsJsonAsync(SelfPath() + "/entries/1.1", Points(3, 0));
        var difficulties = await officer.PutAsJsonAsync(SelfPath() + "/difficulties", new { text = "Thiếu nhân lực", version = 0 });

        Assert.Equal(HttpStatusCode.Conflict, saved.StatusCode);
        Assert.Contains("tự đánh giá năm 2025 đang đóng", (await JsonAsync(saved)).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Conflict, difficulties.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.AssessmentEntries.CountAsync()));
    }

    [Fact]
    public async Task OnlyTheHeadSubmitsAndOnlyOnceEveryLeafIsScoredAndBackedOrExplained()
    {
        var officer = await SignInAsync(app, Officer);
        var head = await SignInAsync(app, Head);
        await officer.PutAsJsonAsync(SelfPath() + "/entries/1.1", Points(4, 0));

        var byOfficer = await officer.PostAsync(SelfPath() + "/submit", null);
        var incomplete = await head.PostAsync(SelfPath() + "/submit", null);
        await officer.PutAsJsonAsync(SelfPath() + "/entries/1.2", Level("A", 0, note: "Kế hoạch đăng trên cổng thông tin, không có văn bản riêng."));
        await officer.PutAsJsonAsync(SelfPath() + "/entries/1.3", Ratio(10, 10, 0));
        await officer.PutAsJsonAsync(SelfPath() + "/entries/T", Points(0.5m, 0));
        var stillMissingEvidence = await head.PostAsync(SelfPath() + "/submit", null);
        await officer.PutAsJsonAsync(SelfPath() + "/entries/1.1", Points(4, 1, note: "Kế hoạch số 12/KH đã nộp bản giấy."));
        var submitted = await head.PostAsync(SelfPath() + "/submit", null);

        Assert.Equal(HttpStatusCode.Forbidden, byOfficer.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, incomplete.StatusCode);
        var errors = (await JsonAsync(incomplete)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("1.2", out _));
        Assert.True(errors.TryGetProperty("1.3", out _));
        Assert.False(errors.TryGetProperty("2.1", out _)); // fed by data
        Assert.Equal(HttpStatusCode.BadRequest, stillMissingEvidence.StatusCode);
        Assert.Contains("1.1", await stillMissingEvidence.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        var view = await JsonAsync(submitted);
        Assert.Equal("Submitted", view.GetProperty("status").GetString());
        Assert.Equal(Head, view.GetProperty("submittedBy").GetString());
        Assert.Contains(await app.WithDbAsync(db => db.AuditEntries.Select(a => a.Action).ToListAsync()), a => a == "assessment.submitted");
    }

    [Fact]
    public async Task AfterSubmissionTheAssessmentIsReadOnlyForTheUnitUntilAnAdministratorReopensIt()
    {
        var officer = await SignInAsync(app, Officer);
        await CompleteAsync(officer);
        await (await SignInAsync(app, Head)).PostAsync(SelfPath() + "/submit", null);
        var version = await VersionAsync(officer, "1.1");

        var edit = await officer.PutAsJsonAsync(SelfPath() + "/entries/1.1", Points(1, version));
        var admin = await app.AdminAsync();
        var noReason = await admin.PostAsJsonAsync(SelfPath() + "/reopen", new { reason = "" });
        var reopened = await admin.PostAsJsonAsync(SelfPath() + "/reopen", new { reason = "Thiếu tài liệu tiêu chí 1.2" });
        var editAgain = await officer.PutAsJsonAsync(SelfPath() + "/entries/1.1", Points(1, version));

        Assert.Equal(HttpStatusCode.Conflict, edit.StatusCode);
        Assert.Contains("đã được gửi", (await JsonAsync(edit)).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(HttpStatusCode.OK, reopened.StatusCode);
        Assert.Equal(HttpStatusCode.OK, editAgain.StatusCode);
        var audit = await app.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.Action == "assessment.reopened"));
        Assert.Equal("Thiếu tài liệu tiêu chí 1.2", audit.Reason);
    }

    [Fact]
    public async Task DifficultiesAndProposalsAreSavedWithTheirOwnVersion()
    {
        var officer = await SignInAsync(app, Officer);
        var second = await SignInAsync(app, Officer2);

        var saved = await officer.PutAsJsonAsync(SelfPath() + "/difficulties", new { text = "Thiếu biên chế làm công tác CCHC.", version = 0 });
        var stale = await second.PutAsJsonAsync(SelfPath() + "/difficulties", new { text = "Khác", version = 0 });

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal("Thiếu biên chế làm công tác CCHC.", (await JsonAsync(saved)).GetProperty("difficulties").GetString());
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("Thiếu biên chế", (await JsonAsync(stale)).GetProperty("detail").GetString());
    }

    /// <summary>Scores every typed leaf so that the head can submit (1.1 and 1.2 explained instead of evidence).</summary>
    internal static async Task CompleteAsync(HttpClient officer)
    {
        foreach (var (node, body) in new (string, object)[]
                 {
                     ("1.1", Points(3.5m, 0, note: "Kế hoạch số 12/KH-STP ngày 05/01/2025, bản giấy lưu tại văn thư.")),
                     ("1.2", Level("A", 0, note: "Báo cáo tổng kết đăng trên cổng thông tin.")),
                     ("1.3", Ratio(9, 10, 0)),
                     ("T", Points(0.5m, 0)),
                 })
        {
            var response = await officer.PutAsJsonAsync(SelfPath() + "/entries/" + node, body);
            if (response.StatusCode != HttpStatusCode.OK)
                throw new InvalidOperationException($"{node}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }
}

public sealed class SelfAssessmentTestsOnSqlite() : SelfAssessmentTests(DatabaseKind.Sqlite);

public sealed class SelfAssessmentTestsOnPostgres() : SelfAssessmentTests(DatabaseKind.Postgres);
