using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace ParIndex.Web.Charts;

/// <summary>A point of a trend: the year, the value, and whether it is a stand-in (e.g. the predecessors' mean) rather than the unit's own.</summary>
public sealed record LinePoint(int Year, decimal Value, bool Derived = false);

public sealed record LineChartModel(string Id, string Title, string Description, IReadOnlyList<LinePoint> Points)
{
    public decimal Max { get; init; } = 100;
    public decimal Step { get; init; } = 20;
    public string? ValueAxisLabel { get; init; }
    public string? YearAxisLabel { get; init; }

    /// <summary>Legend entries for own and derived points (the derived one is shown only when a point is derived).</summary>
    public string? OwnLabel { get; init; }
    public string? DerivedLabel { get; init; }
}

/// <summary>
/// Renders a line chart of a value over years as SVG: a 0–max value axis with gridlines, a year axis, a labelled
/// point per year. Derived points are hollow and joined by a dashed segment, and the legend says what they are,
/// so the distinction does not rest on colour.
/// </summary>
public static class LineChart
{
    public const double Width = 360;
    public const double Height = 258;
    private const double Left = 40;
    private const double Right = 20;
    private const double Top = 24;
    private const double Bottom = 196;

    /// <summary>The chart for a page: written to the response in the builder's chunks, never as one large string.</summary>
    public static IHtmlContent Render(LineChartModel model) => new SvgContent(Build(model));

    public static string Markup(LineChartModel model) => Build(model).ToString();

    private static StringBuilder Build(LineChartModel model)
    {
        var points = model.Points.OrderBy(p => p.Year).ToList();
        var derived = points.Any(p => p.Derived);
        var plotWidth = Width - Left - Right;
        var svg = new StringBuilder(2048);
        Svg.Open(svg, model.Id, "line", Width, Height, model.Title, model.Description);

        double Y(decimal value) => Bottom - (Bottom - Top) * (double)(Svg.Clamp(value, model.Max) / model.Max);
        double X(int index) => points.Count <= 1 ? Left + plotWidth / 2 : Left + 16 + (plotWidth - 32) * index / (points.Count - 1);

        // Value axis: horizontal gridlines with labels at the left.
        svg.Append("<g class=\"axis axis--value\">");
        for (var tick = 0m; tick <= model.Max; tick += model.Step)
        {
            var y = Y(tick);
            Svg.Line(svg, Left, y, Width - Right, y, tick == 0 ? "axis-line" : "grid-line", tick == 0 ? "stroke=\"#8a96a6\"" : "stroke=\"#e3e8ef\"");
            Svg.Text(svg, Left - 6, y + 4, Text.Number(tick, 0), "tick-label", "end");
        }
        svg.Append("</g>");
        if (!string.IsNullOrWhiteSpace(model.ValueAxisLabel))
            Svg.Text(svg, 0, 12, model.ValueAxisLabel, "axis-title");

        // Year axis.
        svg.Append("<g class=\"axis axis--year\">");
        for (var i = 0; i < points.Count; i++)
        {
            Svg.Line(svg, X(i), Bottom, X(i), Bottom + 4, "axis-line", "stroke=\"#8a96a6\"");
            Svg.Text(svg, X(i), Bottom + 17, points[i].Year.ToString(CultureInfo.InvariantCulture), "tick-label year-label", "middle");
        }
        svg.Append("</g>");
        if (!string.IsNullOrWhiteSpace(model.YearAxisLabel))
            Svg.Text(svg, Left + plotWidth / 2, Bottom + 33, model.YearAxisLabel, "axis-title", "middle");

        // The line: solid between own points, dashed where a derived point is involved.
        svg.Append("<g class=\"series\">");
        for (var i = 1; i < points.Count; i++)
        {
            var dashed = points[i - 1].Derived || points[i].Derived;
            Svg.Line(svg, X(i - 1), Y(points[i - 1].Value), X(i), Y(points[i].Value), dashed ? "line line--derived" : "line",
                "stroke=\"#0b4f8a\" stroke-width=\"2.5\"" + (dashed ? " stroke-dasharray=\"6 4\"" : ""));
        }
        for (var i = 0; i < points.Count; i++)
        {
            var point = points[i];
            var value = Text.Number(point.Value);
            var what = point.Derived ? model.DerivedLabel ?? Text.T("so sánh", "comparison") : model.OwnLabel ?? "";
            svg.Append("<g class=\"point").Append(point.Derived ? " point--derived" : "").Append("\" data-year=\"").Append(point.Year.ToString(CultureInfo.InvariantCulture))
                .Append("\"><title>").Append(Svg.Escape(string.IsNullOrEmpty(what) ? $"{point.Year}: {value}" : $"{point.Year}: {value} ({what})")).Append("</title>");
            svg.Append("<circle class=\"").Append(point.Derived ? "dot dot--derived" : "dot").Append("\" cx=\"").Append(Svg.N(X(i))).Append("\" cy=\"").Append(Svg.N(Y(point.Value)))
                .Append("\" r=\"5\"").Append(point.Derived ? " fill=\"#ffffff\" stroke=\"#0b4f8a\" stroke-width=\"2\"" : " fill=\"#0b4f8a\"").Append("/>");
            // Labels go above the point, or below it when the point is near the top of the plot.
            var labelY = Y(point.Value) < Top + 14 ? Y(point.Value) + 18 : Y(point.Value) - 10;
            Svg.Text(svg, X(i), labelY, point.Derived ? value + "*" : value, "value-label", "middle");
            svg.Append("</g>");
        }
        svg.Append("</g>");

        // Legend under the year axis.
        svg.Append("<g class=\"legend-svg\">");
        var legendY = Height - 8;
        var x = Left;
        if (!string.IsNullOrWhiteSpace(model.OwnLabel))
        {
            svg.Append("<circle class=\"dot\" cx=\"").Append(Svg.N(x + 5)).Append("\" cy=\"").Append(Svg.N(legendY - 4)).Append("\" r=\"5\" fill=\"#0b4f8a\"/>");
            Svg.Text(svg, x + 14, legendY, model.OwnLabel, "legend-label");
            x += 14 + Svg.TextWidth(model.OwnLabel, 12) + 16;
        }
        if (derived)
        {
            var label = "* " + (model.DerivedLabel ?? Text.T("so sánh", "comparison"));
            svg.Append("<circle class=\"dot dot--derived\" cx=\"").Append(Svg.N(x + 5)).Append("\" cy=\"").Append(Svg.N(legendY - 4)).Append("\" r=\"5\" fill=\"#ffffff\" stroke=\"#0b4f8a\" stroke-width=\"2\"/>");
            Svg.Text(svg, x + 14, legendY, Svg.Fit(label, Width - x - 14, 12), "legend-label");
        }
        svg.Append("</g></svg>");
        return svg;
    }
}
