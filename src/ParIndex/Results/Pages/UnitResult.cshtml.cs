using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using ParIndex.Accounts;
using ParIndex.Core.Frameworks;
using ParIndex.Core.Scoring;
using ParIndex.Web;
using ParIndex.Web.Charts;
using static ParIndex.Web.Text;

namespace ParIndex.Results.Pages;

/// <summary>One row of the explainer: a node of the framework tree with its depth and the unit's score for it.</summary>
public sealed record ExplainerRow(FrameworkNode Node, int Depth, NodeScore? Score);

/// <summary>
/// A unit's result: index, rank, class, change (with the lineage basis), field sub-indices against the block
/// average, the trend over years, reward and discipline outcomes, and every node of the framework with how its
/// points came about.
/// </summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicCache.Policy)]
public sealed class UnitResultModel(ResultsQuery query) : PageModel
{
    public UnitResultView? View { get; private set; }
    public IReadOnlyList<ExplainerRow> Explainer { get; private set; } = [];
    public bool IsAdmin { get; private set; }

    public async Task<IActionResult> OnGetAsync(int year, string block, string unit, CancellationToken cancellationToken)
    {
        IsAdmin = User.IsInRole(Roles.Administrator);
        View = await query.UnitAsync(year, block, unit, IsAdmin, cancellationToken);
        if (View is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        if (IsAdmin && !View.Block.IsPublished)
            ViewData[PublicationBanner.Key] = await HttpContext.RequestServices.GetRequiredService<Publication.PublicationService>().StatusAsync(year, block, cancellationToken);
        var rows = new List<ExplainerRow>();
        void Walk(FrameworkNode node, int depth)
        {
            rows.Add(new ExplainerRow(node, depth, View.Detail.Nodes.GetValueOrDefault(node.Code)));
            foreach (var child in node.Children)
                Walk(child, depth + 1);
        }
        foreach (var node in View.Framework.Nodes)
            Walk(node, 1);
        Explainer = rows;
        return Page();
    }

    public string UnitName => View is null ? "" : ResultsUi.UnitName(View.Line);

    public GroupedBarChartModel FieldChart()
    {
        var view = View!;
        var groups = view.Block.Fields.Select(f => new BarGroup(
            $"{f.Code}. {ResultsUi.FieldTitle(f)}",
            [
                view.Line.FieldIndex.GetValueOrDefault(f.Code) is { } own ? Rounding.Round2(own) : null,
                view.Block.AverageFieldIndex.TryGetValue(f.Code, out var average) ? Rounding.Round2(average) : null,
            ])).ToList();
        var parts = view.Block.Fields.Select(f =>
            $"{f.Code}: {Number(view.Line.FieldIndex.GetValueOrDefault(f.Code))} / {Number(view.Block.AverageFieldIndex.TryGetValue(f.Code, out var a) ? a : null)}");
        return new GroupedBarChartModel(
            "chart-fields",
            T($"Chỉ số thành phần của {UnitName} so với bình quân khối", $"Field sub-indices of {UnitName} against the block average"),
            T($"Biểu đồ thanh ngang theo lĩnh vực, trục 0–100 %; mỗi lĩnh vực: chỉ số của đơn vị / bình quân khối — {string.Join("; ", parts)}.",
              $"Horizontal bar chart by field, axis 0–100 %; for each field: the unit's sub-index / the block average — {string.Join("; ", parts)}."),
            [new BarSeries(UnitName, "unit"), new BarSeries(T("Bình quân khối", "Block average"), "average-ref", T("bình quân", "average"))],
            groups)
        {
            MissingText = T("không phát sinh", "not applicable"),
        };
    }

    public LineChartModel TrendChart()
    {
        var view = View!;
        var points = view.Trend.Select(t => new LinePoint(t.Year, Rounding.Round2(t.Index), t.FromLineage)).ToList();
        var parts = view.Trend.Select(t => t.FromLineage
            ? T($"{t.Year}: {Number(t.Index)} (theo đơn vị tiền thân)", $"{t.Year}: {Number(t.Index)} (from the predecessors)")
            : $"{t.Year}: {Number(t.Index)}");
        return new LineChartModel(
            "chart-trend",
            T($"Chỉ số CCHC của {UnitName} qua các năm", $"PAR Index of {UnitName} over the years"),
            T($"Biểu đồ đường, trục năm và trục chỉ số 0–100 %: {string.Join("; ", parts)}.", $"Line chart, years against index 0–100 %: {string.Join("; ", parts)}."),
            points)
        {
            ValueAxisLabel = T("Chỉ số (%)", "Index (%)"),
            YearAxisLabel = T("Năm", "Year"),
            OwnLabel = T("Chỉ số của đơn vị", "The unit's index"),
            DerivedLabel = T("So sánh theo đơn vị tiền thân", "Comparison through the predecessors"),
        };
    }

    public static string MethodName(string method) => method switch
    {
        "manual" => T("Chấm điểm trực tiếp", "Points entered"),
        "rubric" => T("Chọn mức đánh giá", "Rubric level"),
        "ratio" => T("Tỷ lệ (tử số/mẫu số)", "Ratio (numerator/denominator)"),
        "metric" => T("Chỉ số từ dữ liệu", "Metric from data"),
        "survey" => T("Kết quả khảo sát", "Survey result"),
        _ => method,
    };

    public static string InputText(LeafInput? input) => input?.Kind switch
    {
        null => T("chưa có", "none"),
        InputKind.Points => T($"{Number(input.Points)} điểm", $"{Number(input.Points)} points"),
        InputKind.Level => T($"mức {input.Level}", $"level {input.Level}"),
        InputKind.Ratio => $"{Number(input.Numerator)} / {Number(input.Denominator)}",
        InputKind.Value => Number(input.Value),
        _ => T("không phát sinh", "not applicable"),
    };

    /// <summary>The label of the rubric level the input chose, in the reader's language when the framework has it.</summary>
    public static string? LevelLabel(FrameworkNode node, LeafExplanation leaf)
    {
        if (UiLanguage.IsEnglish && node.Method is RubricMethod rubric
            && rubric.Levels.FirstOrDefault(l => l.Code == leaf.Input?.Level) is { } level && !string.IsNullOrWhiteSpace(level.LabelEn))
            return level.LabelEn;
        return leaf.LevelLabelVi;
    }

    /// <summary>Notes for a node: capped, not applicable, missing input.</summary>
    public static IReadOnlyList<string> Notes(ExplainerRow row)
    {
        var notes = new List<string>();
        if (row.Score is not { } score)
            return notes;
        if (score.NotApplicable)
            notes.Add(T("Không phát sinh", "Not applicable"));
        if (score.MissingInput)
            notes.Add(T("Chưa có dữ liệu chấm điểm", "No input"));
        if (score.Capped)
            notes.Add(T($"Đã áp điểm trần (trước trần: {Number(score.RawPoints)})", $"Capped (before the cap: {Number(score.RawPoints)})"));
        return notes;
    }

    public static string KindName(NodeKind kind) => kind switch
    {
        NodeKind.Bonus => T("Điểm thưởng", "Bonus"),
        NodeKind.Penalty => T("Điểm trừ", "Penalty"),
        _ => "",
    };
}
