using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using static ParIndex.Core.Frameworks.FrameworkProblemCodes;

namespace ParIndex.Core.Frameworks;

/// <summary>
/// The JSON exchange format of <see cref="FrameworkDefinition"/> (docs/framework-json.md): camelCase
/// properties, enums as camelCase strings, a <c>"type"</c> discriminator on scoring methods and rule
/// conditions, indented output. Reading never throws for bad input: it returns every problem it finds,
/// each with its line, column and JSON path.
/// </summary>
public static class FrameworkJson
{
    /// <summary>The serializer options of the format, read-only; reuse them for any type of the model.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    private static readonly JsonReaderOptions ReaderOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        MaxDepth = 64,
    };

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        MaxDepth = 64,
    };

    public static string Serialize(FrameworkDefinition framework) => JsonSerializer.Serialize(framework, Options);

    public static void Serialize(Stream utf8Json, FrameworkDefinition framework) => JsonSerializer.Serialize(utf8Json, framework, Options);

    public static Task SerializeAsync(Stream utf8Json, FrameworkDefinition framework, CancellationToken cancellationToken = default) =>
        JsonSerializer.SerializeAsync(utf8Json, framework, Options, cancellationToken);

    public static FrameworkResult Deserialize(string json) => Read(Encoding.UTF8.GetBytes(json));

    public static FrameworkResult Deserialize(ReadOnlySpan<byte> utf8Json) => Read(utf8Json.ToArray());

    /// <summary>Reads the whole stream (a framework is small) and then parses it.</summary>
    public static FrameworkResult Deserialize(Stream utf8Json)
    {
        using var buffer = new MemoryStream();
        utf8Json.CopyTo(buffer);
        return Read(buffer.ToArray());
    }

    /// <summary>For request bodies, which must not be read synchronously.</summary>
    public static async Task<FrameworkResult> DeserializeAsync(Stream utf8Json, CancellationToken cancellationToken = default)
    {
        using var buffer = new MemoryStream();
        await utf8Json.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        return Read(buffer.ToArray());
    }

    private static FrameworkResult Read(byte[] bytes)
    {
        ReadOnlyMemory<byte> utf8 = bytes;
        if (utf8.Span.StartsWith(Encoding.UTF8.Preamble))
            utf8 = utf8[Encoding.UTF8.Preamble.Length..];

        var text = new JsonTextMap(utf8);
        var positions = new Dictionary<string, (int Line, int Column)>(StringComparer.Ordinal);
        if (JsonSyntaxScanner.Scan(utf8.Span, ReaderOptions, text, positions) is { } syntaxError)
            return FrameworkResult.Failure([syntaxError]);

        using (var document = JsonDocument.Parse(utf8, DocumentOptions))
        {
            var shape = new JsonShapeChecker(Options).Check(document.RootElement, typeof(FrameworkDefinition));
            if (shape.Count > 0)
                // In reading order, so a list of problems can be worked through from the top of the file.
                return FrameworkResult.Failure([.. shape.Select(p => Locate(p, positions)).OrderBy(p => p.Line ?? int.MaxValue).ThenBy(p => p.Column)]);
        }

        try
        {
            var framework = JsonSerializer.Deserialize<FrameworkDefinition>(utf8.Span, Options);
            return framework is null
                ? FrameworkResult.Failure([Locate(new(JsonPaths.Root, JsonNull, "không được để null", "must not be null"), positions)])
                : FrameworkResult.Success(framework);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException)
        {
            // The shape check mirrors the serializer's contract, so this is a safety net, not a path we expect.
            var path = (ex as JsonException)?.Path ?? JsonPaths.Root;
            return FrameworkResult.Failure([Locate(new(path, JsonInvalid, $"không đọc được: {ex.Message}", $"cannot be read: {ex.Message}"), positions)]);
        }
    }

    private static FrameworkProblem Locate(JsonShapeProblem problem, Dictionary<string, (int Line, int Column)> positions)
    {
        if (!positions.TryGetValue(problem.Path, out var at))
            return new FrameworkProblem(problem.Path, problem.Code, $"{problem.Path}: {problem.MessageVi}", $"{problem.Path}: {problem.MessageEn}");
        return new FrameworkProblem(problem.Path, problem.Code,
            $"Dòng {at.Line}, cột {at.Column} ({problem.Path}): {problem.MessageVi}",
            $"Line {at.Line}, column {at.Column} ({problem.Path}): {problem.MessageEn}")
        { Line = at.Line, Column = at.Column };
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            Converters = { new StrictEnumConverterFactory() },
            WriteIndented = true,
            NewLine = "\n",
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            // Files are read by people: keep Vietnamese letters as they are rather than \u escapes.
            // The output is a document, never inlined into HTML, so relaxed escaping is safe.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            // A misspelt property must not be dropped silently, nor a null slip into a non-nullable member.
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            RespectNullableAnnotations = true,
            AllowDuplicateProperties = false,
            // Hand-edited files: "type" may come anywhere in its object; comments and trailing commas are tolerated.
            AllowOutOfOrderMetadataProperties = true,
            ReadCommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
            MaxDepth = 64,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { LeaveOutComputedProperties } },
        };
        options.MakeReadOnly();
        return options;
    }

    /// <summary>
    /// Get-only members (<c>TypeName</c>, <c>IsScored</c>, <c>MaxPoints</c> of the framework) are derived
    /// from the data; writing them would suggest they could be edited, and they are never read back.
    /// </summary>
    private static void LeaveOutComputedProperties(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object)
            return;
        for (var i = info.Properties.Count - 1; i >= 0; i--)
            if (info.Properties[i].Set is null)
                info.Properties.RemoveAt(i);
    }
}
