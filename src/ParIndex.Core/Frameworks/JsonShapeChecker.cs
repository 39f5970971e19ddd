using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using static ParIndex.Core.Frameworks.FrameworkProblemCodes;

namespace ParIndex.Core.Frameworks;

/// <summary>A problem found on the parsed JSON tree, before line and column are attached.</summary>
internal sealed record JsonShapeProblem(string Path, string Code, string MessageVi, string MessageEn);

/// <summary>
/// Walks a parsed document against the serializer's own contract (the JsonTypeInfo metadata of
/// <see cref="FrameworkJson.Options"/>) and reports every mismatch: missing required and unknown
/// properties, wrong value kinds, nulls, unknown method or condition types. The serializer alone stops
/// at the first problem and words it for programmers; an editor fixing a file wants them all, named.
/// Because the contract comes from the metadata, a property added to the model is checked without
/// touching this class.
/// </summary>
internal sealed class JsonShapeChecker(JsonSerializerOptions options)
{
    private readonly List<JsonShapeProblem> _problems = [];

    public IReadOnlyList<JsonShapeProblem> Check(JsonElement root, Type type)
    {
        Value(root, type, JsonPaths.Root, nullable: false);
        return _problems;
    }

    private void Add(string path, string code, string vi, string en) => _problems.Add(new(path, code, vi, en));

    private void Value(JsonElement element, Type type, string path, bool nullable)
    {
        if (element.ValueKind == JsonValueKind.Null)
        {
            if (!nullable)
                Add(path, JsonNull, "không được để null", "must not be null");
            return;
        }

        var info = options.GetTypeInfo(type);
        if (info.PolymorphismOptions is { } polymorphism)
            Polymorphic(element, polymorphism, path);
        else if (info.Kind == JsonTypeInfoKind.Object)
            Object(element, info, path, discriminator: null);
        else if (info.Kind == JsonTypeInfoKind.Enumerable)
            Array(element, info.ElementType!, path);
        else if (info.Kind == JsonTypeInfoKind.Dictionary)
            Dictionary(element, info.ElementType!, path);
        else
            Primitive(element, type, path);
    }

    private void Polymorphic(JsonElement element, JsonPolymorphismOptions polymorphism, string path)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            WrongKind(element, path, "một đối tượng { … }", "an object { … }");
            return;
        }
        var name = polymorphism.TypeDiscriminatorPropertyName;
        var allowed = string.Join(", ", polymorphism.DerivedTypes.Select(d => d.TypeDiscriminator));
        if (!element.TryGetProperty(name, out var discriminator) || discriminator.ValueKind != JsonValueKind.String)
        {
            Add(path, JsonMissingType, $"thiếu thuộc tính «{name}» cho biết loại (một trong: {allowed})",
                $"the “{name}” property saying which kind this is is missing (one of: {allowed})");
            return;
        }
        var value = discriminator.GetString();
        var derived = polymorphism.DerivedTypes.FirstOrDefault(d => Equals(d.TypeDiscriminator, value));
        if (derived.DerivedType is null)
        {
            Add(JsonPaths.Property(path, name), JsonUnknownType, $"loại «{value}» không được hỗ trợ (một trong: {allowed})",
                $"the kind “{value}” is not supported (one of: {allowed})");
            return;
        }
        Object(element, options.GetTypeInfo(derived.DerivedType), path, discriminator: name);
    }

    private void Object(JsonElement element, JsonTypeInfo info, string path, string? discriminator)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            WrongKind(element, path, "một đối tượng { … }", "an object { … }");
            return;
        }

        var properties = info.Properties.ToDictionary(p => p.Name, StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            var propertyPath = JsonPaths.Property(path, property.Name);
            if (property.Name == discriminator)
                continue;
            if (!seen.Add(property.Name))
                Add(propertyPath, JsonDuplicateProperty, $"thuộc tính «{property.Name}» xuất hiện nhiều lần",
                    $"the property “{property.Name}” appears more than once");
            else if (!properties.TryGetValue(property.Name, out var known))
                // Property names are case-sensitive, and an unknown one would otherwise be silently dropped.
                Add(propertyPath, JsonUnknownProperty,
                    $"thuộc tính «{property.Name}» không có trong định dạng (các thuộc tính hợp lệ: {string.Join(", ", properties.Keys)})",
                    $"the property “{property.Name}” is not part of the format (valid properties: {string.Join(", ", properties.Keys)})");
            else
                Value(property.Value, known.PropertyType, propertyPath, known.IsSetNullable);
        }

        var missing = info.Properties.Where(p => p.IsRequired && !seen.Contains(p.Name)).Select(p => p.Name).ToList();
        if (missing.Count > 0)
            Add(path, JsonMissingProperty,
                $"thiếu thuộc tính bắt buộc {string.Join(", ", missing.Select(m => $"«{m}»"))}",
                $"required {(missing.Count == 1 ? "property" : "properties")} missing: {string.Join(", ", missing.Select(m => $"“{m}”"))}");
    }

    private void Array(JsonElement element, Type elementType, string path)
    {
        if (element.ValueKind != JsonValueKind.Array)
        {
            WrongKind(element, path, "một danh sách [ … ]", "a list [ … ]");
            return;
        }
        var index = 0;
        foreach (var item in element.EnumerateArray())
        {
            var itemPath = JsonPaths.Index(path, index++);
            if (item.ValueKind == JsonValueKind.Null)
                Add(itemPath, NullEntry, "danh sách không được chứa mục trống (null)", "a list must not contain empty (null) entries");
            else
                Value(item, elementType, itemPath, nullable: false);
        }
    }

    private void Dictionary(JsonElement element, Type valueType, string path)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            WrongKind(element, path, "một đối tượng { \"khóa\": giá trị }", "an object { \"key\": value }");
            return;
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in element.EnumerateObject())
        {
            var entryPath = JsonPaths.Property(path, entry.Name);
            if (!seen.Add(entry.Name))
                Add(entryPath, JsonDuplicateProperty, $"khóa «{entry.Name}» xuất hiện nhiều lần", $"the key “{entry.Name}” appears more than once");
            else if (entry.Value.ValueKind == JsonValueKind.Null)
                Add(entryPath, NullEntry, "giá trị không được để null", "the value must not be null");
            else
                Value(entry.Value, valueType, entryPath, nullable: false);
        }
    }

    private void Primitive(JsonElement element, Type type, string path)
    {
        // Let the serializer itself decide, so the check can never disagree with the real binding.
        try
        {
            JsonSerializer.Deserialize(element, type, options);
        }
        catch (JsonException)
        {
            var (vi, en) = Expected(type);
            WrongKind(element, path, vi, en);
        }
    }

    private void WrongKind(JsonElement element, string path, string expectedVi, string expectedEn)
    {
        var raw = element.GetRawText();
        if (raw.Length > 40)
            raw = raw[..37] + "…";
        Add(path, JsonWrongType, $"giá trị {raw} không hợp lệ, cần {expectedVi}", $"the value {raw} is not valid, expected {expectedEn}");
    }

    private static (string Vi, string En) Expected(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t == typeof(string))
            return ("một chuỗi ký tự \"…\"", "a string \"…\"");
        if (t == typeof(int) || t == typeof(long))
            return ("một số nguyên", "a whole number");
        if (t == typeof(decimal) || t == typeof(double))
            return ("một số (dấu chấm thập phân, ví dụ 0.25)", "a number (e.g. 0.25)");
        if (t == typeof(bool))
            return ("true hoặc false", "true or false");
        if (t.IsEnum)
        {
            var names = string.Join(", ", Enum.GetNames(t).Select(n => $"\"{JsonNamingPolicy.CamelCase.ConvertName(n)}\""));
            return ($"một trong các giá trị {names}", $"one of {names}");
        }
        return (t.Name, t.Name);
    }
}
