namespace ParIndex.Accounts;

/// <summary>
/// Role names (DOMAIN.md §1). Unit officers and heads are scoped to one unit (AppUser.UnitId); appraisers
/// belong to a lead agency (AppUser.UnitId is the agency's unit) and act only on the criteria it leads.
/// </summary>
public static class Roles
{
    /// <summary>Sở Nội vụ: sets criteria, opens and closes phases, manages users, publishes.</summary>
    public const string Administrator = "Administrator";
    /// <summary>A member of a lead appraising agency.</summary>
    public const string Appraiser = "Appraiser";
    /// <summary>Self-assesses the unit's criteria with evidence and explains adjustments.</summary>
    public const string UnitOfficer = "UnitOfficer";
    /// <summary>Reviews and submits the unit's self-assessment.</summary>
    public const string UnitHead = "UnitHead";
    /// <summary>A member of the appraisal council.</summary>
    public const string CouncilMember = "CouncilMember";
    /// <summary>Reads everything in progress, changes nothing (inspectors, leaders).</summary>
    public const string Viewer = "Viewer";

    public static readonly string[] All = [Administrator, Appraiser, UnitOfficer, UnitHead, CouncilMember, Viewer];

    /// <summary>Roles whose users must be attached to a unit.</summary>
    public static readonly string[] UnitScoped = [Appraiser, UnitOfficer, UnitHead];
}

/// <summary>Authorization policy names, declared where each endpoint or page is mapped.</summary>
public static class Policies
{
    public const string Administrator = "Administrator";
    /// <summary>Unit officers and unit heads (further scoped to their own unit by the services).</summary>
    public const string UnitStaff = "UnitStaff";
    /// <summary>The unit head only (submitting a self-assessment).</summary>
    public const string UnitHead = "UnitHead";
    /// <summary>Appraisers (further scoped to the criteria their agency leads).</summary>
    public const string Appraiser = "Appraiser";
    public const string CouncilMember = "CouncilMember";
    /// <summary>Anyone signed in who may read the campaign in progress: administrator, appraiser, council member, viewer.</summary>
    public const string CampaignReader = "CampaignReader";
    /// <summary>Machine clients (one-stop system, counter devices) with an API token of the given scope.</summary>
    public const string MachineDossiers = "Machine:dossiers";
    public const string MachineRatings = "Machine:ratings";
}
