using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using ParIndex.Accounts;
using ParIndex.Campaign;
using ParIndex.Core.Frameworks;
using ParIndex.Core.Scoring;
using ParIndex.Frameworks;
using ParIndex.Results;
using ParIndex.Units;
using ParIndex.Web;

namespace ParIndex.Tests.Assessments;

/// <summary>
/// The phases a test has opened. Stands in for the campaign's phase gate in these tests, so that they exercise the
/// self-assessment and appraisal rules alone; the refusal names the phase and year like the real gate.
/// </summary>
public sealed class TestPhases : IPhaseGate
{
    private readonly ConcurrentDictionary<(int, CampaignPhaseKind), bool> open = new();

    public void Open(int year, CampaignPhaseKind phase) => open[(year, phase)] = true;

    public void Close(int year, CampaignPhaseKind phase) => open.TryRemove((year, phase), out _);

    /// <summary>Closes every phase of the year and opens <paramref name="phase"/>: the campaign moves on.</summary>
    public void MoveTo(int year, CampaignPhaseKind phase)
    {
        foreach (var kind in Enum.GetValues<CampaignPhaseKind>())
            Close(year, kind);
        Open(year, phase);
    }

    public Task<Problems?> RefuseUnlessOpenAsync(int year, CampaignPhaseKind phase, CancellationToken cancellationToken = default) =>
        Task.FromResult(open.ContainsKey((year, phase))
            ? null
            : Problems.Of("phase", $"Giai đoạn {Name(phase)} năm {year} đang đóng (test: {phase} {year} is closed)."));

    public static string Name(CampaignPhaseKind phase) => phase switch
    {
        CampaignPhaseKind.SelfAssessment => "tự đánh giá",
        CampaignPhaseKind.Appraisal => "thẩm định",
        CampaignPhaseKind.Explanation => "giải trình",
        CampaignPhaseKind.Reappraisal => "thẩm định lại",
        _ => phase.ToString(),
    };
}

/// <summary>
/// A small campaign for the self-assessment, appraisal and evidence tests: block SBN of 2025 with three departments
/// (STP, SNV, SCT) and a framework using every method — 1.1 (manual, step 0.25, evidence required, led by SNV),
/// 1.2 (rubric, evidence required, led by STP), 1.3 (ratio, not-applicable allowed, led by SNV), 2.1 (dossier metric)
/// and 2.2 (survey), both fed by data, and a bonus T — plus one user per role.
/// </summary>
public static class CampaignKit
{
    public const int Year = 2025;
    public const string Block = "SBN";
    public const string Password = "Kiem-Thu-2025";

    public const string Officer = "canbo.stp@test.local";
    public const string Officer2 = "canbo2.stp@test.local";
    public const string Head = "lanhdao.stp@test.local";
    public const string OtherOfficer = "canbo.sct@test.local";
    public const string OtherHead = "lanhdao.sct@test.local";
    public const string AppraiserSnv = "thamdinh.snv@test.local";
    public const string AppraiserStp = "thamdinh.stp@test.local";
    public const string Viewer = "xem@test.local";
    public const string Council = "hoidong@test.local";

    public static readonly (string Code, string Name)[] Units = [("STP", "Sở Tư pháp"), ("SNV", "Sở Nội vụ"), ("SCT", "Sở Công Thương")];

    public static FrameworkDefinition Framework(int year)
    {
        static FrameworkNode Lead(FrameworkNode node) => node with
        {
            LeadAgencyCode = node.Code switch { "1.1" or "1.3" or "T" => "SNV", "1.2" => "STP", _ => null },
            EvidenceRequired = node.Code is "1.1" or "1.2",
            Children = node.Children.Select(Lead).ToList(),
        };
        var small = SmallCity.Framework(year);
        return small with { Nodes = small.Nodes.Select(Lead).ToList() };
    }

    /// <summary>Starts an app whose phase gate is <paramref name="phases"/>, with the city, framework and users.</summary>
    public static async Task<TestApp> StartAsync(DatabaseKind kind, TestPhases phases, Action<IServiceCollection>? more = null)
    {
        var app = await TestApp.StartAsync(kind, services =>
        {
            services.AddSingleton<IPhaseGate>(phases);
            more?.Invoke(services);
        });
        await SeedAsync(app);
        return app;
    }

    public static async Task SeedAsync(TestApp app)
    {
        await app.WithScopeAsync(async services =>
        {
            var units = services.GetRequiredService<UnitService>();
            var blocks = services.GetRequiredService<BlockService>();
            var frameworks = services.GetRequiredService<FrameworkService>();
            var scores = services.GetRequiredService<ScoreEntryService>();
            foreach (var (code, name) in Units)
                Check((await units.SaveAsync(new UnitDto(code, name, null, UnitKind.Department, new DateOnly(2000, 1, 1), null, null), "test")).Succeeded, code);
            foreach (var year in new[] { Year - 1, Year })
            {
                Check((await blocks.SaveAsync(year, new BlockInput(Block, "Khối sở, ban, ngành", "Departments"), "test")).Succeeded, "block");
                Check((await blocks.SetMembersAsync(year, Block, Units.Select(u => u.Code).ToList(), "test")).Succeeded, "members");
                var draft = await frameworks.SaveDraftAsync(year, Block, Framework(year), null, "test");
                Check(draft.Succeeded, "framework " + string.Join("; ", draft.Problems?.Lines() ?? []));
                Check((await frameworks.PublishAsync(draft.Value!.Id, "test")).Succeeded, "publish");
            }
            // The data features' values for the leaves fed by data (the dossier metric feed and the survey feed write these).
            Check((await scores.SetAsync(Year, "STP", "2.1", LeafInput.OfValue(93.5m, "Dữ liệu hồ sơ một cửa năm 2025: 1.234 hồ sơ"), "feed")).Succeeded, "2.1");
            Check((await scores.SetAsync(Year, "STP", "2.2", LeafInput.OfValue(88m, "SIPAS 2025: n = 412"), "feed")).Succeeded, "2.2");

            var users = services.GetRequiredService<UserManager<AppUser>>();
            var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
            var db = services.GetRequiredService<ParIndex.Data.AppDbContext>();
            foreach (var role in Roles.All)
                if (!await roles.RoleExistsAsync(role))
                    await roles.CreateAsync(new IdentityRole(role));
            foreach (var (email, role, unit) in new (string, string, string?)[]
                     {
                         (Officer, Roles.UnitOfficer, "STP"), (Officer2, Roles.UnitOfficer, "STP"), (Head, Roles.UnitHead, "STP"),
                         (OtherOfficer, Roles.UnitOfficer, "SCT"), (OtherHead, Roles.UnitHead, "SCT"),
                         (AppraiserSnv, Roles.Appraiser, "SNV"), (AppraiserStp, Roles.Appraiser, "STP"),
                         (Viewer, Roles.Viewer, null), (Council, Roles.CouncilMember, null),
                     })
            {
                var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, UnitId = unit is null ? null : db.Units.Single(u => u.Code == unit).Id };
                var created = await users.CreateAsync(user, Password);
                Check(created.Succeeded, email + " " + string.Join("; ", created.Errors.Select(e => e.Description)));
                await users.AddToRoleAsync(user, role);
            }
            return 0;
        });
    }

    public static Task<HttpClient> SignInAsync(TestApp app, string email) => app.SignInAsync(email, Password);

    public static string SelfPath(string unit = "STP", int year = Year) => $"/api/v1/years/{year}/units/{unit}/self-assessment";

    public static object Points(decimal points, int version, string? comment = null, string? note = null) =>
        new { kind = "Points", points, comment, noEvidenceNote = note, version };

    public static object Level(string level, int version, string? note = null) => new { kind = "Level", level, noEvidenceNote = note, version };

    public static object Ratio(decimal numerator, decimal denominator, int version) => new { kind = "Ratio", numerator, denominator, version };

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    public static async Task<JsonElement> EntryAsync(HttpClient client, string node, string unit = "STP")
    {
        var view = await client.GetFromJsonAsync<JsonElement>(SelfPath(unit));
        return view.GetProperty("entries").EnumerateArray().Single(e => e.GetProperty("nodeCode").GetString() == node);
    }

    public static async Task<int> VersionAsync(HttpClient client, string node, string unit = "STP") =>
        (await EntryAsync(client, node, unit)).GetProperty("version").GetInt32();

    /// <summary>A minimal PDF: the header and some bytes, enough for a content check.</summary>
    public static byte[] Pdf(string text = "Kế hoạch CCHC năm 2025", int padTo = 0)
    {
        var body = System.Text.Encoding.UTF8.GetBytes($"%PDF-1.7\n% {text}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
        if (padTo <= body.Length)
            return body;
        var padded = new byte[padTo];
        body.CopyTo(padded, 0);
        for (var i = body.Length; i < padTo; i++)
            padded[i] = (byte)'\n';
        return padded;
    }

    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] content, string fileName, string[] nodes, string unit = "STP", int year = Year,
        string? number = "125/KH-UBND", string? date = "15/01/2025", string? issuer = "UBND Thành phố", string? title = null)
    {
        using var form = new MultipartFormDataContent();
        foreach (var node in nodes)
            form.Add(new StringContent(node), "nodeCode");
        if (number is not null)
            form.Add(new StringContent(number), "documentNumber");
        if (date is not null)
            form.Add(new StringContent(date), "documentDate");
        if (issuer is not null)
            form.Add(new StringContent(issuer), "issuingBody");
        if (title is not null)
            form.Add(new StringContent(title), "title");
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        return await client.PostAsync($"/api/v1/years/{year}/units/{unit}/evidence", form);
    }

    private static void Check(bool succeeded, string what)
    {
        if (!succeeded)
            throw new InvalidOperationException($"CampaignKit could not create {what}.");
    }
}
