namespace ParIndex.Accounts.Tokens;

/// <summary>
/// A machine client's credential (the one-stop e-system, a counter rating device, a reporting tool). Only the
/// SHA-256 of the secret is stored; the secret is shown once when the token is created (docs/decisions/0008-api-tokens.md).
/// </summary>
public sealed class ApiToken
{
    public int Id { get; set; }
    public required string Name { get; set; }

    /// <summary>The public start of the secret ("pi_" and ten characters), unique, to look the token up and to recognise it in lists and logs.</summary>
    public required string Prefix { get; set; }

    /// <summary>Lower-case hex SHA-256 of the whole secret.</summary>
    public required string SecretHash { get; set; }

    /// <summary>Space-separated scopes (<see cref="Accounts.Scopes"/>), e.g. "dossiers:write ratings:write".</summary>
    public required string Scopes { get; set; }

    /// <summary>When set, the token may only send or read data of this unit (enforced by the endpoints through the unit claim).</summary>
    public int? UnitId { get; set; }
    public Units.Unit? Unit { get; set; }

    public DateTime CreatedAtUtc { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime? ExpiresAtUtc { get; set; }

    /// <summary>Accurate to about a minute: uses are recorded at most once a minute per token and app instance.</summary>
    public DateTime? LastUsedAtUtc { get; set; }
    public DateTime? RevokedAtUtc { get; set; }
    public string? RevokedBy { get; set; }

    public IReadOnlyList<string> ScopeList => Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public bool IsActiveAt(DateTime utc) => RevokedAtUtc is null && (ExpiresAtUtc is null || ExpiresAtUtc > utc);
}
