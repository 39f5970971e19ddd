using System.Globalization;

namespace ParIndex.Web;

/// <summary>
/// UI text is written in both languages side by side at the place it is shown (<c>T("Xếp hạng", "Rank")</c>),
/// so a Vietnamese string can never go missing for a page. See docs/decisions/0003-inline-bilingual-text.md.
/// </summary>
public static class Text
{
    public static string T(string vi, string en) => UiLanguage.IsEnglish ? en : vi;

    /// <summary>Published figures: two decimals, comma in Vietnamese (see docs/methodology-index.md for the rounding rule).</summary>
    public static string Number(decimal value, int decimals = 2) =>
        Math.Round(value, decimals, MidpointRounding.AwayFromZero).ToString("N" + decimals, CultureInfo.CurrentCulture);

    public static string Number(decimal? value, int decimals = 2) => value is null ? "—" : Number(value.Value, decimals);

    /// <summary>A signed change such as +1,25 or −3; zero is shown as 0.</summary>
    public static string Signed(decimal? value, int decimals = 2)
    {
        if (value is null)
            return "—";
        var text = Number(Math.Abs(value.Value), decimals);
        return value > 0 ? "+" + text : value < 0 ? "−" + text : text;
    }

    public static string Signed(int? value) => value is null ? "—" : value > 0 ? $"+{value}" : value < 0 ? $"−{-value}" : "0";

    /// <summary>Dates are shown dd/MM/yyyy in both languages; instants are shown in Asia/Ho_Chi_Minh.</summary>
    public static string Date(DateOnly? date) => date?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? "—";

    public static string DateTimeLocal(DateTime? utc) =>
        utc is null ? "—" : Core.Calendar.VietnamTime.ToLocal(new DateTimeOffset(DateTime.SpecifyKind(utc.Value, DateTimeKind.Utc))).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);
}
