using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using ParIndex.Core.Frameworks;

namespace ParIndex.Core.Tests.Frameworks;

/// <summary>docs/framework-json.md is the contract other systems build against: its examples must work.</summary>
public partial class FrameworkJsonDocumentationTests
{
    private static readonly string Document = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "framework-json.md"));

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ParIndex.slnx")))
                return dir.FullName;
        throw new InvalidOperationException("ParIndex.slnx not found above the test binaries.");
    }

    [GeneratedRegex("```json\n(.*?)\n```", RegexOptions.Singleline)]
    private static partial Regex JsonBlock();

    private static List<string> Snippets() => [.. JsonBlock().Matches(Document).Select(m => m.Groups[1].Value)];

    [Fact]
    public void CompleteExampleReadsValidatesAndIsWrittenBackIdentically()
    {
        var section = Document[Document.IndexOf("## Complete example", StringComparison.Ordinal)..];
        var example = JsonBlock().Match(section).Groups[1].Value;

        var result = FrameworkJson.Deserialize(example);

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        Assert.Empty(FrameworkValidator.Validate(result.Framework));
        Assert.Equal(10m, result.Framework.MaxPoints);
        Assert.Equal(
            [NodeKind.Group, NodeKind.Leaf, NodeKind.Bonus, NodeKind.Penalty],
            result.Framework.AllNodes().Select(n => n.Kind).Distinct().Order());
        Assert.Equal(
            ["manual", "metric", "ratio", "rubric", "survey"],
            result.Framework.Leaves().Select(n => n.Method!.TypeName).Distinct().Order());
        Assert.Equal(example, FrameworkJson.Serialize(result.Framework));
    }

    [Fact]
    public void EverySnippetIsAPartOfTheFormat()
    {
        // Each snippet must bind, under the format's strict options, to one of the model's parts.
        Type[] parts = [typeof(FrameworkDefinition), typeof(ScoringMethod), typeof(PointsRule), typeof(List<ClassBand>), typeof(OutcomeRule)];
        var snippets = Snippets();
        Assert.Equal(9, snippets.Count);

        foreach (var snippet in snippets)
            Assert.True(parts.Any(type => Binds(snippet, type)), $"This snippet is not a valid part of the format:\n{snippet}");
    }

    private static bool Binds(string json, Type type)
    {
        try
        {
            return JsonSerializer.Deserialize(json, type, FrameworkJson.Options) is not null;
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException)
        {
            return false;
        }
    }

    [Fact]
    public void EveryProblemCodeIsDocumented()
    {
        var codes = typeof(FrameworkProblemCodes).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetValue(null)!).ToList();
        Assert.True(codes.Count > 50);

        Assert.All(codes, code => Assert.Contains($"| `{code}` |", Document));
    }
}
