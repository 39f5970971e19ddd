using System.Buffers.Binary;
using System.Text;

namespace ParIndex.Dossiers.Import;

/// <summary>
/// Rows in PostgreSQL's binary COPY format (the "COPY … FROM STDIN (FORMAT BINARY)" stream: a signature, then per
/// row a field count and per field its length and big-endian value), written into one reusable buffer. Npgsql's
/// <c>NpgsqlBinaryImporter</c> does the same with a call per field that resolves the field's converter each time:
/// a third of the PostgreSQL import's client time for 24 fields × 2 million rows.
/// </summary>
internal sealed class PostgresBinaryRows
{
    private static readonly byte[] Signature = [(byte)'P', (byte)'G', (byte)'C', (byte)'O', (byte)'P', (byte)'Y', (byte)'\n', 0xFF, (byte)'\r', (byte)'\n', 0];
    private static readonly long EpochTicks = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;
    private static readonly int EpochDay = new DateOnly(2000, 1, 1).DayNumber;

    private byte[] buffer = new byte[1 << 20];
    private int length;

    public ReadOnlyMemory<byte> Written => buffer.AsMemory(0, length);

    /// <summary>Forgets what was written (after it was sent), keeping the buffer.</summary>
    public void Clear() => length = 0;

    /// <summary>Starts a new stream: the signature, no flags, no header extension.</summary>
    public void Begin()
    {
        length = 0;
        Ensure(19);
        Signature.CopyTo(buffer, 0);
        BinaryPrimitives.WriteInt32BigEndian(buffer.AsSpan(11), 0);
        BinaryPrimitives.WriteInt32BigEndian(buffer.AsSpan(15), 0);
        length = 19;
    }

    /// <summary>Ends the stream (a field count of −1).</summary>
    public void End() => Int16Raw(-1);

    public void Row(short fields) => Int16Raw(fields);

    public void Null()
    {
        Ensure(4);
        BinaryPrimitives.WriteInt32BigEndian(buffer.AsSpan(length), -1);
        length += 4;
    }

    public void Int16(short value)
    {
        Ensure(6);
        BinaryPrimitives.WriteInt32BigEndian(buffer.AsSpan(length), 2);
        BinaryPrimitives.WriteInt16BigEndian(buffer.AsSpan(length + 4), value);
        length += 6;
    }

    public void Int32(int value)
    {
        Ensure(8);
        BinaryPrimitives.WriteInt32BigEndian(buffer.AsSpan(length), 4);
        BinaryPrimitives.WriteInt32BigEndian(buffer.AsSpan(length + 4), value);
        length += 8;
    }

    public void Int64(long value)
    {
        Ensure(12);
        BinaryPrimitives.WriteInt32BigEndian(buffer.AsSpan(length), 8);
        BinaryPrimitives.WriteInt64BigEndian(buffer.AsSpan(length + 4), value);
        length += 12;
    }

    public void Bool(bool value)
    {
        Ensure(5);
        BinaryPrimitives.WriteInt32BigEndian(buffer.AsSpan(length), 1);
        buffer[length + 4] = value ? (byte)1 : (byte)0;
        length += 5;
    }

    /// <summary>timestamp with time zone: microseconds since 2000-01-01 00:00 UTC (the instant must be UTC).</summary>
    public void Timestamp(DateTime utc)
    {
        Ensure(12);
        BinaryPrimitives.WriteInt32BigEndian(buffer.AsSpan(length), 8);
        BinaryPrimitives.WriteInt64BigEndian(buffer.AsSpan(length + 4), (utc.Ticks - EpochTicks) / 10);
        length += 12;
    }

    /// <summary>date: days since 2000-01-01.</summary>
    public void Date(DateOnly value) => Int32(value.DayNumber - EpochDay);

    /// <summary>text or varchar, as UTF-8.</summary>
    public void Text(string value)
    {
        int max = Encoding.UTF8.GetMaxByteCount(value.Length);
        Ensure(4 + max);
        int written = Encoding.UTF8.GetBytes(value, buffer.AsSpan(length + 4));
        BinaryPrimitives.WriteInt32BigEndian(buffer.AsSpan(length), written);
        length += 4 + written;
    }

    private void Int16Raw(short value)
    {
        Ensure(2);
        BinaryPrimitives.WriteInt16BigEndian(buffer.AsSpan(length), value);
        length += 2;
    }

    private void Ensure(int more)
    {
        if (length + more > buffer.Length)
            Array.Resize(ref buffer, Math.Max(buffer.Length * 2, length + more));
    }
}
