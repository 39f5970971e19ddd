using ParIndex.Core.Frameworks;
using ParIndex.Core.Scoring;

namespace ParIndex.Core.Tests.Scoring;

/// <summary>Short builders for frameworks and units, so each test shows only what it is about.</summary>
internal static class Build
{
    public static FrameworkNode Leaf(string code, decimal max, ScoringMethod? method = null, NotApplicablePolicy notApplicable = NotApplicablePolicy.NotAllowed) =>
        new() { Code = code, TitleVi = $"Tiêu chí {code}", Kind = NodeKind.Leaf, MaxPoints = max, Method = method ?? new ManualMethod(), NotApplicable = notApplicable };

    public static FrameworkNode Group(string code, decimal max, params FrameworkNode[] children) =>
        new() { Code = code, TitleVi = $"Nhóm {code}", Kind = NodeKind.Group, MaxPoints = max, Children = children };

    public static FrameworkNode Bonus(string code, decimal cap) =>
        new() { Code = code, TitleVi = "Điểm thưởng", Kind = NodeKind.Bonus, MaxPoints = cap, Method = new ManualMethod() };

    public static FrameworkNode Penalty(string code, decimal cap) =>
        new() { Code = code, TitleVi = "Điểm trừ", Kind = NodeKind.Penalty, MaxPoints = cap, Method = new ManualMethod() };

    public static FrameworkDefinition Framework(params FrameworkNode[] nodes) =>
        new() { Year = 2025, BlockCode = "so-nganh", TitleVi = "Bộ tiêu chí thử", Nodes = nodes, Rules = [] };

    public static UnitInput Unit(string code, string name, params (string Code, LeafInput Input)[] inputs) =>
        new() { UnitCode = code, UnitName = name, Inputs = inputs.ToDictionary(i => i.Code, i => i.Input) };

    public static UnitInput Unit(string code, params (string Code, LeafInput Input)[] inputs) => Unit(code, $"Đơn vị {code}", inputs);

    public static (string, LeafInput) Points(string code, decimal points) => (code, LeafInput.OfPoints(points));

    public static (string, LeafInput) NotApplicable(string code) => (code, LeafInput.NotApplicableInput);

    /// <summary>A one-leaf framework (maximum 100) whose manual points are the index, for class and rank tests.</summary>
    public static FrameworkDefinition IndexFramework(IReadOnlyList<ClassBand>? classes = null, IReadOnlyList<OutcomeRule>? rules = null) =>
        Framework(Leaf("1", 100)) with { Classes = classes ?? ClassBand.Default, Rules = rules ?? [] };

    public static UnitInput UnitWithIndex(string code, string name, decimal index, PreviousStanding? previous = null) =>
        Unit(code, name, Points("1", index)) with { Previous = previous };

    public static PointsRule Brackets(params Bracket[] brackets) => new() { Mode = PointsMode.Brackets, Brackets = brackets };

    /// <summary>The usual completion scale: 2 points from 80 %, 1 point from 50 % to under 80 %, nothing below.</summary>
    public static PointsRule CompletionBrackets() => Brackets(
        new Bracket { From = 80, Points = 2 },
        new Bracket { From = 50, To = 80, Points = 1 },
        new Bracket { To = 50, Points = 0 });

    public static UnitResult Only(BlockResult result) => Assert.Single(result.Units);
}
