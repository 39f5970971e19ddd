using System.Buffers;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using ParIndex.Data;
using ParIndex.Web;
using static ParIndex.Web.Text;

namespace ParIndex.Evidence;

/// <summary>A file received and kept: its hash (and address), size and the format its content showed.</summary>
public sealed record StoredFile(string Sha256, long SizeBytes, EvidenceFormat Format);

/// <summary>
/// Evidence files on disk, addressed by content: <c>&lt;folder&gt;/ab/cd/abcd…(64 hex)</c>. An upload streams
/// through a small buffer into a temporary file in the same folder while its SHA-256 is computed, is checked by
/// content, and is then moved to its address (or dropped when that content is already stored). Nothing the client
/// sent — its file name included — ever becomes part of a path.
/// </summary>
public sealed class EvidenceStore
{
    private const int BufferSize = 64 * 1024;

    public EvidenceStore(IOptions<EvidenceOptions> options, DatabaseSettings database)
    {
        Folder = Path.GetFullPath(string.IsNullOrWhiteSpace(options.Value.Folder) ? Path.Combine(database.DataFolder, "evidence") : options.Value.Folder);
        MaxBytes = options.Value.MaxBytes > 0 ? options.Value.MaxBytes : EvidenceOptions.DefaultMaxBytes;
    }

    public string Folder { get; }
    public long MaxBytes { get; }

    public static bool IsSha256(string? text) => text is { Length: 64 } && text.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');

    public string PathOf(string sha256)
    {
        if (!IsSha256(sha256))
            throw new ArgumentException("Not a lower-case SHA-256.", nameof(sha256));
        return Path.Combine(Folder, sha256[..2], sha256[2..4], sha256);
    }

    public bool Exists(string sha256) => IsSha256(sha256) && File.Exists(PathOf(sha256));

    /// <summary>Opens a stored file for reading (asynchronous, sequential), or null when it is missing.</summary>
    public FileStream? OpenRead(string sha256) => Exists(sha256)
        ? new FileStream(PathOf(sha256), FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.Asynchronous | FileOptions.SequentialScan)
        : null;

    /// <summary>
    /// Streams <paramref name="source"/> to disk, refusing it as soon as it passes <see cref="MaxBytes"/> or its first
    /// bytes are not what <paramref name="fileName"/> claims; a refused upload leaves nothing behind.
    /// </summary>
    public async Task<Outcome<StoredFile>> ReceiveAsync(Stream source, string fileName, CancellationToken cancellationToken)
    {
        if (EvidenceContent.ClaimedBy(fileName) is not { } claimed)
            return Problems.Of("file", T($"Tệp '{fileName}' không được nhận: chỉ nhận PDF, DOCX, XLSX, JPEG, PNG.", $"The file '{fileName}' is not accepted: only PDF, DOCX, XLSX, JPEG and PNG."));
        var incoming = Path.Combine(Folder, ".incoming");
        Directory.CreateDirectory(incoming);
        var temporary = Path.Combine(incoming, Guid.NewGuid().ToString("N"));
        var keep = false;
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long total = 0;
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, BufferSize, FileOptions.Asynchronous))
            {
                var sniffed = false;
                var head = new byte[EvidenceContent.SniffLength];
                var headLength = 0;
                int read;
                while ((read = await source.ReadAsync(buffer.AsMemory(0, BufferSize), cancellationToken)) > 0)
                {
                    total += read;
                    if (total > MaxBytes)
                        return TooLarge();
                    if (!sniffed)
                    {
                        var take = Math.Min(read, head.Length - headLength);
                        buffer.AsSpan(0, take).CopyTo(head.AsSpan(headLength));
                        headLength += take;
                        if (headLength == head.Length)
                        {
                            sniffed = true;
                            if (EvidenceContent.EarlyProblem(head, claimed) is { } early)
                                return Problems.Of("file", early);
                        }
                    }
                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }
                if (total == 0)
                    return Problems.Of("file", T("Tệp rỗng.", "The file is empty."));
                if (!sniffed && EvidenceContent.EarlyProblem(head.AsSpan(0, headLength), claimed) is { } small)
                    return Problems.Of("file", small);
                await file.FlushAsync(cancellationToken);
                var (format, problem) = EvidenceContent.Check(file, claimed);
                if (problem is not null)
                    return Problems.Of("file", problem);
                var sha = Convert.ToHexStringLower(hash.GetHashAndReset());
                await file.DisposeAsync();
                var target = PathOf(sha);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                if (!File.Exists(target))
                {
                    try
                    {
                        File.Move(temporary, target);
                        keep = true;
                    }
                    catch (IOException) when (File.Exists(target))
                    {
                        // Another upload of the same content won the race: the stored file is identical.
                    }
                }
                return Outcome<StoredFile>.Ok(new StoredFile(sha, total, format!.Value));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            if (!keep)
                TryDelete(temporary);
        }
    }

    /// <summary>Writes a hashed copy of bytes held by the caller (carry-over tests, demo data); same checks as an upload.</summary>
    public async Task<Outcome<StoredFile>> ReceiveAsync(byte[] content, string fileName, CancellationToken cancellationToken)
    {
        await using var stream = new MemoryStream(content, writable: false);
        return await ReceiveAsync(stream, fileName, cancellationToken);
    }

    public Problems TooLarge() => Problems.Of("file", T($"Tệp vượt quá giới hạn {Megabytes(MaxBytes)} MB.", $"The file exceeds the {Megabytes(MaxBytes)} MB limit."));

    public static string Megabytes(long bytes) => (bytes / 1024m / 1024m).ToString("0.#", System.Globalization.CultureInfo.CurrentCulture);

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
