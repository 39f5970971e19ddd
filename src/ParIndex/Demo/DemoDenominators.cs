namespace ParIndex.Demo;

/// <summary>
/// Realistic denominators for ratio leaves, looked up by the denominator's label: a department reports
/// a handful of draft regulations, a district hundreds of thousands of dossiers.
/// </summary>
internal static class DemoDenominators
{
    private sealed record Range(string LabelStart, double DeptMin, double DeptMax, double DistrictMin, double DistrictMax, double WardMin, double WardMax);

    // First match wins, so longer labels come before the shorter ones they start with.
    private static readonly Range[] Ranges =
    [
        new("Số báo cáo phải gửi", 4, 4, 4, 4, 4, 4),
        new("Số nhiệm vụ được chuyển giao", 20, 80, 20, 80, 20, 80),
        new("Số nhiệm vụ được phân cấp", 5, 30, 5, 30, 5, 20),
        new("Số nhiệm vụ", 8, 60, 10, 60, 8, 40),
        new("Số nội dung", 6, 30, 6, 30, 5, 20),
        new("Số lớp, nội dung", 5, 30, 5, 25, 3, 12),
        new("Số vấn đề phát hiện", 2, 15, 3, 20, 1, 8),
        new("Tổng số phòng chuyên môn", 25, 45, 25, 45, 25, 45),
        new("Tổng số bộ phận, công chức", 15, 40, 15, 40, 15, 40),
        new("Số dự thảo", 2, 12, 1, 6, 1, 4),
        new("Số văn bản phải xử lý", 3, 25, 3, 20, 2, 10),
        new("Số văn bản trái pháp luật", 1, 4, 1, 4, 1, 3),
        new("Số văn bản cấp xã", 5, 40, 5, 40, 5, 40),
        new("Số văn bản trong", 2, 10, 2, 10, 1, 6),
        new("Số TTHC phải rà soát", 10, 80, 20, 60, 15, 50),
        new("Số TTHC thuộc thẩm quyền", 60, 250, 250, 320, 200, 320),
        new("Số phương án", 2, 15, 1, 8, 1, 5),
        new("Số quyết định công bố", 3, 20, 3, 20, 3, 20),
        new("Tổng số hồ sơ cấp xã", 50_000, 300_000, 50_000, 300_000, 50_000, 300_000),
        new("Số phản ánh, kiến nghị", 3, 60, 5, 80, 2, 30),
        new("Số người phải tinh giản", 2, 20, 2, 15, 1, 5),
        new("Số cán bộ, công chức dôi dư", 3, 25, 3, 25, 3, 25),
        new("Tổng số công chức", 60, 400, 150, 300, 30, 60),
        new("Tổng số cán bộ, công chức cấp xã", 200, 600, 200, 600, 200, 600),
        new("Tổng số cán bộ, công chức, viên chức", 100, 5_000, 800, 4_000, 30, 70),
        new("Kế hoạch vốn", 20_000, 5_000_000, 300_000, 4_000_000, 5_000, 200_000),
        new("Dự toán thu", 500_000, 8_000_000, 500_000, 8_000_000, 20_000, 600_000),
        new("Số kiến nghị", 2, 20, 2, 20, 1, 8),
        new("Tổng số đơn vị sự nghiệp", 2, 40, 30, 120, 1, 8),
        new("Tổng số văn bản", 3_000, 30_000, 5_000, 20_000, 1_500, 6_000),
        new("Tổng số chỉ tiêu", 8, 25, 12, 30, 8, 20),
        new("Chỉ tiêu kế hoạch", 800, 4_000, 800, 4_000, 100, 800),
        new("Số hộ phải thoát nghèo", 20, 400, 20, 400, 5, 80),
        new("Số vụ việc", 3, 80, 10, 120, 2, 40),
    ];

    /// <summary>Labels counting the unit's own dossiers take the dossier count of its profile.</summary>
    private static readonly string[] DossierLabels = ["Tổng số hồ sơ đã", "Tổng số kết quả đã trả"];

    public static double Draw(string label, DemoProfile kind, DemoUnitYearProfile profile, Random random)
    {
        if (DossierLabels.Any(d => label.StartsWith(d, StringComparison.Ordinal)))
            return profile.Dossiers;
        var range = Ranges.FirstOrDefault(r => label.StartsWith(r.LabelStart, StringComparison.Ordinal));
        if (range is null)
            return random.Between(5, 40);
        var (min, max) = kind switch
        {
            DemoProfile.Department => (range.DeptMin, range.DeptMax),
            DemoProfile.District => (range.DistrictMin, range.DistrictMax),
            _ => (range.WardMin, range.WardMax),
        };
        return max / min > 20 ? random.LogBetween(min, max) : random.Between(min, max);
    }
}
