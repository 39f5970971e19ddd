using System.Globalization;
using System.Text;

namespace ParIndex.Demo;

/// <summary>
/// Text helpers for the demo content. Diacritics are stripped with an explicit table rather than Unicode
/// normalisation so that codes and English names do not depend on the ICU data of the host.
/// </summary>
internal static class DemoText
{
    private const string Accented = "àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ";

    private static readonly string Plain =
        new string('a', 17) + new string('e', 11) + new string('i', 5) + new string('o', 17) + new string('u', 11) + new string('y', 5) + "d";

    /// <summary>"Bến Nghé" → "Ben Nghe".</summary>
    public static string Ascii(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var index = Accented.IndexOf(char.ToLowerInvariant(c));
            if (index < 0)
                builder.Append(c);
            else
                builder.Append(char.IsUpper(c) ? char.ToUpperInvariant(Plain[index]) : Plain[index]);
        }
        return builder.ToString();
    }

    /// <summary>"Bến Nghé" → "BENNGHE": letters and digits only, upper case.</summary>
    public static string Slug(string text) =>
        new string(Ascii(text).Where(char.IsAsciiLetterOrDigit).Select(char.ToUpperInvariant).ToArray());

    /// <summary>Points the Vietnamese way: 0,5 · 1 · 0,25.</summary>
    public static string Vi(decimal value) => value.ToString("0.###", CultureInfo.InvariantCulture).Replace('.', ',');

    public static string En(decimal value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>A count the Vietnamese way: 12.345.</summary>
    public static string Count(int value) => value.ToString("N0", CultureInfo.InvariantCulture).Replace(',', '.');
}
