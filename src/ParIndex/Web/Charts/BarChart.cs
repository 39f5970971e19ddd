using System.Text;
using Microsoft.AspNetCore.Html;

namespace ParIndex.Web.Charts;

/// <summary>One bar: a unit's index, coloured by its class, with the class name written next to the value.</summary>
public sealed record BarItem(string Label, decimal Value, string Color, string? ClassName = null);

/// <summary>A horizontal bar chart on a 0–<see cref="Max"/> axis with an optional reference line (the block average).</summary>
public sealed record BarChartModel(string Id, string Title, string Description, IReadOnlyList<BarItem> Bars)
{
    public decimal Max { get; init; } = 100;
    public decimal Step { get; init; } = 20;
    public decimal? Reference { get; init; }
    public string? ReferenceLabel { get; init; }
    public string? AxisLabel { get; init; }
}

/// <summary>
/// Renders a horizontal bar chart as SVG. Each row puts the label on its own line above the bar, with the value and
/// the class name at the right, so the chart stays readable when scaled down to a phone's width and the colour is
/// never the only signal. The view box is narrow on purpose: the page scales it with CSS (width 100%).
/// </summary>
public static class BarChart
{
    public const double Width = 360;
    private const double Left = 4;
    private const double Right = 4;
    private const double RowHeight = 34;
    private const double BarHeight = 12;
    private const double LabelSize = 13;
    private const double Top = 40;

    /// <summary>The chart for a page: written to the response in the builder's chunks, never as one large string.</summary>
    public static IHtmlContent Render(BarChartModel model) => new SvgContent(Build(model));

    public static string Markup(BarChartModel model) => Build(model).ToString();

    private static StringBuilder Build(BarChartModel model)
    {
        var plotWidth = Width - Left - Right;
        var rows = model.Bars.Count;
        var plotTop = Top;
        var plotBottom = plotTop + Math.Max(rows, 1) * RowHeight;
        var labelsBelow = rows > 0;
        var axisTitle = string.IsNullOrWhiteSpace(model.AxisLabel) ? null : model.AxisLabel;
        var height = plotBottom + (labelsBelow ? 22 : 6) + (axisTitle is null ? 0 : 18);
        // Modest initial capacity: the builder then grows in chunks, never one large-object array.
        var svg = new StringBuilder(4096);
        Svg.Open(svg, model.Id, "bars", Width, height, model.Title, model.Description);

        double X(decimal value) => Left + plotWidth * (double)(Svg.Clamp(value, model.Max) / model.Max);

        Svg.ValueGrid(svg, Left, plotWidth, model.Max, model.Step, plotTop, plotBottom, labelsAbove: true, labelsBelow: labelsBelow);

        svg.Append("<g class=\"bars\">");
        for (var i = 0; i < rows; i++)
        {
            var bar = model.Bars[i];
            var rowTop = plotTop + i * RowHeight;
            var token = Svg.Token(bar.Color);
            var value = Text.Number(bar.Value);
            var valueText = bar.ClassName is null ? value : $"{value} · {bar.ClassName}";
            var nameWidth = plotWidth - Svg.TextWidth(valueText, LabelSize) - 8;
            var fullText = bar.ClassName is null ? $"{bar.Label}: {value}" : $"{bar.Label}: {value} — {bar.ClassName}";
            svg.Append("<g class=\"bar-row\" data-value=\"").Append(Svg.Escape(value)).Append("\"><title>").Append(Svg.Escape(fullText)).Append("</title>");
            Svg.Text(svg, Left, rowTop + 13, Svg.Fit(bar.Label, nameWidth, LabelSize), "bar-label");
            Svg.Text(svg, Width - Right, rowTop + 13, valueText, "value-label", "end");
            var barWidth = X(bar.Value) - Left;
            svg.Append("<rect class=\"bar bar--").Append(token).Append("\" x=\"").Append(Svg.N(Left)).Append("\" y=\"").Append(Svg.N(rowTop + 17))
                .Append("\" width=\"").Append(Svg.N(Math.Max(barWidth, 0.5))).Append("\" height=\"").Append(Svg.N(BarHeight)).Append("\" rx=\"2\"/>");
            svg.Append("</g>");
        }
        svg.Append("</g>");

        if (model.Reference is { } reference)
        {
            var x = X(reference);
            var label = $"{model.ReferenceLabel ?? Text.T("Bình quân", "Average")}: {Text.Number(reference)}";
            var labelWidth = Svg.TextWidth(label, 11);
            // Keep the label inside the view box: centred on the line unless it would run off an edge.
            var anchor = x - labelWidth / 2 < 0 ? "start" : x + labelWidth / 2 > Width ? "end" : "middle";
            svg.Append("<g class=\"reference\">");
            Svg.Line(svg, x, plotTop - 2, x, plotBottom, "ref-line", "stroke=\"#1b2430\" stroke-width=\"1.5\" stroke-dasharray=\"5 3\"");
            Svg.Text(svg, anchor == "start" ? 0 : anchor == "end" ? Width : x, 12, label, "ref-label", anchor);
            svg.Append("</g>");
        }

        if (axisTitle is not null)
            Svg.Text(svg, Width / 2, height - 4, axisTitle, "axis-title", "middle");
        svg.Append("</svg>");
        return svg;
    }
}
