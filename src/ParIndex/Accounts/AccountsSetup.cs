using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using ParIndex.Accounts.Tokens;
using ParIndex.Data;

namespace ParIndex.Accounts;

public static class AccountsSetup
{
    /// <summary>
    /// People: ASP.NET Core Identity with cookie sign-in, a password policy, lockout, a temporary password that must be
    /// changed, and sessions re-checked every minute (a removed role or a lock takes effect without waiting for the
    /// cookie to expire). Machines: API tokens on the Bearer scheme, only where a Machine policy asks for them.
    /// API calls get 401/403, not redirects. docs/security.md.
    /// </summary>
    public static IHostApplicationBuilder AddParIndexAccounts(this IHostApplicationBuilder builder)
    {
        builder.Services
            .AddIdentity<AppUser, IdentityRole>(options =>
            {
                options.Password.RequiredLength = 10;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequireUppercase = true;
                options.Password.RequireLowercase = true;
                options.Password.RequireDigit = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = true;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<VietnameseIdentityErrors>()
            .AddClaimsPrincipalFactory<AppUserClaimsFactory>();

        builder.Services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/dang-nhap";
            options.AccessDeniedPath = "/tu-choi";
            options.Cookie.Name = "parindex.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            // A working day, renewed while the person works.
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
            options.Events.OnRedirectToLogin = context => RespondOrRedirect(context, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => RespondOrRedirect(context, StatusCodes.Status403Forbidden);
        });
        // Every session is re-read from the database this often: roles and claims are rebuilt, and a session whose
        // security stamp changed (locked, password reset) ends.
        builder.Services.Configure<SecurityStampValidatorOptions>(options =>
            options.ValidationInterval = TimeSpan.FromSeconds(builder.Configuration.GetValue("Accounts:SessionRecheckSeconds", 60)));

        builder.Services.Configure<ApiTokenOptions>(builder.Configuration.GetSection("Accounts:Tokens"));
        builder.Services.AddAuthentication()
            .AddScheme<ApiTokenAuthenticationOptions, ApiTokenAuthenticationHandler>(TokenClaims.Scheme, null);

        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Administrator, policy => policy.RequireRole(Roles.Administrator))
            .AddPolicy(Policies.UnitStaff, policy => policy.RequireRole(Roles.UnitOfficer, Roles.UnitHead))
            .AddPolicy(Policies.UnitHead, policy => policy.RequireRole(Roles.UnitHead))
            .AddPolicy(Policies.Appraiser, policy => policy.RequireRole(Roles.Appraiser))
            .AddPolicy(Policies.CouncilMember, policy => policy.RequireRole(Roles.CouncilMember))
            .AddPolicy(Policies.CampaignReader, policy => policy.RequireRole(Roles.Administrator, Roles.Appraiser, Roles.CouncilMember, Roles.Viewer))
            .AddPolicy(Policies.Machine, policy => policy.AddAuthenticationSchemes(TokenClaims.Scheme).RequireAuthenticatedUser())
            .AddPolicy(Policies.MachineDossiers, policy => MachineOnly(policy, Scopes.DossiersWrite))
            .AddPolicy(Policies.MachineRatings, policy => MachineOnly(policy, Scopes.RatingsWrite))
            .AddPolicy(Policies.MachineResults, policy => MachineOnly(policy, Scopes.ResultsRead))
            .AddPolicy(Policies.AdministratorOrMachineDossiers, policy => AdministratorOrMachine(policy, Scopes.DossiersWrite))
            .AddPolicy(Policies.AdministratorOrMachineRatings, policy => AdministratorOrMachine(policy, Scopes.RatingsWrite))
            // An endpoint or page that does not state who may use it is closed to anonymous users.
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, PasswordChangeGate>();

        builder.Services.AddScoped<UserScope>();
        builder.Services.AddScoped<UserAdministration>();
        builder.Services.AddScoped<AccountSignIn>();
        builder.Services.AddScoped<ApiTokenService>();
        builder.Services.AddSingleton<ApiTokenCache>();
        builder.Services.AddSingleton<ApiTokenUsage>();
        return builder;
    }

    /// <summary>A token with the scope, on the Bearer scheme only: a signed-in person (cookie) is not a machine.</summary>
    private static void MachineOnly(AuthorizationPolicyBuilder policy, string scope) => policy
        .AddAuthenticationSchemes(TokenClaims.Scheme)
        .RequireAuthenticatedUser()
        .RequireClaim(TokenClaims.Scope, scope);

    /// <summary>An administrator's cookie or a token with the scope. Token principals never carry roles, so the role test cannot be met by a token.</summary>
    private static void AdministratorOrMachine(AuthorizationPolicyBuilder policy, string scope) => policy
        .AddAuthenticationSchemes(IdentityConstants.ApplicationScheme, TokenClaims.Scheme)
        .RequireAuthenticatedUser()
        .RequireAssertion(context => context.User.IsInRole(Roles.Administrator) || context.User.HasClaim(TokenClaims.Scope, scope));

    private static Task RespondOrRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
