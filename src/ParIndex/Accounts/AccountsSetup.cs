using Microsoft.AspNetCore.Identity;
using ParIndex.Data;

namespace ParIndex.Accounts;

public static class AccountsSetup
{
    /// <summary>ASP.NET Core Identity with cookie sign-in, a sensible password policy and lockout; API calls get 401/403, not redirects.</summary>
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
                options.User.RequireUniqueEmail = true;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddDefaultTokenProviders();

        builder.Services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/dang-nhap";
            options.AccessDeniedPath = "/tu-choi";
            options.Cookie.Name = "parindex.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.SlidingExpiration = true;
            options.Events.OnRedirectToLogin = context => RespondOrRedirect(context, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => RespondOrRedirect(context, StatusCodes.Status403Forbidden);
        });

        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Administrator, policy => policy.RequireRole(Roles.Administrator))
            .AddPolicy(Policies.UnitStaff, policy => policy.RequireRole(Roles.UnitOfficer, Roles.UnitHead))
            .AddPolicy(Policies.UnitHead, policy => policy.RequireRole(Roles.UnitHead))
            .AddPolicy(Policies.Appraiser, policy => policy.RequireRole(Roles.Appraiser))
            .AddPolicy(Policies.CouncilMember, policy => policy.RequireRole(Roles.CouncilMember))
            .AddPolicy(Policies.CampaignReader, policy => policy.RequireRole(Roles.Administrator, Roles.Appraiser, Roles.CouncilMember, Roles.Viewer))
            // An endpoint or page that does not state who may use it is closed to anonymous users.
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        builder.Services.AddScoped<UserScope>();
        return builder;
    }

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
