using System.Text;
using System.Text.Json;
using ParIndex.Core.Frameworks;
using static ParIndex.Core.Frameworks.FrameworkProblemCodes;

namespace ParIndex.Core.Tests.Frameworks;

public class FrameworkJsonTests
{
    private static FrameworkDefinition Read(string json)
    {
        var result = FrameworkJson.Deserialize(json);
        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        return result.Framework;
    }

    private static FrameworkProblem OnlyProblem(string json, string code)
    {
        var result = FrameworkJson.Deserialize(json);
        Assert.False(result.Succeeded);
        Assert.Null(result.Framework);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(code, problem.Code);
        return problem;
    }

    /// <summary>A minimal valid document with <paramref name="node"/> as its only top-level node.</summary>
    private static string WithNode(string node) =>
        $$"""
        {
          "year": 2025,
          "blockCode": "so",
          "titleVi": "Bộ tiêu chí",
          "nodes": [
            {{node}}
          ]
        }
        """;

    [Fact]
    public void RoundTripIsLossless()
    {
        var original = SampleFramework.Create();

        var json = FrameworkJson.Serialize(original);
        var read = Read(json);

        DeepEquality.AssertEqual(original, read);
        Assert.Equal(json, FrameworkJson.Serialize(read));
    }

    [Fact]
    public void DecimalsSurviveExactly()
    {
        var original = SampleFramework.Create()
            .WithNode("1.3", n => n with { Method = new ManualMethod { Step = 0.25m } })
            .WithNode("2", n => n with { MaxPoints = 68.5m })
            .WithNode("2.1", n => n with { MaxPoints = 66.5m });

        var json = FrameworkJson.Serialize(original);
        var read = Read(json);

        Assert.Contains("\"step\": 0.25", json);
        Assert.Contains("\"maxPoints\": 68.5", json);
        Assert.Equal(0.25m, Assert.IsType<ManualMethod>(read.Node("1.3").Method).Step);
        Assert.Equal(68.5m, read.Node("2").MaxPoints);
        Assert.Equal(original.MaxPoints, read.MaxPoints);
    }

    [Fact]
    public void OutputUsesCamelCaseStringEnumsAndTypeDiscriminators()
    {
        var json = FrameworkJson.Serialize(SampleFramework.Create());

        Assert.Contains("\"blockCode\": \"so-ban-nganh\"", json);
        Assert.Contains("\"kind\": \"leaf\"", json);
        Assert.Contains("\"kind\": \"penalty\"", json);
        Assert.Contains("\"notApplicable\": \"removeFromMaximum\"", json);
        Assert.Contains("\"mode\": \"threshold\"", json);
        Assert.Contains("\"type\": \"metric\"", json);
        Assert.Contains("\"type\": \"rubric\"", json);
        Assert.Contains("\"type\": \"topFraction\"", json);
        Assert.Contains("\"year\": \"previous\"", json);
        Assert.Contains("\n  \"nodes\": [", json);
    }

    [Fact]
    public void VietnameseTextIsWrittenUnescaped()
    {
        var json = FrameworkJson.Serialize(SampleFramework.Create());

        Assert.Contains("\"titleVi\": \"Cải cách thủ tục hành chính\"", json);
        Assert.DoesNotContain("\\u", json);
    }

    [Fact]
    public void ComputedMembersAndNullsAreNotWritten()
    {
        using var document = JsonDocument.Parse(FrameworkJson.Serialize(SampleFramework.Create()));
        var root = document.RootElement;
        var group = root.GetProperty("nodes")[0];
        var leaf = group.GetProperty("children")[1];

        Assert.False(root.TryGetProperty("maxPoints", out _));
        Assert.False(leaf.TryGetProperty("isScored", out _));
        Assert.False(leaf.GetProperty("method").TryGetProperty("typeName", out _));
        Assert.False(group.TryGetProperty("method", out _));
        Assert.False(group.TryGetProperty("legalBasis", out _));
    }

    [Fact]
    public void CrosswalkKeysAreNodeCodesNotPropertyNames()
    {
        var framework = SampleFramework.Create() with { Crosswalk = new Dictionary<string, string> { ["A.1"] = "B.1" } };

        var json = FrameworkJson.Serialize(framework);

        Assert.Contains("\"A.1\": \"B.1\"", json);
        Assert.Equal("B.1", Read(json).Crosswalk["A.1"]);
    }

    [Fact]
    public void OmittedClassesAndRulesTakeTheDefaults()
    {
        var framework = Read(WithNode("""{ "code": "1", "titleVi": "A", "kind": "leaf", "maxPoints": 10, "method": { "type": "manual" } }"""));

        Assert.Equal(["tot", "kha", "trung-binh", "yeu"], framework.Classes.Select(c => c.Code));
        Assert.Equal(["reward", "discipline"], framework.Rules.Select(r => r.Code));
        Assert.Empty(framework.Crosswalk);
        Assert.Equal(NotApplicablePolicy.NotAllowed, framework.Nodes[0].NotApplicable);
    }

    [Fact]
    public void TypeDiscriminatorMayComeAfterOtherProperties()
    {
        var framework = Read(WithNode("""{ "code": "1", "titleVi": "A", "kind": "leaf", "maxPoints": 10, "method": { "step": 0.5, "type": "manual" } }"""));

        Assert.Equal(0.5m, Assert.IsType<ManualMethod>(framework.Nodes[0].Method).Step);
    }

    [Fact]
    public void CommentsAndTrailingCommasAreTolerated()
    {
        var framework = Read("""
            {
              // Khối sở, ban, ngành
              "year": 2025, "blockCode": "so", "titleVi": "Bộ tiêu chí",
              "nodes": [ { "code": "1", "titleVi": "A", "kind": "leaf", "maxPoints": 10, "method": { "type": "manual" }, }, ],
            }
            """);

        Assert.Equal(2025, framework.Year);
    }

    [Fact]
    public void SyntaxErrorNamesLineColumnAndPath()
    {
        const string json = "{\n  \"year\": 2025,\n  \"blockCode\": \"so\",\n  \"titleVi\": \"Bộ tiêu chí đánh giá\" \"nodes\": []\n}";

        var problem = OnlyProblem(json, JsonSyntax);

        // Columns count characters: the Vietnamese title before the error takes more bytes than characters.
        var line = json.Split('\n')[3];
        Assert.Equal(4, problem.Line);
        Assert.Equal(line.IndexOf("\"nodes\"", StringComparison.Ordinal) + 1, problem.Column);
        Assert.Equal("$.titleVi", problem.Path);
        Assert.StartsWith($"Dòng 4, cột {problem.Column} ($.titleVi): lỗi cú pháp JSON", problem.MessageVi);
        Assert.StartsWith($"Line 4, column {problem.Column} ($.titleVi): JSON syntax error", problem.MessageEn);
        Assert.DoesNotContain("BytePositionInLine", problem.MessageEn);
    }

    [Fact]
    public void SyntaxErrorDeepInTheTreeNamesItsPath()
    {
        var problem = OnlyProblem(WithNode("""{ "code": "1", "maxPoints": 5 "titleVi": "A" }"""), JsonSyntax);

        Assert.Equal("$.nodes[0].maxPoints", problem.Path);
        Assert.Equal(6, problem.Line);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("{ \"year\": 2025 } x")]
    [InlineData("{ \"year\": 2025, ")]
    public void MalformedDocumentsAreSyntaxErrors(string json)
    {
        var problem = OnlyProblem(json, JsonSyntax);

        Assert.Equal(1, problem.Line);
        Assert.NotNull(problem.Column);
    }

    [Fact]
    public void MissingRequiredPropertiesAreNamed()
    {
        var problem = OnlyProblem(WithNode("""{ "code": "1", "kind": "leaf" }"""), JsonMissingProperty);

        Assert.Equal("$.nodes[0]", problem.Path);
        Assert.Equal(6, problem.Line);
        Assert.Equal(5, problem.Column);
        Assert.Equal("Dòng 6, cột 5 ($.nodes[0]): thiếu thuộc tính bắt buộc «titleVi», «maxPoints»", problem.MessageVi);
        Assert.Contains("required properties missing: “titleVi”, “maxPoints”", problem.MessageEn);
    }

    [Fact]
    public void MissingRequiredPropertiesOfTheFrameworkAreNamed()
    {
        var problem = OnlyProblem("""{ "year": 2025, "nodes": [] }""", JsonMissingProperty);

        Assert.Equal("$", problem.Path);
        Assert.Contains("«blockCode», «titleVi»", problem.MessageVi);
    }

    [Fact]
    public void UnknownPropertiesAreReportedRatherThanDropped()
    {
        var problem = OnlyProblem(WithNode("""{ "code": "1", "titleVi": "A", "kind": "leaf", "maxPoints": 10, "evidenceRequird": true, "method": { "type": "manual" } }"""),
            JsonUnknownProperty);

        Assert.Equal("$.nodes[0].evidenceRequird", problem.Path);
        Assert.Contains("«evidenceRequird»", problem.MessageVi);
        Assert.Contains("evidenceRequired", problem.MessageEn);
    }

    [Fact]
    public void PropertiesOfAnotherMethodTypeAreUnknown()
    {
        var problem = OnlyProblem(WithNode("""{ "code": "1", "titleVi": "A", "kind": "leaf", "maxPoints": 10, "method": { "type": "survey", "survey": "sipas.overall", "step": 1 } }"""),
            JsonUnknownProperty);

        Assert.Equal("$.nodes[0].method.step", problem.Path);
    }

    [Fact]
    public void ValueOfTheWrongKindIsReported()
    {
        var problem = OnlyProblem(WithNode("""{ "code": "1", "titleVi": "A", "kind": "leaf", "maxPoints": "10", "method": { "type": "manual" } }"""), JsonWrongType);

        Assert.Equal("$.nodes[0].maxPoints", problem.Path);
        Assert.Equal(6, problem.Line);
        Assert.Contains("giá trị \"10\" không hợp lệ, cần một số", problem.MessageVi);
    }

    [Fact]
    public void FractionalYearIsReported()
    {
        var problem = OnlyProblem("""{ "year": 2025.5, "blockCode": "so", "titleVi": "A", "nodes": [] }""", JsonWrongType);

        Assert.Equal("$.year", problem.Path);
        Assert.Contains("a whole number", problem.MessageEn);
    }

    [Theory]
    [InlineData("\"leef\"")]
    [InlineData("1")]
    [InlineData("\"Leaf\"")]
    [InlineData("\" leaf\"")]
    [InlineData("\"leaf, bonus\"")]
    public void UnknownEnumValuesAreReportedWithTheValidOnes(string kind)
    {
        var problem = OnlyProblem(WithNode($$"""{ "code": "1", "titleVi": "A", "kind": {{kind}}, "maxPoints": 10 }"""), JsonWrongType);

        Assert.Equal("$.nodes[0].kind", problem.Path);
        Assert.Contains("\"group\", \"leaf\", \"bonus\", \"penalty\"", problem.MessageEn);
    }

    [Fact]
    public void MethodWithoutTypeIsReported()
    {
        var problem = OnlyProblem(WithNode("""{ "code": "1", "titleVi": "A", "kind": "leaf", "maxPoints": 10, "method": { "step": 1 } }"""), JsonMissingType);

        Assert.Equal("$.nodes[0].method", problem.Path);
        Assert.Contains("manual, rubric, ratio, metric, survey", problem.MessageVi);
    }

    [Fact]
    public void UnknownMethodTypeIsReported()
    {
        var problem = OnlyProblem(WithNode("""{ "code": "1", "titleVi": "A", "kind": "leaf", "maxPoints": 10, "method": { "type": "formula" } }"""), JsonUnknownType);

        Assert.Equal("$.nodes[0].method.type", problem.Path);
        Assert.Contains("«formula»", problem.MessageVi);
    }

    [Fact]
    public void UnknownConditionTypeIsReported()
    {
        const string json = """
            { "year": 2025, "blockCode": "so", "titleVi": "A", "nodes": [],
              "rules": [ { "code": "r", "kind": "reward", "titleVi": "R", "anyOf": [ { "descriptionVi": "D", "allOf": [ { "type": "streak" } ] } ] } ] }
            """;

        Assert.Equal("$.rules[0].anyOf[0].allOf[0].type", OnlyProblem(json, JsonUnknownType).Path);
    }

    [Fact]
    public void NullForARequiredValueIsReported()
    {
        var problem = OnlyProblem("""{ "year": 2025, "blockCode": "so", "titleVi": null, "nodes": [] }""", JsonNull);

        Assert.Equal("$.titleVi", problem.Path);
    }

    [Fact]
    public void NullForAnOptionalValueIsAccepted()
    {
        var framework = Read(WithNode("""{ "code": "1", "titleVi": "A", "titleEn": null, "maxPoints": 0, "method": null, "children": [] }"""));

        Assert.Null(framework.Nodes[0].Method);
    }

    [Fact]
    public void NullEntriesInListsAreReported()
    {
        var problem = OnlyProblem("""{ "year": 2025, "blockCode": "so", "titleVi": "A", "nodes": [], "classes": [ null ] }""", NullEntry);

        Assert.Equal("$.classes[0]", problem.Path);
    }

    [Fact]
    public void NullCrosswalkTargetsAreReported()
    {
        var problem = OnlyProblem("""{ "year": 2025, "blockCode": "so", "titleVi": "A", "nodes": [], "crosswalk": { "1.1": null } }""", NullEntry);

        Assert.Equal("$.crosswalk['1.1']", problem.Path);
    }

    [Fact]
    public void DuplicatePropertiesAreReported()
    {
        var problem = OnlyProblem("""{ "year": 2025, "year": 2026, "blockCode": "so", "titleVi": "A", "nodes": [] }""", JsonDuplicateProperty);

        Assert.Equal("$.year", problem.Path);
    }

    [Fact]
    public void ListGivenAsAnObjectIsReported()
    {
        Assert.Equal("$.nodes", OnlyProblem("""{ "year": 2025, "blockCode": "so", "titleVi": "A", "nodes": {} }""", JsonWrongType).Path);
    }

    [Fact]
    public void EveryShapeProblemIsReportedAtOnce()
    {
        var result = FrameworkJson.Deserialize(WithNode("""{ "code": 1, "titleVi": "A", "maxPoint": 10, "kind": "leef" }"""));

        // In reading order: the object whose properties are missing starts before its bad values.
        Assert.Equal(
            [(JsonMissingProperty, "$.nodes[0]"), (JsonWrongType, "$.nodes[0].code"), (JsonUnknownProperty, "$.nodes[0].maxPoint"), (JsonWrongType, "$.nodes[0].kind")],
            result.Problems.Select(p => (p.Code, p.Path)));
        Assert.All(result.Problems, p => Assert.Equal(6, p.Line));
    }

    [Fact]
    public void StreamsWithAByteOrderMarkAreRead()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(FrameworkJson.Serialize(SampleFramework.Create()))).ToArray();

        var result = FrameworkJson.Deserialize(new MemoryStream(bytes));

        Assert.True(result.Succeeded, string.Join("\n", result.Problems));
        Assert.Equal(15.5m, result.Framework.MaxPoints);
    }

    [Fact]
    public async Task StreamsCanBeWrittenAndReadAsynchronously()
    {
        using var stream = new MemoryStream();
        await FrameworkJson.SerializeAsync(stream, SampleFramework.Create());
        stream.Position = 0;

        var result = await FrameworkJson.DeserializeAsync(stream);

        Assert.True(result.Succeeded);
        DeepEquality.AssertEqual(SampleFramework.Create(), result.Framework);
    }

    [Fact]
    public void OptionsAreSharedReadOnlyAndWorkForPartsOfTheModel()
    {
        Assert.True(FrameworkJson.Options.IsReadOnly);

        var json = JsonSerializer.Serialize<ScoringMethod>(new SurveyMethod { Survey = MetricNames.SipasOverall }, FrameworkJson.Options);

        Assert.Equal("{\n  \"type\": \"survey\",\n  \"survey\": \"sipas.overall\"\n}", json);
    }
}
