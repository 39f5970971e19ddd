using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ParIndex.Accounts;

/// <summary>Claims ParIndex adds to a person's sign-in cookie (rebuilt at every security-stamp check).</summary>
public static class AccountClaims
{
    /// <summary>Present ("true") while the user signs in with a temporary password set by an administrator.</summary>
    public const string MustChangePassword = "parindex:must_change_password";
    public const string DisplayName = "parindex:display_name";

    public static bool MustChange(ClaimsPrincipal user) => user.HasClaim(MustChangePassword, "true");
}

/// <summary>Builds the cookie principal: Identity's claims (id, name, roles, security stamp) plus the must-change flag and display name.</summary>
public sealed class AppUserClaimsFactory(UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.MustChangePassword)
            identity.AddClaim(new Claim(AccountClaims.MustChangePassword, "true"));
        if (!string.IsNullOrWhiteSpace(user.DisplayName))
            identity.AddClaim(new Claim(AccountClaims.DisplayName, user.DisplayName));
        return identity;
    }
}

/// <summary>Marks the pages a user with a temporary password may still open: changing it, and signing out.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class AllowedBeforePasswordChangeAttribute : Attribute;

/// <summary>
/// After authorization succeeds, a user who must change a temporary password is sent to /doi-mat-khau (pages)
/// or refused with 403 (API) until they do. Public pages (AllowAnonymous) never reach this handler.
/// </summary>
public sealed class PasswordChangeGate : IAuthorizationMiddlewareResultHandler
{
    public const string ChangePath = "/doi-mat-khau";
    private readonly AuthorizationMiddlewareResultHandler standard = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Succeeded && AccountClaims.MustChange(context.User)
            && context.GetEndpoint()?.Metadata.GetMetadata<AllowedBeforePasswordChangeAttribute>() is null)
        {
            if (context.Request.Path.StartsWithSegments("/api"))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                await Microsoft.AspNetCore.Http.Results.Problem(statusCode: StatusCodes.Status403Forbidden,
                    title: Web.Text.T("Cần đổi mật khẩu tạm trước", "Change the temporary password first"),
                    detail: Web.Text.T($"Hãy đổi mật khẩu tại {ChangePath}.", $"Change the password at {ChangePath}.")).ExecuteAsync(context);
                return;
            }
            var back = context.Request.Path + context.Request.QueryString;
            context.Response.Redirect($"{ChangePath}?returnUrl={Uri.EscapeDataString(back)}");
            return;
        }
        await standard.HandleAsync(next, context, policy, authorizeResult);
    }
}
