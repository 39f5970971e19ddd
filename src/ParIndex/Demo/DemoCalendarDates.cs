namespace ParIndex.Demo;

/// <summary>The dates the demo city's history turns on.</summary>
internal static class DemoCalendarDates
{
    /// <summary>Two-level local government and the merged city (Nghị quyết 202/2025/QH15, 1685/NQ-UBTVQH15) take effect.</summary>
    public static readonly DateOnly Reform = new(2025, 7, 1);

    public static readonly DateOnly LastDayBeforeReform = new(2025, 6, 30);
}
