using System.Text;

namespace ParIndex.Core.Frameworks;

/// <summary>JSON paths in the System.Text.Json style (<c>$.nodes[0].children[1]</c>, <c>$.crosswalk['3.2']</c>).</summary>
internal static class JsonPaths
{
    public const string Root = "$";

    public static string Property(string parent, string name) =>
        IsIdentifier(name) ? $"{parent}.{name}" : $"{parent}['{name.Replace("\\", "\\\\").Replace("'", "\\'")}']";

    public static string Index(string parent, int index) => $"{parent}[{index}]";

    private static bool IsIdentifier(string name) =>
        name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_') && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}

/// <summary>
/// Turns byte offsets in UTF-8 JSON into 1-based line and column numbers. Columns count characters,
/// not bytes, so a position after Vietnamese text matches what an editor shows.
/// </summary>
internal sealed class JsonTextMap
{
    private readonly ReadOnlyMemory<byte> _utf8;
    private readonly List<int> _lineStarts = [0];

    public JsonTextMap(ReadOnlyMemory<byte> utf8)
    {
        _utf8 = utf8;
        var span = utf8.Span;
        for (var i = 0; i < span.Length; i++)
            if (span[i] == (byte)'\n')
                _lineStarts.Add(i + 1);
    }

    /// <summary>Line and column of an absolute byte offset (e.g. <c>Utf8JsonReader.TokenStartIndex</c>).</summary>
    public (int Line, int Column) At(long offset)
    {
        var line = _lineStarts.BinarySearch((int)offset);
        if (line < 0)
            line = ~line - 1;
        return (line + 1, Column(line, offset - _lineStarts[line]));
    }

    /// <summary>Line and column from the 0-based line number and byte position a <c>JsonException</c> reports.</summary>
    public (int Line, int Column) At(long zeroBasedLine, long bytePositionInLine)
    {
        var line = (int)Math.Clamp(zeroBasedLine, 0, _lineStarts.Count - 1);
        return (line + 1, Column(line, bytePositionInLine));
    }

    private int Column(int line, long bytesIntoLine)
    {
        var start = _lineStarts[line];
        var length = (int)Math.Clamp(bytesIntoLine, 0, _utf8.Length - start);
        return Encoding.UTF8.GetCharCount(_utf8.Span.Slice(start, length)) + 1;
    }
}
