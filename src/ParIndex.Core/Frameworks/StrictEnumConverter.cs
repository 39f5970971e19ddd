using System.Text.Json;
using System.Text.Json.Serialization;

namespace ParIndex.Core.Frameworks;

/// <summary>
/// Enums as their exact camelCase names and nothing else. The built-in string enum converter also
/// accepts other casings, padding and comma lists that it ORs together ("leaf, bonus" reads as
/// penalty), which would silently misread a hand-edited file.
/// </summary>
internal sealed class StrictEnumConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(StrictEnumConverter<>).MakeGenericType(typeToConvert))!;
}

internal sealed class StrictEnumConverter<TEnum> : JsonConverter<TEnum>
    where TEnum : struct, Enum
{
    private readonly Dictionary<string, TEnum> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<TEnum, JsonEncodedText> _names = [];

    public StrictEnumConverter()
    {
        foreach (var value in Enum.GetValues<TEnum>())
        {
            var name = JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
            _byName[name] = value;
            _names[value] = JsonEncodedText.Encode(name);
        }
    }

    public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String && _byName.TryGetValue(reader.GetString()!, out var value))
            return value;
        throw new JsonException($"Expected one of {string.Join(", ", _byName.Keys)} for {typeof(TEnum).Name}.");
    }

    public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options)
    {
        if (!_names.TryGetValue(value, out var name))
            throw new JsonException($"{value} is not a defined {typeof(TEnum).Name} value.");
        writer.WriteStringValue(name);
    }
}
