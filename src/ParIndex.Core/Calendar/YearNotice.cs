namespace ParIndex.Core.Calendar;

/// <summary>
/// What the government fixes each year for the civil service (Labour Code 2019 art. 112(3): the Prime
/// Minister decides the Tết days and the second National Day day; the ministry in charge announces them with
/// any swaps). Everything else — 1/1, 30/4, 1/5, 2/9, the Hùng Kings' day and the make-up rule — follows
/// from the law and the lunar calendar, see <see cref="HolidayRules"/>. Administrators edit these; a year
/// without an entered notice gets <see cref="HolidayRules.DerivedNotice"/>.
/// </summary>
public sealed record YearNotice
{
    public required int Year { get; init; }

    /// <summary>
    /// The five statutory Tết days, as the notice names them (weekend days included: a Tết day on a
    /// Saturday or Sunday earns a make-up day like any holiday).
    /// </summary>
    public required IReadOnlyList<DateOnly> TetDays { get; init; }

    /// <summary>The day next to 2 September that is also off: 1 or 3 September.</summary>
    public required DateOnly NationalDaySecondDay { get; init; }

    public IReadOnlyList<DaySwap> Swaps { get; init; } = [];
    public IReadOnlyList<ExtraDayOff> ExtraDaysOff { get; init; } = [];

    /// <summary>True when the notice was derived by rule rather than entered from a published notice.</summary>
    public bool Derived { get; init; }

    /// <summary>The notice (or direction) this comes from, e.g. "Văn bản 8726/VPCP-KGVX ngày 26/11/2024".</summary>
    public string? Reference { get; init; }

    /// <summary>Free text: where the figures were checked, what remains to verify.</summary>
    public string? Note { get; init; }

    /// <summary>Problems that make the notice unusable, each naming the field; empty when the notice is valid.</summary>
    public IReadOnlyList<NoticeError> Validate()
    {
        var errors = new List<NoticeError>();
        if (Year < LunarCalendar.MinYear || Year > LunarCalendar.MaxYear)
        {
            errors.Add(new(nameof(Year), $"Năm {Year} nằm ngoài phạm vi hỗ trợ {LunarCalendar.MinYear}–{LunarCalendar.MaxYear}.",
                $"Year {Year} is outside the supported range {LunarCalendar.MinYear}–{LunarCalendar.MaxYear}."));
            return errors;
        }

        var tet = LunarCalendar.NewYear(Year);
        if (TetDays.Count != 5 || TetDays.Distinct().Count() != 5)
            errors.Add(new(nameof(TetDays), "Phải có đúng 5 ngày nghỉ Tết Âm lịch, không trùng nhau (Bộ luật Lao động 2019, Điều 112).",
                "Exactly five distinct Lunar New Year days are required (Labour Code 2019, art. 112)."));
        foreach (var day in TetDays)
            if (Math.Abs(day.DayNumber - tet.DayNumber) > 10)
                errors.Add(new(nameof(TetDays), $"Ngày {CalendarText.Date(day)} cách mùng 1 Tết ({CalendarText.Date(tet)}) quá 10 ngày.",
                    $"{CalendarText.Date(day)} is more than ten days from the Lunar New Year ({CalendarText.Date(tet)})."));

        if (NationalDaySecondDay != new DateOnly(Year, 9, 1) && NationalDaySecondDay != new DateOnly(Year, 9, 3))
            errors.Add(new(nameof(NationalDaySecondDay), $"Ngày nghỉ Quốc khánh thứ hai phải là 01/09/{Year} hoặc 03/09/{Year}.",
                $"The second National Day day must be 01/09/{Year} or 03/09/{Year}."));

        foreach (var swap in Swaps)
        {
            if (IsWeekend(swap.DayOff))
                errors.Add(new(nameof(Swaps), $"Ngày nghỉ hoán đổi {CalendarText.DayVi(swap.DayOff)} phải là ngày trong tuần.",
                    $"The swapped day off {CalendarText.DayEn(swap.DayOff)} must be a weekday."));
            if (!IsWeekend(swap.WorkedDay))
                errors.Add(new(nameof(Swaps), $"Ngày làm bù {CalendarText.DayVi(swap.WorkedDay)} phải là thứ Bảy hoặc Chủ nhật.",
                    $"The day worked instead, {CalendarText.DayEn(swap.WorkedDay)}, must be a Saturday or Sunday."));
            if (swap.DayOff.Year != Year && swap.WorkedDay.Year != Year)
                errors.Add(new(nameof(Swaps), $"Hoán đổi {CalendarText.Date(swap.DayOff)} ↔ {CalendarText.Date(swap.WorkedDay)} không thuộc năm {Year}.",
                    $"The swap {CalendarText.Date(swap.DayOff)} ↔ {CalendarText.Date(swap.WorkedDay)} does not touch {Year}."));
        }
        foreach (var extra in ExtraDaysOff)
            if (extra.Date.Year != Year)
                errors.Add(new(nameof(ExtraDaysOff), $"Ngày nghỉ thêm {CalendarText.Date(extra.Date)} không thuộc năm {Year}.",
                    $"The extra day off {CalendarText.Date(extra.Date)} is not in {Year}."));
        return errors;
    }

    internal static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
}

/// <summary>
/// A weekday off in exchange for a weekend day worked (hoán đổi ngày làm việc), e.g. Friday 2 May 2025 off,
/// Saturday 26 April 2025 worked. The two days may lie in different years (Monday 31/12/2018 was swapped with
/// Saturday 5/1/2019); the swap belongs to the notice of either year.
/// </summary>
public sealed record DaySwap(DateOnly DayOff, DateOnly WorkedDay, string? Reference = null)
{
    public string DayOffReasonVi => $"Nghỉ hoán đổi, làm bù {CalendarText.DayVi(WorkedDay)}";
    public string DayOffReasonEn => $"Swapped day off; {CalendarText.DayEn(WorkedDay)} is worked instead";
    public string WorkedDayReasonVi => $"Làm bù cho ngày nghỉ {CalendarText.DayVi(DayOff)}";
    public string WorkedDayReasonEn => $"Worked in exchange for {CalendarText.DayEn(DayOff)} off";
}

/// <summary>A day off granted by a notice beyond the statutory holidays, with its reason.</summary>
public sealed record ExtraDayOff(DateOnly Date, string ReasonVi, string ReasonEn, string? Reference = null);

/// <summary>A problem in a notice, naming the field, in both languages.</summary>
public sealed record NoticeError(string Field, string MessageVi, string MessageEn)
{
    public string Message(Language language) => language == Language.En ? MessageEn : MessageVi;
}
