namespace ParIndex.Calendar;

/// <summary>
/// A year's government notice on days off (Tết days, the second National Day day, swapped working Saturdays,
/// extra days off) as an administrator entered it; stored as the JSON of <see cref="Core.Calendar.YearNotice"/>.
/// Years without a stored notice use the documented notices shipped with the app, or defaults derived by rule.
/// </summary>
public sealed class CalendarNotice
{
    public int Id { get; set; }
    public int Year { get; set; }
    public required string NoticeJson { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public string? UpdatedBy { get; set; }
}
