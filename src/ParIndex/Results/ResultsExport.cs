using System.Globalization;
using System.Text;
using System.Text.Json;
using ParIndex.Core.Scoring;
using ParIndex.Data.Tabular;

namespace ParIndex.Results;

public enum ExportFormat
{
    Csv,
    Xlsx,
    Json,
}

/// <summary>
/// A block's results as open data. CSV and JSON use a decimal point (machine-readable, any locale); XLSX keeps
/// numbers as numbers. Indices are rounded to 2 decimals, half away from zero (docs/methodology-index.md);
/// column headers follow the reader's language.
/// </summary>
public static class ResultsExport
{
    public static string ContentType(ExportFormat format) => format switch
    {
        ExportFormat.Csv => "text/csv; charset=utf-8",
        ExportFormat.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        _ => "application/json; charset=utf-8",
    };

    public static string FileName(BlockResultsView view, ExportFormat format) =>
        $"chi-so-cchc-{view.Year}-{view.BlockCode}.{format.ToString().ToLowerInvariant()}";

    public static async Task WriteAsync(BlockResultsView view, ExportFormat format, Stream output, Core.Language language, CancellationToken cancellationToken = default)
    {
        switch (format)
        {
            case ExportFormat.Json:
                await JsonSerializer.SerializeAsync(output, view, ResultJson.Options, cancellationToken);
                break;
            case ExportFormat.Xlsx:
                var rows = Rows(view, language).Select(r => (IReadOnlyList<XlsxCell>)r.Select(c => c is decimal d ? XlsxCell.Of(d) : c is int i ? (XlsxCell)i : (XlsxCell)(c?.ToString() ?? "")).ToList());
                // The OpenXML writer needs a seekable stream; results of one block are small.
                using (var buffer = new MemoryStream())
                {
                    XlsxWriter.Write(buffer, new XlsxSheet($"{view.Year} {view.BlockCode}", Header(view, language), rows));
                    buffer.Position = 0;
                    await buffer.CopyToAsync(output, cancellationToken);
                }
                break;
            default:
                await using (var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true))
                {
                    await writer.WriteLineAsync(string.Join(",", Header(view, language).Select(Quote)));
                    foreach (var row in Rows(view, language))
                        await writer.WriteLineAsync(string.Join(",", row.Select(c => Quote(c switch
                        {
                            decimal d => d.ToString(CultureInfo.InvariantCulture),
                            int i => i.ToString(CultureInfo.InvariantCulture),
                            null => "",
                            _ => c.ToString()!,
                        }))));
                }
                break;
        }
    }

    private static IReadOnlyList<string> Header(BlockResultsView view, Core.Language language)
    {
        var vi = language == Core.Language.Vi;
        var header = new List<string>
        {
            vi ? "Xếp hạng" : "Rank", vi ? "Mã đơn vị" : "Unit code", vi ? "Đơn vị" : "Unit", vi ? "Chỉ số (%)" : "Index (%)",
            vi ? "Tổng điểm" : "Points", vi ? "Điểm tối đa áp dụng" : "Applicable maximum", vi ? "Xếp loại" : "Class",
            vi ? "Chỉ số năm trước (%)" : "Previous index (%)", vi ? "Hạng năm trước" : "Previous rank", vi ? "Thay đổi hạng" : "Rank change",
        };
        header.AddRange(view.Fields.Select(f => $"{(vi ? "Lĩnh vực" : "Field")} {f.Code} (%)"));
        header.Add(vi ? "Đề nghị khen thưởng" : "Reward proposal");
        header.Add(vi ? "Xem xét xử lý" : "Discipline review");
        return header;
    }

    private static IEnumerable<object?[]> Rows(BlockResultsView view, Core.Language language)
    {
        var vi = language == Core.Language.Vi;
        foreach (var line in view.Rows)
        {
            var cells = new List<object?>
            {
                line.Rank, line.UnitCode, vi || line.UnitNameEn is null ? line.UnitNameVi : line.UnitNameEn,
                Rounding.Round2(line.Index), Rounding.Round2(line.Total), Rounding.Round2(line.ApplicableMax),
                vi || line.ClassNameEn is null ? line.ClassNameVi : line.ClassNameEn,
                line.PreviousIndex is { } p ? Rounding.Round2(p) : null, line.PreviousRank, line.RankChange,
            };
            cells.AddRange(view.Fields.Select(f => line.FieldIndex.GetValueOrDefault(f.Code) is { } x ? (object)Rounding.Round2(x) : null));
            cells.Add(line.RewardProposed ? (vi ? "Có" : "Yes") : (vi ? "Không" : "No"));
            cells.Add(line.DisciplineReview ? (vi ? "Có" : "Yes") : (vi ? "Không" : "No"));
            yield return cells.ToArray();
        }
    }

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
}
