using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ParIndex.Data;

namespace ParIndex.Accounts;

/// <summary>What a signed-in person may touch: their roles and, for unit-scoped roles, their unit.</summary>
public sealed record UserScopeInfo(string UserId, string UserName, IReadOnlySet<string> Roles, int? UnitId, string? UnitCode)
{
    public bool IsAdministrator => Roles.Contains(Accounts.Roles.Administrator);

    /// <summary>Unit officers and heads act on their own unit only.</summary>
    public bool MayActForUnit(string unitCode) =>
        (Roles.Contains(Accounts.Roles.UnitOfficer) || Roles.Contains(Accounts.Roles.UnitHead)) && UnitCode == unitCode;

    /// <summary>Appraisers act only on criteria whose lead agency is their unit.</summary>
    public bool MayAppraise(string? leadAgencyCode) =>
        Roles.Contains(Accounts.Roles.Appraiser) && leadAgencyCode is not null && UnitCode == leadAgencyCode;
}

/// <summary>Resolves a signed-in user's scope (one query per request).</summary>
public sealed class UserScope(AppDbContext db, UserManager<AppUser> users)
{
    public async Task<UserScopeInfo?> OfAsync(ClaimsPrincipal principal, CancellationToken cancellationToken = default)
    {
        var id = users.GetUserId(principal);
        if (id is null)
            return null;
        var user = await db.Users.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new { u.Id, u.UserName, u.UnitId, UnitCode = db.Units.Where(x => x.Id == u.UnitId).Select(x => x.Code).FirstOrDefault() })
            .FirstOrDefaultAsync(cancellationToken);
        if (user is null)
            return null;
        var roles = principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet();
        return new UserScopeInfo(user.Id, user.UserName ?? "", roles, user.UnitId, user.UnitCode);
    }
}
