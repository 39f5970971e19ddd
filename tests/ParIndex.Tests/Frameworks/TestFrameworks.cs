using ParIndex.Core.Frameworks;

namespace ParIndex.Tests.Frameworks;

/// <summary>Frameworks for the tests: a full one using every feature of the model, and a small one for API round trips.</summary>
internal static class TestFrameworks
{
    public const string Block = "so-ban-nganh";

    /// <summary>Every scoring method and points mode, bonus and penalty nodes, both not-applicable policies, six bands, the HCMC rules plus an index rule, a crosswalk, and text that needs escaping.</summary>
    public static FrameworkDefinition Full(int year = 2025, string block = Block) => new()
    {
        Year = year,
        BlockCode = block,
        TitleVi = $"Bộ tiêu chí đánh giá Chỉ số cải cách hành chính năm {year}",
        TitleEn = $"PAR Index criteria {year}",
        Nodes =
        [
            new()
            {
                Code = "1", TitleVi = "Cải cách thủ tục hành chính", TitleEn = "Administrative procedure reform", MaxPoints = 10,
                Children =
                [
                    new()
                    {
                        Code = "1.1", TitleVi = "Thực hiện cơ chế một cửa, một cửa liên thông", MaxPoints = 6,
                        Children =
                        [
                            new()
                            {
                                Code = "1.1.1", TitleVi = "Tỷ lệ hồ sơ giải quyết đúng hạn", Kind = NodeKind.Leaf, MaxPoints = 3,
                                Method = new MetricMethod { Metric = MetricNames.DossiersOnTimeRate, Rule = new() { Mode = PointsMode.Threshold, Threshold = 90.5m } },
                                LegalBasis = "Quyết định 766/QĐ-TTg ngày 23/6/2022", LeadAgencyCode = "TTPVHCC",
                            },
                            new()
                            {
                                Code = "1.1.2", TitleVi = "Tỷ lệ hồ sơ trễ hạn", TitleEn = "Late dossiers", Kind = NodeKind.Leaf, MaxPoints = 1.5m,
                                Method = new MetricMethod
                                {
                                    Metric = MetricNames.DossiersLateRate,
                                    Rule = new()
                                    {
                                        Mode = PointsMode.Brackets,
                                        Brackets = [new() { To = 1, Points = 1.5m }, new() { From = 1, To = 5.25m, Points = 0.75m }, new() { From = 5.25m, Points = 0 }],
                                    },
                                },
                            },
                            new()
                            {
                                Code = "1.1.3", TitleVi = "Tỷ lệ thủ tục được rà soát, đơn giản hóa", Kind = NodeKind.Leaf, MaxPoints = 1.5m,
                                Method = new RatioMethod
                                {
                                    Rule = new() { Mode = PointsMode.Proportional },
                                    NumeratorLabelVi = "Số thủ tục đã rà soát", DenominatorLabelVi = "Số thủ tục phải rà soát",
                                },
                                EvidenceRequired = true,
                            },
                        ],
                    },
                    new()
                    {
                        Code = "1.2", TitleVi = "Công khai thủ tục hành chính", Kind = NodeKind.Leaf, MaxPoints = 1,
                        Method = new RubricMethod
                        {
                            Levels =
                            [
                                new() { Code = "A", LabelVi = "Hoàn thành 100 % kế hoạch", LabelEn = "Plan fully done", Points = 1 },
                                new() { Code = "B", LabelVi = "Từ 80 % đến dưới 100 %: đạt | một phần", Points = 0.5m },
                                new() { Code = "C", LabelVi = "Dưới 80 % (tỷ lệ = 0)", LabelEn = "Below 80 %", Points = 0 },
                            ],
                        },
                        GuidanceVi = "Căn cứ báo cáo của đơn vị.\nĐối chiếu với Cổng dịch vụ công.", GuidanceEn = "Based on the unit's report",
                        NotApplicable = NotApplicablePolicy.FullPoints, EvidenceRequired = true, LeadAgencyCode = "VP.UBND",
                    },
                    new()
                    {
                        Code = "1.3", TitleVi = "Xin lỗi người dân khi trễ hạn", Kind = NodeKind.Leaf, MaxPoints = 2,
                        Method = new RatioMethod
                        {
                            Rule = new() { Mode = PointsMode.Brackets, Brackets = [new() { From = 100, Points = 2 }, new() { From = 50, To = 100, Points = 1 }, new() { To = 50, Points = 0 }] },
                        },
                        NotApplicable = NotApplicablePolicy.RemoveFromMaximum,
                    },
                    new()
                    {
                        Code = "1.4", TitleVi = "Chấm điểm trực tiếp", Kind = NodeKind.Leaf, MaxPoints = 1,
                        Method = new ManualMethod { Step = 0.25m }, NotApplicable = NotApplicablePolicy.FullPoints,
                    },
                    new()
                    {
                        Code = "1.9", TitleVi = "Trừ điểm do để xảy ra sai phạm", Kind = NodeKind.Penalty, MaxPoints = 1,
                        Method = new ManualMethod { Step = 0.5m },
                    },
                ],
            },
            new()
            {
                Code = "2", TitleVi = "Tác động của cải cách hành chính", MaxPoints = 5.5m,
                Children =
                [
                    new()
                    {
                        Code = "2.1", TitleVi = "Sự hài lòng của người dân (SIPAS)", Kind = NodeKind.Leaf, MaxPoints = 3.5m,
                        Method = new SurveyMethod { Survey = MetricNames.SipasOverall }, NotApplicable = NotApplicablePolicy.RemoveFromMaximum,
                    },
                    new()
                    {
                        Code = "2.2", TitleVi = "Điểm Bộ chỉ số 766", Kind = NodeKind.Leaf, MaxPoints = 2,
                        Method = new MetricMethod { Metric = MetricNames.DossiersScore766, Rule = new() { Mode = PointsMode.Proportional } },
                    },
                ],
            },
            new()
            {
                Code = "9.1", TitleVi = "Điểm thưởng sáng kiến cải cách hành chính", Kind = NodeKind.Bonus, MaxPoints = 2,
                Method = new ManualMethod(),
            },
            new()
            {
                Code = "9.2", TitleVi = "Điểm trừ do chậm báo cáo", Kind = NodeKind.Penalty, MaxPoints = 3,
                Method = new ManualMethod { Step = 0.5m },
            },
        ],
        Classes = ClassBand.HcmcSixBands,
        Rules =
        [
            .. OutcomeRule.HcmcDefault,
            new()
            {
                Code = "index-band", Kind = OutcomeKind.Discipline, TitleVi = "Chỉ số từ 40 đến dưới 45,5",
                AnyOf =
                [
                    new() { DescriptionVi = "Chỉ số trong khoảng", DescriptionEn = "Index in the range", AllOf = [new IndexCondition { AtLeast = 40, Below = 45.5m }] },
                    new() { DescriptionVi = "Chỉ số dưới 10 hoặc năm trước từ Khá đến Tốt", AllOf = [new IndexCondition { Below = 10 }, new ClassCondition { Year = RuleYear.Previous, AtLeast = "kha", AtMost = "tot" }] },
                ],
            },
            new()
            {
                Code = "excellent", Kind = OutcomeKind.Reward, TitleVi = "Xuất sắc", TitleEn = "Excellent",
                AnyOf = [new() { DescriptionVi = "Chỉ số từ 95", AllOf = [new IndexCondition { AtLeast = 95 }, new TopFractionCondition { Numerator = 1, Denominator = 10 }] }],
            },
        ],
        Crosswalk = new Dictionary<string, string> { ["1.4"] = "1.3", ["1.3"] = "1.5", ["9.2"] = "9.2" },
    };

    /// <summary>A small valid framework (one field, two leaves) for API tests.</summary>
    public static FrameworkDefinition Small(int year = 2025, string block = Block, string title = "Bộ tiêu chí thử nghiệm") => new()
    {
        Year = year,
        BlockCode = block,
        TitleVi = title,
        Nodes =
        [
            new()
            {
                Code = "1", TitleVi = "Chỉ đạo, điều hành", MaxPoints = 3,
                Children =
                [
                    new() { Code = "1.1", TitleVi = "Kế hoạch cải cách hành chính", Kind = NodeKind.Leaf, MaxPoints = 2, Method = new ManualMethod { Step = 0.5m } },
                    new() { Code = "1.2", TitleVi = "Báo cáo định kỳ", Kind = NodeKind.Leaf, MaxPoints = 1, Method = new ManualMethod() },
                ],
            },
        ],
    };
}
