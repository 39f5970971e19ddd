namespace ParIndex.Demo;

/// <summary>
/// The city's departments (sở, ban, ngành) before and after the 2025 reorganisation. A department that
/// absorbed another keeps its code (Sở Tài chính absorbed Sở Kế hoạch và Đầu tư); one formed from two
/// peers gets a new code (Sở Nông nghiệp và Môi trường). Founding dates before the first demo year are
/// not used by the demo; where the exact date is uncertain the 2008 reorganisation of provincial
/// departments (Nghị định 13/2008/NĐ-CP) stands in.
/// </summary>
internal static class DemoDepartments
{
    private static readonly DateOnly Reorganised2008 = new(2008, 4, 1);
    private static readonly DateOnly LastDayBefore = DemoCalendarDates.LastDayBeforeReform;
    private static readonly DateOnly Reform = DemoCalendarDates.Reform;

    public static IReadOnlyList<DemoUnit> All { get; } =
    [
        // Continue through the reform under the same code.
        Dept("VPUB", "Văn phòng Ủy ban nhân dân Thành phố", "Office of the City People's Committee"),
        Dept("SNV", "Sở Nội vụ", "Department of Home Affairs"),
        Dept("STP", "Sở Tư pháp", "Department of Justice"),
        Dept("STC", "Sở Tài chính", "Department of Finance"),
        Dept("SCT", "Sở Công Thương", "Department of Industry and Trade"),
        Dept("SXD", "Sở Xây dựng", "Department of Construction"),
        Dept("SQHKT", "Sở Quy hoạch – Kiến trúc", "Department of Planning and Architecture", new DateOnly(2003, 10, 1)),
        Dept("SKHCN", "Sở Khoa học và Công nghệ", "Department of Science and Technology"),
        Dept("SGDDT", "Sở Giáo dục và Đào tạo", "Department of Education and Training"),
        Dept("SYT", "Sở Y tế", "Department of Health"),
        Dept("SVHTT", "Sở Văn hóa và Thể thao", "Department of Culture and Sports"),
        Dept("SDL", "Sở Du lịch", "Department of Tourism"),
        Dept("SNGV", "Sở Ngoại vụ", "Department of Foreign Affairs"),
        Dept("TTTP", "Thanh tra Thành phố", "City Inspectorate"),

        // Absorbed, merged, split or renamed on 1 July 2025.
        Dept("SKHDT", "Sở Kế hoạch và Đầu tư", "Department of Planning and Investment", until: LastDayBefore),
        Dept("SGTVT", "Sở Giao thông vận tải", "Department of Transport", until: LastDayBefore),
        Dept("STNMT", "Sở Tài nguyên và Môi trường", "Department of Natural Resources and Environment", until: LastDayBefore),
        Dept("SNNPTNT", "Sở Nông nghiệp và Phát triển nông thôn", "Department of Agriculture and Rural Development", until: LastDayBefore),
        Dept("STTTT", "Sở Thông tin và Truyền thông", "Department of Information and Communications", until: LastDayBefore),
        Dept("SLDTBXH", "Sở Lao động – Thương binh và Xã hội", "Department of Labour, Invalids and Social Affairs", until: LastDayBefore),
        Dept("BDT", "Ban Dân tộc", "Ethnic Minorities Committee", until: LastDayBefore),
        Dept("BQLATTP", "Ban Quản lý An toàn thực phẩm", "Food Safety Management Authority", new DateOnly(2017, 5, 1), LastDayBefore),

        // Assessed with the departments until 2024; they continue but leave the 2025 block.
        Dept("BQLKCX", "Ban Quản lý các Khu chế xuất và công nghiệp", "Export Processing and Industrial Zones Authority (HEPZA)", new DateOnly(1992, 2, 1)),
        Dept("BQLKCNC", "Ban Quản lý Khu Công nghệ cao", "Saigon Hi-Tech Park Management Board", new DateOnly(2002, 10, 24)),
        Dept("BQLDSDT", "Ban Quản lý Đường sắt đô thị", "Management Authority for Urban Railways (MAUR)", new DateOnly(2007, 5, 8)),
        Dept("BQLTT", "Ban Quản lý Khu đô thị mới Thủ Thiêm", "Thu Thiem New Urban Area Management Board", new DateOnly(1998, 7, 1)),
        Dept("BQLKN", "Ban Quản lý Khu Nam", "Southern Area Management Board", new DateOnly(1997, 1, 1)),
        Dept("BQLTB", "Ban Quản lý đầu tư – xây dựng Khu đô thị Tây Bắc", "North-West Urban Area Investment and Construction Board", new DateOnly(2004, 1, 1)),
        new("BHXH", "Bảo hiểm xã hội Thành phố", "City Social Security", DemoUnitKind.Other, new DateOnly(1995, 10, 1), null, null),

        // Formed on 1 July 2025.
        Dept("SNNMT", "Sở Nông nghiệp và Môi trường", "Department of Agriculture and Environment", Reform),
        Dept("SDTTG", "Sở Dân tộc và Tôn giáo", "Department of Ethnic and Religious Affairs", Reform),
        Dept("SATTP", "Sở An toàn thực phẩm", "Department of Food Safety", Reform),
    ];

    /// <summary>The 29 units of the department block in 2023 and 2024.</summary>
    public static IReadOnlyList<string> Block2023 { get; } =
    [
        "VPUB", "SNV", "STP", "SKHDT", "STC", "SCT", "SGTVT", "SXD", "SQHKT", "STNMT", "SNNPTNT", "STTTT", "SKHCN",
        "SGDDT", "SYT", "SLDTBXH", "SVHTT", "SDL", "SNGV", "BQLATTP", "BDT", "TTTP", "BQLKCX", "BQLKCNC", "BQLDSDT",
        "BQLTT", "BQLKN", "BQLTB", "BHXH",
    ];

    /// <summary>The 17 departments assessed from 2025.</summary>
    public static IReadOnlyList<string> Block2025 { get; } =
    [
        "VPUB", "SNV", "STP", "STC", "SCT", "SXD", "SNNMT", "SKHCN", "SGDDT", "SYT", "SVHTT", "SDL", "SDTTG", "SNGV",
        "SQHKT", "TTTP", "SATTP",
    ];

    private static DemoUnit Dept(string code, string nameVi, string nameEn, DateOnly? from = null, DateOnly? until = null) =>
        new(code, nameVi, nameEn, DemoUnitKind.Department, from ?? Reorganised2008, until, null);
}
