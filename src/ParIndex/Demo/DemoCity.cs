using ParIndex.Core.Lineage;

namespace ParIndex.Demo;

/// <summary>
/// The demo city, modelled on Ho Chi Minh City: its units before and after the 1 July 2025 reform, the
/// blocks assessed each year, the lineage between them and the agencies leading each field's appraisal.
/// Pure data: the seeder stores it.
/// </summary>
public static class DemoCity
{
    public const string NameVi = "Thành phố Hồ Chí Minh";
    public const string NameEn = "Ho Chi Minh City";

    /// <summary>The day the merged city and its two-level government start.</summary>
    public static DateOnly ReformDate => DemoCalendarDates.Reform;

    public static IReadOnlyList<int> Years { get; } = [2023, 2024, 2025];

    /// <summary>Every unit: departments, districts, old wards (with their district as parent) and new wards.</summary>
    public static IReadOnlyList<DemoUnit> Units { get; } =
        [.. DemoDepartments.All, .. DemoDistricts.Units, .. DemoDistricts.OldWardUnits, .. DemoWards.Units];

    private static readonly Dictionary<string, DemoUnit> ByCode = Units.ToDictionary(u => u.Code);

    public static IReadOnlyList<DemoBlock> Blocks { get; } =
    [
        new(2023, "SBN", "Khối sở, ban, ngành", "Departments and agencies", DemoDepartments.Block2023),
        new(2023, "QH", "Khối UBND thành phố Thủ Đức, quận, huyện", "Thu Duc City and districts", DemoDistricts.BlockCodes),
        new(2024, "SBN", "Khối sở, ban, ngành", "Departments and agencies", DemoDepartments.Block2023),
        new(2024, "QH", "Khối UBND thành phố Thủ Đức, quận, huyện", "Thu Duc City and districts", DemoDistricts.BlockCodes),
        new(2025, "SBN", "Khối sở, ban, ngành", "Departments and agencies", DemoDepartments.Block2025),
        new(2025, "PX", "Khối UBND phường, xã, đặc khu", "Wards, communes and special zone", DemoWards.BlockCodes),
    ];

    /// <summary>Successions effective 1 July 2025 (merges, splits, renames).</summary>
    public static IReadOnlyList<Succession> Lineage => DemoLineage.All;

    public static DemoUnit Unit(string code) =>
        ByCode.TryGetValue(code, out var unit) ? unit : throw new KeyNotFoundException($"The demo city has no unit '{code}'.");

    public static bool TryGetUnit(string code, out DemoUnit unit) => ByCode.TryGetValue(code, out unit!);

    public static IEnumerable<DemoBlock> BlocksOf(int year) => Blocks.Where(b => b.Year == year);

    public static DemoBlock Block(int year, string code) =>
        Blocks.SingleOrDefault(b => b.Year == year && b.Code == code)
        ?? throw new ArgumentException($"The demo city has no block '{code}' in {year}.", nameof(code));

    /// <summary>
    /// The lead appraising agency of each field (1–8) in a year: Sở Nội vụ for direction, organisation, civil
    /// service and impact; Sở Tư pháp for institutions; Văn phòng UBND (with its public administration
    /// service centre) for procedures and the one-stop shop; Sở Tài chính for public finance; Sở Thông tin
    /// và Truyền thông, from 2025 Sở Khoa học và Công nghệ, for digital government.
    /// </summary>
    public static IReadOnlyDictionary<int, string> LeadAgencies(int year) => new Dictionary<int, string>
    {
        [1] = "SNV",
        [2] = "STP",
        [3] = "VPUB",
        [4] = "SNV",
        [5] = "SNV",
        [6] = "STC",
        [7] = year >= DemoCalendarDates.Reform.Year ? "SKHCN" : "STTTT",
        [8] = "SNV",
    };

    /// <summary>"Bình Dương" or "Bà Rịa – Vũng Tàu" for a 2025 ward from a former province merged into the city; null otherwise.</summary>
    public static string? FormerProvinceOf(string wardCode) =>
        DemoWards.FormerProvinceByCode.TryGetValue(wardCode, out var province) ? province : null;

    /// <summary>The former district (e.g. "Q1") of a 2025 ward of the former city; null otherwise.</summary>
    public static string? FormerDistrictOf(string wardCode) =>
        DemoWards.FormerDistrictByCode.TryGetValue(wardCode, out var district) ? district : null;
}
