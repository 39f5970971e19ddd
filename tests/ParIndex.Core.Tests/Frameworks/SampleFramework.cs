using ParIndex.Core.Frameworks;

namespace ParIndex.Core.Tests.Frameworks;

/// <summary>
/// A small valid framework using every node kind, scoring method, points mode and rule condition, and
/// helpers to change one node so each test breaks exactly one rule.
/// </summary>
internal static class SampleFramework
{
    public static FrameworkDefinition Create() => new()
    {
        Year = 2024,
        BlockCode = "so-ban-nganh",
        TitleVi = "Bộ tiêu chí đánh giá Chỉ số cải cách hành chính năm 2024",
        TitleEn = "PAR Index criteria 2024",
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
                                Method = new MetricMethod { Metric = MetricNames.DossiersOnTimeRate, Rule = new() { Mode = PointsMode.Threshold, Threshold = 90 } },
                                LegalBasis = "Quyết định 766/QĐ-TTg ngày 23/6/2022", LeadAgencyCode = "TTPVHCC",
                            },
                            new()
                            {
                                Code = "1.1.2", TitleVi = "Tỷ lệ hồ sơ trễ hạn", Kind = NodeKind.Leaf, MaxPoints = 1.5m,
                                Method = new MetricMethod
                                {
                                    Metric = MetricNames.DossiersLateRate,
                                    Rule = new()
                                    {
                                        Mode = PointsMode.Brackets,
                                        Brackets = [new() { To = 1, Points = 1.5m }, new() { From = 1, To = 5, Points = 0.75m }, new() { From = 5, Points = 0 }],
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
                        Code = "1.2", TitleVi = "Công khai thủ tục hành chính", Kind = NodeKind.Leaf, MaxPoints = 2,
                        Method = new RubricMethod
                        {
                            Levels =
                            [
                                new() { Code = "full", LabelVi = "Hoàn thành 100 % kế hoạch", LabelEn = "Plan fully done", Points = 2 },
                                new() { Code = "partial", LabelVi = "Từ 80 % đến dưới 100 %", Points = 1 },
                                new() { Code = "none", LabelVi = "Dưới 80 %", Points = 0 },
                            ],
                        },
                        GuidanceVi = "Căn cứ báo cáo của đơn vị", GuidanceEn = "Based on the unit's report",
                    },
                    new()
                    {
                        Code = "1.3", TitleVi = "Xin lỗi người dân khi trễ hạn", Kind = NodeKind.Leaf, MaxPoints = 2,
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
        Rules =
        [
            .. OutcomeRule.HcmcDefault,
            new()
            {
                Code = "low-index", Kind = OutcomeKind.Discipline, TitleVi = "Chỉ số dưới 40 %",
                AnyOf = [new() { DescriptionVi = "Chỉ số dưới 40 %", AllOf = [new IndexCondition { AtLeast = 0, Below = 40 }] }],
            },
        ],
        Crosswalk = new Dictionary<string, string> { ["1.3"] = "1.4" },
    };

    /// <summary>The framework with the node <paramref name="code"/> replaced by <paramref name="change"/>(node).</summary>
    public static FrameworkDefinition WithNode(this FrameworkDefinition framework, string code, Func<FrameworkNode, FrameworkNode> change)
    {
        var found = false;
        IReadOnlyList<FrameworkNode> Walk(IReadOnlyList<FrameworkNode> nodes) =>
        [
            .. nodes.Select(n =>
            {
                if (n.Code == code)
                {
                    found = true;
                    return change(n);
                }
                return n with { Children = Walk(n.Children) };
            }),
        ];
        var result = framework with { Nodes = Walk(framework.Nodes) };
        Assert.True(found, $"The sample has no node {code}.");
        return result;
    }

    public static FrameworkDefinition WithMethod<TMethod>(this FrameworkDefinition framework, string code, Func<TMethod, ScoringMethod> change)
        where TMethod : ScoringMethod =>
        framework.WithNode(code, n => n with { Method = change(Assert.IsType<TMethod>(n.Method)) });

    public static FrameworkNode Node(this FrameworkDefinition framework, string code) => framework.AllNodes().Single(n => n.Code == code);
}
