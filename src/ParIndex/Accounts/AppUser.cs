using Microsoft.AspNetCore.Identity;

namespace ParIndex.Accounts;

public sealed class AppUser : IdentityUser
{
    public string? DisplayName { get; set; }

    /// <summary>The unit a unit officer or head works for; null for city-wide roles.</summary>
    public int? UnitId { get; set; }
}
