using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Html;
using ParIndex.Web;

namespace ParIndex.Surveys.Pages;

/// <summary>One bar: a unit's share with its 95 % interval; flagged bars (below the minimum n) are drawn grey and say so.</summary>
public sealed record IntervalBar(string Label, decimal Value, decimal? Low, decimal? High, bool Flagged);

/// <summary>
/// Horizontal bars on a 0–100 % axis with the Wilson interval as a whisker, server-rendered SVG (role img, title and
/// description). The value is written beside every bar, so neither colour nor length is the only signal; the
/// table next to the chart carries the same figures.
/// </summary>
public static class SurveyChart
{
    private const double Width = 640, Left = 190, Right = 70, Row = 24, Top = 28;

    public static IHtmlContent Render(string id, string title, string description, IReadOnlyList<IntervalBar> bars, string flaggedNote)
    {
        var plot = Width - Left - Right;
        var height = Top + bars.Count * Row + 26;
        string N(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);
        double X(decimal v) => Left + plot * (double)Math.Clamp(v, 0, 100) / 100;
        var svg = new StringBuilder();
        svg.Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {N(Width)} {N(height)}\" role=\"img\" aria-labelledby=\"{id}-t {id}-d\" id=\"{id}\">");
        svg.Append($"<title id=\"{id}-t\">{Escape(title)}</title><desc id=\"{id}-d\">{Escape(description)}</desc>");
        for (var tick = 0; tick <= 100; tick += 20)
        {
            var x = X(tick);
            svg.Append($"<line class=\"grid\" x1=\"{N(x)}\" y1=\"{N(Top - 6)}\" x2=\"{N(x)}\" y2=\"{N(Top + bars.Count * Row)}\"/>");
            svg.Append($"<text class=\"tick\" x=\"{N(x)}\" y=\"{N(Top - 10)}\" text-anchor=\"middle\">{tick} %</text>");
        }
        for (var i = 0; i < bars.Count; i++)
        {
            var bar = bars[i];
            var y = Top + i * Row;
            var value = Text.Number(bar.Value) + " %" + (bar.Flagged ? " *" : "");
            svg.Append($"<g><title>{Escape($"{bar.Label}: {value}{(bar.Low is { } lo && bar.High is { } hi ? $" ({Text.Number(lo)}–{Text.Number(hi)} %)" : "")}{(bar.Flagged ? " — " + flaggedNote : "")}")}</title>");
            var label = bar.Label.Length > 28 ? bar.Label[..27] + "…" : bar.Label;
            svg.Append($"<text x=\"{N(Left - 6)}\" y=\"{N(y + 15)}\" text-anchor=\"end\">{Escape(label)}</text>");
            svg.Append($"<rect class=\"bar{(bar.Flagged ? " bar--flagged" : "")}\" x=\"{N(Left)}\" y=\"{N(y + 5)}\" width=\"{N(Math.Max(0.5, X(bar.Value) - Left))}\" height=\"14\" rx=\"2\"/>");
            if (bar.Low is { } low && bar.High is { } high)
            {
                svg.Append($"<line class=\"whisker\" x1=\"{N(X(low))}\" y1=\"{N(y + 12)}\" x2=\"{N(X(high))}\" y2=\"{N(y + 12)}\"/>");
                svg.Append($"<line class=\"whisker\" x1=\"{N(X(low))}\" y1=\"{N(y + 7)}\" x2=\"{N(X(low))}\" y2=\"{N(y + 17)}\"/>");
                svg.Append($"<line class=\"whisker\" x1=\"{N(X(high))}\" y1=\"{N(y + 7)}\" x2=\"{N(X(high))}\" y2=\"{N(y + 17)}\"/>");
            }
            svg.Append($"<text x=\"{N(Width - Right + 6)}\" y=\"{N(y + 15)}\">{Escape(value)}</text></g>");
        }
        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }

    private static string Escape(string text) => System.Net.WebUtility.HtmlEncode(text);
}
