using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace ParIndex.Web.Charts;

/// <summary>
/// Small helpers shared by the server-rendered SVG charts. Coordinates are always written with a decimal point
/// (SVG syntax), while the text a reader sees goes through <see cref="Text.Number(decimal, int)"/> and so has a
/// decimal comma in Vietnamese.
/// </summary>
internal static class Svg
{
    /// <summary>Known class colour tokens (see ClassBand.Color and the .bar--* rules of site.css).</summary>
    private static readonly HashSet<string> ColorTokens = new(StringComparer.Ordinal)
    {
        "excellent", "good", "fair", "average", "weak", "poor", "neutral", "unit", "average-ref",
    };

    /// <summary>Average width of a character relative to the font size, to keep labels inside the view box.</summary>
    public const double CharWidth = 0.56;

    public static string N(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>A colour token safe to put in a class name; unknown tokens fall back to neutral.</summary>
    public static string Token(string? color) => color is not null && ColorTokens.Contains(color) ? color : "neutral";

    /// <summary>Escapes text for element content and attribute values; Vietnamese letters stay readable in the markup.</summary>
    public static string Escape(string? text) => string.IsNullOrEmpty(text) ? "" : AppendEscaped(new StringBuilder(text.Length + 8), text).ToString();

    public static StringBuilder AppendEscaped(StringBuilder builder, string? text)
    {
        if (string.IsNullOrEmpty(text))
            return builder;
        foreach (var c in text)
        {
            switch (c)
            {
                case '&': builder.Append("&amp;"); break;
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '"': builder.Append("&quot;"); break;
                case '\'': builder.Append("&#39;"); break;
                default:
                    if (c >= ' ' || c is '\n' or '\t')
                        builder.Append(c);
                    break;
            }
        }
        return builder;
    }

    /// <summary>Shortens a label to fit <paramref name="width"/> view-box units at <paramref name="fontSize"/>, ending with "…".</summary>
    public static string Fit(string text, double width, double fontSize)
    {
        var maxChars = (int)Math.Floor(width / (fontSize * CharWidth));
        if (maxChars < 2)
            return "…";
        return text.Length <= maxChars ? text : text[..(maxChars - 1)].TrimEnd() + "…";
    }

    public static double TextWidth(string text, double fontSize) => text.Length * fontSize * CharWidth;

    /// <summary>A safe id fragment: letters, digits and dashes only.</summary>
    public static string Id(string id)
    {
        var builder = new StringBuilder(id.Length);
        foreach (var c in id)
            builder.Append(char.IsAsciiLetterOrDigit(c) || c == '-' ? c : '-');
        return builder.Length == 0 ? "chart" : builder.ToString();
    }

    /// <summary>Opens the svg element: an image with an accessible name (title) and description (desc).</summary>
    public static void Open(StringBuilder svg, string id, string kind, double width, double height, string title, string description)
    {
        var safe = Id(id);
        svg.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart-svg chart-svg--").Append(kind)
            .Append("\" id=\"").Append(safe).Append("\" viewBox=\"0 0 ").Append(N(width)).Append(' ').Append(N(height))
            .Append("\" width=\"100%\" preserveAspectRatio=\"xMinYMin meet\" role=\"img\" aria-labelledby=\"")
            .Append(safe).Append("-title ").Append(safe).Append("-desc\" data-chart=\"").Append(kind).Append("\">");
        svg.Append("<title id=\"").Append(safe).Append("-title\">").Append(Escape(title)).Append("</title>");
        svg.Append("<desc id=\"").Append(safe).Append("-desc\">").Append(Escape(description)).Append("</desc>");
    }

    public static void Text(StringBuilder svg, double x, double y, string text, string cssClass, string anchor = "start", double? fontSize = null, string? extra = null)
    {
        svg.Append("<text x=\"").Append(N(x)).Append("\" y=\"").Append(N(y)).Append("\" class=\"").Append(cssClass).Append('"');
        if (anchor != "start")
            svg.Append(" text-anchor=\"").Append(anchor).Append('"');
        if (fontSize is { } size)
            svg.Append(" font-size=\"").Append(N(size)).Append('"');
        if (extra is not null)
            svg.Append(' ').Append(extra);
        AppendEscaped(svg.Append('>'), text).Append("</text>");
    }

    public static void Line(StringBuilder svg, double x1, double y1, double x2, double y2, string cssClass, string? extra = null)
    {
        svg.Append("<line x1=\"").Append(N(x1)).Append("\" y1=\"").Append(N(y1)).Append("\" x2=\"").Append(N(x2)).Append("\" y2=\"").Append(N(y2))
            .Append("\" class=\"").Append(cssClass).Append('"');
        if (extra is not null)
            svg.Append(' ').Append(extra);
        svg.Append("/>");
    }

    /// <summary>Vertical gridlines and tick labels of a 0–max value axis, at every <paramref name="step"/>.</summary>
    public static void ValueGrid(StringBuilder svg, double x0, double plotWidth, decimal max, decimal step, double top, double bottom, bool labelsAbove, bool labelsBelow)
    {
        svg.Append("<g class=\"axis axis--value\">");
        for (var tick = 0m; tick <= max; tick += step)
        {
            var x = x0 + plotWidth * (double)(tick / max);
            Line(svg, x, top, x, bottom, tick == 0 ? "axis-line" : "grid-line", tick == 0 ? "stroke=\"#8a96a6\"" : "stroke=\"#e3e8ef\"");
            var label = Web.Text.Number(tick, 0);
            var anchor = tick == 0 ? "start" : tick == max ? "end" : "middle";
            if (labelsAbove)
                Text(svg, x, top - 5, label, "tick-label", anchor);
            if (labelsBelow)
                Text(svg, x, bottom + 14, label, "tick-label", anchor);
        }
        svg.Append("</g>");
    }

    public static decimal Clamp(decimal value, decimal max) => value < 0 ? 0 : value > max ? max : value;
}

/// <summary>Markup already escaped by the chart, written chunk by chunk (a large block's chart is over 50 KB).</summary>
internal sealed class SvgContent(StringBuilder markup) : IHtmlContent
{
    public void WriteTo(TextWriter writer, HtmlEncoder encoder)
    {
        foreach (var chunk in markup.GetChunks())
            writer.Write(chunk.Span);
    }

    public override string ToString() => markup.ToString();
}
