using Microsoft.Extensions.DependencyInjection;
using ParIndex.Core.Frameworks;
using ParIndex.Core.Lineage;
using ParIndex.Core.Scoring;
using ParIndex.Frameworks;
using ParIndex.Publication;
using ParIndex.Results;
using ParIndex.Units;

namespace ParIndex.Tests.Infrastructure;

/// <summary>
/// A small city built through the app's own services: block "SBN" in 2024 and 2025 with five departments
/// (two of 2024 merge into one in 2025), a two-field framework using every scoring method, final inputs,
/// computed results. Tests choose whether to publish.
/// </summary>
public static class SmallCity
{
    public const string Block = "SBN";
    public static readonly string[] Units2024 = ["STP", "SNV", "SCT", "SKHDT", "STC"];
    public static readonly string[] Units2025 = ["STP", "SNV", "SCT", "STC2"];

    public static readonly Dictionary<string, string> Names = new()
    {
        ["STP"] = "Sở Tư pháp", ["SNV"] = "Sở Nội vụ", ["SCT"] = "Sở Công Thương", ["SKHDT"] = "Sở Kế hoạch và Đầu tư",
        ["STC"] = "Sở Tài chính", ["STC2"] = "Sở Tài chính (hợp nhất)",
    };

    public static FrameworkDefinition Framework(int year) => new()
    {
        Year = year,
        BlockCode = Block,
        TitleVi = $"Bộ tiêu chí khối sở, ban, ngành năm {year}",
        Nodes =
        [
            new()
            {
                Code = "1", TitleVi = "Công tác chỉ đạo, điều hành CCHC", TitleEn = "Direction of reform", MaxPoints = 10,
                Children =
                [
                    new() { Code = "1.1", TitleVi = "Kế hoạch CCHC năm", Kind = NodeKind.Leaf, MaxPoints = 4, Method = new ManualMethod { Step = 0.25m }, EvidenceRequired = true, LeadAgencyCode = "SNV" },
                    new()
                    {
                        Code = "1.2", TitleVi = "Mức độ hoàn thành kế hoạch", Kind = NodeKind.Leaf, MaxPoints = 3,
                        Method = new RubricMethod
                        {
                            Levels =
                            [
                                new() { Code = "A", LabelVi = "Hoàn thành 100 %", Points = 3 },
                                new() { Code = "B", LabelVi = "Từ 80 % đến dưới 100 %", Points = 1.5m },
                                new() { Code = "C", LabelVi = "Dưới 80 %", Points = 0 },
                            ],
                        },
                    },
                    new()
                    {
                        Code = "1.3", TitleVi = "Tỷ lệ nhiệm vụ hoàn thành", Kind = NodeKind.Leaf, MaxPoints = 3, NotApplicable = NotApplicablePolicy.RemoveFromMaximum,
                        Method = new RatioMethod { Rule = new PointsRule { Mode = PointsMode.Proportional } },
                    },
                ],
            },
            new()
            {
                Code = "2", TitleVi = "Cải cách thủ tục hành chính", TitleEn = "Administrative procedures", MaxPoints = 10,
                Children =
                [
                    new()
                    {
                        Code = "2.1", TitleVi = "Tỷ lệ hồ sơ giải quyết đúng hạn", Kind = NodeKind.Leaf, MaxPoints = 6,
                        Method = new MetricMethod { Metric = "dossiers.on_time_rate", Rule = new PointsRule { Mode = PointsMode.Threshold, Threshold = 95 } },
                    },
                    new() { Code = "2.2", TitleVi = "Mức độ hài lòng (SIPAS)", Kind = NodeKind.Leaf, MaxPoints = 4, Method = new SurveyMethod { Survey = "sipas.overall" } },
                ],
            },
            new() { Code = "T", TitleVi = "Điểm thưởng", Kind = NodeKind.Bonus, MaxPoints = 1, Method = new ManualMethod() },
        ],
    };

    /// <summary>Inputs that give a clear order: the first unit best, the last worst.</summary>
    public static IReadOnlyDictionary<string, LeafInput> Inputs(int position) => new Dictionary<string, LeafInput>
    {
        ["1.1"] = LeafInput.OfPoints(4 - position * 0.5m),
        ["1.2"] = LeafInput.OfLevel(position < 2 ? "A" : position < 4 ? "B" : "C"),
        ["1.3"] = LeafInput.OfRatio(10 - position, 10),
        ["2.1"] = LeafInput.OfValue(99 - position * 6),
        ["2.2"] = LeafInput.OfValue(95 - position * 8),
    };

    public static async Task BuildAsync(TestApp app, bool publish, bool include2025 = true)
    {
        await app.WithScopeAsync(async services =>
        {
            var units = services.GetRequiredService<UnitService>();
            var blocks = services.GetRequiredService<BlockService>();
            var lineage = services.GetRequiredService<LineageService>();
            var frameworks = services.GetRequiredService<FrameworkService>();
            var scores = services.GetRequiredService<ScoreEntryService>();
            var computation = services.GetRequiredService<ResultsComputation>();
            var publication = services.GetRequiredService<PublicationService>();

            foreach (var (code, name) in Names)
            {
                var validTo = code is "SKHDT" or "STC" ? new DateOnly(2025, 6, 30) : (DateOnly?)null;
                var validFrom = code == "STC2" ? new DateOnly(2025, 7, 1) : new DateOnly(2000, 1, 1);
                Check((await units.SaveAsync(new UnitDto(code, name, null, UnitKind.Department, validFrom, validTo, null), "test")).Succeeded, code);
            }
            int[] selectedYears = include2025 ? [2024, 2025] : [2024];
            foreach (var year in selectedYears)
            {
                var members = year == 2024 ? Units2024 : Units2025;
                Check((await blocks.SaveAsync(year, new BlockInput(Block, "Khối sở, ban, ngành", "Departments"), "test")).Succeeded, "block");
                Check((await blocks.SetMembersAsync(year, Block, members, "test")).Succeeded, "members");
                var draft = await frameworks.SaveDraftAsync(year, Block, Framework(year), null, "test");
                Check(draft.Succeeded, "framework " + string.Join("; ", draft.Problems?.Lines() ?? []));
                Check((await frameworks.PublishAsync(draft.Value!.Id, "test")).Succeeded, "publish framework");
                for (var i = 0; i < members.Length; i++)
                    foreach (var (node, input) in Inputs(i))
                        Check((await scores.SetAsync(year, members[i], node, input, "test")).Succeeded, $"score {members[i]} {node}");
                if (year == 2025)
                {
                    Check((await lineage.AddAsync(new SuccessionInput("SKHDT", "STC2", new DateOnly(2025, 7, 1), SuccessionKind.Merge, null), "test")).Succeeded, "lineage");
                    Check((await lineage.AddAsync(new SuccessionInput("STC", "STC2", new DateOnly(2025, 7, 1), SuccessionKind.Merge, null), "test")).Succeeded, "lineage");
                }
                Check((await computation.ComputeBlockAsync(year, Block, "test")).Succeeded, "compute");
                if (publish)
                    Check((await publication.SetPublishedAsync(year, Block, true, "test")).Succeeded, "publish");
            }
            return 0;
        });
    }

    private static void Check(bool succeeded, string what)
    {
        if (!succeeded)
            throw new InvalidOperationException($"SmallCity could not create {what}.");
    }
}
