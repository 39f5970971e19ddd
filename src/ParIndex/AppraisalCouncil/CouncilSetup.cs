using ParIndex.Accounts;
using ParIndex.Appeals;

namespace ParIndex.AppraisalCouncil;

/// <summary>Who may act as the council: its members, and administrators (the Department of Home Affairs runs its secretariat).</summary>
public static class CouncilPolicies
{
    public const string Council = "Council";

    public static readonly string[] Roles = [Accounts.Roles.CouncilMember, Accounts.Roles.Administrator];
}

/// <summary>The council and re-examination services and policy (ParIndexSetup calls this with one line).</summary>
public static class CouncilSetup
{
    public static IHostApplicationBuilder AddCouncil(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<CouncilService>();
        builder.Services.AddScoped<CouncilLock>();
        builder.Services.AddScoped<AppealService>();
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(CouncilPolicies.Council, policy => policy.RequireRole(CouncilPolicies.Roles))
            .AddPolicy(AppealPolicies.Reader, policy => policy.RequireRole(AppealPolicies.ReaderRoles));
        return builder;
    }
}
