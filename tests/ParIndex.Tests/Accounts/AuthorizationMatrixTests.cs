using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using ParIndex.Accounts;
using Xunit.Abstractions;
using static ParIndex.Tests.Accounts.AccountsTestKit;

namespace ParIndex.Tests.Accounts;

/// <summary>
/// Issue 3 §8: every endpoint and page × every role, anonymous, and a Bearer token per scope, asserted allowed or
/// refused. Three sources must agree:
/// <list type="number">
/// <item>what the endpoint declares (its [Authorize]/[AllowAnonymous] metadata, read through <see cref="PolicyHolders"/>);</item>
/// <item>what the running app does, probed over HTTP with each principal's real cookie or token;</item>
/// <item>the hand-written expectations for what must never change silently: the exact list of public routes
///       (<see cref="PublicRoutes"/>) and the sensitive routes (<see cref="Sensitive"/>: administrator-only writes,
///       user and token administration, unit-scoped pages).</item>
/// </list>
/// The probe asks the real authorization middleware and stops before the endpoint runs (<see cref="ProbeResultHandler"/>),
/// so writes are probed without writing. Routes are discovered from EndpointDataSource, so new ones are covered as
/// soon as they are mapped; their route parameters are filled with the seeded small city's values.
/// </summary>
public abstract class AuthorizationMatrixTests(DatabaseKind kind, ITestOutputHelper output) : IAsyncLifetime
{
    private TestApp App { get; set; } = null!;

    public async Task InitializeAsync() => App = await TestApp.StartAsync(kind, services =>
        services.AddSingleton<IAuthorizationMiddlewareResultHandler>(new ProbeResultHandler(new PasswordChangeGate())));

    public Task DisposeAsync()
    {
        App.Dispose();
        return Task.CompletedTask;
    }

    // ---- Principals ---------------------------------------------------------------------------------------------

    public sealed record Principal(string Name, string? Role = null, string? Scope = null)
    {
        public bool IsPerson => Role is not null;
        public bool IsToken => Scope is not null;
        public override string ToString() => Name;
    }

    private static readonly Principal Anonymous = new("anonymous");
    private static readonly Principal Administrator = new("administrator", Roles.Administrator);
    private static readonly Principal Appraiser = new("appraiser", Roles.Appraiser);
    private static readonly Principal UnitOfficer = new("unit-officer", Roles.UnitOfficer);
    private static readonly Principal UnitHead = new("unit-head", Roles.UnitHead);
    private static readonly Principal CouncilMember = new("council-member", Roles.CouncilMember);
    private static readonly Principal Viewer = new("viewer", Roles.Viewer);
    private static readonly Principal DossiersToken = new("token:dossiers", Scope: Scopes.DossiersWrite);
    private static readonly Principal RatingsToken = new("token:ratings", Scope: Scopes.RatingsWrite);
    private static readonly Principal ResultsToken = new("token:results", Scope: Scopes.ResultsRead);

    private static readonly Principal[] People = [Administrator, Appraiser, UnitOfficer, UnitHead, CouncilMember, Viewer];
    private static readonly Principal[] Tokens = [DossiersToken, RatingsToken, ResultsToken];
    private static readonly Principal[] Everyone = [Anonymous, .. People, .. Tokens];

    private static HashSet<Principal> Set(params Principal[] principals) => [.. principals];

    /// <summary>Who meets each policy. A policy missing here fails the test: add it, with who may use it.</summary>
    private static readonly Dictionary<string, HashSet<Principal>> PolicyHolders = new()
    {
        [Policies.Administrator] = Set(Administrator),
        [Policies.UnitStaff] = Set(UnitOfficer, UnitHead),
        [Policies.UnitHead] = Set(UnitHead),
        [Policies.Appraiser] = Set(Appraiser),
        [Policies.CouncilMember] = Set(CouncilMember),
        [Policies.CampaignReader] = Set(Administrator, Appraiser, CouncilMember, Viewer),
        [Policies.Machine] = Set(Tokens),
        [Policies.MachineDossiers] = Set(DossiersToken),
        [Policies.MachineRatings] = Set(RatingsToken),
        [Policies.MachineResults] = Set(ResultsToken),
        [Policies.AdministratorOrMachineDossiers] = Set(Administrator, DossiersToken),
        [Policies.AdministratorOrMachineRatings] = Set(Administrator, RatingsToken),
        // Declared by other features (Campaign/CampaignPolicies.cs, Audit/AuditQuery.cs, …); named by value
        // so that this table does not depend on their code.
        ["CampaignParticipant"] = Set(People),
        ["AuditReader"] = Set(Administrator, Viewer),
        // AppraisalCouncil/CouncilSetup.cs and Appeals/AppealsApi.cs.
        ["Council"] = Set(Administrator, CouncilMember),
        ["AppealReader"] = Set(Administrator, CouncilMember, UnitOfficer, UnitHead),
    };

    // ---- Hand-written expectations ------------------------------------------------------------------------------

    /// <summary>
    /// Every route open to anonymous callers, "METHOD pattern" (pages: "PAGE pattern"). A route that becomes public
    /// without being added here fails, and so does a listed route that is no longer public.
    /// </summary>
    private static readonly HashSet<string> PublicRoutes =
    [
        // Pages for everyone: home, sign-in, access denied, results, corrections, calendar, one-stop disclosure and
        // look-up, surveys (forms are opened by one-time tokens) and the counter touch page (enrolled by a device key).
        "PAGE /", "PAGE /dang-nhap", "PAGE /tu-choi",
        "PAGE /ket-qua", "PAGE /ket-qua/{year:int}/{block}", "PAGE /ket-qua/{year:int}/{block}/{unit}", "PAGE /ket-qua/dinh-chinh",
        "PAGE /lich-lam-viec", "PAGE /cong-khai/ho-so", "PAGE /tra-cuu-ho-so",
        "PAGE /khao-sat", "PAGE /khao-sat/cam-on", "PAGE /khao-sat/giao-dien.css", "PAGE /ket-qua-khao-sat/{code?}", "PAGE /quay/{counter}",
        "GET /ngon-ngu/{code}", "GET /api/openapi/{documentName}.json",
        // Open data: published results (the services hide what is not published from anonymous callers).
        "GET /api/v1/results", "GET /api/v1/years/", "GET /api/v1/years/{year:int}/blocks", "GET /api/v1/years/{year:int}/blocks/{code}",
        "GET /api/v1/years/{year:int}/blocks/{block}/framework/", "GET /api/v1/years/{year:int}/blocks/{block}/publication",
        "GET /api/v1/years/{year:int}/blocks/{block}/publications/{version:int}", "GET /api/v1/years/{year:int}/blocks/{block}/results",
        "GET /api/v1/years/{year:int}/blocks/{block}/results/export", "GET /api/v1/years/{year:int}/blocks/{block}/results/{unit}",
        "GET /api/v1/years/{year:int}/blocks/{block}/results/{unit}/explain/{node}", "GET /api/v1/corrections",
        "GET /api/v1/frameworks/", "GET /api/v1/frameworks/{id:int}", "GET /api/v1/frameworks/{id:int}/xlsx",
        "GET /api/v1/units/", "GET /api/v1/units/{code}", "GET /api/v1/successions/",
        "GET /api/v1/calendar/years/{year:int}", "GET /api/v1/calendar/add-working-days", "GET /api/v1/calendar/deadline",
        "GET /api/v1/procedures/", "GET /api/v1/procedures/{code}",
        "GET /api/v1/dossiers/indicators", "GET /api/v1/dossiers/disclosure",
        "GET /api/v1/surveys/campaigns", "GET /api/v1/surveys/campaigns/{code}/results", "GET /api/v1/surveys/campaigns/{code}/results/export",
        "GET /api/v1/surveys/questionnaires/{code}",
        // Counter devices authenticate with their device key inside the handler (SurveysApi; see docs/security.md).
        "POST /api/v1/counter-ratings",
    ];

    /// <summary>A sensitive route: who must be allowed, and who at most may be (route: exact key, or a prefix ending in '*').</summary>
    /// <param name="Required">False for routes of features not committed yet: the rule is reported, not failed, while it matches nothing.</param>
    public sealed record Rule(string Route, Principal[] MustAllow, Principal[] MayAllow, string Why, bool Required = true);

    private static Rule Only(string route, string why, params Principal[] who) => new(route, who, who, why);

    private static readonly Principal[] AdministratorOnly = [Administrator];
    private static readonly Principal[] UnitStaff = [UnitOfficer, UnitHead];

    private static readonly Rule[] Sensitive =
    [
        // Accounts.
        Only("PAGE /quan-tri/nguoi-dung*", "user administration", Administrator),
        Only("PAGE /quan-tri/ma-truy-cap", "API token administration", Administrator),
        Only("GET /api/v1/users", "user list", Administrator),
        Only("GET /api/v1/tokens/", "token list", Administrator),
        Only("POST /api/v1/tokens/", "token creation", Administrator),
        Only("DELETE /api/v1/tokens/{id:int}", "token revocation", Administrator),
        Only("GET /api/v1/tokens/current", "a machine client's own token", Tokens),
        Only("PAGE /doi-mat-khau", "every person changes their own password", People),
        Only("PAGE /dang-xuat", "every person signs out", People),

        // Administration pages of the organisation, frameworks, results, calendar, procedures, dossiers and surveys.
        Only("PAGE /quan-tri/don-vi*", "units", Administrator),
        Only("PAGE /quan-tri/khoi*", "blocks", Administrator),
        Only("PAGE /quan-tri/lich-su-don-vi", "lineage", Administrator),
        Only("PAGE /quan-tri/bo-tieu-chi*", "frameworks", Administrator),
        Only("PAGE /quan-tri/ket-qua*", "compute and publish", Administrator),
        Only("PAGE /quan-tri/lich-lam-viec", "working calendar", Administrator),
        Only("PAGE /quan-tri/thu-tuc*", "procedures", Administrator),
        Only("PAGE /quan-tri/ho-so*", "dossiers", Administrator),
        Only("PAGE /quan-tri/khao-sat*", "surveys", Administrator),

        // Administrator-only writes.
        Only("PUT /api/v1/units/{code}", "unit edits", Administrator),
        Only("POST /api/v1/units/import", "unit import", Administrator),
        Only("POST /api/v1/successions/", "lineage edits", Administrator),
        Only("DELETE /api/v1/successions/{id:int}", "lineage edits", Administrator),
        Only("PUT /api/v1/years/{year:int}/blocks/{code}*", "block edits", Administrator),
        Only("POST /api/v1/frameworks/*", "framework cloning and publication", Administrator),
        Only("PUT /api/v1/years/{year:int}/blocks/{block}/framework/draft", "framework drafts", Administrator),
        Only("POST /api/v1/years/{year:int}/blocks/{block}/framework/revisions", "framework revisions", Administrator),
        Only("POST /api/v1/years/{year:int}/blocks/{block}/compute", "computation", Administrator),
        Only("POST /api/v1/years/{year:int}/compute", "computation", Administrator),
        Only("PUT /api/v1/years/{year:int}/blocks/{block}/publication", "publication", Administrator),
        Only("POST /api/v1/results/import", "historical results", Administrator),
        Only("PUT /api/v1/calendar/years/{year:int}/notice", "calendar notices", Administrator),
        Only("DELETE /api/v1/calendar/years/{year:int}/notice", "calendar notices", Administrator),
        Only("POST /api/v1/procedures/import", "procedure catalogue", Administrator),
        Only("PUT /api/v1/procedures/{code}", "procedure catalogue", Administrator),
        new("POST /api/v1/surveys/*", AdministratorOnly, [Administrator, RatingsToken], "survey administration (response import also by interview systems)"),
        Only("PUT /api/v1/surveys/*", "survey administration", Administrator),
        Only("DELETE /api/v1/surveys/*", "device keys", Administrator),
        Only("POST /api/v1/dossiers/metrics/{year:int}/feed", "feeding metric leaves", Administrator),
        Only("PUT /api/v1/dossiers/{code}/apology", "apologies", Administrator),
        Only("DELETE /api/v1/dossiers/{code}/apology", "apologies", Administrator),
        // The one-stop system may be given these with a dossiers:write token (docs/security.md), nobody else.
        new("POST /api/v1/dossiers/batches", [Administrator, DossiersToken], [Administrator, DossiersToken], "dossier batches"),
        new("GET /api/v1/dossiers/batches/{id:int}*", [Administrator, DossiersToken], [Administrator, DossiersToken], "a batch's report for the system that sent it"),
        new("POST /api/v1/dossiers/apologies/import", [Administrator, DossiersToken], [Administrator, DossiersToken], "apology import"),
        new("POST /api/v1/surveys/campaigns/{code}/responses/import", [Administrator, RatingsToken], [Administrator, RatingsToken], "interview systems importing responses"),
        new("POST /api/v1/dossiers/{code}/events", AdministratorOnly, [Administrator, DossiersToken], "dossier events"),

        new("GET /api/v1/live/*", [ResultsToken], [ResultsToken], "unpublished results for reporting tools with results:read"),

        // The campaign (issue 3).
        new("PAGE /quan-tri/chien-dich", AdministratorOnly, AdministratorOnly, "campaign phases"),
        new("PUT /api/v1/years/{year:int}/phases/{phase}", AdministratorOnly, AdministratorOnly, "opening and closing phases"),
        new("POST /api/v1/years/{year:int}/phases/*", AdministratorOnly, AdministratorOnly, "opening and closing phases"),
        new("POST /api/v1/years/{year:int}/reminders", AdministratorOnly, AdministratorOnly, "reminders"),
        new("PUT /api/v1/years/{year:int}/units/{unit}/scores/{node}", AdministratorOnly, AdministratorOnly, "final scores"),
        new("POST /api/v1/years/{year:int}/units/{unit}/self-assessment/reopen", AdministratorOnly, AdministratorOnly, "reopening a submission"),
        new("PUT /api/v1/years/{year:int}/units/{unit}/self-assessment/entries/*", [UnitOfficer], UnitStaff, "self-assessment"),
        new("POST /api/v1/years/{year:int}/units/{unit}/self-assessment/submit", [UnitHead], [UnitHead], "submission by the unit head"),
        new("POST /api/v1/years/{year:int}/units/{unit}/evidence/*", [UnitOfficer], UnitStaff, "evidence uploads"),
        new("PUT /api/v1/years/{year:int}/appraisal/*", [Appraiser], [Appraiser], "appraisal"),
        new("GET /api/v1/audit*", AdministratorOnly, [Administrator, Viewer], "the audit trail"),
        new("PAGE /quan-tri/nhat-ky*", AdministratorOnly, [Administrator, Viewer], "the audit trail"),
        new("GET /api/v1/evidence/*", [UnitOfficer], People, "evidence files: signed-in people only, never anonymous or machines"),
        new("PAGE /don-vi/*", [UnitOfficer], UnitStaff, "the unit's own self-assessment and explanation pages"),
        new("PAGE /tham-dinh/*", [Appraiser], [Appraiser, Administrator], "appraisal pages"),
        new("PAGE /hoi-dong/*", [CouncilMember], [CouncilMember, Administrator], "council pages"),
        new("POST /api/v1/years/{year:int}/council/decisions", [CouncilMember], [CouncilMember, Administrator], "the council's vote"),
        new("POST /api/v1/years/{year:int}/council/finalise", [CouncilMember], [CouncilMember, Administrator], "finalising the year"),
        Only("POST /api/v1/years/{year:int}/council/reopen", "reopening a finalised year", Administrator),
        new("PUT /api/v1/years/{year:int}/council/*", [CouncilMember], [CouncilMember, Administrator], "council overrides"),
        new("DELETE /api/v1/years/{year:int}/council/*", [CouncilMember], [CouncilMember, Administrator], "council overrides"),
        new("POST /api/v1/years/{year:int}/appeals/units/{unit}", [UnitHead], [UnitHead], "an appeal is lodged by the unit head"),
        new("POST /api/v1/years/{year:int}/appeals/{id:int}/decision", [CouncilMember], [CouncilMember, Administrator], "appeal decisions"),
    ];

    // ---- The test -----------------------------------------------------------------------------------------------

    [Fact]
    public async Task EveryEndpointAndPageAllowsExactlyWhoItDeclaresAndTheSensitiveOnesWhoTheyMust()
    {
        var clients = await SignInEveryoneAsync();
        var endpoints = Routes();
        var problems = new List<string>();
        var observed = new Dictionary<string, HashSet<Principal>>();
        var probes = 0;

        foreach (var route in endpoints)
        {
            var expected = Expected(route.Endpoint, problems, route.Key);
            if (expected is null)
                continue;
            if (route.IsPublic)
            {
                observed[route.Key] = [.. Everyone];
                continue;
            }
            var allowed = new HashSet<Principal>();
            foreach (var principal in Everyone)
            {
                var outcome = await ProbeAsync(clients[principal], route);
                probes++;
                if (outcome.Route != route.Pattern)
                {
                    problems.Add($"{route.Key}: the probe {route.Method} {route.Path} reached '{outcome.Route ?? "no endpoint"}' (add a value for its route parameters in Fill)");
                    break;
                }
                if (outcome.Allowed)
                    allowed.Add(principal);
            }
            observed[route.Key] = allowed;
            if (!allowed.SetEquals(expected))
                problems.Add($"{route.Key}: declared for [{string.Join(", ", expected)}] but the app allowed [{string.Join(", ", allowed)}]");
        }

        var publicNow = endpoints.Where(r => r.IsPublic).Select(r => r.Key).ToHashSet();
        foreach (var route in publicNow.Except(PublicRoutes).Order())
            problems.Add($"{route} is open to anonymous callers but is not in PublicRoutes: add it there if it must be public, or declare who may use it");
        foreach (var route in PublicRoutes.Except(publicNow).Order())
        {
            if (endpoints.Any(r => r.Key == route))
                problems.Add($"{route} is listed in PublicRoutes but is no longer public");
            else
                output.WriteLine($"note: {route} is listed in PublicRoutes but not mapped");
        }

        foreach (var rule in Sensitive)
        {
            var matches = observed.Where(o => Matches(rule.Route, o.Key)).ToList();
            if (matches.Count == 0 && rule.Required)
                problems.Add($"sensitive rule '{rule.Route}' ({rule.Why}) matches no route");
            else if (matches.Count == 0)
                output.WriteLine($"note: sensitive rule '{rule.Route}' ({rule.Why}) matches no route yet");
            foreach (var (key, allowed) in matches)
            {
                var missing = rule.MustAllow.Where(p => !allowed.Contains(p)).ToList();
                var extra = allowed.Where(p => !rule.MayAllow.Contains(p)).ToList();
                if (missing.Count > 0)
                    problems.Add($"{key} ({rule.Why}) must allow [{string.Join(", ", missing)}]");
                if (extra.Count > 0)
                    problems.Add($"{key} ({rule.Why}) must not allow [{string.Join(", ", extra)}]");
            }
        }

        output.WriteLine(Render(endpoints, observed));
        output.WriteLine($"{endpoints.Count} routes × {Everyone.Length} principals = {endpoints.Count * Everyone.Length} cells; {probes} HTTP probes; {publicNow.Count} public routes.");
        Assert.True(endpoints.Count > 50, $"only {endpoints.Count} routes found");
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    /// <summary>
    /// Unit scope is the services' job (a policy only says "unit staff"): every GET route with a unit in its path that
    /// unit staff may call gives an officer of STP nothing of SNV. Run for real (no probe), GET only, so nothing changes.
    /// </summary>
    [Fact]
    public async Task UnitStaffGetNothingOfAnotherUnitFromRoutesScopedByUnit()
    {
        var clients = await SignInEveryoneAsync();
        var problems = new List<string>();
        var checkedRoutes = new List<string>();

        foreach (var route in Routes().Where(r => r.Method == "GET" && !r.IsPublic && HasUnitParameter(r.Endpoint.RoutePattern)))
        {
            var expected = Expected(route.Endpoint, problems, route.Key);
            if (expected is null || !expected.Overlaps(UnitStaff))
                continue;
            foreach (var staff in UnitStaff.Where(expected.Contains))
            {
                var other = Fill(route.Endpoint.RoutePattern, unit: "SNV");
                using var response = await clients[staff].GetAsync(other);
                checkedRoutes.Add($"{(int)response.StatusCode} {staff} {route.Key}");
                if (response.IsSuccessStatusCode)
                    problems.Add($"{route.Key}: {staff} of STP got {(int)response.StatusCode} for {other}");
            }
        }

        output.WriteLine(string.Join(Environment.NewLine, checkedRoutes));
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    private static bool HasUnitParameter(RoutePattern pattern) => pattern.Parameters.Any(p => p.Name.Equals("unit", StringComparison.OrdinalIgnoreCase));

    // ---- Routes -------------------------------------------------------------------------------------------------

    private sealed record ProbeRoute(RouteEndpoint Endpoint, string Method, string Pattern, string Path, bool IsPage)
    {
        public string Key => $"{(IsPage ? "PAGE" : Method)} {Pattern}";
        public bool IsPublic => Endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
    }

    /// <summary>Every route: API endpoints once per HTTP method, pages once (their handlers share one authorization rule).</summary>
    private List<ProbeRoute> Routes() => App.Service(services =>
        services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(endpoint =>
            {
                var pattern = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
                var isPage = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>() is not null
                             || endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.CompiledPageActionDescriptor>() is not null;
                var methods = isPage ? ["GET"] : endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
                return methods.Select(method => new ProbeRoute(endpoint, method, pattern, Fill(endpoint.RoutePattern), isPage));
            })
            .DistinctBy(r => r.Key)
            .OrderBy(r => r.Pattern, StringComparer.Ordinal).ThenBy(r => r.Method, StringComparer.Ordinal)
            .ToList());

    /// <summary>A concrete path for a route pattern, with values from the small city (SmallCity) where the name says what it is.</summary>
    private static string Fill(RoutePattern pattern, string unit = "STP")
    {
        var path = new StringBuilder();
        foreach (var segment in pattern.PathSegments)
        {
            path.Append('/');
            foreach (var part in segment.Parts)
            {
                path.Append(part switch
                {
                    RoutePatternLiteralPart literal => literal.Content,
                    RoutePatternSeparatorPart separator => separator.Content,
                    RoutePatternParameterPart parameter => Uri.EscapeDataString(ValueFor(parameter, unit)),
                    _ => "x",
                });
            }
        }
        return path.Length == 0 ? "/" : path.ToString();
    }

    private static string ValueFor(RoutePatternParameterPart parameter, string unit)
    {
        var constraints = parameter.ParameterPolicies.Select(p => p.Content ?? "").ToList();
        var isNumber = constraints.Any(c => c is "int" or "long" or "decimal" or "double" || c.StartsWith("min(", StringComparison.Ordinal) || c.StartsWith("range(", StringComparison.Ordinal));
        return parameter.Name.ToLowerInvariant() switch
        {
            "year" => "2025",
            "block" or "blockcode" => SmallCity.Block,
            "unit" or "unitcode" => unit,
            "code" when !isNumber => "STP",
            "node" or "nodecode" => "1.1",
            "month" => "3",
            "lang" or "culture" => "vi",
            _ when isNumber => "1",
            _ when constraints.Contains("guid") => Guid.Empty.ToString(),
            _ => "x",
        };
    }

    private static bool Matches(string rule, string key) =>
        rule.EndsWith('*') ? key.StartsWith(rule[..^1], StringComparison.Ordinal) : key == rule;

    // ---- Expectations from metadata ------------------------------------------------------------------------------

    /// <summary>Who the endpoint's metadata says may use it; null (with a problem) when it uses something the matrix cannot read.</summary>
    private static HashSet<Principal>? Expected(Endpoint endpoint, List<string> problems, string key)
    {
        if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            return [.. Everyone];
        if (endpoint.Metadata.GetOrderedMetadata<AuthorizationPolicy>().Count > 0)
        {
            problems.Add($"{key}: declares an AuthorizationPolicy object; name a policy in Policies instead so the matrix can read it");
            return null;
        }
        var rules = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>();
        // No rule at all: the fallback policy (any signed-in person). EndpointSecurityTests refuses such endpoints anyway.
        if (rules.Count == 0)
            return [.. People];
        // Several rules (a group's and the endpoint's) must all be met.
        var allowed = Everyone.Where(p => p != Anonymous).ToHashSet();
        foreach (var data in rules)
        {
            if (data.AuthenticationSchemes is not null)
            {
                problems.Add($"{key}: names authentication schemes on the endpoint; put them in a policy so the matrix can read it");
                return null;
            }
            if (data.Policy is null)
                allowed.IntersectWith(People);
            else if (PolicyHolders.TryGetValue(data.Policy, out var holders))
                allowed.IntersectWith(holders);
            else
            {
                problems.Add($"{key}: policy '{data.Policy}' is not in the matrix's PolicyHolders; add it with who may use it");
                return null;
            }
            if (data.Roles is not null)
            {
                var roles = data.Roles.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                allowed.RemoveWhere(p => p.Role is null || !roles.Contains(p.Role));
            }
        }
        return allowed;
    }

    // ---- Principals over HTTP -----------------------------------------------------------------------------------

    private async Task<Dictionary<Principal, HttpClient>> SignInEveryoneAsync()
    {
        await SmallCity.BuildAsync(App, publish: true);
        var clients = new Dictionary<Principal, HttpClient> { [Anonymous] = App.Anonymous() };
        foreach (var person in People)
        {
            // Appraisers belong to a lead agency (SNV leads 1.1 in the small city); unit staff to an assessed unit.
            var unit = person == Appraiser ? "SNV" : person == UnitOfficer || person == UnitHead ? "STP" : null;
            var email = $"{person.Name}@matrix.test";
            await CreateUserAsync(App, email, person.Role, unit);
            clients[person] = await App.SignInAsync(email, Password);
        }
        foreach (var token in Tokens)
            clients[token] = Bearer(App, await CreateTokenAsync(App, [token.Scope!], name: token.Name));
        return clients;
    }

    private sealed record ProbeOutcome(bool Allowed, string? Route);

    private static async Task<ProbeOutcome> ProbeAsync(HttpClient client, ProbeRoute route)
    {
        using var request = new HttpRequestMessage(new HttpMethod(route.Method), route.Path);
        request.Headers.Add(ProbeResultHandler.Header, "1");
        if (route.Method is "POST" or "PUT" or "PATCH")
        {
            // An empty body of a content type the endpoint accepts, so that routing selects it (uploads accept CSV, forms…).
            var accepts = route.Endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>()?.ContentTypes;
            var type = accepts is { Count: > 0 } ? accepts[0] : "application/json";
            request.Content = new StringContent(type.Contains("json") ? "{}" : "", Encoding.UTF8);
            request.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(type);
        }
        using var response = await client.SendAsync(request);
        var reached = response.Headers.TryGetValues(ProbeResultHandler.RouteHeader, out var values) ? values.First() : null;
        var allowed = response.StatusCode == HttpStatusCode.NoContent && response.Headers.Contains(ProbeResultHandler.AllowedHeader);
        var refused = response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
                      || IsRedirectTo(response, "/dang-nhap") || IsRedirectTo(response, "/tu-choi");
        if (!allowed && !refused)
            throw new InvalidOperationException($"{route.Key}: the probe {route.Method} {route.Path} answered {(int)response.StatusCode} {response.Headers.Location}, neither allowed nor refused");
        return new ProbeOutcome(allowed, reached);
    }

    /// <summary>
    /// Wraps the app's own result handler: when a probe's authorization succeeded, answers 204 instead of running the
    /// endpoint; otherwise the app's handler refuses as it always does. Either way it names the endpoint reached.
    /// </summary>
    private sealed class ProbeResultHandler(IAuthorizationMiddlewareResultHandler inner) : IAuthorizationMiddlewareResultHandler
    {
        public const string Header = "X-Authorization-Probe";
        public const string AllowedHeader = "X-Authorization-Allowed";
        public const string RouteHeader = "X-Authorization-Route";

        public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
        {
            if (!context.Request.Headers.ContainsKey(Header))
                return inner.HandleAsync(next, context, policy, authorizeResult);
            context.Response.Headers[RouteHeader] = context.GetEndpoint() is RouteEndpoint endpoint ? "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/') : "(none)";
            if (!authorizeResult.Succeeded)
                return inner.HandleAsync(next, context, policy, authorizeResult);
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            context.Response.Headers[AllowedHeader] = "1";
            return Task.CompletedTask;
        }
    }

    private static string Render(List<ProbeRoute> routes, Dictionary<string, HashSet<Principal>> observed)
    {
        var text = new StringBuilder();
        text.AppendLine(string.Join(" ", Everyone.Select((p, i) => $"{i}={p}")));
        foreach (var route in routes)
        {
            var cells = observed.TryGetValue(route.Key, out var allowed) ? string.Concat(Everyone.Select(p => allowed.Contains(p) ? "✓" : "·")) : "??????????";
            text.Append(cells).Append("  ").AppendLine(route.Key);
        }
        return text.ToString();
    }
}

public sealed class AuthorizationMatrixTestsOnSqlite(ITestOutputHelper output) : AuthorizationMatrixTests(DatabaseKind.Sqlite, output);

public sealed class AuthorizationMatrixTestsOnPostgres(ITestOutputHelper output) : AuthorizationMatrixTests(DatabaseKind.Postgres, output);
