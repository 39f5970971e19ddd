namespace ParIndex.Demo;

/// <summary>
/// The 168 wards, communes and the special zone of the merged Ho Chi Minh City from 1 July 2025
/// (113 phường, 54 xã, 1 đặc khu), after Nghị quyết 1685/NQ-UBTVQH15. Those of the former city name the
/// old wards they were formed from (many old wards were divided between two new ones; each part is an
/// edge). Those of the former Bình Dương and Bà Rịa – Vũng Tàu provinces have no predecessors in this city.
/// </summary>
internal static class DemoWards
{
    public const string FormerBinhDuong = "Bình Dương";
    public const string FormerBaRiaVungTau = "Bà Rịa – Vũng Tàu";

    private enum Type { Phuong, Xa, DacKhu }

    private sealed record Row(Type Type, string Name, string? District, string[] Predecessors, string? FormerProvince = null);

    private static Row P(string name, string district, params string[] predecessors) => new(Type.Phuong, name, district, predecessors);
    private static Row X(string name, string district, params string[] predecessors) => new(Type.Xa, name, district, predecessors);
    private static Row Bd(Type type, string name) => new(type, name, null, [], FormerBinhDuong);
    private static Row Vt(Type type, string name) => new(type, name, null, [], FormerBaRiaVungTau);

    private static readonly Row[] Rows =
    [
        // Former Quận 1
        P("Sài Gòn", "Q1", "Bến Nghé", "Đa Kao", "Nguyễn Thái Bình"),
        P("Tân Định", "Q1", "Tân Định", "Đa Kao"),
        P("Bến Thành", "Q1", "Bến Thành", "Phạm Ngũ Lão", "Nguyễn Thái Bình", "Nguyễn Cư Trinh"),
        P("Cầu Ông Lãnh", "Q1", "Cầu Ông Lãnh", "Nguyễn Thái Bình", "Cô Giang", "Cầu Kho", "Nguyễn Cư Trinh"),
        // Former Quận 3
        P("Bàn Cờ", "Q3", "1", "2", "3", "5", "4"),
        P("Xuân Hòa", "Q3", "Võ Thị Sáu", "4"),
        P("Nhiêu Lộc", "Q3", "9", "11", "12", "14"),
        // Former Quận 4
        P("Xóm Chiếu", "Q4", "13", "16", "18", "15"),
        P("Khánh Hội", "Q4", "8", "9", "2", "4", "15"),
        P("Vĩnh Hội", "Q4", "1", "3", "2", "4"),
        // Former Quận 5
        P("Chợ Quán", "Q5", "1", "2", "4"),
        P("An Đông", "Q5", "5", "7", "9"),
        P("Chợ Lớn", "Q5", "11", "12", "13", "14"),
        // Former Quận 6
        P("Bình Tây", "Q6", "2", "9"),
        P("Bình Tiên", "Q6", "1", "7", "8"),
        P("Bình Phú", "Q6", "10", "11"),
        P("Phú Lâm", "Q6", "12", "13", "14"),
        // Former Quận 7
        P("Tân Thuận", "Q7", "Tân Thuận Đông", "Tân Thuận Tây", "Bình Thuận"),
        P("Phú Thuận", "Q7", "Phú Thuận", "Phú Mỹ"),
        P("Tân Mỹ", "Q7", "Tân Phú", "Tân Phong"),
        P("Tân Hưng", "Q7", "Tân Hưng", "Tân Kiểng", "Tân Quy", "Bình Thuận"),
        // Former Quận 8
        P("Chánh Hưng", "Q8", "Rạch Ông", "Hưng Phú", "4"),
        P("Phú Định", "Q8", "Xóm Củi", "14", "15", "16"),
        P("Bình Đông", "Q8", "5", "6", "7"),
        // Former Quận 10
        P("Diên Hồng", "Q10", "6", "8", "14"),
        P("Vườn Lài", "Q10", "1", "2", "4", "9", "10"),
        P("Hòa Hưng", "Q10", "12", "13", "15"),
        // Former Quận 11
        P("Minh Phụng", "Q11", "1", "7", "16"),
        P("Bình Thới", "Q11", "3", "8", "10"),
        P("Hòa Bình", "Q11", "5", "14"),
        P("Phú Thọ", "Q11", "11", "15"),
        // Former Quận 12
        P("Đông Hưng Thuận", "Q12", "Đông Hưng Thuận", "Tân Hưng Thuận", "Tân Thới Nhất"),
        P("Trung Mỹ Tây", "Q12", "Trung Mỹ Tây", "Tân Chánh Hiệp", "Tân Thới Nhất"),
        P("Tân Thới Hiệp", "Q12", "Tân Thới Hiệp", "Hiệp Thành", "Tân Chánh Hiệp"),
        P("Thới An", "Q12", "Thới An", "Thạnh Xuân", "Hiệp Thành"),
        P("An Phú Đông", "Q12", "An Phú Đông", "Thạnh Lộc"),
        // Former Quận Bình Tân
        P("An Lạc", "QBTA", "An Lạc", "An Lạc A", "Bình Trị Đông B"),
        P("Tân Tạo", "QBTA", "Tân Tạo", "Tân Tạo A"),
        P("Bình Tân", "QBTA", "Bình Hưng Hòa B", "Bình Trị Đông A", "Tân Tạo"),
        P("Bình Trị Đông", "QBTA", "Bình Trị Đông", "Bình Trị Đông A", "Bình Hưng Hòa A"),
        P("Bình Hưng Hòa", "QBTA", "Bình Hưng Hòa", "Bình Hưng Hòa A", "Bình Hưng Hòa B"),
        // Former Quận Bình Thạnh
        P("Gia Định", "QBTH", "1", "2", "7", "17"),
        P("Bình Thạnh", "QBTH", "12", "14", "26"),
        P("Bình Lợi Trung", "QBTH", "5", "11", "13"),
        P("Thạnh Mỹ Tây", "QBTH", "19", "22", "25"),
        P("Bình Quới", "QBTH", "27", "28"),
        // Former Quận Gò Vấp
        P("Hạnh Thông", "QGV", "1", "3"),
        P("An Nhơn", "QGV", "5", "6"),
        P("Gò Vấp", "QGV", "10", "17"),
        P("An Hội Đông", "QGV", "15", "16"),
        P("Thông Tây Hội", "QGV", "8", "11"),
        P("An Hội Tây", "QGV", "12", "14"),
        // Former Quận Phú Nhuận
        P("Đức Nhuận", "QPN", "4", "5", "9"),
        P("Cầu Kiệu", "QPN", "1", "2", "7", "15"),
        P("Phú Nhuận", "QPN", "8", "10", "11", "13"),
        // Former Quận Tân Bình
        P("Tân Sơn Hòa", "QTB", "1", "2", "3"),
        P("Tân Sơn Nhất", "QTB", "3", "4", "5", "7"),
        P("Tân Hòa", "QTB", "6", "8", "9"),
        P("Bảy Hiền", "QTB", "9", "10", "11", "12"),
        P("Tân Bình", "QTB", "13", "14", "15"),
        P("Tân Sơn", "QTB", "15", "14"),
        // Former Quận Tân Phú
        P("Tây Thạnh", "QTP", "Tây Thạnh", "Sơn Kỳ"),
        P("Tân Sơn Nhì", "QTP", "Tân Sơn Nhì", "Sơn Kỳ", "Tân Quý", "Tân Thành"),
        P("Phú Thọ Hòa", "QTP", "Phú Thọ Hòa", "Tân Quý", "Tân Thành"),
        P("Tân Phú", "QTP", "Hòa Thạnh", "Tân Thới Hòa", "Phú Trung", "Tân Thành"),
        P("Phú Thạnh", "QTP", "Phú Thạnh", "Hiệp Tân", "Tân Thới Hòa"),
        // Former Thành phố Thủ Đức
        P("Hiệp Bình", "TD", "Hiệp Bình Chánh", "Hiệp Bình Phước", "Linh Đông"),
        P("Thủ Đức", "TD", "Bình Thọ", "Linh Chiểu", "Trường Thọ", "Linh Đông", "Linh Tây"),
        P("Tam Bình", "TD", "Tam Bình", "Tam Phú", "Bình Chiểu"),
        P("Linh Xuân", "TD", "Linh Xuân", "Linh Trung", "Linh Tây", "Bình Chiểu"),
        P("Tăng Nhơn Phú", "TD", "Hiệp Phú", "Tăng Nhơn Phú A", "Tăng Nhơn Phú B", "Tân Phú", "Long Thạnh Mỹ"),
        P("Long Bình", "TD", "Long Bình", "Long Thạnh Mỹ"),
        P("Long Phước", "TD", "Long Phước", "Trường Thạnh"),
        P("Long Trường", "TD", "Long Trường", "Phú Hữu", "Trường Thạnh"),
        P("Cát Lái", "TD", "Cát Lái", "Thạnh Mỹ Lợi"),
        P("Bình Trưng", "TD", "Bình Trưng Đông", "Bình Trưng Tây", "An Phú"),
        P("Phước Long", "TD", "Phước Long A", "Phước Long B", "Phước Bình"),
        P("An Khánh", "TD", "An Khánh", "An Lợi Đông", "Thảo Điền", "Thủ Thiêm", "An Phú"),
        // Former Huyện Bình Chánh
        X("Vĩnh Lộc", "HBC", "Vĩnh Lộc A", "Phạm Văn Hai"),
        X("Tân Vĩnh Lộc", "HBC", "Vĩnh Lộc B", "Phạm Văn Hai"),
        X("Bình Lợi", "HBC", "Bình Lợi", "Lê Minh Xuân", "Phạm Văn Hai"),
        X("Tân Nhựt", "HBC", "Tân Nhựt", "Lê Minh Xuân", "Tân Kiên", "Tân Túc"),
        X("Bình Chánh", "HBC", "Bình Chánh", "Tân Quý Tây", "An Phú Tây", "Tân Túc"),
        X("Hưng Long", "HBC", "Hưng Long", "Quy Đức", "Đa Phước"),
        X("Bình Hưng", "HBC", "Bình Hưng", "Phong Phú"),
        // Former Huyện Cần Giờ
        X("Bình Khánh", "HCG", "Bình Khánh", "Tam Thôn Hiệp"),
        X("An Thới Đông", "HCG", "An Thới Đông", "Lý Nhơn", "Tam Thôn Hiệp"),
        X("Cần Giờ", "HCG", "Cần Thạnh", "Long Hòa"),
        X("Thạnh An", "HCG", "Thạnh An"),
        // Former Huyện Củ Chi
        X("Củ Chi", "HCC", "Tân Phú Trung", "Tân Thông Hội", "Phước Vĩnh An"),
        X("Tân An Hội", "HCC", "Củ Chi", "Phước Hiệp", "Tân An Hội"),
        X("Thái Mỹ", "HCC", "Thái Mỹ", "Trung Lập Hạ", "Phước Thạnh"),
        X("An Nhơn Tây", "HCC", "An Nhơn Tây", "An Phú", "Phú Mỹ Hưng"),
        X("Nhuận Đức", "HCC", "Nhuận Đức", "Phạm Văn Cội", "Trung Lập Thượng"),
        X("Phú Hòa Đông", "HCC", "Phú Hòa Đông", "Tân Thạnh Đông", "Tân Thạnh Tây"),
        X("Bình Mỹ", "HCC", "Bình Mỹ", "Hòa Phú", "Trung An"),
        // Former Huyện Hóc Môn
        X("Đông Thạnh", "HHM", "Đông Thạnh", "Nhị Bình", "Thới Tam Thôn"),
        X("Hóc Môn", "HHM", "Hóc Môn", "Tân Hiệp", "Tân Xuân", "Thới Tam Thôn"),
        X("Xuân Thới Sơn", "HHM", "Xuân Thới Sơn", "Tân Thới Nhì", "Xuân Thới Thượng"),
        X("Bà Điểm", "HHM", "Bà Điểm", "Trung Chánh", "Xuân Thới Đông", "Xuân Thới Thượng"),
        // Former Huyện Nhà Bè
        X("Nhà Bè", "HNB", "Nhà Bè", "Phú Xuân", "Phước Kiển", "Phước Lộc"),
        X("Hiệp Phước", "HNB", "Hiệp Phước", "Long Thới", "Nhơn Đức"),

        // Former Bình Dương province
        Bd(Type.Phuong, "Thủ Dầu Một"), Bd(Type.Phuong, "Phú Lợi"), Bd(Type.Phuong, "Bình Dương"), Bd(Type.Phuong, "Chánh Hiệp"),
        Bd(Type.Phuong, "Phú An"), Bd(Type.Phuong, "Hòa Lợi"), Bd(Type.Phuong, "Bến Cát"), Bd(Type.Phuong, "Chánh Phú Hòa"),
        Bd(Type.Phuong, "Long Nguyên"), Bd(Type.Phuong, "Tây Nam"), Bd(Type.Phuong, "Thới Hòa"), Bd(Type.Phuong, "Bình Cơ"),
        Bd(Type.Phuong, "Tân Uyên"), Bd(Type.Phuong, "Tân Hiệp"), Bd(Type.Phuong, "Tân Khánh"), Bd(Type.Phuong, "Vĩnh Tân"),
        Bd(Type.Phuong, "Thuận An"), Bd(Type.Phuong, "Thuận Giao"), Bd(Type.Phuong, "Bình Hòa"), Bd(Type.Phuong, "Lái Thiêu"),
        Bd(Type.Phuong, "An Phú"), Bd(Type.Phuong, "Dĩ An"), Bd(Type.Phuong, "Tân Đông Hiệp"), Bd(Type.Phuong, "Đông Hòa"),
        Bd(Type.Xa, "Bắc Tân Uyên"), Bd(Type.Xa, "Thường Tân"), Bd(Type.Xa, "Phú Giáo"), Bd(Type.Xa, "Phước Thành"),
        Bd(Type.Xa, "An Long"), Bd(Type.Xa, "Phước Hòa"), Bd(Type.Xa, "Dầu Tiếng"), Bd(Type.Xa, "Minh Thạnh"),
        Bd(Type.Xa, "Long Hòa"), Bd(Type.Xa, "Thanh An"), Bd(Type.Xa, "Bàu Bàng"), Bd(Type.Xa, "Trừ Văn Thố"),

        // Former Bà Rịa – Vũng Tàu province
        Vt(Type.Phuong, "Vũng Tàu"), Vt(Type.Phuong, "Tam Thắng"), Vt(Type.Phuong, "Rạch Dừa"), Vt(Type.Phuong, "Phước Thắng"),
        Vt(Type.Phuong, "Bà Rịa"), Vt(Type.Phuong, "Long Hương"), Vt(Type.Phuong, "Tam Long"), Vt(Type.Phuong, "Phú Mỹ"),
        Vt(Type.Phuong, "Tân Thành"), Vt(Type.Phuong, "Tân Phước"), Vt(Type.Phuong, "Tân Hải"),
        Vt(Type.Xa, "Long Điền"), Vt(Type.Xa, "Long Hải"), Vt(Type.Xa, "Đất Đỏ"), Vt(Type.Xa, "Phước Hải"), Vt(Type.Xa, "Ngãi Giao"),
        Vt(Type.Xa, "Bình Giã"), Vt(Type.Xa, "Kim Long"), Vt(Type.Xa, "Châu Đức"), Vt(Type.Xa, "Xuân Sơn"), Vt(Type.Xa, "Nghĩa Thành"),
        Vt(Type.Xa, "Hồ Tràm"), Vt(Type.Xa, "Xuyên Mộc"), Vt(Type.Xa, "Hòa Hội"), Vt(Type.Xa, "Bàu Lâm"), Vt(Type.Xa, "Bình Châu"),
        Vt(Type.Xa, "Hòa Hiệp"), Vt(Type.Xa, "Long Sơn"), Vt(Type.Xa, "Châu Pha"),
        Vt(Type.DacKhu, "Côn Đảo"),
    ];

    // Codes drop diacritics, so two names can meet (Xã Thạnh An of Cần Giờ, Xã Thanh An of Dầu Tiếng): the later one gets a digit.
    private static readonly Dictionary<Row, string> Codes = AssignCodes();

    public static IReadOnlyList<DemoUnit> Units { get; } = Rows
        .Select(r => new DemoUnit(Code(r), NameVi(r), NameEn(r), DemoUnitKind.Ward, DemoCalendarDates.Reform, null, null))
        .ToArray();

    public static IReadOnlyList<string> BlockCodes { get; } = Units.Select(u => u.Code).ToArray();

    /// <summary>Each part of an old ward that went into a new ward, as (old code, new code).</summary>
    public static IReadOnlyList<(string OldCode, string NewCode)> Predecessors { get; } = Rows
        .SelectMany(r => r.Predecessors.Select(p => (DemoDistricts.OldWardCode(r.District!, p), Code(r))))
        .ToArray();

    public static IReadOnlyDictionary<string, string> FormerProvinceByCode { get; } = Rows
        .Where(r => r.FormerProvince is not null)
        .ToDictionary(Code, r => r.FormerProvince!);

    /// <summary>The former district of a new ward of the former city, by code.</summary>
    public static IReadOnlyDictionary<string, string> FormerDistrictByCode { get; } = Rows
        .Where(r => r.District is not null)
        .ToDictionary(Code, r => r.District!);

    private static string Code(Row row) => Codes[row];

    private static Dictionary<Row, string> AssignCodes()
    {
        var codes = new Dictionary<Row, string>(ReferenceEqualityComparer.Instance);
        var taken = new HashSet<string>();
        foreach (var row in Rows)
        {
            var code = BaseCode(row);
            for (var n = 2; !taken.Add(code); n++)
                code = $"{BaseCode(row)}{n}";
            codes[row] = code;
        }
        return codes;
    }

    private static string BaseCode(Row row) => row.Type switch
    {
        Type.Phuong => $"P-{DemoText.Slug(row.Name)}",
        Type.Xa => $"X-{DemoText.Slug(row.Name)}",
        _ => $"DK-{DemoText.Slug(row.Name)}",
    };

    private static string NameVi(Row row) => row.Type switch
    {
        Type.Phuong => $"Phường {row.Name}",
        Type.Xa => $"Xã {row.Name}",
        _ => $"Đặc khu {row.Name}",
    };

    private static string NameEn(Row row) => row.Type switch
    {
        Type.Phuong => $"{DemoText.Ascii(row.Name)} Ward",
        Type.Xa => $"{DemoText.Ascii(row.Name)} Commune",
        _ => $"{DemoText.Ascii(row.Name)} Special Zone",
    };
}
