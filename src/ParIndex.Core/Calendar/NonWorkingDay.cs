namespace ParIndex.Core.Calendar;

/// <summary>Why a day is not worked.</summary>
public enum NonWorkingKind
{
    /// <summary>A Saturday or Sunday (weekly rest day of the civil service) with nothing else on it.</summary>
    Weekend,
    /// <summary>A public holiday of Labour Code 2019 art. 112, possibly falling on a weekend.</summary>
    Holiday,
    /// <summary>Nghỉ bù: a weekday off because a holiday fell on a weekend (art. 111(3)).</summary>
    MakeUpDay,
    /// <summary>Nghỉ hoán đổi: a weekday off in exchange for a weekend day worked, by the year's notice.</summary>
    SwappedDayOff,
    /// <summary>Any other day off granted by a notice.</summary>
    ExtraDayOff,
}

/// <summary>Which holiday a holiday or make-up day belongs to.</summary>
public enum Occasion
{
    None,
    /// <summary>Tết Dương lịch, 1 January.</summary>
    NewYearsDay,
    /// <summary>Tết Nguyên đán (Tết Âm lịch), five days.</summary>
    LunarNewYear,
    /// <summary>Giỗ Tổ Hùng Vương, 10th day of the 3rd lunar month.</summary>
    HungKings,
    /// <summary>Ngày Chiến thắng, 30 April.</summary>
    ReunificationDay,
    /// <summary>Ngày Quốc tế Lao động, 1 May.</summary>
    LabourDay,
    /// <summary>Quốc khánh, 2 September and one adjacent day.</summary>
    NationalDay,
    /// <summary>Ngày Văn hóa Việt Nam, 24 November (only when enabled, see <see cref="HolidayOptions"/>).</summary>
    CultureDay,
}

/// <summary>A day that is not a working day, with its reason in both languages.</summary>
/// <param name="Reference">The notice the day comes from, when it comes from one.</param>
public sealed record NonWorkingDay(
    DateOnly Date,
    NonWorkingKind Kind,
    Occasion Occasion,
    string ReasonVi,
    string ReasonEn,
    string? Reference = null)
{
    public string Reason(Language language) => language == Language.En ? ReasonEn : ReasonVi;
}

/// <summary>A Saturday or Sunday that is worked, because a notice moved its working day to a weekday.</summary>
public sealed record WorkedWeekendDay(DateOnly Date, DateOnly InExchangeFor, string ReasonVi, string ReasonEn, string? Reference = null)
{
    public string Reason(Language language) => language == Language.En ? ReasonEn : ReasonVi;
}

internal static class OccasionText
{
    /// <summary>The holiday's name as it appears in running text: "nghỉ Tết Nguyên đán".</summary>
    public static string NameVi(Occasion occasion) => occasion switch
    {
        Occasion.NewYearsDay => "Tết Dương lịch",
        Occasion.LunarNewYear => "Tết Nguyên đán",
        Occasion.HungKings => "Giỗ Tổ Hùng Vương",
        Occasion.ReunificationDay => "Ngày Chiến thắng",
        Occasion.LabourDay => "Ngày Quốc tế Lao động",
        Occasion.NationalDay => "Quốc khánh",
        Occasion.CultureDay => "Ngày Văn hóa Việt Nam",
        _ => "",
    };

    public static string NameEn(Occasion occasion) => occasion switch
    {
        Occasion.NewYearsDay => "New Year's Day",
        Occasion.LunarNewYear => "Lunar New Year (Tết)",
        Occasion.HungKings => "Hung Kings' Commemoration Day",
        Occasion.ReunificationDay => "Reunification Day",
        Occasion.LabourDay => "International Labour Day",
        Occasion.NationalDay => "National Day",
        Occasion.CultureDay => "Vietnamese Culture Day",
        _ => "",
    };
}
