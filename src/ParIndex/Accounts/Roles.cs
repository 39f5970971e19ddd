namespace ParIndex.Accounts;

/// <summary>Role names. The administrator (Sở Nội vụ) guards every management page and write endpoint.</summary>
public static class Roles
{
    public const string Administrator = "Administrator";
    public static readonly string[] All = [Administrator];
}

/// <summary>Authorization policy names, declared where each endpoint or page is mapped.</summary>
public static class Policies
{
    public const string Administrator = "Administrator";
}
