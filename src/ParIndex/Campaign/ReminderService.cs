using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ParIndex.Accounts;
using ParIndex.Data;
using ParIndex.Web;
using static ParIndex.Web.Text;

namespace ParIndex.Campaign;

/// <summary>Reminders (section <c>Campaign:Reminders</c>).</summary>
public sealed class ReminderOptions
{
    /// <summary>Whether the daily background run happens (the CLI verb works either way).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Days before a phase's closing date on which the people with work left are reminded; default 7 and 1.</summary>
    public int[]? DaysBefore { get; set; }

    /// <summary>After the closing date, unfinished work is reminded on the first day and then every this many days.</summary>
    public int OverdueRepeatDays { get; set; } = 7;

    /// <summary>Local time (Asia/Ho_Chi_Minh) of the daily run, HH:mm.</summary>
    public string RunAt { get; set; } = "07:00";

    /// <summary>How often the daily service wakes to look at the clock (it runs once a day whatever this is).</summary>
    public TimeSpan CheckEvery { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The app's public address (e.g. https://cchc.example.gov.vn), for links in emails; without it emails carry paths.</summary>
    public string? SiteUrl { get; set; }

    /// <summary>Whether each notification is also queued as an email.</summary>
    public bool Email { get; set; } = true;

    public IReadOnlyList<int> Thresholds => [.. (DaysBefore is { Length: > 0 } days ? days : [7, 1]).Where(d => d >= 0).Distinct().Order()];

    public TimeOnly RunAtTime => TimeOnly.TryParse(RunAt, System.Globalization.CultureInfo.InvariantCulture, out var time) ? time : new TimeOnly(7, 0);
}

/// <summary>What one reminder run did.</summary>
public sealed record ReminderRun(DateOnly Day, int Notifications, int Emails, IReadOnlyList<string> Lines);

/// <summary>
/// Computes the reminders due today and stores them as notifications (and emails in the outbox):
/// <list type="bullet">
/// <item>before a running phase's closing date, on each configured day before it (default 7 and 1), to the people who
/// still have work in it — a unit's staff while it has not submitted, an agency's appraisers while leaves wait for
/// them, council members, administrators for publication;</item>
/// <item>after the closing date of a phase still open, on the first day and then every <see cref="ReminderOptions.OverdueRepeatDays"/>,
/// to the same people, and a summary to the administrators.</item>
/// </list>
/// Idempotent: a reminder already given for the current threshold (or repeat period) is not given again, and the
/// unique index on notifications (user, year, phase, kind, day) holds even when two runs race.
/// </summary>
public sealed class ReminderService(
    AppDbContext db,
    PhaseService phases,
    CampaignProgressQuery progress,
    IOptions<ReminderOptions> options,
    IOptions<CitySettings> city,
    TimeProvider clock,
    ILogger<ReminderService> logger)
{
    private enum Audience
    {
        UnitStaff,
        Appraisers,
        Council,
        Administrators,
    }

    private sealed record Work(Audience Audience, int? UnitId, string DetailVi, string DetailEn, string NameVi, string Link)
    {
        public string? AgencyCode { get; init; }
    }

    private sealed record Recipient(string Id, string? Email, string Name, int? UnitId, string Role);

    private sealed record Draft(Recipient To, NotificationKind Kind, string MessageVi, string MessageEn, string Subject, string Link);

    public async Task<ReminderRun> RunAsync(int? year = null, CancellationToken cancellationToken = default)
    {
        var today = phases.Today;
        var years = year is { } only ? [only] : await phases.YearsWithOpenPhasesAsync(cancellationToken);
        int notifications = 0, emails = 0;
        var lines = new List<string>();
        (Recipient[] People, Dictionary<string, int> UnitIds)? everyone = null;
        foreach (var y in years)
        {
            var listed = await phases.ListAsync(y, cancellationToken);
            if (!listed.Succeeded)
            {
                lines.AddRange(listed.Problems!.Lines());
                continue;
            }
            CampaignProgress? board = null;
            foreach (var phase in listed.Value!.Where(p => p.State == PhaseState.Open && p.OpensOn is not null && p.ClosesOn is not null))
            {
                var plan = Plan(phase, today);
                if (plan is null)
                    continue;
                board ??= await progress.YearAsync(y, cancellationToken);
                everyone ??= await RecipientsAsync(cancellationToken);
                var work = WorkOf(phase, board);
                var drafts = Drafts(phase, plan.Value.Kind, work, everyone.Value.People, everyone.Value.UnitIds, today);
                var (created, queued) = await StoreAsync(phase, plan.Value.Kind, plan.Value.WindowStart, drafts, today, cancellationToken);
                notifications += created;
                emails += queued;
                lines.Add($"{y} {PhaseLabels.Slug(phase.Kind)}: {plan.Value.Kind}, {work.Count} with work left, {created} notification(s), {queued} email(s).");
            }
        }
        if (lines.Count == 0)
            lines.Add(year is null ? "No open phase needs a reminder today." : $"{year}: no open phase needs a reminder today.");
        return new ReminderRun(today, notifications, emails, lines);
    }

    /// <summary>
    /// Which reminder a phase calls for today, and since when an earlier one counts as already given: the window of
    /// the nearest threshold before the deadline, or the current repeat period after it.
    /// </summary>
    private (NotificationKind Kind, DateOnly WindowStart)? Plan(PhaseView phase, DateOnly today)
    {
        var closes = phase.ClosesOn!.Value;
        if (phase.Status == PhaseStatus.Running)
        {
            var left = closes.DayNumber - today.DayNumber;
            var thresholds = options.Value.Thresholds.Where(d => d >= left).ToList();
            if (thresholds.Count == 0)
                return null;
            var start = closes.AddDays(-thresholds[0]);
            // A phase opened after its first reminder day counts from its opening day.
            return (NotificationKind.DeadlineSoon, start < phase.OpensOn!.Value ? phase.OpensOn.Value : start);
        }
        if (phase.Status == PhaseStatus.Ended)
        {
            var every = Math.Max(1, options.Value.OverdueRepeatDays);
            var overdue = today.DayNumber - closes.DayNumber; // 1 on the day after the closing date
            return (NotificationKind.Overdue, today.AddDays(-((overdue - 1) % every)));
        }
        return null;
    }

    private static List<Work> WorkOf(PhaseView phase, CampaignProgress board)
    {
        var year = phase.Year;
        var unitLink = $"/chien-dich/{year}/tien-do-don-vi";
        var boardLink = $"/quan-tri/chien-dich/{year}/tien-do";
        return phase.Kind switch
        {
            CampaignPhaseKind.SelfAssessment => [.. board.Units.Where(u => u.HasFramework && !u.Submitted).Select(u => new Work(Audience.UnitStaff, u.UnitId,
                $"đơn vị {u.UnitNameVi} đã chấm {u.Scored}/{u.Leaves} tiêu chí và chưa gửi bản tự đánh giá",
                $"{u.UnitName(Core.Language.En)} has scored {u.Scored} of {u.Leaves} criteria and has not submitted its self-assessment",
                u.UnitNameVi, unitLink))],
            CampaignPhaseKind.Explanation => [.. board.Units.Where(u => u.ExplanationsPending > 0).Select(u => new Work(Audience.UnitStaff, u.UnitId,
                $"đơn vị {u.UnitNameVi} còn {u.ExplanationsPending} tiêu chí bị điều chỉnh chưa giải trình",
                $"{u.UnitName(Core.Language.En)} has {u.ExplanationsPending} adjusted criteria not yet explained",
                u.UnitNameVi, unitLink))],
            CampaignPhaseKind.Appraisal => [.. board.Agencies.Where(a => a.ToAppraise > a.Appraised).Select(a => new Work(Audience.Appraisers, null,
                $"{a.NameVi} còn {a.ToAppraise - a.Appraised} tiêu chí cần thẩm định (đã thẩm định {a.Appraised}/{a.ToAppraise})",
                $"{a.Name(Core.Language.En)} has {a.ToAppraise - a.Appraised} criteria left to appraise ({a.Appraised} of {a.ToAppraise} done)",
                a.NameVi, boardLink) { AgencyCode = a.AgencyCode })],
            CampaignPhaseKind.Reappraisal => [.. board.Agencies.Where(a => a.ToReappraise > a.Reappraised).Select(a => new Work(Audience.Appraisers, null,
                $"{a.NameVi} còn {a.ToReappraise - a.Reappraised} tiêu chí đã giải trình cần thẩm định lại",
                $"{a.Name(Core.Language.En)} has {a.ToReappraise - a.Reappraised} explained criteria left to appraise again",
                a.NameVi, boardLink) { AgencyCode = a.AgencyCode })],
            CampaignPhaseKind.Council => [new Work(Audience.Council, null,
                $"hội đồng cần quyết định điểm cuối cùng của năm {year}", $"the council has to decide the final scores of {year}", "hội đồng", boardLink)],
            _ => [new Work(Audience.Administrators, null,
                $"giai đoạn {PhaseLabels.NameVi(phase.Kind)} cần được hoàn tất", $"the {PhaseLabels.NameEn(phase.Kind)} phase has to be completed",
                "Sở Nội vụ", $"/quan-tri/chien-dich/{year}")],
        };
    }

    private static List<Draft> Drafts(PhaseView phase, NotificationKind kind, List<Work> work, Recipient[] everyone, Dictionary<string, int> unitIds, DateOnly today)
    {
        var drafts = new List<Draft>();
        var (vi, en) = (PhaseLabels.NameVi(phase.Kind), PhaseLabels.NameEn(phase.Kind));
        var closes = Date(phase.ClosesOn);
        var left = phase.ClosesOn!.Value.DayNumber - today.DayNumber;
        foreach (var group in work.SelectMany(w => RecipientsOf(w, everyone, unitIds).Select(r => (Recipient: r, Work: w))).GroupBy(x => x.Recipient.Id))
        {
            var to = group.First().Recipient;
            var detailVi = string.Join("; ", group.Select(x => x.Work.DetailVi).Distinct());
            var detailEn = string.Join("; ", group.Select(x => x.Work.DetailEn).Distinct());
            var link = group.First().Work.Link;
            if (kind == NotificationKind.DeadlineSoon)
            {
                var whenVi = left == 0 ? $"kết thúc hôm nay, ngày {closes}" : $"kết thúc ngày {closes} (còn {left} ngày)";
                var whenEn = left == 0 ? $"ends today, {closes}" : $"ends on {closes} ({left} day{(left == 1 ? "" : "s")} left)";
                drafts.Add(new Draft(to, kind,
                    $"Giai đoạn {vi} năm {phase.Year} {whenVi}: {detailVi}.",
                    $"The {en} phase of {phase.Year} {whenEn}: {detailEn}.",
                    $"[ParIndex] Nhắc hạn: giai đoạn {vi} năm {phase.Year} kết thúc ngày {closes}", link));
            }
            else
            {
                drafts.Add(new Draft(to, kind,
                    $"Giai đoạn {vi} năm {phase.Year} đã kết thúc ngày {closes} nhưng {detailVi}. Hãy liên hệ Sở Nội vụ.",
                    $"The {en} phase of {phase.Year} ended on {closes}, but {detailEn}. Please contact the Department of Home Affairs.",
                    $"[ParIndex] Quá hạn: giai đoạn {vi} năm {phase.Year} đã kết thúc ngày {closes}", link));
            }
        }
        if (kind == NotificationKind.Overdue && work.Count > 0 && work.All(w => w.Audience is Audience.UnitStaff or Audience.Appraisers))
        {
            var names = work.Select(w => w.NameVi).Distinct().ToList();
            var listed = string.Join(", ", names.Take(10)) + (names.Count > 10 ? $" và {names.Count - 10} nơi khác" : "");
            var listedEn = string.Join(", ", names.Take(10)) + (names.Count > 10 ? $" and {names.Count - 10} more" : "");
            foreach (var admin in everyone.Where(r => r.Role == Roles.Administrator).DistinctBy(r => r.Id))
                drafts.Add(new Draft(admin, NotificationKind.OverdueSummary,
                    $"Giai đoạn {vi} năm {phase.Year} đã kết thúc ngày {closes}: còn {names.Count} đơn vị, cơ quan chưa hoàn thành ({listed}).",
                    $"The {en} phase of {phase.Year} ended on {closes}: {names.Count} units or agencies have not finished ({listedEn}).",
                    $"[ParIndex] Tổng hợp quá hạn: giai đoạn {vi} năm {phase.Year}", $"/quan-tri/chien-dich/{phase.Year}/tien-do"));
        }
        return drafts;
    }

    private static IEnumerable<Recipient> RecipientsOf(Work work, Recipient[] everyone, Dictionary<string, int> unitIds) => work.Audience switch
    {
        Audience.UnitStaff => everyone.Where(r => r.UnitId == work.UnitId && r.Role is Roles.UnitOfficer or Roles.UnitHead),
        Audience.Appraisers => work.AgencyCode is { } code && unitIds.TryGetValue(code, out var id)
            ? everyone.Where(r => r.UnitId == id && r.Role == Roles.Appraiser)
            : [],
        Audience.Council => everyone.Where(r => r.Role == Roles.CouncilMember),
        _ => everyone.Where(r => r.Role == Roles.Administrator),
    };

    /// <summary>Everyone who may be reminded, with their role and unit, and unit ids by code (lead agencies are named by code).</summary>
    private async Task<(Recipient[] People, Dictionary<string, int> UnitIds)> RecipientsAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var roles = new[] { Roles.Administrator, Roles.Appraiser, Roles.UnitOfficer, Roles.UnitHead, Roles.CouncilMember };
        var rows = await (
                from user in db.Users.AsNoTracking()
                join userRole in db.UserRoles on user.Id equals userRole.UserId
                join role in db.Roles on userRole.RoleId equals role.Id
                where roles.Contains(role.Name!)
                select new { user.Id, user.Email, user.DisplayName, user.UserName, user.UnitId, Role = role.Name!, user.LockoutEnd })
            .ToListAsync(cancellationToken);
        var codes = await db.Units.AsNoTracking().Select(u => new { u.Id, u.Code }).ToListAsync(cancellationToken);
        // A user locked out for good (disabled) is not reminded; a temporary lockout after failed sign-ins ends soon.
        Recipient[] people = [.. rows.Where(r => r.LockoutEnd is null || r.LockoutEnd < now.AddDays(30))
            .Select(r => new Recipient(r.Id, r.Email, r.DisplayName ?? r.UserName ?? r.Email ?? r.Id, r.UnitId, r.Role))];
        return (people, codes.ToDictionary(u => u.Code, u => u.Id, StringComparer.Ordinal));
    }

    private async Task<(int Notifications, int Emails)> StoreAsync(PhaseView phase, NotificationKind kind, DateOnly windowStart, List<Draft> drafts, DateOnly today, CancellationToken cancellationToken)
    {
        if (drafts.Count == 0)
            return (0, 0);
        var kinds = drafts.Select(d => d.Kind).Distinct().ToList();
        var given = await db.Notifications.AsNoTracking()
            .Where(n => n.Year == phase.Year && n.Phase == phase.Kind && kinds.Contains(n.Kind) && n.OnDate >= windowStart)
            .Select(n => new { n.UserId, n.Kind })
            .ToListAsync(cancellationToken);
        var already = given.Select(g => (g.UserId, g.Kind)).ToHashSet();
        var now = clock.GetUtcNow().UtcDateTime;
        var created = new List<(Notification Notification, Draft Draft)>();
        foreach (var draft in drafts.Where(d => !already.Contains((d.To.Id, d.Kind))))
        {
            var notification = new Notification
            {
                UserId = draft.To.Id,
                Year = phase.Year,
                Phase = phase.Kind,
                Kind = draft.Kind,
                OnDate = today,
                MessageVi = Cut(draft.MessageVi),
                MessageEn = Cut(draft.MessageEn),
                Link = draft.Link,
                CreatedAtUtc = now,
            };
            db.Notifications.Add(notification);
            created.Add((notification, draft));
        }
        if (created.Count == 0)
            return (0, 0);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception)
        {
            // Another run (the daily service and the CLI at once) stored today's reminders first.
            logger.LogInformation(exception, "Reminders of {Year} {Phase} were stored by a concurrent run", phase.Year, phase.Kind);
            db.ChangeTracker.Clear();
            return (0, 0);
        }
        var emails = 0;
        if (options.Value.Email)
        {
            foreach (var (notification, draft) in created.Where(c => !string.IsNullOrWhiteSpace(c.Draft.To.Email)))
            {
                db.OutboxEmails.Add(new OutboxEmail
                {
                    To = draft.To.Email!,
                    Subject = draft.Subject.Length > 300 ? draft.Subject[..300] : draft.Subject,
                    Body = Body(draft),
                    CreatedAtUtc = now,
                    NextAttemptAtUtc = now,
                    NotificationId = notification.Id,
                });
                emails++;
            }
            await db.SaveChangesAsync(cancellationToken);
        }
        db.ChangeTracker.Clear();
        return (created.Count, emails);
    }

    private string Body(Draft draft)
    {
        var site = options.Value.SiteUrl?.TrimEnd('/');
        return $"""
            Kính gửi {draft.To.Name},

            {draft.MessageVi}

            Xem chi tiết: {site}{draft.Link}

            Trân trọng,
            ParIndex — Chỉ số cải cách hành chính, {city.Value.NameVi}
            (Thư được gửi tự động, vui lòng không trả lời thư này.)
            """;
    }

    private static string Cut(string text) => text.Length > 2000 ? text[..1999] + "…" : text;
}
