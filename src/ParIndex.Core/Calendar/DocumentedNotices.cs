namespace ParIndex.Core.Calendar;

/// <summary>
/// Notices shipped with the product because we could document them; every other year starts from
/// <see cref="HolidayRules.DerivedNotice"/> until an administrator enters the year's notice.
/// The sources are listed in docs/calendar.md.
/// </summary>
public static class DocumentedNotices
{
    /// <summary>
    /// 2022: Tết Nhâm Dần Mon 31/1 – Fri 4/2 (29 Chạp – mùng 4) and National Day Thu 1/9 – Fri 2/9, as the
    /// Government Office conveyed the Prime Minister's agreement. No swap for the civil service is known to us.
    /// </summary>
    public static YearNotice Year2022 { get; } = new()
    {
        Year = 2022,
        TetDays = [new(2022, 1, 31), new(2022, 2, 1), new(2022, 2, 2), new(2022, 2, 3), new(2022, 2, 4)],
        NationalDaySecondDay = new(2022, 9, 1),
        Reference = "Công văn 245/VPCP-KGVX của Văn phòng Chính phủ",
        Note = "Tết 31/01–04/02/2022 và Quốc khánh 01–02/09/2022 theo Công văn 245/VPCP-KGVX (theo báo chí đưa tin); không có hoán đổi ngày làm việc đã biết.",
    };

    /// <summary>
    /// 2025 (ParIndex DOMAIN.md §7, a fact): Tết Ất Tỵ Mon 27 – Fri 31 Jan (28 Chạp – mùng 3); Friday 2 May off
    /// with Saturday 26 April worked; National Day Mon 1 – Tue 2 Sep; Hùng Kings' day Mon 7 Apr (by rule).
    /// </summary>
    public static YearNotice Year2025 { get; } = new()
    {
        Year = 2025,
        TetDays = [new(2025, 1, 27), new(2025, 1, 28), new(2025, 1, 29), new(2025, 1, 30), new(2025, 1, 31)],
        NationalDaySecondDay = new(2025, 9, 1),
        Swaps = [new DaySwap(new(2025, 5, 2), new(2025, 4, 26))],
        Reference = "Văn bản 8726/VPCP-KGVX ngày 26/11/2024 của Văn phòng Chính phủ",
        Note = "Ý kiến chỉ đạo của Thủ tướng về nghỉ Tết Âm lịch và một số dịp lễ năm 2025: nghỉ Tết 27–31/01; hoán đổi thứ Sáu 02/05 với thứ Bảy 26/04; Quốc khánh 01–02/09.",
    };

    public static IReadOnlyList<YearNotice> All { get; } = [Year2022, Year2025];
}
