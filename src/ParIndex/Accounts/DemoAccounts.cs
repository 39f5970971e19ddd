namespace ParIndex.Accounts;

/// <summary>The sign-ins the embedded demo creates and prints at start. Never created on a configured (production) database.</summary>
public static class DemoAccounts
{
    public const string AdminEmail = "admin@parindex.local";
    public const string AdminPassword = "ParIndex-Demo-2025";
}
