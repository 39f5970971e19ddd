using System.Globalization;
using System.IO.Compression;
using System.Text;
using ParIndex.Accounts;

namespace ParIndex.Evidence;

/// <summary>
/// All evidence of a unit's year as one ZIP for inspection, written straight to the response: each stored file once
/// (files are already compressed formats, so they are stored, not deflated), and an index danh-muc.csv naming for each
/// file its document number, date, issuing body, the criteria it backs and its SHA-256, so an inspector can check a
/// file against the record.
/// </summary>
public sealed class EvidenceZip(EvidenceService evidence, EvidenceStore store)
{
    /// <summary>Null when the user may not read the unit.</summary>
    public async Task<Func<Stream, Task>?> WriterAsync(int year, string unitCode, UserScopeInfo who, CancellationToken cancellationToken)
    {
        var inventory = await evidence.InventoryAsync(year, unitCode, who, cancellationToken);
        if (inventory is null)
            return null;
        return output => WriteAsync(inventory, output, cancellationToken);
    }

    public static string FileName(int year, string unitCode) =>
        $"tai-lieu-kiem-chung-{year}-{new string(unitCode.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-').ToArray())}.zip";

    private async Task WriteAsync(IReadOnlyList<(EvidenceDocument Document, IReadOnlyList<string> NodeCodes)> inventory, Stream output, CancellationToken cancellationToken)
    {
        await using var zip = await ZipArchive.CreateAsync(output, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: Encoding.UTF8, cancellationToken);
        var index = new StringBuilder();
        index.Append('\uFEFF').AppendLine("tep,so_hieu,ngay_ban_hanh,co_quan_ban_hanh,trich_yeu,tieu_chi,dung_luong_byte,sha256,ghi_chu");
        foreach (var (document, nodes) in inventory)
        {
            var entryName = $"tai-lieu/{document.Id:D5}-{document.FileName}";
            var note = "";
            await using (var source = store.OpenRead(document.Sha256))
            {
                if (source is null)
                    note = "tệp không còn trong kho lưu trữ";
                else
                {
                    var entry = zip.CreateEntry(entryName, CompressionLevel.NoCompression);
                    entry.LastWriteTime = new DateTimeOffset(DateTime.SpecifyKind(document.UploadedAtUtc, DateTimeKind.Utc));
                    await using var target = await entry.OpenAsync(cancellationToken);
                    await source.CopyToAsync(target, cancellationToken);
                }
            }
            index.AppendLine(string.Join(',', Csv(note.Length == 0 ? entryName : ""), Csv(document.DocumentNumber), Csv(document.DocumentDate?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)),
                Csv(document.IssuingBody), Csv(document.Title ?? document.FileName), Csv(string.Join("; ", nodes)), document.SizeBytes.ToString(CultureInfo.InvariantCulture), document.Sha256, Csv(note)));
        }
        var indexEntry = zip.CreateEntry("danh-muc.csv", CompressionLevel.Optimal);
        await using (var stream = await indexEntry.OpenAsync(cancellationToken))
            await stream.WriteAsync(Encoding.UTF8.GetBytes(index.ToString()), cancellationToken);
    }

    private static string Csv(string? value)
    {
        if (string.IsNullOrEmpty(value))
            return "";
        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }
}
