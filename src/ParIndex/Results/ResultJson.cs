using System.Text.Json;
using ParIndex.Core.Frameworks;
using ParIndex.Core.Scoring;

namespace ParIndex.Results;

/// <summary>How computed results are stored in JSON columns: the framework format's options (camelCase, enums as strings).</summary>
public static class ResultJson
{
    public static JsonSerializerOptions Options => FrameworkJson.Options;

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static UnitResult Unit(ResultRow row) => JsonSerializer.Deserialize<UnitResult>(row.DetailJson, Options)!;

    public static IReadOnlyDictionary<string, decimal?> Fields(string json) => JsonSerializer.Deserialize<Dictionary<string, decimal?>>(json, Options)!;
}
