using ParIndex.Core.Calendar;

namespace ParIndex.Dossiers;

/// <summary>Government level at which a procedure is handled.</summary>
public enum ProcedureLevel
{
    Central,
    Province,
    District,
    Commune,
}

/// <summary>Online public service level since 2022: end-to-end (toàn trình), partial (một phần), or none.</summary>
public enum OnlineLevel
{
    None,
    Partial,
    EndToEnd,
}

/// <summary>An administrative procedure (thủ tục hành chính) of the catalogue, with what its deadline depends on.</summary>
public sealed class Procedure
{
    public int Id { get; set; }

    /// <summary>Code as in the national database of procedures (e.g. "1.001234").</summary>
    public required string Code { get; set; }
    public required string NameVi { get; set; }
    public string? NameEn { get; set; }
    public required string Sector { get; set; }
    public ProcedureLevel Level { get; set; }

    /// <summary>Processing time in <see cref="ProcessingUnit"/> (working days, calendar days or hours).</summary>
    public decimal ProcessingTime { get; set; }
    public DeadlineUnit ProcessingUnit { get; set; }

    /// <summary>A dossier received after 15:00 counts from the next working day (certified copies, civil status, …).</summary>
    public bool AfterCutOffCountsNextDay { get; set; }
    public bool FeeBearing { get; set; }
    public OnlineLevel OnlineLevel { get; set; }
}
