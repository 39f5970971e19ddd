using System.Security.Cryptography;
using System.Text;

namespace ParIndex.Surveys;

/// <summary>
/// One-time invitation tokens and device keys: 96 random bits written in Crockford base-32 (no I, L, O, U, so a
/// printed token can be typed without confusion), grouped by four. Only a SHA-256 hash of the normalised token is
/// stored; the hash is enough to look a token up, and the token cannot be recovered from it.
/// </summary>
public static class SurveyTokens
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string NewToken(int bytes = 12)
    {
        Span<byte> random = stackalloc byte[bytes];
        RandomNumberGenerator.Fill(random);
        var text = new StringBuilder();
        int buffer = 0, bits = 0;
        foreach (var b in random)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                text.Append(Alphabet[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        if (bits > 0)
            text.Append(Alphabet[(buffer << (5 - bits)) & 31]);
        return Group(text.ToString());
    }

    /// <summary>Upper case, separators removed, and the letters people confuse with digits mapped as Crockford does.</summary>
    public static string Normalize(string token)
    {
        var builder = new StringBuilder(token.Length);
        foreach (var c in token.Trim().ToUpperInvariant())
        {
            var mapped = c switch { 'O' => '0', 'I' or 'L' => '1', _ => c };
            if (Alphabet.Contains(mapped))
                builder.Append(mapped);
        }
        return builder.ToString();
    }

    /// <summary>The stored form: lower-case hex SHA-256 of the normalised token.</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(Normalize(token))));

    /// <summary>A token that cannot be one of ours (wrong length once normalised) is refused before any lookup.</summary>
    public static bool LooksValid(string? token) => token is not null && Normalize(token).Length is >= 16 and <= 32;

    public static string Group(string normalized)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < normalized.Length; i++)
        {
            if (i > 0 && i % 4 == 0)
                builder.Append('-');
            builder.Append(normalized[i]);
        }
        return builder.ToString();
    }
}
