namespace ParIndex.Core.Frameworks;

/// <summary>
/// A criteria framework (bộ tiêu chí) for one block and year: the scoring tree, the class bands and
/// the reward/discipline rules. Pure data; the JSON form of this record is the documented exchange
/// format (docs/framework-json.md).
/// </summary>
public sealed record FrameworkDefinition
{
    public required int Year { get; init; }
    public required string BlockCode { get; init; }
    public required string TitleVi { get; init; }
    public string? TitleEn { get; init; }

    /// <summary>Top-level nodes. Group nodes at this level are the fields (lĩnh vực); bonus and penalty nodes may sit here too.</summary>
    public required IReadOnlyList<FrameworkNode> Nodes { get; init; }

    /// <summary>Class bands (xếp loại), best first.</summary>
    public IReadOnlyList<ClassBand> Classes { get; init; } = ClassBand.Default;

    /// <summary>Reward and discipline rules, evaluated after ranking.</summary>
    public IReadOnlyList<OutcomeRule> Rules { get; init; } = OutcomeRule.HcmcDefault;

    /// <summary>Last year's node code for each node whose code changed (new code → old code), so trends stay comparable.</summary>
    public IReadOnlyDictionary<string, string> Crosswalk { get; init; } = new Dictionary<string, string>();

    public IEnumerable<FrameworkNode> AllNodes() => Nodes.SelectMany(n => n.SelfAndDescendants());

    public IEnumerable<FrameworkNode> Leaves() => AllNodes().Where(n => n.IsScored);

    /// <summary>Fields are the top-level group nodes; their sub-indices are published.</summary>
    public IEnumerable<FrameworkNode> Fields() => Nodes.Where(n => n.Kind == NodeKind.Group);

    public decimal MaxPoints => Nodes.Where(n => n.Kind is NodeKind.Group or NodeKind.Leaf).Sum(n => n.MaxPoints);
}
