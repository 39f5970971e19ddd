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

    private async Task WriteAsync(IReadOnlyList<(EvidenceDocument Document, IReadOnlyList<string> NodeCodes)> inventory, Stream response, CancellationToken cancellationToken)
    {
        await using var output = new SyncWriteBuffer(response);
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

    /// <summary>
    /// ZipArchive writes an entry's data descriptor synchronously when the entry stream is disposed, and the server does
    /// not allow synchronous writes to the response. The few bytes written synchronously are held here and sent with
    /// the next asynchronous write; the files themselves stream through asynchronously.
    /// </summary>
    private sealed class SyncWriteBuffer(Stream inner) : Stream
    {
        private readonly MemoryStream pending = new();

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => pending.Write(buffer, offset, count);

        public override void Write(ReadOnlySpan<byte> buffer) => pending.Write(buffer);

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await SendPendingAsync(cancellationToken);
            await inner.WriteAsync(buffer, cancellationToken);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override async Task FlushAsync(CancellationToken cancellationToken)
        {
            await SendPendingAsync(cancellationToken);
            await inner.FlushAsync(cancellationToken);
        }

        public override async ValueTask DisposeAsync()
        {
            await SendPendingAsync(CancellationToken.None);
            await base.DisposeAsync();
        }

        private async Task SendPendingAsync(CancellationToken cancellationToken)
        {
            if (pending.Length == 0)
                return;
            await inner.WriteAsync(pending.GetBuffer().AsMemory(0, (int)pending.Length), cancellationToken);
            pending.SetLength(0);
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
