namespace ParIndex.Campaign;

/// <summary>What the administrator last did with a phase. Whether work is accepted also depends on its dates (<see cref="PhaseStatus"/>).</summary>
public enum PhaseState
{
    /// <summary>Never opened (dates may be set already).</summary>
    NotOpened,
    /// <summary>Opened by the administrator: work is accepted while today is within the phase's dates.</summary>
    Open,
    /// <summary>Closed by the administrator: no work is accepted whatever the dates say, until it is reopened with a reason.</summary>
    Closed,
}

/// <summary>
/// One phase of a year's campaign (DOMAIN.md §4): its dates and what the administrator did with it. Dates are
/// Vietnamese calendar dates; a phase runs from the start of <see cref="OpensOn"/> to the end (24:00, Asia/Ho_Chi_Minh)
/// of <see cref="ClosesOn"/>, the way a period in days ends under the Civil Code art. 148.
/// </summary>
public sealed class CampaignPhase
{
    public int Id { get; set; }
    public int Year { get; set; }
    public CampaignPhaseKind Kind { get; set; }
    public DateOnly? OpensOn { get; set; }
    public DateOnly? ClosesOn { get; set; }
    public PhaseState State { get; set; }
    public DateTime? OpenedAtUtc { get; set; }
    public string? OpenedBy { get; set; }
    public DateTime? ClosedAtUtc { get; set; }
    public string? ClosedBy { get; set; }

    /// <summary>The reason given with the last change (a reopening always has one).</summary>
    public string? Reason { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public string? UpdatedBy { get; set; }
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();
}
