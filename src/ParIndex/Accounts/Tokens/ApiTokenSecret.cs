using System.Security.Cryptography;
using System.Text;

namespace ParIndex.Accounts.Tokens;

/// <summary>
/// The secret of an API token: <c>pi_</c>, a ten-character public id, <c>_</c>, and 32 random base-62 characters
/// (about 190 bits). The id finds the stored row; the whole secret is compared by its SHA-256 in constant time.
/// A slow password hash is not needed: the secret is random and long, not chosen by a person.
/// </summary>
public static class ApiTokenSecret
{
    public const string Marker = "pi_";
    private const int IdLength = 10;
    private const int SecretLength = 32;
    private const string IdAlphabet = "abcdefghijkmnpqrstuvwxyz23456789";
    private const string SecretAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary>A new secret and its prefix ("pi_" + id), the part that is stored in clear.</summary>
    public static (string Secret, string Prefix) New()
    {
        var prefix = Marker + RandomNumberGenerator.GetString(IdAlphabet, IdLength);
        return ($"{prefix}_{RandomNumberGenerator.GetString(SecretAlphabet, SecretLength)}", prefix);
    }

    /// <summary>The prefix of a presented secret, or null when it cannot be one of ours (refused before any lookup).</summary>
    public static string? PrefixOf(string? secret)
    {
        if (secret is null || secret.Length != Marker.Length + IdLength + 1 + SecretLength || !secret.StartsWith(Marker, StringComparison.Ordinal)
            || secret[Marker.Length + IdLength] != '_')
            return null;
        var id = secret.AsSpan(Marker.Length, IdLength);
        var random = secret.AsSpan(Marker.Length + IdLength + 1);
        foreach (var c in id)
            if (!IdAlphabet.Contains(c))
                return null;
        foreach (var c in random)
            if (!char.IsAsciiLetterOrDigit(c))
                return null;
        return secret[..(Marker.Length + IdLength)];
    }

    /// <summary>Lower-case hex SHA-256, the stored form.</summary>
    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>Compares a presented secret with a stored hash in time that does not depend on where they differ.</summary>
    public static bool Matches(string secret, string storedHash)
    {
        Span<byte> presented = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(secret), presented);
        Span<byte> stored = stackalloc byte[SHA256.HashSizeInBytes];
        if (storedHash.Length != SHA256.HashSizeInBytes * 2 || !Convert.FromHexString(storedHash, stored, out _, out var written).Equals(System.Buffers.OperationStatus.Done) || written != stored.Length)
            return false;
        return CryptographicOperations.FixedTimeEquals(presented, stored);
    }
}
