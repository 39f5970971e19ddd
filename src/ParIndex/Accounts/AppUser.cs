using Microsoft.AspNetCore.Identity;

namespace ParIndex.Accounts;

public sealed class AppUser : IdentityUser
{
    public string? DisplayName { get; set; }

    /// <summary>The unit a unit officer or head works for, or the lead agency of an appraiser; null for city-wide roles.</summary>
    public int? UnitId { get; set; }
    public Units.Unit? Unit { get; set; }

    /// <summary>Set when an administrator created the account or reset its password: the temporary password must be replaced at the next sign-in.</summary>
    public bool MustChangePassword { get; set; }

    public DateTime CreatedAtUtc { get; set; }
    public DateTime? LastSignInAtUtc { get; set; }
}
