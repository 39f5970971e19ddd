using System.Globalization;
using ParIndex.Core.Calendar;

namespace ParIndex.Core.Dossiers;

/// <summary>How dossier texts write dates and instants: dd/MM/yyyy and dd/MM/yyyy HH:mm in Vietnamese local time.</summary>
public static class DossierText
{
    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static string Stamp(DateTimeOffset instant) => DossierTimeline.Stamp(instant);

    /// <summary>The Vietnamese local date of an instant.</summary>
    public static DateOnly LocalDate(DateTimeOffset instant) => VietnamTime.LocalDate(instant);
}
