using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParIndex.Accounts;
using ParIndex.Campaign;
using ParIndex.Core.Calendar;
using ParIndex.Core.Scoring;
using ParIndex.Data;
using ParIndex.Results;

namespace ParIndex.Tests.AppraisalCouncil;

/// <summary>
/// SmallCity (2024 and 2025 computed, not published) with the campaign's earlier stages for 2025: every unit's self
/// scores (more generous than the Final inputs) and, for Sở Nội vụ, two appraisal adjustments; and one user per role
/// the council and appeals need. Leaves 2.1 and 2.2 are fed by data (their Final inputs stay as SmallCity wrote them).
/// </summary>
internal static class CouncilTestKit
{
    public const int Year = 2025;
    public const string Password = "Kiem-Thu-2025";
    public const string Member = "hoidong@test.local";
    public const string SnvHead = "lanhdao.snv@test.local";
    public const string SnvOfficer = "canbo.snv@test.local";
    public const string SctHead = "lanhdao.sct@test.local";
    public const string CouncilApi = "/api/v1/years/2025/council";

    /// <summary>Sở Nội vụ's own scores: 1.1 = 4, 1.2 = A, 1.3 = 10/10, T = 1.</summary>
    public static readonly Dictionary<string, LeafInput> SnvSelf = new()
    {
        ["1.1"] = LeafInput.OfPoints(4), ["1.2"] = LeafInput.OfLevel("A"), ["1.3"] = LeafInput.OfRatio(10, 10), ["T"] = LeafInput.OfPoints(1),
    };

    /// <summary>The appraisers adjusted 1.1 to 3 points and 1.2 to level B.</summary>
    public static readonly Dictionary<string, LeafInput> SnvAppraised = new() { ["1.1"] = LeafInput.OfPoints(3), ["1.2"] = LeafInput.OfLevel("B") };

    public static async Task BuildAsync(TestApp app)
    {
        await SmallCity.BuildAsync(app, publish: false);
        await app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            var units = await db.Units.ToDictionaryAsync(u => u.Code, u => u.Id);
            var now = DateTime.UtcNow;
            void Add(string unit, string node, ScoreStage stage, LeafInput input)
            {
                var score = new LeafScore { Year = Year, UnitId = units[unit], NodeCode = node, Stage = stage, UpdatedAtUtc = now, UpdatedBy = "test" };
                score.Apply(input);
                db.LeafScores.Add(score);
            }
            for (var i = 0; i < SmallCity.Units2025.Length; i++)
            {
                var unit = SmallCity.Units2025[i];
                var inputs = unit == "SNV" ? SnvSelf : SmallCity.Inputs(i).Where(p => p.Key.StartsWith("1.")).ToDictionary();
                foreach (var (node, input) in inputs)
                    Add(unit, node, ScoreStage.Self, input);
            }
            foreach (var (node, input) in SnvAppraised)
                Add("SNV", node, ScoreStage.Appraised, input);
            await db.SaveChangesAsync();

            var users = services.GetRequiredService<UserManager<AppUser>>();
            var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
            foreach (var role in Roles.All)
                if (!await roles.RoleExistsAsync(role))
                    await roles.CreateAsync(new IdentityRole(role));
            foreach (var (email, role, unit) in new (string, string, string?)[]
                     {
                         (Member, Roles.CouncilMember, null), (SnvHead, Roles.UnitHead, "SNV"), (SnvOfficer, Roles.UnitOfficer, "SNV"), (SctHead, Roles.UnitHead, "SCT"),
                     })
            {
                var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, UnitId = unit is null ? null : units[unit] };
                var created = await users.CreateAsync(user, Password);
                if (!created.Succeeded)
                    throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
                await users.AddToRoleAsync(user, role);
            }
            return 0;
        });
    }

    /// <summary>Opens a phase of 2025 through the campaign's own service: from yesterday to a month ahead.</summary>
    public static Task OpenPhaseAsync(TestApp app, CampaignPhaseKind kind) => app.WithScopeAsync(async services =>
    {
        var phases = services.GetRequiredService<PhaseService>();
        var today = VietnamTime.LocalDate(DateTimeOffset.UtcNow);
        var dates = await phases.SetDatesAsync(Year, kind, new PhaseDatesInput { OpensOn = today.AddDays(-1), ClosesOn = today.AddDays(30) }, "test");
        if (!dates.Succeeded)
            throw new InvalidOperationException(string.Join("; ", dates.Problems?.Lines() ?? []));
        var opened = await phases.OpenAsync(Year, kind, new PhaseActionInput(), "test");
        if (!opened.Succeeded)
            throw new InvalidOperationException(string.Join("; ", opened.Problems?.Lines() ?? []));
        return 0;
    });

    public static Task<HttpClient> SignInAsync(TestApp app, string email) => app.SignInAsync(email, Password);

    public static StringContent Json(object value) => new(JsonSerializer.Serialize(value), Encoding.UTF8, "application/json");

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    public static Task<HttpResponseMessage> OverrideAsync(HttpClient client, string unit, string node, object input) =>
        client.PutAsync($"{CouncilApi}/units/{unit}/overrides/{node}", Json(input));

    public static object Decision(int total = 9, int present = 8, int votesFor = 6, int against = 1, int abstain = 1, string number = "05/NQ-HĐTĐ", string date = "2026-03-10") =>
        new { decisionNumber = number, decisionDate = date, membersTotal = total, membersPresent = present, votesFor, votesAgainst = against, votesAbstain = abstain, notes = "Họp ngày 10/3" };

    public static JsonElement Leaf(JsonElement unitView, string node) =>
        unitView.GetProperty("leaves").EnumerateArray().Single(l => l.GetProperty("node").GetProperty("code").GetString() == node);

    public static Task<Dictionary<string, string>> FinalInputsAsync(TestApp app, string unit) =>
        app.WithDbAsync(async db => (await db.LeafScores.AsNoTracking().Where(s => s.Year == Year && s.Unit!.Code == unit && s.Stage == ScoreStage.Final).ToListAsync())
            .ToDictionary(s => s.NodeCode, s => ScoreEntryService.Describe(s.ToInput())));

    public static Task<decimal> StoredIndexAsync(TestApp app, string unit) =>
        app.WithDbAsync(db => db.ResultRows.Where(r => r.Year == Year && r.Unit!.Code == unit).Select(r => r.Index).SingleAsync());
}
