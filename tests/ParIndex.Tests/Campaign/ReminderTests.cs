using Microsoft.EntityFrameworkCore;
using ParIndex.Accounts;
using ParIndex.Assessments;
using ParIndex.Campaign;
using ParIndex.Core.Scoring;

namespace ParIndex.Tests.Campaigns;

/// <summary>
/// Reminders before the deadline and on overdue work: who gets them (only people with work left), when (7 and 1 days
/// before, then overdue), once per user, phase, kind and day, as notifications and as Vietnamese emails in the outbox.
/// </summary>
public abstract class ReminderTests(DatabaseKind kind) : CampaignTest(kind)
{
    private static readonly Dictionary<string, LeafInput> AllScored = new()
    {
        ["1.1"] = LeafInput.OfPoints(3), ["1.2"] = LeafInput.OfLevel("A"), ["1.3"] = LeafInput.OfRatio(9, 10),
    };

    /// <summary>The 2025 small city with staff for STP (officer and head) and SNV (officer), an SNV appraiser, a council member and an administrator; SNV has submitted.</summary>
    private async Task CityWithStaffAsync()
    {
        await SmallCity.BuildAsync(App, publish: false);
        await CreateUserAsync("officer@stp.test", Roles.UnitOfficer, "STP", "Nguyễn Văn An");
        await CreateUserAsync("head@stp.test", Roles.UnitHead, "STP");
        await CreateUserAsync("officer@snv.test", Roles.UnitOfficer, "SNV");
        await CreateUserAsync("appraiser@snv.test", Roles.Appraiser, "SNV");
        await CreateUserAsync("council@test", Roles.CouncilMember);
        await App.EnsureUserAsync(TestApp.AdminEmail, TestApp.AdminPassword, Roles.Administrator);
        await AssessAsync(2025, "SNV", submitted: true, AllScored, withEvidence: ["1.1"]);
        await AssessAsync(2025, "STP", submitted: false, new Dictionary<string, LeafInput> { ["1.1"] = LeafInput.OfPoints(2) });
    }

    [Fact]
    public async Task UnitsThatHaveNotSubmittedAreRemindedSevenDaysAndOneDayBeforeOncePerDay()
    {
        await CityWithStaffAsync();
        await OpenPhaseAsync(2025, CampaignPhaseKind.SelfAssessment, new(2025, 11, 1), new(2025, 11, 30));

        Clock.SetLocal(2025, 11, 22);
        Assert.Equal(0, (await RemindAsync()).Notifications);

        Clock.SetLocal(2025, 11, 23);
        var first = await RemindAsync();
        var again = await RemindAsync();
        Clock.SetLocal(2025, 11, 26);
        var between = await RemindAsync();

        var stp = new[] { await UserIdAsync("officer@stp.test"), await UserIdAsync("head@stp.test") };
        var notifications = await NotificationsAsync();
        Assert.Equal(2, first.Notifications);
        Assert.Equal(0, again.Notifications);
        Assert.Equal(0, between.Notifications);
        Assert.Equal(stp.Order(), notifications.Select(n => n.UserId).Order());
        Assert.All(notifications, n => Assert.Equal((2025, CampaignPhaseKind.SelfAssessment, NotificationKind.DeadlineSoon, new DateOnly(2025, 11, 23)), (n.Year, n.Phase, n.Kind, n.OnDate)));
        Assert.Equal("Giai đoạn tự đánh giá năm 2025 kết thúc ngày 30/11/2025 (còn 7 ngày): đơn vị Sở Tư pháp đã chấm 1/3 tiêu chí và chưa gửi bản tự đánh giá.", notifications[0].MessageVi);
        Assert.Equal("The self-assessment phase of 2025 ends on 30/11/2025 (7 days left): Sở Tư pháp has scored 1 of 3 criteria and has not submitted its self-assessment.", notifications[0].MessageEn);
        Assert.Equal("/chien-dich/2025/tien-do-don-vi", notifications[0].Link);

        Clock.SetLocal(2025, 11, 29);
        var dayBefore = await RemindAsync();
        Clock.SetLocal(2025, 11, 30, 18);
        var lastDay = await RemindAsync();

        Assert.Equal(2, dayBefore.Notifications);
        Assert.Equal(0, lastDay.Notifications);
        var latest = (await NotificationsAsync()).Where(n => n.OnDate == new DateOnly(2025, 11, 29)).ToList();
        Assert.Equal(2, latest.Count);
        Assert.Contains("(còn 1 ngày)", latest[0].MessageVi);
    }

    [Fact]
    public async Task EveryReminderIsAlsoAVietnameseEmailInTheOutbox()
    {
        await CityWithStaffAsync();
        await OpenPhaseAsync(2025, CampaignPhaseKind.SelfAssessment, new(2025, 11, 1), new(2025, 11, 27));

        var run = await RemindAsync();

        Assert.Equal((2, 2), (run.Notifications, run.Emails));
        var emails = await OutboxAsync();
        Assert.Equal(["head@stp.test", "officer@stp.test"], emails.Select(e => e.To).Order());
        var email = emails.Single(e => e.To == "officer@stp.test");
        Assert.Equal("[ParIndex] Nhắc hạn: giai đoạn tự đánh giá năm 2025 kết thúc ngày 27/11/2025", email.Subject);
        Assert.StartsWith("Kính gửi Nguyễn Văn An,", email.Body);
        Assert.Contains("còn 7 ngày", email.Body);
        Assert.Contains("Xem chi tiết: /chien-dich/2025/tien-do-don-vi", email.Body);
        Assert.Null(email.SentAtUtc);
        Assert.Equal(0, email.Attempts);
        Assert.NotNull(email.NotificationId);
    }

    [Fact]
    public async Task OverdueWorkIsRemindedOnTheFirstDayAndThenWeeklyWithASummaryForAdministrators()
    {
        await CityWithStaffAsync();
        await OpenPhaseAsync(2025, CampaignPhaseKind.SelfAssessment, new(2025, 11, 1), new(2025, 11, 30));

        Clock.SetLocal(2025, 12, 1);
        var firstDay = await RemindAsync();
        Clock.SetLocal(2025, 12, 2);
        var secondDay = await RemindAsync();
        Clock.SetLocal(2025, 12, 8);
        var aWeekLater = await RemindAsync();

        var notifications = await NotificationsAsync();
        var admin = await UserIdAsync(TestApp.AdminEmail);
        // STP's two staff and the administrator; SCT and STC2 have no staff accounts, so they reach only the summary.
        Assert.Equal(3, firstDay.Notifications);
        Assert.Equal(0, secondDay.Notifications);
        Assert.Equal(3, aWeekLater.Notifications);
        var summary = notifications.First(n => n.UserId == admin);
        Assert.Equal(NotificationKind.OverdueSummary, summary.Kind);
        Assert.Equal("Giai đoạn tự đánh giá năm 2025 đã kết thúc ngày 30/11/2025: còn 3 đơn vị, cơ quan chưa hoàn thành (Sở Công Thương, Sở Tài chính (hợp nhất), Sở Tư pháp).", summary.MessageVi);
        var overdue = notifications.First(n => n.Kind == NotificationKind.Overdue);
        Assert.Equal("Giai đoạn tự đánh giá năm 2025 đã kết thúc ngày 30/11/2025 nhưng đơn vị Sở Tư pháp đã chấm 1/3 tiêu chí và chưa gửi bản tự đánh giá. Hãy liên hệ Sở Nội vụ.", overdue.MessageVi);

        // Once the administrator closes the phase, nobody is chased any more.
        await PhasesAsync(phases => phases.CloseAsync(2025, CampaignPhaseKind.SelfAssessment, new PhaseActionInput(), "test"));
        Clock.SetLocal(2025, 12, 15);
        Assert.Equal(0, (await RemindAsync()).Notifications);
    }

    [Fact]
    public async Task AppraisersAreRemindedOfTheLeavesTheirAgencyLeadsInSubmittedSelfAssessments()
    {
        await CityWithStaffAsync();
        await OpenPhaseAsync(2025, CampaignPhaseKind.Appraisal, new(2025, 12, 1), new(2025, 12, 20));
        Clock.SetLocal(2025, 12, 13);

        var run = await RemindAsync();

        var notification = Assert.Single(await NotificationsAsync());
        Assert.Equal(1, run.Notifications);
        Assert.Equal(await UserIdAsync("appraiser@snv.test"), notification.UserId);
        Assert.Equal("Giai đoạn thẩm định năm 2025 kết thúc ngày 20/12/2025 (còn 7 ngày): Sở Nội vụ còn 1 tiêu chí cần thẩm định (đã thẩm định 0/1).", notification.MessageVi);

        // Once the leaf is appraised there is nothing left to remind of.
        await AppraiseAsync(2025, "SNV", "1.1", AppraisalDecision.Accepted, "SNV");
        Clock.SetLocal(2025, 12, 19);
        Assert.Equal(0, (await RemindAsync()).Notifications);
    }

    [Fact]
    public async Task UnitsAreRemindedOfAdjustmentsTheyHaveNotExplained()
    {
        await CityWithStaffAsync();
        await AppraiseAsync(2025, "SNV", "1.1", AppraisalDecision.Adjusted, "SNV");
        await OpenPhaseAsync(2025, CampaignPhaseKind.Explanation, new(2025, 11, 20), new(2025, 11, 21));

        var run = await RemindAsync();

        var notification = Assert.Single(await NotificationsAsync());
        Assert.Equal(1, run.Notifications);
        Assert.Equal(await UserIdAsync("officer@snv.test"), notification.UserId);
        Assert.Contains("đơn vị Sở Nội vụ còn 1 tiêu chí bị điều chỉnh chưa giải trình", notification.MessageVi);
    }

    [Fact]
    public async Task CouncilMembersAndAdministratorsAreRemindedOfTheirOwnPhases()
    {
        await CityWithStaffAsync();
        await OpenPhaseAsync(2025, CampaignPhaseKind.Council, new(2025, 11, 1), new(2025, 11, 21));
        await OpenPhaseAsync(2025, CampaignPhaseKind.Publication, new(2025, 11, 1), new(2025, 11, 27));

        await RemindAsync();

        var notifications = await NotificationsAsync();
        Assert.Equal([(await UserIdAsync("council@test"), CampaignPhaseKind.Council), (await UserIdAsync(TestApp.AdminEmail), CampaignPhaseKind.Publication)],
            notifications.Select(n => (n.UserId, n.Phase)).OrderBy(x => x.Phase));
        Assert.StartsWith("Giai đoạn hội đồng thẩm định năm 2025 kết thúc ngày 21/11/2025 (còn 1 ngày)", notifications.Single(n => n.Phase == CampaignPhaseKind.Council).MessageVi);
    }

    [Fact]
    public async Task WithoutAnyOpenPhaseNothingHappens()
    {
        await CityWithStaffAsync();

        var run = await RemindAsync(null);

        Assert.Equal(0, run.Notifications);
        Assert.Equal(["No open phase needs a reminder today."], run.Lines);
        Assert.Empty(await OutboxAsync());
    }

    [Fact]
    public async Task UsersReadTheirNotificationsOnTheNotificationsPageAndMarkThemRead()
    {
        await CityWithStaffAsync();
        await OpenPhaseAsync(2025, CampaignPhaseKind.SelfAssessment, new(2025, 11, 1), new(2025, 11, 27));
        await RemindAsync();
        var officer = await App.SignInAsync("officer@stp.test", Password);
        var other = await App.SignInAsync("officer@snv.test", Password);

        var page = await officer.GetStringAsync("/thong-bao");
        var api = await JsonAsync(await officer.GetAsync("/api/v1/notifications"));
        var id = api.GetProperty("items")[0].GetProperty("id").GetInt64();

        Assert.Contains("1 chưa đọc", page);
        Assert.Contains("Giai đoạn tự đánh giá năm 2025 kết thúc ngày 27/11/2025 (còn 7 ngày)", page);
        Assert.Equal(1, api.GetProperty("unread").GetInt32());
        Assert.Contains("Chưa có thông báo nào.", await other.GetStringAsync("/thong-bao"));

        // Someone else cannot mark it read.
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync($"/api/v1/notifications/{id}/read", null)).StatusCode);
        var opened = await PostFormAsync(officer, "/thong-bao", $"/thong-bao?handler=Open&id={id}", []);
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        Assert.Equal("/chien-dich/2025/tien-do-don-vi", opened.Headers.Location?.OriginalString);

        var after = await JsonAsync(await officer.GetAsync("/api/v1/notifications"));
        Assert.Equal(0, after.GetProperty("unread").GetInt32());
        Assert.Contains("0 chưa đọc", await officer.GetStringAsync("/thong-bao"));
        Assert.Equal(HttpStatusCode.Redirect, (await App.Anonymous().GetAsync("/thong-bao")).StatusCode);
    }

    [Fact]
    public async Task MarkingAllReadClearsTheUnreadCount()
    {
        await CityWithStaffAsync();
        await OpenPhaseAsync(2025, CampaignPhaseKind.SelfAssessment, new(2025, 11, 1), new(2025, 11, 27));
        await OpenPhaseAsync(2025, CampaignPhaseKind.Explanation, new(2025, 11, 1), new(2025, 11, 21));
        await AppraiseAsync(2025, "STP", "1.1", AppraisalDecision.Adjusted, "SNV");
        await RemindAsync();
        var officer = await App.SignInAsync("officer@stp.test", Password);
        Assert.Equal(2, (await JsonAsync(await officer.GetAsync("/api/v1/notifications"))).GetProperty("unread").GetInt32());

        var marked = await PostFormAsync(officer, "/thong-bao", "/thong-bao?handler=ReadAll", []);

        Assert.Equal(HttpStatusCode.Redirect, marked.StatusCode);
        Assert.Equal(0, (await JsonAsync(await officer.GetAsync("/api/v1/notifications?unread=true"))).GetProperty("total").GetInt32());
        var officerId = await UserIdAsync("officer@stp.test");
        Assert.All(await NotificationsAsync(), n => Assert.Equal(n.UserId == officerId, n.ReadAtUtc is not null));
    }

    [Fact]
    public async Task AnAdministratorRunsTheRemindersFromTheApiAndThePage()
    {
        await CityWithStaffAsync();
        await OpenPhaseAsync(2025, CampaignPhaseKind.SelfAssessment, new(2025, 11, 1), new(2025, 11, 27));
        var admin = await App.SignInAsync(TestApp.AdminEmail, TestApp.AdminPassword);
        var officer = await App.SignInAsync("officer@stp.test", Password);

        var refused = await officer.PostAsync("/api/v1/years/2025/reminders", null);
        var run = await JsonAsync(await admin.PostAsync("/api/v1/years/2025/reminders", null));
        var page = await PostFormAsync(admin, "/quan-tri/chien-dich/2025", "/quan-tri/chien-dich/2025?handler=Remind", []);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(2, run.GetProperty("notifications").GetInt32());
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("0 thông báo mới", await admin.GetStringAsync("/quan-tri/chien-dich/2025"));
    }
}

public sealed class ReminderTestsOnSqlite() : ReminderTests(DatabaseKind.Sqlite);

public sealed class ReminderTestsOnPostgres() : ReminderTests(DatabaseKind.Postgres);
