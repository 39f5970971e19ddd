using System.Globalization;
using System.Text;
using ParIndex.Core;
using ParIndex.Core.Surveys;
using ParIndex.Data.Tabular;

namespace ParIndex.Surveys;

public enum SurveyExportFormat
{
    Csv,
    Xlsx,
}

/// <summary>
/// A campaign's results as open data: one row per unit and metric (value, figure used, n, 95 % interval, minimum-n
/// flag, fallback), and for XLSX a second sheet with every closed question per unit and respondent group.
/// </summary>
public static class SurveyExport
{
    public static string ContentType(SurveyExportFormat format) => format == SurveyExportFormat.Csv ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static string FileName(CampaignResults results, SurveyExportFormat format) => $"khao-sat-{results.Campaign.Code}.{(format == SurveyExportFormat.Csv ? "csv" : "xlsx")}";

    public static IReadOnlyList<string> MetricHeader(Language language) => language == Language.En
        ? ["unit", "unit_name", "block", "metric", "value_percent", "used_percent", "n", "ci95_low", "ci95_high", "below_minimum_n", "fallback"]
        : ["ma_don_vi", "ten_don_vi", "khoi", "chi_so", "gia_tri_phan_tram", "gia_tri_su_dung", "n", "ktc95_thap", "ktc95_cao", "duoi_co_mau_toi_thieu", "cach_xu_ly"];

    public static IEnumerable<IReadOnlyList<XlsxCell>> MetricRows(CampaignResults results) =>
        from unit in results.Results.Units
        from metric in unit.Metrics.Where(m => m.Group is null)
        select (IReadOnlyList<XlsxCell>)
        [
            unit.UnitCode, results.UnitNames[unit.UnitCode], results.UnitBlocks[unit.UnitCode], metric.Metric,
            XlsxCell.Of(Round(metric.Value)), XlsxCell.Of(Round(metric.Used)), metric.N,
            XlsxCell.Of(Round(metric.Interval?.Low)), XlsxCell.Of(Round(metric.Interval?.High)),
            metric.BelowMinimum ? "1" : "0", metric.Fallback?.ToString() ?? "",
        ];

    public static IReadOnlyList<string> QuestionHeader(Language language) => language == Language.En
        ? ["unit", "group", "question", "answered", "n_valid", "satisfied_share", "weighted_score", "ci95_low", "ci95_high", "counts"]
        : ["ma_don_vi", "nhom", "cau_hoi", "so_tra_loi", "n_hop_le", "ty_le_hai_long", "diem_trong_so", "ktc95_thap", "ktc95_cao", "so_luong_tung_phuong_an"];

    public static IEnumerable<IReadOnlyList<XlsxCell>> QuestionRows(CampaignResults results) =>
        from unit in results.Results.Units
        from question in unit.Questions.Concat(unit.QuestionsByGroup)
        select (IReadOnlyList<XlsxCell>)
        [
            unit.UnitCode, question.Group ?? "*", question.QuestionCode, question.Answered, question.N,
            XlsxCell.Of(Round(question.SatisfiedShare)), XlsxCell.Of(Round(question.WeightedScore)),
            XlsxCell.Of(Round(question.SatisfiedInterval?.Low)), XlsxCell.Of(Round(question.SatisfiedInterval?.High)),
            string.Join(" ", question.Counts),
        ];

    public static async Task WriteAsync(CampaignResults results, SurveyExportFormat format, Stream output, Language language, CancellationToken cancellationToken)
    {
        if (format == SurveyExportFormat.Xlsx)
        {
            // The OpenXML writer needs a seekable stream; the response body is not.
            using var buffer = new MemoryStream();
            XlsxWriter.Write(buffer,
                new XlsxSheet(language == Language.En ? "Results" : "Ket qua", MetricHeader(language), MetricRows(results)),
                new XlsxSheet(language == Language.En ? "Questions" : "Cau hoi", QuestionHeader(language), QuestionRows(results)));
            buffer.Position = 0;
            await buffer.CopyToAsync(output, cancellationToken);
            return;
        }
        var text = new StringBuilder();
        text.Append('\uFEFF');
        Line(text, MetricHeader(language).Select(h => (XlsxCell)h).ToList());
        foreach (var row in MetricRows(results))
            Line(text, row);
        await output.WriteAsync(Encoding.UTF8.GetBytes(text.ToString()), cancellationToken);
    }

    private static decimal? Round(decimal? value) => value is { } v ? Math.Round(v, 2, MidpointRounding.AwayFromZero) : null;

    private static void Line(StringBuilder text, IReadOnlyList<XlsxCell> cells)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0)
                text.Append(',');
            var value = cells[i].Number is { } n ? n.ToString(CultureInfo.InvariantCulture) : cells[i].Text ?? "";
            text.Append(value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value);
        }
        text.Append("\r\n");
    }
}
