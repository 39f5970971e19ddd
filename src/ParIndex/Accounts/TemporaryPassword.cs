using System.Security.Cryptography;

namespace ParIndex.Accounts;

/// <summary>
/// Passwords an administrator hands over (new account, reset): three groups of four characters without look-alikes
/// (no 0/O, 1/l/I), always with upper case, lower case and a digit, so they meet the policy and can be read aloud.
/// </summary>
public static class TemporaryPassword
{
    private const string Upper = "ABCDEFGHJKMNPQRSTUVWXYZ";
    private const string Lower = "abcdefghijkmnpqrstuvwxyz";
    private const string Digits = "23456789";
    private const string All = Upper + Lower + Digits;

    public static string New()
    {
        while (true)
        {
            var text = RandomNumberGenerator.GetString(All, 12);
            if (text.Any(Upper.Contains) && text.Any(Lower.Contains) && text.Any(Digits.Contains))
                return $"{text[..4]}-{text[4..8]}-{text[8..]}";
        }
    }
}
