using System.Globalization;
using System.Text;
using ParIndex.Core.Dossiers;
using ParIndex.Data.Tabular;

namespace ParIndex.Dossiers;

/// <summary>
/// The monthly disclosure as open data (CSV, XLSX): one row per unit and one for the city. CSV uses a decimal point;
/// XLSX keeps numbers as numbers; shares are rounded to two decimals; headers follow the reader's language.
/// </summary>
public static class DossierDisclosureExport
{
    public static string ContentType(bool xlsx) => xlsx ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv; charset=utf-8";

    public static string FileName(DisclosureTable table, bool xlsx) => $"cong-khai-ho-so-{table.Period.Key}.{(xlsx ? "xlsx" : "csv")}";

    public static IReadOnlyList<string> Header(Core.Language language) => language == Core.Language.En
        ? ["unit_code", "unit", "received", "resolved", "on_time", "late", "on_time_rate", "pending", "overdue", "apologies_issued", "apologies_missing",
            "online_share", "end_to_end_online_share", "digitised_share", "online_payment_share", "avg_processing_days", "score_766"]
        : ["Mã đơn vị", "Đơn vị", "Tiếp nhận", "Đã giải quyết", "Đúng hạn", "Trễ hạn", "Tỷ lệ đúng hạn (%)", "Đang giải quyết", "Quá hạn", "Đã xin lỗi", "Chưa xin lỗi",
            "Trực tuyến (%)", "Trực tuyến toàn trình (%)", "Số hóa (%)", "Thanh toán trực tuyến (%)", "Thời gian giải quyết TB (ngày làm việc)", "Điểm 766"];

    public static IEnumerable<object?[]> Rows(DisclosureTable table, Core.Language language)
    {
        foreach (var unit in table.Units)
            yield return Row(unit.UnitCode, language == Core.Language.En && !string.IsNullOrWhiteSpace(unit.UnitNameEn) ? unit.UnitNameEn : unit.UnitNameVi, unit.Indicators);
        yield return Row("", language == Core.Language.En ? "City" : "Toàn thành phố", table.City);
    }

    private static object?[] Row(string code, string name, DossierIndicators i) =>
    [
        code, name, i.Received, i.Resolved, i.OnTime, i.Late, R(i.OnTimeRate), i.Pending, i.Overdue, i.ApologiesIssued, i.ApologiesMissing,
        R(i.OnlineShare), R(i.EndToEndOnlineShare), R(i.DigitisedShare), R(i.OnlinePaymentShare), R(i.AvgProcessingDays), i.Score766()?.Total,
    ];

    private static decimal? R(decimal? value) => value is { } v ? Math.Round(v, 2, MidpointRounding.AwayFromZero) : null;

    public static async Task WriteAsync(DisclosureTable table, bool xlsx, Stream output, Core.Language language, CancellationToken cancellationToken = default)
    {
        if (xlsx)
        {
            var rows = Rows(table, language).Select(r => (IReadOnlyList<XlsxCell>)r.Select(c => c switch
            {
                decimal d => XlsxCell.Of(d),
                long l => XlsxCell.Of(l),
                null => XlsxCell.Of(null),
                _ => (XlsxCell)c.ToString(),
            }).ToList());
            using var buffer = new MemoryStream();
            XlsxWriter.Write(buffer, new XlsxSheet(table.Period.Key, Header(language), rows));
            buffer.Position = 0;
            await buffer.CopyToAsync(output, cancellationToken);
            return;
        }
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true);
        await writer.WriteAsync(string.Join(",", Header(language).Select(Quote)) + "\r\n");
        foreach (var row in Rows(table, language))
            await writer.WriteAsync(string.Join(",", row.Select(c => Quote(c switch
            {
                decimal d => d.ToString(CultureInfo.InvariantCulture),
                long l => l.ToString(CultureInfo.InvariantCulture),
                null => "",
                _ => c.ToString()!,
            }))) + "\r\n");
    }

    private static string Quote(string text) => text.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{text.Replace("\"", "\"\"")}\"" : text;
}
