using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ParIndex.Accounts;
using ParIndex.Assessments;
using ParIndex.Campaign;
using ParIndex.Core.Calendar;
using ParIndex.Core.Scoring;
using ParIndex.Evidence;

namespace ParIndex.Tests.Campaigns;

/// <summary>A clock the test moves by hand; timers still run on real time (only "now" is faked).</summary>
public sealed class FakeClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset now = start;

    public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();

    public void Set(DateTimeOffset instant) => now = instant;

    /// <summary>Sets the clock to a Vietnamese local date and time.</summary>
    public void SetLocal(int year, int month, int day, int hour = 8, int minute = 0) =>
        now = VietnamTime.At(new DateOnly(year, month, day), new TimeOnly(hour, minute));

    public void Advance(TimeSpan by) => now += by;
}

/// <summary>
/// Base of the campaign tests: the app on a fresh database with a fake clock (20/11/2025 08:00 in Vietnam unless a
/// test moves it) and without the background reminder and delivery loops, which the tests run by hand.
/// </summary>
public abstract class CampaignTest(DatabaseKind kind) : IAsyncLifetime
{
    public const string Password = "Test-User-2025";

    protected DatabaseKind Kind { get; } = kind;
    protected TestApp App { get; private set; } = null!;
    protected FakeClock Clock { get; } = new(VietnamTime.At(new DateOnly(2025, 11, 20), new TimeOnly(8, 0)));

    /// <summary>Keep the daily reminder loop (its own test does).</summary>
    protected virtual bool KeepScheduler => false;

    protected virtual void ConfigureServices(IServiceCollection services) { }

    public async Task InitializeAsync() => App = await TestApp.StartAsync(Kind, services =>
    {
        services.AddSingleton<TimeProvider>(Clock);
        foreach (var hosted in services.Where(d => d.ServiceType == typeof(IHostedService)
                     && (d.ImplementationType == typeof(OutboxDeliveryService) || (!KeepScheduler && d.ImplementationType == typeof(ReminderScheduler)))).ToList())
            services.Remove(hosted);
        ConfigureServices(services);
    });

    public virtual Task DisposeAsync()
    {
        App.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Creates a user with a role and (for unit officers, heads and appraisers) a unit, the way an administrator would.</summary>
    protected Task CreateUserAsync(string email, string role, string? unitCode = null, string? displayName = null) => App.WithScopeAsync(async services =>
    {
        var users = services.GetRequiredService<UserManager<AppUser>>();
        var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
        var db = services.GetRequiredService<ParIndex.Data.AppDbContext>();
        int? unitId = unitCode is null ? null : await db.Units.Where(u => u.Code == unitCode).Select(u => (int?)u.Id).SingleAsync();
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, UnitId = unitId, DisplayName = displayName };
        var created = await users.CreateAsync(user, Password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        if (!await roles.RoleExistsAsync(role))
            await roles.CreateAsync(new IdentityRole(role));
        await users.AddToRoleAsync(user, role);
        return 0;
    });

    protected async Task<HttpClient> SignInAsync(string email, string role, string? unitCode = null)
    {
        await CreateUserAsync(email, role, unitCode);
        return await App.SignInAsync(email, Password);
    }

    protected Task<T> PhasesAsync<T>(Func<PhaseService, Task<T>> use) => App.WithScopeAsync(services => use(services.GetRequiredService<PhaseService>()));

    /// <summary>Sets a phase's dates and opens it, as an administrator would (asserting both succeed).</summary>
    protected Task OpenPhaseAsync(int year, CampaignPhaseKind kind, DateOnly opens, DateOnly closes) => PhasesAsync(async phases =>
    {
        var dated = await phases.SetDatesAsync(year, kind, new PhaseDatesInput { OpensOn = opens, ClosesOn = closes }, "test");
        Assert.True(dated.Succeeded, string.Join("; ", dated.Problems?.Lines() ?? []));
        var opened = await phases.OpenAsync(year, kind, new PhaseActionInput(), "test");
        Assert.True(opened.Succeeded, string.Join("; ", opened.Problems?.Lines() ?? []));
        return 0;
    });

    protected Task<string?> GateAsync(int year, CampaignPhaseKind kind) => App.WithScopeAsync(async services =>
    {
        var problems = await services.GetRequiredService<IPhaseGate>().RefuseUnlessOpenAsync(year, kind);
        return problems is null ? null : string.Join(" ", problems.ToDictionary()["phase"]);
    });

    protected Task<ReminderRun> RemindAsync(int? year = 2025) => App.WithScopeAsync(services => services.GetRequiredService<ReminderService>().RunAsync(year));

    /// <summary>
    /// Writes a unit's self-assessment the way the self-assessment feature stores it: the given leaves with an input,
    /// evidence documents on some, a note on others, submitted or not.
    /// </summary>
    protected Task AssessAsync(int year, string unitCode, bool submitted, IReadOnlyDictionary<string, LeafInput> inputs,
        IEnumerable<string>? withEvidence = null, IEnumerable<string>? withNote = null) => App.WithDbAsync(async db =>
    {
        var unitId = await db.Units.Where(u => u.Code == unitCode).Select(u => u.Id).SingleAsync();
        var now = Clock.GetUtcNow().UtcDateTime;
        var assessment = new SelfAssessment
        {
            Year = year, UnitId = unitId, Status = submitted ? AssessmentStatus.Submitted : AssessmentStatus.Draft,
            CreatedAtUtc = now, UpdatedAtUtc = now, SubmittedAtUtc = submitted ? now : null, SubmittedBy = submitted ? "head@test" : null,
        };
        var evidence = withEvidence?.ToHashSet() ?? [];
        var notes = withNote?.ToHashSet() ?? [];
        EvidenceDocument? document = null;
        foreach (var (node, input) in inputs)
        {
            var entry = new AssessmentEntry { NodeCode = node, UpdatedAtUtc = now, NoEvidenceNote = notes.Contains(node) ? "Chấm theo báo cáo quý" : null };
            entry.SetInput(input);
            if (evidence.Contains(node))
            {
                document ??= new EvidenceDocument
                {
                    UnitId = unitId, Year = year, Sha256 = new string('a', 64), SizeBytes = 10, Format = EvidenceFormat.Pdf, FileName = "ke-hoach.pdf",
                    UploadedAtUtc = now, UploadedBy = "officer@test",
                };
                entry.Evidence.Add(new EvidenceLink { Document = document, AddedAtUtc = now, AddedBy = "officer@test" });
            }
            assessment.Entries.Add(entry);
        }
        db.SelfAssessments.Add(assessment);
        await db.SaveChangesAsync();
    });

    /// <summary>Records an appraiser's decision (and optionally the unit's explanation) on a unit's leaf.</summary>
    protected Task AppraiseAsync(int year, string unitCode, string node, AppraisalDecision decision, string agency, bool explained = false, AppraisalDecision? reappraisal = null) => App.WithDbAsync(async db =>
    {
        var entry = await db.AssessmentEntries.Include(e => e.Appraisals)
            .SingleAsync(e => e.Assessment!.Year == year && e.Assessment.Unit!.Code == unitCode && e.NodeCode == node);
        var now = Clock.GetUtcNow().UtcDateTime;
        entry.Appraisals.Add(new LeafAppraisal { Round = AppraisalRound.Appraisal, Decision = decision, AgencyCode = agency, DecidedAtUtc = now, DecidedBy = "appraiser@test", Reason = "Thiếu minh chứng" });
        if (explained)
        {
            entry.Explanation = "Đơn vị bổ sung kế hoạch";
            entry.ExplainedAtUtc = now;
        }
        if (reappraisal is { } again)
            entry.Appraisals.Add(new LeafAppraisal { Round = AppraisalRound.Reappraisal, Decision = again, AgencyCode = agency, DecidedAtUtc = now, DecidedBy = "appraiser@test" });
        await db.SaveChangesAsync();
    });

    protected Task<List<Notification>> NotificationsAsync() =>
        App.WithDbAsync(db => db.Notifications.AsNoTracking().OrderBy(n => n.Id).ToListAsync());

    protected Task<List<OutboxEmail>> OutboxAsync() =>
        App.WithDbAsync(db => db.OutboxEmails.AsNoTracking().OrderBy(e => e.Id).ToListAsync());

    protected Task<string> UserIdAsync(string email) =>
        App.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    protected static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    protected static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(body).RootElement;
    }

    /// <summary>Posts a page's form with the antiforgery token read from the page.</summary>
    protected static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string pagePath, string action, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await TestApp.AntiforgeryTokenAsync(client, pagePath);
        return await client.PostAsync(action, new FormUrlEncodedContent(fields));
    }
}
