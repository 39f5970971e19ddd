using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using ParIndex.Accounts;
using ParIndex.Assessments;
using ParIndex.Campaign;
using ParIndex.Core.Scoring;

namespace ParIndex.Tests.Campaigns;

/// <summary>The campaign pages: phases administered by form, the progress board, a unit's own progress, the outbox.</summary>
public abstract partial class CampaignPageTests(DatabaseKind kind) : CampaignTest(kind)
{
    private const string Admin2025 = "/quan-tri/chien-dich/2025";

    private static Dictionary<string, string> Form(string phase, params (string Name, string Value)[] fields)
    {
        var form = new Dictionary<string, string> { ["Phase"] = phase };
        foreach (var (name, value) in fields)
            form[name] = value;
        return form;
    }

    /// <summary>Every post form carries its own antiforgery token (browsers submit only the form's fields).</summary>
    private static void EveryPostFormHasAToken(string html)
    {
        var forms = PostForm().Matches(html);
        Assert.NotEmpty(forms);
        Assert.All(forms, form => Assert.Contains("__RequestVerificationToken", form.Value));
    }

    [Fact]
    public async Task AnAdministratorSetsDatesOpensAndClosesAPhaseWithForms()
    {
        var admin = await App.AdminAsync();
        var empty = await admin.GetStringAsync(Admin2025);
        EveryPostFormHasAToken(empty);
        Assert.Contains("Chiến dịch đánh giá năm 2025", empty);
        Assert.Equal(7, Regex.Matches(empty, "data-status=\"NotOpened\"").Count / 2);

        var dated = await PostFormAsync(admin, Admin2025, Admin2025 + "?handler=Dates", Form("self-assessment", ("OpensOn", "2025-11-01"), ("ClosesOn", "30/11/2025")));
        Assert.Equal(HttpStatusCode.Redirect, dated.StatusCode);
        var afterDates = await admin.GetStringAsync(Admin2025);
        Assert.Contains("Đã lưu ngày của giai đoạn tự đánh giá: 01/11/2025 – 30/11/2025.", afterDates);

        var opened = await PostFormAsync(admin, Admin2025, Admin2025 + "?handler=Open", Form("self-assessment"));
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        var afterOpen = await admin.GetStringAsync(Admin2025);
        Assert.Contains("Đã mở giai đoạn tự đánh giá năm 2025 (01/11/2025 – 30/11/2025).", afterOpen);
        Assert.Contains("Đang diễn ra — còn 11 ngày (đến hết ngày 30/11/2025).", afterOpen);
        Assert.Null(await GateAsync(2025, CampaignPhaseKind.SelfAssessment));

        var closed = await PostFormAsync(admin, Admin2025, Admin2025 + "?handler=Close", Form("self-assessment", ("Reason", "Đã đủ hồ sơ")));
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        var afterClose = await admin.GetStringAsync(Admin2025);
        Assert.Contains("Đã đóng giai đoạn tự đánh giá năm 2025.", afterClose);
        Assert.Contains("lý do: Đã đủ hồ sơ", afterClose);
        Assert.Contains("Mở lại giai đoạn", afterClose);
    }

    [Fact]
    public async Task ARefusedFormComesBackAsTypedWithTheProblemBesideTheField()
    {
        var admin = await App.AdminAsync();

        var badDate = await PostFormAsync(admin, Admin2025, Admin2025 + "?handler=Dates", Form("appraisal", ("OpensOn", "31/02/2025"), ("ClosesOn", "2025-12-20")));
        var badHtml = await badDate.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badDate.StatusCode);
        Assert.Contains("&#x27;31/02/2025&#x27; không phải ngày hợp lệ", badHtml.Replace("'", "&#x27;"));
        Assert.Contains("value=\"31/02/2025\"", badHtml);
        Assert.Contains("id=\"appraisal-opensOn-error\"", badHtml);

        await PhasesAsync(async phases =>
        {
            await phases.SetDatesAsync(2025, CampaignPhaseKind.Appraisal, new PhaseDatesInput { OpensOn = new(2025, 11, 1), ClosesOn = new(2025, 12, 20) }, "test");
            await phases.OpenAsync(2025, CampaignPhaseKind.Appraisal, new PhaseActionInput(), "test");
            return await phases.CloseAsync(2025, CampaignPhaseKind.Appraisal, new PhaseActionInput(), "test");
        });
        var reopen = await PostFormAsync(admin, Admin2025, Admin2025 + "?handler=Open", Form("appraisal"));
        var reopenHtml = await reopen.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.UnprocessableEntity, reopen.StatusCode);
        Assert.Contains("Giai đoạn thẩm định năm 2025 đã đóng: hãy nêu lý do mở lại.", reopenHtml);
        Assert.Contains("id=\"appraisal-open-reason-error\"", reopenHtml);
        Assert.Equal(PhaseState.Closed, (await PhasesAsync(p => p.GetAsync(2025, CampaignPhaseKind.Appraisal))).State);
    }

    [Fact]
    public async Task OnlyAdministratorsSeeTheCampaignPageAndTheOutbox()
    {
        var viewer = await SignInAsync("viewer@test", Roles.Viewer);
        var officer = await SignInAsync("officer@test", Roles.UnitOfficer);

        foreach (var path in new[] { Admin2025, "/quan-tri/thu-di", "/quan-tri/chien-dich" })
        {
            Assert.Equal("/tu-choi", (await viewer.GetAsync(path)).Headers.Location?.AbsolutePath);
            Assert.Equal("/tu-choi", (await officer.GetAsync(path)).Headers.Location?.AbsolutePath);
            Assert.Equal("/dang-nhap", (await App.Anonymous().GetAsync(path)).Headers.Location?.AbsolutePath);
        }
        var admin = await App.AdminAsync();
        Assert.Equal(Admin2025, (await admin.GetAsync("/quan-tri/chien-dich")).Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/quan-tri/chien-dich/1800")).StatusCode);
    }

    [Fact]
    public async Task TheProgressBoardShowsEachUnitAndEachLeadAgency()
    {
        await SmallCity.BuildAsync(App, publish: false);
        await AssessAsync(2025, "SNV", submitted: true,
            new Dictionary<string, LeafInput> { ["1.1"] = LeafInput.OfPoints(3), ["1.2"] = LeafInput.OfLevel("A"), ["1.3"] = LeafInput.OfRatio(9, 10) });
        await AssessAsync(2025, "STP", submitted: true,
            new Dictionary<string, LeafInput> { ["1.1"] = LeafInput.OfPoints(3), ["1.2"] = LeafInput.OfLevel("B") }, withNote: ["1.1"]);
        await AssessAsync(2025, "SCT", submitted: false, new Dictionary<string, LeafInput> { ["1.1"] = LeafInput.OfPoints(1) });
        await AppraiseAsync(2025, "SNV", "1.1", AppraisalDecision.Adjusted, "SNV");
        await AppraiseAsync(2025, "STP", "1.1", AppraisalDecision.Adjusted, "SNV", explained: true);
        var viewer = await SignInAsync("viewer@test", Roles.Viewer);

        var board = await JsonAsync(await viewer.GetAsync("/api/v1/years/2025/progress"));
        var html = await viewer.GetStringAsync("/quan-tri/chien-dich/2025/tien-do");
        var pending = await viewer.GetStringAsync("/quan-tri/chien-dich/2025/tien-do?show=pending");

        Assert.Equal((4, 2), (board.GetProperty("units").GetInt32(), board.GetProperty("submitted").GetInt32()));
        var rows = board.GetProperty("unitRows").EnumerateArray().ToDictionary(u => u.GetProperty("unitCode").GetString()!);
        Assert.Equal((3, 3, 1, 1, true), Row(rows["SNV"]));
        Assert.Equal((2, 3, 1, 0, true), Row(rows["STP"]));
        Assert.Equal((1, 3, 1, 0, false), Row(rows["SCT"]));
        Assert.Equal((0, 3, 0, 0, false), Row(rows["STC2"]));
        Assert.Equal(0, rows["STP"].GetProperty("evidenceMissingUnexplained").GetInt32());
        Assert.Equal(1, rows["SCT"].GetProperty("evidenceMissingUnexplained").GetInt32());
        var agency = Assert.Single(board.GetProperty("agencies").EnumerateArray());
        Assert.Equal(("SNV", 2, 2, 1, 0), (agency.GetProperty("agencyCode").GetString(), agency.GetProperty("toAppraise").GetInt32(), agency.GetProperty("appraised").GetInt32(),
            agency.GetProperty("toReappraise").GetInt32(), agency.GetProperty("reappraised").GetInt32()));

        Assert.Matches("data-unit=\"STP\"[\\s\\S]*?data-cell=\"scored\">2 / 3<", html);
        Assert.Matches("data-agency=\"SNV\"[\\s\\S]*?data-cell=\"appraised\">2 / 2<", html);
        Assert.Contains("data-unit=\"SCT\"", pending);
        Assert.DoesNotContain("data-unit=\"SNV\"", pending);

        static (int, int, int, int, bool) Row(System.Text.Json.JsonElement u) => (u.GetProperty("scored").GetInt32(), u.GetProperty("leaves").GetInt32(),
            u.GetProperty("evidenceMissing").GetInt32(), u.GetProperty("explanationsPending").GetInt32(), u.GetProperty("submitted").GetBoolean());
    }

    [Fact]
    public async Task UnitStaffSeeTheirOwnUnitsProgressAndNoOtherUnits()
    {
        await SmallCity.BuildAsync(App, publish: false);
        await AssessAsync(2025, "STP", submitted: false, new Dictionary<string, LeafInput> { ["1.1"] = LeafInput.OfPoints(3) }, withEvidence: ["1.1"]);
        await OpenPhaseAsync(2025, CampaignPhaseKind.SelfAssessment, new(2025, 11, 1), new(2025, 11, 30));
        var officer = await SignInAsync("officer@stp.test", Roles.UnitOfficer, "STP");
        var appraiser = await SignInAsync("appraiser@snv.test", Roles.Appraiser, "SNV");

        var own = await officer.GetAsync("/chien-dich/2025/tien-do-don-vi");
        var ownHtml = await own.Content.ReadAsStringAsync();
        var ownByCode = await officer.GetAsync("/chien-dich/2025/tien-do-don-vi/STP");
        var other = await officer.GetAsync("/chien-dich/2025/tien-do-don-vi/SNV");
        var otherApi = await officer.GetAsync("/api/v1/years/2025/progress/SNV");
        var ownApi = await JsonAsync(await officer.GetAsync("/api/v1/years/2025/progress/STP"));
        var board = await officer.GetAsync("/quan-tri/chien-dich/2025/tien-do");
        var readerView = await appraiser.GetAsync("/chien-dich/2025/tien-do-don-vi/STP");

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Contains("Tiến độ năm 2025: Sở Tư pháp", ownHtml);
        Assert.Contains("Đang diễn ra — còn 11 ngày (đến hết ngày 30/11/2025).", ownHtml);
        Assert.Matches("data-node=\"1.1\"[\\s\\S]*?1 tài liệu", ownHtml);
        Assert.Matches("data-node=\"2.1\"[\\s\\S]*?lấy từ dữ liệu", ownHtml);
        Assert.Equal(HttpStatusCode.OK, ownByCode.StatusCode);
        Assert.Equal("/tu-choi", other.Headers.Location?.AbsolutePath);
        Assert.Equal(HttpStatusCode.Forbidden, otherApi.StatusCode);
        Assert.Equal(1, ownApi.GetProperty("summary").GetProperty("scored").GetInt32());
        Assert.Equal(6, ownApi.GetProperty("leaves").GetArrayLength());
        Assert.Equal("/tu-choi", board.Headers.Location?.AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, readerView.StatusCode);
    }

    [GeneratedRegex("<form[^>]*method=\"post\"[\\s\\S]*?</form>")]
    private static partial Regex PostForm();
}

public sealed class CampaignPageTestsOnSqlite() : CampaignPageTests(DatabaseKind.Sqlite);

public sealed class CampaignPageTestsOnPostgres() : CampaignPageTests(DatabaseKind.Postgres);
