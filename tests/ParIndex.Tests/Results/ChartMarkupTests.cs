using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using ParIndex.Web.Charts;

namespace ParIndex.Tests.Results;

/// <summary>The SVG charts as markup: well-formed, accessible (role, title, desc), one bar or point per value, labels in the reader's language.</summary>
public sealed class ChartMarkupTests : IDisposable
{
    private static readonly XNamespace SvgNs = "http://www.w3.org/2000/svg";
    private readonly CultureInfo culture = CultureInfo.CurrentCulture;
    private readonly CultureInfo uiCulture = CultureInfo.CurrentUICulture;

    public ChartMarkupTests() => Use("vi-VN");

    public void Dispose()
    {
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = uiCulture;
    }

    private static void Use(string name)
    {
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(name);
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);
    }

    private static BarChartModel Bars() => new("chart-test", "Chỉ số CCHC năm 2025", "Ba đơn vị theo thứ hạng",
        [
            new BarItem("1. Sở Tư pháp", 89.95m, "good", "Tốt"),
            new BarItem("2. Sở Nội vụ & <Ban>", 75.5m, "fair", "Khá"),
            new BarItem("3. Sở Công Thương", 48.25m, "weak", "Yếu"),
        ])
    {
        Reference = 71.23m,
        ReferenceLabel = "Bình quân khối",
        AxisLabel = "Chỉ số (%)",
    };

    [Fact]
    public void BarChartIsAnAccessibleImageWithOneColouredBarPerUnitAndItsValueAndClassAsText()
    {
        var markup = BarChart.Markup(Bars());
        var svg = XElement.Parse(markup);

        Assert.Equal("img", (string?)svg.Attribute("role"));
        Assert.NotNull(svg.Attribute("viewBox"));
        Assert.Equal("100%", (string?)svg.Attribute("width"));
        Assert.Equal("Chỉ số CCHC năm 2025", svg.Element(SvgNs + "title")?.Value);
        Assert.Equal("Ba đơn vị theo thứ hạng", svg.Element(SvgNs + "desc")?.Value);
        Assert.Equal("chart-test-title chart-test-desc", (string?)svg.Attribute("aria-labelledby"));

        var bars = svg.Descendants(SvgNs + "rect").Where(r => ((string?)r.Attribute("class") ?? "").StartsWith("bar ", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, bars.Count);
        Assert.Equal(["bar bar--good", "bar bar--fair", "bar bar--weak"], bars.Select(b => (string?)b.Attribute("class")));
        // Widths are proportional to the values on a 0–100 axis, and written with a decimal point.
        var widths = bars.Select(b => double.Parse((string)b.Attribute("width")!, CultureInfo.InvariantCulture)).ToList();
        Assert.True(widths[0] > widths[1] && widths[1] > widths[2]);
        Assert.Equal(89.95 / 48.25, widths[0] / widths[2], 2);

        var texts = svg.Descendants(SvgNs + "text").Select(t => t.Value).ToList();
        Assert.Contains("89,95 · Tốt", texts);
        Assert.Contains("75,50 · Khá", texts);
        Assert.Contains("48,25 · Yếu", texts);
        Assert.Contains("2. Sở Nội vụ & <Ban>", texts);
        Assert.Contains("Bình quân khối: 71,23", texts);
        Assert.Contains("Chỉ số (%)", texts);
        // Axis 0–100 with gridlines every 20.
        Assert.Equal(5, svg.Descendants(SvgNs + "line").Count(l => (string?)l.Attribute("class") == "grid-line"));
        Assert.Contains("100", texts);
        Assert.Single(svg.Descendants(SvgNs + "line"), l => (string?)l.Attribute("class") == "ref-line");
        // Each bar also names its unit, value and class in a tooltip.
        Assert.Contains(svg.Descendants(SvgNs + "g").Where(g => (string?)g.Attribute("class") == "bar-row").Select(g => g.Element(SvgNs + "title")?.Value),
            t => t == "1. Sở Tư pháp: 89,95 — Tốt");
    }

    [Fact]
    public void BarChartLabelsUseADecimalPointInEnglishAndCoordinatesAlwaysDo()
    {
        Use("en-GB");
        var markup = BarChart.Markup(Bars());
        var svg = XElement.Parse(markup);

        Assert.Contains("89.95 · Tốt", svg.Descendants(SvgNs + "text").Select(t => t.Value));
        Use("vi-VN");
        var vietnamese = BarChart.Markup(Bars());
        // No coordinate is written with a decimal comma.
        Assert.DoesNotMatch(new Regex("(x|y|width|height|x1|x2|y1|y2)=\"[0-9]+,[0-9]"), vietnamese);
    }

    [Fact]
    public void LongLabelsAreShortenedButKeptWholeInTheTooltip()
    {
        var longName = "Ban Quản lý các Khu chế xuất và công nghiệp thành phố Hồ Chí Minh (đơn vị thí điểm)";
        var svg = XElement.Parse(BarChart.Markup(new BarChartModel("c", "T", "D", [new BarItem(longName, 66.6m, "average", "Trung bình")])));

        var label = svg.Descendants(SvgNs + "text").Single(t => (string?)t.Attribute("class") == "bar-label").Value;
        Assert.EndsWith("…", label);
        Assert.True(label.Length < longName.Length);
        Assert.Contains(longName, svg.Descendants(SvgNs + "title").Select(t => t.Value).Single(t => t.Contains("66,60")));
    }

    [Fact]
    public void GroupedChartHasABarPerSeriesAndFieldALegendAndATextForMissingValues()
    {
        var model = new GroupedBarChartModel("fields", "Chỉ số thành phần", "Hai lĩnh vực",
            [new BarSeries("Sở Tư pháp", "unit"), new BarSeries("Bình quân khối", "average-ref", "bình quân")],
            [new BarGroup("1. Chỉ đạo, điều hành", [92.5m, 80m]), new BarGroup("2. Thủ tục hành chính", [null, 71.25m])])
        {
            MissingText = "không phát sinh",
        };
        var svg = XElement.Parse(GroupedBarChart.Markup(model));

        Assert.Equal("img", (string?)svg.Attribute("role"));
        Assert.Equal("Chỉ số thành phần", svg.Element(SvgNs + "title")?.Value);
        var bars = svg.Descendants(SvgNs + "g").Where(g => (string?)g.Attribute("class") == "bar-item").ToList();
        Assert.Equal(4, bars.Count);
        Assert.Equal(3, bars.Count(b => b.Element(SvgNs + "rect") is not null));
        var legend = svg.Descendants(SvgNs + "g").Single(g => (string?)g.Attribute("class") == "legend-svg");
        Assert.Equal(["Sở Tư pháp", "Bình quân khối"], legend.Elements(SvgNs + "text").Select(t => t.Value));
        var texts = svg.Descendants(SvgNs + "text").Select(t => t.Value).ToList();
        Assert.Contains("92,50", texts);
        Assert.Contains("80,00 (bình quân)", texts);
        Assert.Contains("71,25 (bình quân)", texts);
        Assert.Contains("không phát sinh", texts);
    }

    [Fact]
    public void LineChartHasAPointPerYearWithValuesAndMarksLineagePointsWithoutRelyingOnColour()
    {
        var model = new LineChartModel("trend", "Chỉ số qua các năm", "Ba năm",
            [new LinePoint(2025, 81.5m), new LinePoint(2023, 62.75m, Derived: true), new LinePoint(2024, 70m)])
        {
            OwnLabel = "Chỉ số của đơn vị",
            DerivedLabel = "Theo đơn vị tiền thân",
            YearAxisLabel = "Năm",
        };
        var svg = XElement.Parse(LineChart.Markup(model));

        Assert.Equal("img", (string?)svg.Attribute("role"));
        var points = svg.Descendants(SvgNs + "g").Where(g => ((string?)g.Attribute("class") ?? "").StartsWith("point", StringComparison.Ordinal)).ToList();
        Assert.Equal(["2023", "2024", "2025"], points.Select(p => (string?)p.Attribute("data-year")));
        Assert.Equal("point point--derived", (string?)points[0].Attribute("class"));
        Assert.Equal(["62,75*", "70,00", "81,50"], points.Select(p => p.Elements(SvgNs + "text").Single().Value));
        var years = svg.Descendants(SvgNs + "text").Where(t => ((string?)t.Attribute("class") ?? "").Contains("year-label")).Select(t => t.Value);
        Assert.Equal(["2023", "2024", "2025"], years);
        // The segment from the derived point is dashed; the own segment is not.
        var segments = svg.Descendants(SvgNs + "line").Where(l => ((string?)l.Attribute("class") ?? "").StartsWith("line", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, segments.Count);
        Assert.NotNull(segments[0].Attribute("stroke-dasharray"));
        Assert.Null(segments[1].Attribute("stroke-dasharray"));
        Assert.Contains("* Theo đơn vị tiền thân", svg.Descendants(SvgNs + "text").Select(t => t.Value));
        // Higher values are drawn higher.
        var ys = points.Select(p => double.Parse((string)p.Element(SvgNs + "circle")!.Attribute("cy")!, CultureInfo.InvariantCulture)).ToList();
        Assert.True(ys[0] > ys[1] && ys[1] > ys[2]);
    }
}
