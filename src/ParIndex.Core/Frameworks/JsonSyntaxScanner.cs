using System.Text.Json;
using static ParIndex.Core.Frameworks.FrameworkProblemCodes;

namespace ParIndex.Core.Frameworks;

/// <summary>
/// One pass of the UTF-8 reader over the document before anything is bound. It reports a syntax error
/// with its line, column and JSON path (System.Text.Json alone gives byte positions and, for syntax
/// errors, only the enclosing path), and records where every value starts so later problems, found on
/// the parsed tree, can also say where they are.
/// </summary>
internal static class JsonSyntaxScanner
{
    private sealed class Frame(string path, bool isArray)
    {
        public string Path { get; } = path;
        public bool IsArray { get; } = isArray;
        public int NextIndex { get; set; }
        public string? Property { get; set; }
    }

    public static FrameworkProblem? Scan(ReadOnlySpan<byte> utf8, JsonReaderOptions options, JsonTextMap text,
        Dictionary<string, (int Line, int Column)> valuePositions)
    {
        var reader = new Utf8JsonReader(utf8, options);
        var frames = new Stack<Frame>();
        var current = JsonPaths.Root;
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        var frame = frames.Peek();
                        frame.Property = reader.GetString();
                        current = JsonPaths.Property(frame.Path, frame.Property!);
                        break;
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        current = NextValuePath(frames);
                        valuePositions[current] = text.At(reader.TokenStartIndex);
                        frames.Push(new Frame(current, reader.TokenType == JsonTokenType.StartArray));
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        frames.Pop();
                        current = frames.TryPeek(out var parent) ? parent.Path : JsonPaths.Root;
                        break;
                    case JsonTokenType.Comment or JsonTokenType.None:
                        break;
                    default:
                        current = NextValuePath(frames);
                        valuePositions[current] = text.At(reader.TokenStartIndex);
                        break;
                }
            }
            return null;
        }
        catch (JsonException ex)
        {
            var (line, column) = text.At(ex.LineNumber ?? 0, ex.BytePositionInLine ?? 0);
            // The reader's message ends with its own byte-based position; ours replaces it.
            var detail = ex.Message;
            var cut = detail.IndexOf(" LineNumber:", StringComparison.Ordinal);
            if (cut > 0)
                detail = detail[..cut];
            return new FrameworkProblem(current, JsonSyntax,
                $"Dòng {line}, cột {column} ({current}): lỗi cú pháp JSON — {detail}",
                $"Line {line}, column {column} ({current}): JSON syntax error — {detail}")
            { Line = line, Column = column };
        }
    }

    private static string NextValuePath(Stack<Frame> frames)
    {
        if (!frames.TryPeek(out var frame))
            return JsonPaths.Root;
        return frame.IsArray ? JsonPaths.Index(frame.Path, frame.NextIndex++) : JsonPaths.Property(frame.Path, frame.Property!);
    }
}
