using System.Buffers;

namespace ParIndex.Dossiers.Import;

/// <summary>
/// A streaming RFC 4180 reader over UTF-8 bytes for the dossier importer: fields are spans into a reused buffer (no
/// string per field), the separator (comma or semicolon) is taken from the header, quoted fields may hold
/// separators, quotes ("") and line breaks. Memory stays at the buffer's size whatever the file's.
/// </summary>
/// <remarks>
/// The generic <c>Data/Tabular</c> reader builds a dictionary per row, which caps ingestion far below the 200,000
/// rows/s target; this one does no per-row allocation. A record counts only when a line break ends it: a last line
/// without one may have been cut off in transfer, so <see cref="ReadRecord"/> reports it as unterminated and the
/// importer does not store it (docs/dossiers.md §4).
/// </remarks>
internal sealed class Utf8CsvReader
{
    private static readonly SearchValues<byte> CommaSpecials = SearchValues.Create(","u8.ToArray().Concat("\"\r\n"u8.ToArray()).ToArray());
    private static readonly SearchValues<byte> SemicolonSpecials = SearchValues.Create(";"u8.ToArray().Concat("\"\r\n"u8.ToArray()).ToArray());
    private static readonly SearchValues<byte> QuoteOnly = SearchValues.Create("\""u8);

    public const int MaxRecordBytes = 1 << 20;

    private readonly Stream stream;
    private byte[] buffer;
    private int start;      // first unconsumed byte
    private int end;        // one past the last valid byte
    private bool eof;
    private byte separator = (byte)',';
    private SearchValues<byte> specials = CommaSpecials;

    // Fields of the current record: start offset into buffer (or into scratch when unescaped) and length.
    private (int Start, int Length, bool Unescaped)[] fields = new (int, int, bool)[32];
    private byte[] scratch = new byte[4096];
    private int scratchUsed;

    public Utf8CsvReader(Stream stream, int bufferSize = 1 << 20)
    {
        this.stream = stream;
        buffer = new byte[bufferSize];
    }

    public int FieldCount { get; private set; }

    /// <summary>Bytes of the input consumed so far (through the last record read).</summary>
    public long BytesConsumed { get; private set; }

    /// <summary>The number of records read, the header included.</summary>
    public long RecordNumber { get; private set; }

    public byte Separator => separator;

    public ReadOnlySpan<byte> Field(int index)
    {
        var (s, l, unescaped) = fields[index];
        return unescaped ? scratch.AsSpan(s, l) : buffer.AsSpan(s, l);
    }

    public bool IsEmptyRecord => FieldCount == 1 && fields[0].Length == 0;

    /// <summary>Reads the header and chooses the separator: the one of comma and semicolon that occurs more often outside quotes.</summary>
    public async ValueTask<bool> ReadHeaderAsync(CancellationToken cancellationToken)
    {
        await FillAsync(cancellationToken);
        // UTF-8 byte order mark.
        if (end - start >= 3 && buffer[start] == 0xEF && buffer[start + 1] == 0xBB && buffer[start + 2] == 0xBF)
        {
            start += 3;
            BytesConsumed += 3;
        }
        int commas = 0, semicolons = 0;
        bool quoted = false;
        for (int i = start; i < end; i++)
        {
            byte b = buffer[i];
            if (b == '"') quoted = !quoted;
            else if (!quoted && (b == '\n' || b == '\r')) break;
            else if (!quoted && b == ',') commas++;
            else if (!quoted && b == ';') semicolons++;
        }
        if (semicolons > commas)
        {
            separator = (byte)';';
            specials = SemicolonSpecials;
        }
        var result = await ReadRecordAsync(cancellationToken);
        return result != RecordResult.EndOfFile;
    }

    public enum RecordResult
    {
        Record,
        /// <summary>The input ended inside this record (no final line break, or an open quote): possibly cut off.</summary>
        Unterminated,
        EndOfFile,
    }

    /// <summary>Reads the next record; use the synchronous path when the buffer holds a whole record (almost always).</summary>
    public ValueTask<RecordResult> ReadRecordAsync(CancellationToken cancellationToken)
    {
        var result = TryParse();
        return result is { } r ? ValueTask.FromResult(r) : ReadSlowAsync(cancellationToken);
    }

    private async ValueTask<RecordResult> ReadSlowAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            if (eof)
                return FinishAtEof();
            await FillAsync(cancellationToken);
            if (TryParse() is { } result)
                return result;
        }
    }

    /// <summary>Parses one record from the buffer; null when the buffer ends first (and more input may follow).</summary>
    private RecordResult? TryParse()
    {
        if (start >= end)
            return eof ? RecordResult.EndOfFile : null;
        scratchUsed = 0;
        int count = 0;
        int i = start;
        while (true)
        {
            if (count == fields.Length)
                Array.Resize(ref fields, fields.Length * 2);
            if (i < end && buffer[i] == '"')
            {
                // Quoted field: find the closing quote that is not doubled.
                int fieldStart = i + 1;
                int j = fieldStart;
                bool doubled = false;
                while (true)
                {
                    int k = buffer.AsSpan(j, end - j).IndexOfAny(QuoteOnly);
                    if (k < 0)
                        return null; // more input needed; at the end of the input FinishAtEof reports the open quote
                    j += k;
                    if (j + 1 < end && buffer[j + 1] == '"')
                    {
                        doubled = true;
                        j += 2;
                        continue;
                    }
                    if (j + 1 >= end && !eof)
                        return null; // cannot tell yet whether the quote is doubled
                    break;
                }
                if (doubled)
                {
                    var raw = buffer.AsSpan(fieldStart, j - fieldStart);
                    EnsureScratch(raw.Length);
                    int w = scratchUsed;
                    for (int r = 0; r < raw.Length; r++)
                    {
                        scratch[w++] = raw[r];
                        if (raw[r] == '"') r++;
                    }
                    fields[count++] = (scratchUsed, w - scratchUsed, true);
                    scratchUsed = w;
                }
                else
                {
                    fields[count++] = (fieldStart, j - fieldStart, false);
                }
                i = j + 1;
                // After the closing quote: a separator, a line break, or the end.
                if (i >= end)
                {
                    if (!eof) return null;
                    return Complete(count, end, terminated: false);
                }
                byte after = buffer[i];
                if (after == separator) { i++; continue; }
                if (after == '\n') return Complete(count, i + 1, terminated: true);
                if (after == '\r')
                {
                    if (i + 1 >= end && !eof) return null;
                    return Complete(count, i + 1 < end && buffer[i + 1] == '\n' ? i + 2 : i + 1, terminated: true);
                }
                // Text after a closing quote is malformed; it is dropped up to the next separator or line break.
                int extra = buffer.AsSpan(i, end - i).IndexOfAny(separator == ',' ? CommaOrEol : SemicolonOrEol);
                if (extra < 0) { if (!eof) return null; return Complete(count, end, terminated: false); }
                i += extra;
                if (buffer[i] == separator) { i++; continue; }
                return EndOfLine(count, i);
            }
            int n = buffer.AsSpan(i, end - i).IndexOfAny(specials);
            if (n < 0)
            {
                if (!eof) return null;
                fields[count++] = (i, end - i, false);
                return Complete(count, end, terminated: false);
            }
            int stop = i + n;
            byte b = buffer[stop];
            if (b == separator)
            {
                fields[count++] = (i, stop - i, false);
                i = stop + 1;
                continue;
            }
            if (b == '"')
            {
                // A quote inside an unquoted field: take it literally up to the next separator or line break.
                int m = buffer.AsSpan(stop + 1, end - stop - 1).IndexOfAny(separator == ',' ? CommaOrEol : SemicolonOrEol);
                if (m < 0) { if (!eof) return null; fields[count++] = (i, end - i, false); return Complete(count, end, terminated: false); }
                stop = stop + 1 + m;
                fields[count++] = (i, stop - i, false);
                if (buffer[stop] == separator) { i = stop + 1; continue; }
                return EndOfLine(count, stop);
            }
            fields[count++] = (i, stop - i, false);
            return EndOfLine(count, stop);
        }
    }

    private static readonly SearchValues<byte> CommaOrEol = SearchValues.Create(",\r\n"u8);
    private static readonly SearchValues<byte> SemicolonOrEol = SearchValues.Create(";\r\n"u8);

    private RecordResult? EndOfLine(int count, int at)
    {
        if (buffer[at] == '\n')
            return Complete(count, at + 1, terminated: true);
        // '\r': swallow a following '\n'.
        if (at + 1 >= end && !eof)
            return null;
        return Complete(count, at + 1 < end && buffer[at + 1] == '\n' ? at + 2 : at + 1, terminated: true);
    }

    private RecordResult Complete(int count, int next, bool terminated)
    {
        FieldCount = count;
        BytesConsumed += next - start;
        start = next;
        RecordNumber++;
        return terminated ? RecordResult.Record : RecordResult.Unterminated;
    }

    private RecordResult FinishAtEof()
    {
        if (start >= end)
            return RecordResult.EndOfFile;
        // An open quote ran to the end of the input: the whole rest is one broken record.
        fields[0] = (start, end - start, false);
        FieldCount = 1;
        BytesConsumed += end - start;
        start = end;
        RecordNumber++;
        return RecordResult.Unterminated;
    }

    private void EnsureScratch(int extra)
    {
        if (scratchUsed + extra > scratch.Length)
            Array.Resize(ref scratch, Math.Max(scratch.Length * 2, scratchUsed + extra));
    }

    private async ValueTask FillAsync(CancellationToken cancellationToken)
    {
        if (eof)
            return;
        // Move the unconsumed tail to the front, growing the buffer when one record fills it.
        int remaining = end - start;
        if (start > 0)
        {
            Buffer.BlockCopy(buffer, start, buffer, 0, remaining);
            start = 0;
            end = remaining;
            // Field offsets of a half-parsed record are recomputed on the next parse, so moving is safe.
        }
        if (end == buffer.Length)
        {
            if (buffer.Length >= MaxRecordBytes * 2)
                throw new InvalidDataException($"A record is longer than {MaxRecordBytes / 1024} KB.");
            Array.Resize(ref buffer, buffer.Length * 2);
        }
        int read = await stream.ReadAsync(buffer.AsMemory(end), cancellationToken);
        if (read == 0)
            eof = true;
        end += read;
    }
}
