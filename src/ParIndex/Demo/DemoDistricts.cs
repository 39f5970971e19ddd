namespace ParIndex.Demo;

/// <summary>
/// Thủ Đức City and the 21 districts (quận, huyện) of Ho Chi Minh City until 30 June 2025, and their
/// 273 wards, communes and townships as they stood in the first half of 2025. The old wards are not
/// assessed; they exist as the predecessors of the new wards.
/// </summary>
internal static class DemoDistricts
{
    private sealed record District(string Code, string NameVi, string InPhraseVi, string NameEn, DemoUnitKind Kind, DateOnly From);

    private sealed record WardList(string DistrictCode, string TypeVi, string TypeEn, string[] Names);

    private static readonly DateOnly Liberation = new(1976, 7, 2);
    private static readonly DateOnly Decree03Of1997 = new(1997, 4, 1);
    private static readonly DateOnly Decree130Of2003 = new(2003, 12, 5);
    private static readonly DateOnly ThuDucCityFounded = new(2021, 1, 1);

    private static readonly District[] Districts =
    [
        new("TD", "Thành phố Thủ Đức", "thành phố Thủ Đức", "Thu Duc City", DemoUnitKind.ThuDucCity, ThuDucCityFounded),
        new("Q1", "Quận 1", "Quận 1", "District 1", DemoUnitKind.District, Liberation),
        new("Q3", "Quận 3", "Quận 3", "District 3", DemoUnitKind.District, Liberation),
        new("Q4", "Quận 4", "Quận 4", "District 4", DemoUnitKind.District, Liberation),
        new("Q5", "Quận 5", "Quận 5", "District 5", DemoUnitKind.District, Liberation),
        new("Q6", "Quận 6", "Quận 6", "District 6", DemoUnitKind.District, Liberation),
        new("Q7", "Quận 7", "Quận 7", "District 7", DemoUnitKind.District, Decree03Of1997),
        new("Q8", "Quận 8", "Quận 8", "District 8", DemoUnitKind.District, Liberation),
        new("Q10", "Quận 10", "Quận 10", "District 10", DemoUnitKind.District, Liberation),
        new("Q11", "Quận 11", "Quận 11", "District 11", DemoUnitKind.District, Liberation),
        new("Q12", "Quận 12", "Quận 12", "District 12", DemoUnitKind.District, Decree03Of1997),
        new("QBTH", "Quận Bình Thạnh", "quận Bình Thạnh", "Binh Thanh District", DemoUnitKind.District, Liberation),
        new("QBTA", "Quận Bình Tân", "quận Bình Tân", "Binh Tan District", DemoUnitKind.District, Decree130Of2003),
        new("QGV", "Quận Gò Vấp", "quận Gò Vấp", "Go Vap District", DemoUnitKind.District, Liberation),
        new("QPN", "Quận Phú Nhuận", "quận Phú Nhuận", "Phu Nhuan District", DemoUnitKind.District, Liberation),
        new("QTB", "Quận Tân Bình", "quận Tân Bình", "Tan Binh District", DemoUnitKind.District, Liberation),
        new("QTP", "Quận Tân Phú", "quận Tân Phú", "Tan Phu District", DemoUnitKind.District, Decree130Of2003),
        new("HBC", "Huyện Bình Chánh", "huyện Bình Chánh", "Binh Chanh District", DemoUnitKind.District, Liberation),
        new("HCG", "Huyện Cần Giờ", "huyện Cần Giờ", "Can Gio District", DemoUnitKind.District, Liberation),
        new("HCC", "Huyện Củ Chi", "huyện Củ Chi", "Cu Chi District", DemoUnitKind.District, Liberation),
        new("HHM", "Huyện Hóc Môn", "huyện Hóc Môn", "Hoc Mon District", DemoUnitKind.District, Liberation),
        new("HNB", "Huyện Nhà Bè", "huyện Nhà Bè", "Nha Be District", DemoUnitKind.District, Liberation),
    ];

    private const string Ward = "Phường";
    private const string Commune = "Xã";
    private const string Township = "Thị trấn";

    private static readonly WardList[] OldWards =
    [
        new("TD", Ward, "Ward",
        [
            "An Khánh", "An Lợi Đông", "An Phú", "Bình Chiểu", "Bình Thọ", "Bình Trưng Đông", "Bình Trưng Tây", "Cát Lái",
            "Hiệp Bình Chánh", "Hiệp Bình Phước", "Hiệp Phú", "Linh Chiểu", "Linh Đông", "Linh Tây", "Linh Trung", "Linh Xuân",
            "Long Bình", "Long Phước", "Long Thạnh Mỹ", "Long Trường", "Phú Hữu", "Phước Bình", "Phước Long A", "Phước Long B",
            "Tam Bình", "Tam Phú", "Tăng Nhơn Phú A", "Tăng Nhơn Phú B", "Tân Phú", "Thạnh Mỹ Lợi", "Thảo Điền", "Thủ Thiêm",
            "Trường Thạnh", "Trường Thọ",
        ]),
        new("Q1", Ward, "Ward",
            ["Bến Nghé", "Bến Thành", "Cầu Kho", "Cầu Ông Lãnh", "Cô Giang", "Đa Kao", "Nguyễn Cư Trinh", "Nguyễn Thái Bình", "Phạm Ngũ Lão", "Tân Định"]),
        new("Q3", Ward, "Ward", ["Võ Thị Sáu", "1", "2", "3", "4", "5", "9", "11", "12", "14"]),
        new("Q4", Ward, "Ward", ["1", "2", "3", "4", "8", "9", "13", "15", "16", "18"]),
        new("Q5", Ward, "Ward", ["1", "2", "4", "5", "7", "9", "11", "12", "13", "14"]),
        new("Q6", Ward, "Ward", ["1", "2", "7", "8", "9", "10", "11", "12", "13", "14"]),
        new("Q7", Ward, "Ward",
            ["Bình Thuận", "Phú Mỹ", "Phú Thuận", "Tân Hưng", "Tân Kiểng", "Tân Phong", "Tân Phú", "Tân Quy", "Tân Thuận Đông", "Tân Thuận Tây"]),
        new("Q8", Ward, "Ward", ["Rạch Ông", "Hưng Phú", "Xóm Củi", "4", "5", "6", "7", "14", "15", "16"]),
        new("Q10", Ward, "Ward", ["1", "2", "4", "6", "8", "9", "10", "12", "13", "14", "15"]),
        new("Q11", Ward, "Ward", ["1", "3", "5", "7", "8", "10", "11", "14", "15", "16"]),
        new("Q12", Ward, "Ward",
        [
            "An Phú Đông", "Đông Hưng Thuận", "Hiệp Thành", "Tân Chánh Hiệp", "Tân Hưng Thuận", "Tân Thới Hiệp", "Tân Thới Nhất",
            "Thạnh Lộc", "Thạnh Xuân", "Thới An", "Trung Mỹ Tây",
        ]),
        new("QBTH", Ward, "Ward", ["1", "2", "5", "7", "11", "12", "13", "14", "17", "19", "22", "25", "26", "27", "28"]),
        new("QBTA", Ward, "Ward",
        [
            "An Lạc", "An Lạc A", "Bình Hưng Hòa", "Bình Hưng Hòa A", "Bình Hưng Hòa B", "Bình Trị Đông", "Bình Trị Đông A",
            "Bình Trị Đông B", "Tân Tạo", "Tân Tạo A",
        ]),
        new("QGV", Ward, "Ward", ["1", "3", "5", "6", "8", "10", "11", "12", "14", "15", "16", "17"]),
        new("QPN", Ward, "Ward", ["1", "2", "4", "5", "7", "8", "9", "10", "11", "13", "15"]),
        new("QTB", Ward, "Ward", ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15"]),
        new("QTP", Ward, "Ward",
        [
            "Hiệp Tân", "Hòa Thạnh", "Phú Thạnh", "Phú Thọ Hòa", "Phú Trung", "Sơn Kỳ", "Tân Quý", "Tân Sơn Nhì", "Tân Thành",
            "Tân Thới Hòa", "Tây Thạnh",
        ]),
        new("HBC", Township, "Township", ["Tân Túc"]),
        new("HBC", Commune, "Commune",
        [
            "An Phú Tây", "Bình Chánh", "Bình Hưng", "Bình Lợi", "Đa Phước", "Hưng Long", "Lê Minh Xuân", "Phạm Văn Hai",
            "Phong Phú", "Quy Đức", "Tân Kiên", "Tân Nhựt", "Tân Quý Tây", "Vĩnh Lộc A", "Vĩnh Lộc B",
        ]),
        new("HCG", Township, "Township", ["Cần Thạnh"]),
        new("HCG", Commune, "Commune", ["An Thới Đông", "Bình Khánh", "Long Hòa", "Lý Nhơn", "Tam Thôn Hiệp", "Thạnh An"]),
        new("HCC", Township, "Township", ["Củ Chi"]),
        new("HCC", Commune, "Commune",
        [
            "An Nhơn Tây", "An Phú", "Bình Mỹ", "Hòa Phú", "Nhuận Đức", "Phạm Văn Cội", "Phú Hòa Đông", "Phú Mỹ Hưng", "Phước Hiệp",
            "Phước Thạnh", "Phước Vĩnh An", "Tân An Hội", "Tân Phú Trung", "Tân Thạnh Đông", "Tân Thạnh Tây", "Tân Thông Hội",
            "Thái Mỹ", "Trung An", "Trung Lập Hạ", "Trung Lập Thượng",
        ]),
        new("HHM", Township, "Township", ["Hóc Môn"]),
        new("HHM", Commune, "Commune",
        [
            "Bà Điểm", "Đông Thạnh", "Nhị Bình", "Tân Hiệp", "Tân Thới Nhì", "Tân Xuân", "Thới Tam Thôn", "Trung Chánh",
            "Xuân Thới Đông", "Xuân Thới Sơn", "Xuân Thới Thượng",
        ]),
        new("HNB", Township, "Township", ["Nhà Bè"]),
        new("HNB", Commune, "Commune", ["Hiệp Phước", "Long Thới", "Nhơn Đức", "Phú Xuân", "Phước Kiển", "Phước Lộc"]),
    ];

    /// <summary>The 22 units of the district block in 2023 and 2024, Thủ Đức first as the city publishes them.</summary>
    public static IReadOnlyList<string> BlockCodes { get; } = Districts.Select(d => d.Code).ToArray();

    public static IReadOnlyList<DemoUnit> Units { get; } = Districts
        .Select(d => new DemoUnit(d.Code, d.NameVi, d.NameEn, d.Kind, d.From, DemoCalendarDates.LastDayBeforeReform, null))
        .ToArray();

    public static IReadOnlyList<DemoUnit> OldWardUnits { get; } = BuildOldWards();

    /// <summary>The code of an old ward given its district and short name ("Q3", "9" → "Q3-P09"; "Q1", "Bến Nghé" → "Q1-BENNGHE").</summary>
    public static string OldWardCode(string districtCode, string shortName)
    {
        if (shortName.All(char.IsAsciiDigit))
            return $"{districtCode}-P{int.Parse(shortName, System.Globalization.CultureInfo.InvariantCulture):00}";
        var township = OldWards.Any(l => l.DistrictCode == districtCode && l.TypeVi == Township && l.Names.Contains(shortName));
        return $"{districtCode}-{(township ? "TT" : "")}{DemoText.Slug(shortName)}";
    }

    private static DemoUnit[] BuildOldWards()
    {
        var units = new List<DemoUnit>();
        foreach (var list in OldWards)
        {
            var district = Districts.Single(d => d.Code == list.DistrictCode);
            foreach (var name in list.Names)
            {
                var numbered = name.All(char.IsAsciiDigit);
                var nameVi = $"{list.TypeVi} {name}, {district.InPhraseVi}";
                var nameEn = numbered ? $"{list.TypeEn} {name}, {district.NameEn}" : $"{DemoText.Ascii(name)} {list.TypeEn}, {district.NameEn}";
                // Thủ Đức's wards date from the city's founding; the others from before the demo's horizon.
                var from = list.DistrictCode == "TD" ? ThuDucCityFounded : new DateOnly(2021, 1, 1);
                units.Add(new DemoUnit(OldWardCode(list.DistrictCode, name), nameVi, nameEn, DemoUnitKind.Ward, from,
                    DemoCalendarDates.LastDayBeforeReform, list.DistrictCode));
            }
        }
        return units.ToArray();
    }
}
