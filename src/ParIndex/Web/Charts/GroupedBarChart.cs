using System.Text;
using Microsoft.AspNetCore.Html;

namespace ParIndex.Web.Charts;

/// <summary>One group (a field): the values of each series, null where the series has no value (e.g. not applicable).</summary>
public sealed record BarGroup(string Label, IReadOnlyList<decimal?> Values);

/// <summary>A series: its legend name, colour token (e.g. "unit" and "average-ref") and the short word written beside its values.</summary>
public sealed record BarSeries(string Name, string Color, string? Short = null);

public sealed record GroupedBarChartModel(string Id, string Title, string Description, IReadOnlyList<BarSeries> Series, IReadOnlyList<BarGroup> Groups)
{
    public decimal Max { get; init; } = 100;
    public decimal Step { get; init; } = 20;

    /// <summary>Written where a value is missing, e.g. "không áp dụng".</summary>
    public string? MissingText { get; init; }
}

/// <summary>
/// Renders a grouped horizontal bar chart (a unit's field sub-indices beside the block averages) as SVG, with a
/// legend. Every bar carries its value, and bars after the first series also carry the series' name, so the
/// series can be told apart without colour.
/// </summary>
public static class GroupedBarChart
{
    public const double Width = 360;
    private const double Left = 4;
    private const double ValueSpace = 110;
    private const double BarHeight = 12;
    private const double BarGap = 4;
    private const double LabelSize = 13;
    private const double ValueSize = 11;

    /// <summary>The chart for a page: written to the response in the builder's chunks, never as one large string.</summary>
    public static IHtmlContent Render(GroupedBarChartModel model) => new SvgContent(Build(model));

    public static string Markup(GroupedBarChartModel model) => Build(model).ToString();

    private static StringBuilder Build(GroupedBarChartModel model)
    {
        var plotWidth = Width - Left - ValueSpace;
        var series = model.Series.Count;
        var groupHeight = 18 + series * (BarHeight + BarGap) + 8;
        var legendHeight = 24;
        var plotTop = legendHeight + 22;
        var plotBottom = plotTop + Math.Max(model.Groups.Count, 1) * groupHeight;
        var height = plotBottom + 22;
        var svg = new StringBuilder(4096);
        Svg.Open(svg, model.Id, "grouped", Width, height, model.Title, model.Description);

        // Legend: a swatch and the series name for each series.
        svg.Append("<g class=\"legend-svg\">");
        var x = Left;
        foreach (var s in model.Series)
        {
            svg.Append("<rect class=\"bar bar--").Append(Svg.Token(s.Color)).Append("\" x=\"").Append(Svg.N(x)).Append("\" y=\"4\" width=\"14\" height=\"14\" rx=\"2\"/>");
            Svg.Text(svg, x + 19, 16, s.Name, "legend-label");
            x += 19 + Svg.TextWidth(s.Name, 12) + 18;
        }
        svg.Append("</g>");

        double Bar(decimal value) => plotWidth * (double)(Svg.Clamp(value, model.Max) / model.Max);

        Svg.ValueGrid(svg, Left, plotWidth, model.Max, model.Step, plotTop, plotBottom, labelsAbove: true, labelsBelow: true);

        svg.Append("<g class=\"groups\">");
        for (var g = 0; g < model.Groups.Count; g++)
        {
            var group = model.Groups[g];
            var top = plotTop + g * groupHeight;
            svg.Append("<g class=\"bar-group\">");
            Svg.Text(svg, Left, top + 14, Svg.Fit(group.Label, Width - Left, LabelSize), "bar-label");
            for (var s = 0; s < series; s++)
            {
                var value = s < group.Values.Count ? group.Values[s] : null;
                var y = top + 18 + s * (BarHeight + BarGap);
                var name = model.Series[s].Name;
                var valueText = value is { } v ? Text.Number(v) : model.MissingText ?? "—";
                var label = s == 0 ? valueText : $"{valueText} ({model.Series[s].Short ?? name})";
                svg.Append("<g class=\"bar-item\"><title>").Append(Svg.Escape($"{group.Label} — {name}: {valueText}")).Append("</title>");
                var width = value is { } w ? Math.Max(Bar(w), 0.5) : 0;
                if (value is not null)
                    svg.Append("<rect class=\"bar bar--").Append(Svg.Token(model.Series[s].Color)).Append("\" x=\"").Append(Svg.N(Left)).Append("\" y=\"").Append(Svg.N(y))
                        .Append("\" width=\"").Append(Svg.N(width)).Append("\" height=\"").Append(Svg.N(BarHeight)).Append("\" rx=\"2\"/>");
                Svg.Text(svg, Left + width + 4, y + BarHeight - 2, Svg.Fit(label, Width - Left - width - 4, ValueSize), "value-label");
                svg.Append("</g>");
            }
            svg.Append("</g>");
        }
        svg.Append("</g></svg>");
        return svg;
    }
}
