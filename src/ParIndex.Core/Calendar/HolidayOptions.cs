namespace ParIndex.Core.Calendar;

/// <summary>Switches for rules that are not (yet) settled law.</summary>
public sealed record HolidayOptions
{
    public static HolidayOptions Default { get; } = new();

    /// <summary>
    /// Treat 24 November, Vietnamese Culture Day (Ngày Văn hóa Việt Nam), as a paid holiday from
    /// <see cref="CultureDayFirstYear"/>. Off by default: in 2025 this was reported as a policy decision
    /// to give the day off, but as of writing we have not seen it written into the Labour Code's art. 112
    /// or a government decree. Verify the legal text before enabling it; when enabled it behaves like any
    /// other statutory holiday (a weekend 24/11 earns a make-up day).
    /// </summary>
    public bool VietnameseCultureDay { get; init; }

    public int CultureDayFirstYear { get; init; } = 2026;
}
