using ParIndex.Accounts;
using ParIndex.Core.Frameworks;

namespace ParIndex.Assessments;

/// <summary>
/// Who may see and change what in the campaign, checked by the services (the endpoint policies only say which
/// roles may call): unit staff their own unit, appraisers the leaves their agency leads, administrators, council
/// members and viewers read everything.
/// </summary>
public static class CampaignAccess
{
    public static bool ReadsEverything(UserScopeInfo who) =>
        who.IsAdministrator || who.Roles.Contains(Roles.CouncilMember) || who.Roles.Contains(Roles.Viewer);

    public static bool MayReadUnit(UserScopeInfo who, string unitCode) => who.MayActForUnit(unitCode) || ReadsEverything(who);

    public static bool IsUnitHead(UserScopeInfo who, string unitCode) => who.Roles.Contains(Roles.UnitHead) && who.UnitCode == unitCode;

    /// <summary>Leaves whose value comes from data (dossiers, surveys) and is never typed in by the unit.</summary>
    public static bool IsFedByData(FrameworkNode node) => node.Method is MetricMethod or SurveyMethod;
}
