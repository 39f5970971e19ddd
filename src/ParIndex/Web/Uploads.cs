using ParIndex.Data.Tabular;
using static ParIndex.Web.Text;

namespace ParIndex.Web;

/// <summary>
/// Spools an uploaded spreadsheet to a temporary file (never held whole in memory), enforcing the size limit
/// and checking that the content is what the name or content type claims. The returned stream deletes the
/// file when disposed.
/// </summary>
public static class Uploads
{
    public const long DefaultMaxBytes = 50L * 1024 * 1024;

    public sealed record Spooled(FileStream Stream, TabularFormat Format) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Stream.DisposeAsync();
    }

    public static TabularFormat? FormatOfContentType(string? contentType) => contentType?.Split(';')[0].Trim().ToLowerInvariant() switch
    {
        "text/csv" or "text/plain" or "application/csv" => TabularFormat.Csv,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" => TabularFormat.Xlsx,
        _ => null,
    };

    public static async Task<Outcome<Spooled>> SpoolAsync(Stream body, TabularFormat? format, long maxBytes, CancellationToken cancellationToken)
    {
        if (format is null)
            return Problems.Of("file", T("Chỉ nhận tệp CSV hoặc XLSX.", "Only CSV or XLSX files are accepted."));
        var path = Path.Combine(Path.GetTempPath(), "parindex-upload-" + Guid.NewGuid().ToString("N"));
        var stream = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            total += read;
            if (total > maxBytes)
            {
                await stream.DisposeAsync();
                return Problems.Of("file", T($"Tệp vượt quá giới hạn {maxBytes / 1024 / 1024} MB.", $"The file exceeds the {maxBytes / 1024 / 1024} MB limit."));
            }
            await stream.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }
        stream.Position = 0;
        if (total == 0)
        {
            await stream.DisposeAsync();
            return Problems.Of("file", T("Tệp rỗng.", "The file is empty."));
        }
        if (!TabularFile.ContentMatches(stream, format.Value))
        {
            await stream.DisposeAsync();
            return Problems.Of("file", T($"Nội dung tệp không phải {format}.", $"The file's content is not {format}."));
        }
        return Outcome<Spooled>.Ok(new Spooled(stream, format.Value));
    }
}
