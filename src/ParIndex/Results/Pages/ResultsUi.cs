using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Html;
using ParIndex.Core.Frameworks;
using ParIndex.Core.Scoring;
using ParIndex.Web;
using ParIndex.Web.Charts;
using static ParIndex.Web.Text;

namespace ParIndex.Results.Pages;

/// <summary>What the results pages share: paths, names in the reader's language, class badges and change markers.</summary>
public static class ResultsUi
{
    public static string ListPath => "/ket-qua";

    public static string BlockPath(int year, string block) => $"/ket-qua/{year}/{Uri.EscapeDataString(block)}";

    public static string UnitPath(int year, string block, string unit) => $"{BlockPath(year, block)}/{Uri.EscapeDataString(unit)}";

    public static string ScoresPath(int year, string unit) => $"/quan-tri/diem/{year}/{Uri.EscapeDataString(unit)}";

    private static string ApiBlock(int year, string block) => $"/api/v1/years/{year}/blocks/{Uri.EscapeDataString(block)}/results";

    /// <summary>The language of a link to the API when the page is in English (the API's headers and texts follow it).</summary>
    public static string EnglishQuery => "lang=" + WebSetup.English.Name;

    /// <summary>The export of a block; the column headers follow the page's language.</summary>
    public static string ExportPath(int year, string block, string format) =>
        $"{ApiBlock(year, block)}/export?format={format}" + (UiLanguage.IsEnglish ? "&" + EnglishQuery : "");

    public static string UnitApiPath(int year, string block, string unit) => $"{ApiBlock(year, block)}/{Uri.EscapeDataString(unit)}";

    public static string ExplainApiPath(int year, string block, string unit, string node) =>
        $"{UnitApiPath(year, block, unit)}/explain/{Uri.EscapeDataString(node)}" + (UiLanguage.IsEnglish ? "?" + EnglishQuery : "");

    /// <summary>The calendar day of an instant in Vietnam.</summary>
    public static DateOnly LocalDate(DateTime utc) =>
        Core.Calendar.VietnamTime.LocalDate(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)));

    public static string BlockName(string nameVi, string? nameEn) => UiLanguage.IsEnglish && !string.IsNullOrWhiteSpace(nameEn) ? nameEn : nameVi;

    public static string BlockName(BlockResultsView view) => BlockName(view.BlockNameVi, view.BlockNameEn);

    public static string UnitName(ResultLine line) => UiLanguage.IsEnglish && !string.IsNullOrWhiteSpace(line.UnitNameEn) ? line.UnitNameEn : line.UnitNameVi;

    public static string ClassName(ResultLine line) => UiLanguage.IsEnglish && !string.IsNullOrWhiteSpace(line.ClassNameEn) ? line.ClassNameEn : line.ClassNameVi;

    public static string ClassName(ClassBand band) => band.Name(UiLanguage.Current);

    public static string FieldTitle(FieldHeader field) => UiLanguage.IsEnglish && !string.IsNullOrWhiteSpace(field.TitleEn) ? field.TitleEn : field.TitleVi;

    /// <summary>A class badge: the colour token plus the class name as text.</summary>
    public static IHtmlContent Badge(string color, string name) =>
        new HtmlString($"<span class=\"badge badge--{Token(color)}\">{Encode(name)}</span>");

    public static IHtmlContent Badge(ResultLine line) => Badge(line.ClassColor, ClassName(line));

    private static string Token(string color) => color.All(c => char.IsAsciiLetterLower(c) || c == '-') ? color : "neutral";

    /// <summary>An index change: ▲/▼ with the signed value, and the word for screen readers (the arrow is decorative).</summary>
    public static IHtmlContent IndexChange(decimal? change)
    {
        if (change is null)
            return new HtmlString($"<span class=\"change change-none\">—<span class=\"visually-hidden\"> {Encode(T("không có số liệu năm trước", "no figure for last year"))}</span></span>");
        var rounded = Rounding.Round2(change.Value);
        if (rounded == 0)
            return new HtmlString($"<span class=\"change change-same\"><span aria-hidden=\"true\">■</span> {Encode(Number(0m))}<span class=\"visually-hidden\"> {Encode(T("không đổi", "unchanged"))}</span></span>");
        var up = rounded > 0;
        return new HtmlString(
            $"<span class=\"change {(up ? "change-up" : "change-down")}\"><span aria-hidden=\"true\">{(up ? "▲" : "▼")}</span> {Encode(Signed(rounded))}" +
            $"<span class=\"visually-hidden\"> {Encode(up ? T("tăng", "up") : T("giảm", "down"))}</span></span>");
    }

    /// <summary>A rank change (previous − current): ▲ for a climb, ▼ for a drop, with the words for screen readers.</summary>
    public static IHtmlContent RankChange(int? change)
    {
        if (change is null)
            return new HtmlString($"<span class=\"change change-none\">—<span class=\"visually-hidden\"> {Encode(T("không so sánh được", "not comparable"))}</span></span>");
        if (change == 0)
            return new HtmlString($"<span class=\"change change-same\"><span aria-hidden=\"true\">■</span> 0<span class=\"visually-hidden\"> {Encode(T("giữ nguyên hạng", "same rank"))}</span></span>");
        var up = change > 0;
        var steps = Math.Abs(change.Value);
        return new HtmlString(
            $"<span class=\"change {(up ? "change-up" : "change-down")}\"><span aria-hidden=\"true\">{(up ? "▲" : "▼")}</span> {Encode(Signed(change))}" +
            $"<span class=\"visually-hidden\"> {Encode(up ? T($"lên {steps} bậc", $"up {steps} places") : T($"xuống {steps} bậc", $"down {steps} places"))}</span></span>");
    }

    /// <summary>Reward proposal and discipline review markers: a symbol and a word, never a colour alone.</summary>
    public static IHtmlContent Markers(ResultLine line)
    {
        var html = new HtmlContentBuilder();
        if (line.RewardProposed)
            html.AppendHtml($"<span class=\"marker marker--reward\"><span aria-hidden=\"true\">★</span> {Encode(T("Đề nghị khen thưởng", "Reward proposed"))}</span>");
        if (line.DisciplineReview)
            html.AppendHtml($"<span class=\"marker marker--discipline\"><span aria-hidden=\"true\">⚑</span> {Encode(T("Xem xét xử lý", "Discipline review"))}</span>");
        if (!line.RewardProposed && !line.DisciplineReview)
            html.AppendHtml($"<span class=\"muted\">—<span class=\"visually-hidden\"> {Encode(T("không", "none"))}</span></span>");
        return html;
    }

    /// <summary>The bar chart of a block: every unit in rank order, coloured and labelled by class, with the block average.</summary>
    public static BarChartModel BlockChart(BlockResultsView view)
    {
        var bars = view.Rows.Select(r => new BarItem($"{r.Rank}. {UnitName(r)}", Rounding.Round2(r.Index), r.ClassColor, ClassName(r))).ToList();
        var title = T($"Chỉ số CCHC năm {view.Year} — {BlockName(view)}", $"PAR Index {view.Year} — {BlockName(view)}");
        string description;
        if (view.Rows.Count == 0)
            description = T("Khối chưa có đơn vị nào có kết quả.", "No unit of the block has a result.");
        else
        {
            var best = view.Rows[0];
            var worst = view.Rows[^1];
            description = T(
                $"Biểu đồ thanh ngang, {view.Rows.Count} đơn vị theo thứ hạng, trục 0–100 %. Cao nhất: {UnitName(best)} ({Number(best.Index)}). Thấp nhất: {UnitName(worst)} ({Number(worst.Index)}). Đường đứt nét là bình quân khối ({Number(view.AverageIndex)}).",
                $"Horizontal bar chart, {view.Rows.Count} units in rank order, axis 0–100 %. Highest: {UnitName(best)} ({Number(best.Index)}). Lowest: {UnitName(worst)} ({Number(worst.Index)}). The dashed line is the block average ({Number(view.AverageIndex)}).");
        }
        return new BarChartModel($"chart-block-{view.Year}-{view.BlockCode}", title, description, bars)
        {
            Reference = Rounding.Round2(view.AverageIndex),
            ReferenceLabel = T("Bình quân khối", "Block average"),
            AxisLabel = T("Chỉ số CCHC (%)", "PAR Index (%)"),
        };
    }

    /// <summary>Encodes markup characters only, so Vietnamese letters are sent as they are (smaller pages than numeric entities).</summary>
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string Encode(string text) => Encoder.Encode(text);
}
