using System.Security.Claims;
using ParIndex.Accounts;

namespace ParIndex.Campaign;

/// <summary>Who may read what of the campaign, beyond the shared policies of <see cref="Policies"/>.</summary>
public static class CampaignPolicies
{
    /// <summary>Everyone taking part in the campaign: campaign readers (administrator, appraiser, council member, viewer) and unit staff.</summary>
    public const string Participant = "CampaignParticipant";

    public static readonly string[] ParticipantRoles = [Roles.Administrator, Roles.Appraiser, Roles.CouncilMember, Roles.Viewer, Roles.UnitOfficer, Roles.UnitHead];

    public static readonly string[] ReaderRoles = [Roles.Administrator, Roles.Appraiser, Roles.CouncilMember, Roles.Viewer];

    /// <summary>Campaign readers see every unit's progress; unit staff only their own unit's.</summary>
    public static bool MayReadUnit(UserScopeInfo? scope, string unitCode) =>
        scope is not null && (ReaderRoles.Any(scope.Roles.Contains) || scope.MayActForUnit(unitCode));

    public static bool IsReader(ClaimsPrincipal user) => ReaderRoles.Any(user.IsInRole);

    /// <summary>The Identity user id of the signed-in user (the claim Identity puts in the cookie).</summary>
    public static string UserId(ClaimsPrincipal user) => user.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? "";
}
