using System.Globalization;

namespace ParIndex.Core.Scoring;

/// <summary>
/// Numbers in explanation texts: Vietnamese uses a decimal comma and a dot for thousands (1.234,5),
/// English the reverse. The separators are fixed here rather than read from ICU so the texts do not
/// change with the ICU version of the host. Display follows <see cref="Rounding.Round2"/>.
/// </summary>
internal static class NumberText
{
    private const int DisplayDecimals = 2;
    private static readonly NumberFormatInfo ViInfo = new() { NumberDecimalSeparator = ",", NumberGroupSeparator = ".", NegativeSign = "-" };
    private static readonly NumberFormatInfo EnInfo = NumberFormatInfo.InvariantInfo;
    private static readonly string[] Patterns = [.. Enumerable.Range(0, 29).Select(d => d == 0 ? "#,##0" : "#,##0." + new string('#', d))];

    /// <summary>Two decimals at most, trailing zeros dropped: 1,5 · 89,96 · 1.234.</summary>
    public static string Vi(decimal value) => Format(value, DisplayDecimals, Language.Vi);

    public static string En(decimal value) => Format(value, DisplayDecimals, Language.En);

    public static string ViAgainst(decimal value, decimal bound) => Format(value, DecimalsFor(value, bound), Language.Vi);

    public static string EnAgainst(decimal value, decimal bound) => Format(value, DecimalsFor(value, bound), Language.En);

    /// <summary>
    /// How many decimals (at least two) the printed <paramref name="value"/> needs to stay on the same side
    /// of <paramref name="bound"/> as the exact one, so a text never reads "80 &lt; 80" for 79.996.
    /// </summary>
    public static int DecimalsFor(decimal value, decimal bound)
    {
        var atOrAbove = value >= bound;
        for (var decimals = DisplayDecimals; decimals < 28; decimals++)
        {
            if (Math.Round(value, decimals, MidpointRounding.AwayFromZero) >= bound == atOrAbove)
                return decimals;
        }
        return 28;
    }

    public static string Format(decimal value, int decimals, Language language)
    {
        var rounded = Math.Round(value, decimals, MidpointRounding.AwayFromZero);
        if (rounded == 0)
            rounded = 0m; // never print a negative zero
        return rounded.ToString(Patterns[decimals], language == Language.Vi ? ViInfo : EnInfo);
    }
}
