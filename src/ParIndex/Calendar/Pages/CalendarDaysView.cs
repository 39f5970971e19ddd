namespace ParIndex.Calendar.Pages;

/// <summary>The model of the shared list of a year's days off.</summary>
public sealed record CalendarDaysView(CalendarYear Calendar, bool ShowWeekends);
