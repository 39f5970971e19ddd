using System.Security.Claims;

namespace ParIndex.Web;

public static class Actor
{
    /// <summary>The name recorded in the audit trail for a signed-in user.</summary>
    public static string Of(ClaimsPrincipal user) => user.Identity?.Name ?? "anonymous";

    /// <summary>The audit name of CLI verbs: the OS user running them.</summary>
    public static string Cli => "cli:" + Environment.UserName;
}
