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
    /// <summary>Any valid API token, whatever its scopes (a machine client checking its own token).</summary>
    public const string Machine = "Machine";
    /// <summary>Machine clients with a results:read token (reading results in progress, not only published ones).</summary>
    public const string MachineResults = "Machine:results";
    /// <summary>An administrator signed in with the cookie, or a machine client with a dossiers:write token (the dossier batch API).</summary>
    public const string AdministratorOrMachineDossiers = "Administrator|Machine:dossiers";
    /// <summary>An administrator signed in with the cookie, or a machine client with a ratings:write token.</summary>
    public const string AdministratorOrMachineRatings = "Administrator|Machine:ratings";
}

/// <summary>What an API token allows (docs/security.md). A token carries one or more scopes and never a role.</summary>
public static class Scopes
{
    public const string DossiersWrite = "dossiers:write";
    public const string RatingsWrite = "ratings:write";
    public const string ResultsRead = "results:read";

    public static readonly string[] All = [DossiersWrite, RatingsWrite, ResultsRead];

    public static string Describe(string scope) => scope switch
    {
        DossiersWrite => Web.Text.T("Gửi hồ sơ một cửa (hệ thống một cửa điện tử)", "Send one-stop dossiers (the one-stop e-system)"),
        RatingsWrite => Web.Text.T("Gửi đánh giá tại quầy (thiết bị đánh giá)", "Send counter ratings (rating devices)"),
        ResultsRead => Web.Text.T("Đọc kết quả, kể cả chưa công bố", "Read results, including unpublished ones"),
        _ => scope,
    };
}
