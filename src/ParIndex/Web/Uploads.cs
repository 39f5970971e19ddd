using Microsoft.AspNetCore.Http.HttpResults;
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

    /// <summary>A CSV or XLSX file posted with a form, open for reading; disposing it closes the stream.</summary>
    public sealed record FormFile(Stream Stream, TabularFormat Format) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Stream.DisposeAsync();
    }

    /// <summary>
    /// The checks every import page makes on its uploaded spreadsheet — a file with data, within the size limit, CSV or
    /// XLSX by name or content type, and content that is what it claims — then the file, open. Null, with the reason
    /// to show beside the field, when it is refused. (The form reader has already spooled a large upload to disk.)
    /// </summary>
    public static FormFile? OpenTabularForm(IFormFile? file, long maxBytes, out string? problem)
    {
        problem = null;
        var format = file is null ? null : TabularFile.FormatOf(file.FileName) ?? FormatOfContentType(file.ContentType);
        if (file is null || file.Length == 0)
            problem = T("Hãy chọn một tệp CSV hoặc XLSX có dữ liệu.", "Choose a CSV or XLSX file with data.");
        else if (file.Length > maxBytes)
            problem = T($"Tệp vượt quá giới hạn {maxBytes / 1024 / 1024} MB.", $"The file exceeds the {maxBytes / 1024 / 1024} MB limit.");
        else if (format is null)
            problem = T("Chỉ nhận tệp CSV hoặc XLSX.", "Only CSV or XLSX files are accepted.");
        if (problem is not null)
            return null;
        var stream = file!.OpenReadStream();
        if (TabularFile.ContentMatches(stream, format!.Value))
            return new FormFile(stream, format.Value);
        stream.Dispose();
        problem = T($"Nội dung tệp '{file.FileName}' không phải {format}.", $"The content of '{file.FileName}' is not {format}.");
        return null;
    }

    public static TabularFormat? FormatOfContentType(string? contentType) => contentType?.Split(';')[0].Trim().ToLowerInvariant() switch
    {
        "text/csv" or "text/plain" or "application/csv" => TabularFormat.Csv,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" => TabularFormat.Xlsx,
        _ => null,
    };

    /// <summary>
    /// An import API's request body (CSV or XLSX by content type): spooled and checked, then imported. 400 when the file
    /// is refused, 422 with the report when the import is (its row problems), 200 with the report otherwise.
    /// </summary>
    public static async Task<Results<Ok<TReport>, ValidationProblem, UnprocessableEntity<TReport>>> ImportBodyAsync<TReport>(
        HttpRequest request, Func<Stream, TabularFormat, Task<TReport>> import, Func<TReport, bool> succeeded, CancellationToken cancellationToken)
    {
        var spooled = await SpoolAsync(request.Body, FormatOfContentType(request.ContentType), DefaultMaxBytes, cancellationToken);
        if (!spooled.Succeeded)
            return TypedResults.ValidationProblem(spooled.Problems!.ToDictionary());
        await using var file = spooled.Value!;
        var report = await import(file.Stream, file.Format);
        return succeeded(report) ? TypedResults.Ok(report) : TypedResults.UnprocessableEntity(report);
    }

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
