namespace ParIndex.Core.Frameworks;

public enum NodeKind
{
    /// <summary>A field or criterion whose points are the capped sum of its children.</summary>
    Group,
    /// <summary>A scored criterion (tiêu chí / tiêu chí thành phần) with a scoring method.</summary>
    Leaf,
    /// <summary>Bonus points (điểm thưởng): added to the parent, not part of any maximum, capped at <see cref="FrameworkNode.MaxPoints"/>.</summary>
    Bonus,
    /// <summary>Penalty points (điểm trừ): subtracted from the parent, capped at <see cref="FrameworkNode.MaxPoints"/>.</summary>
    Penalty,
}

/// <summary>What happens when a unit had nothing to do under a leaf (không phát sinh).</summary>
public enum NotApplicablePolicy
{
    /// <summary>The leaf cannot be declared not applicable.</summary>
    NotAllowed,
    /// <summary>The unit gets the leaf's full points.</summary>
    FullPoints,
    /// <summary>The leaf leaves the maximum: the unit's applicable maximum shrinks by the leaf's maximum.</summary>
    RemoveFromMaximum,
}

public sealed record FrameworkNode
{
    /// <summary>Dotted code such as <c>3.2.1</c>; unique within the framework.</summary>
    public required string Code { get; init; }
    public required string TitleVi { get; init; }
    public string? TitleEn { get; init; }
    public NodeKind Kind { get; init; } = NodeKind.Group;

    /// <summary>Maximum points (điểm tối đa); for bonus and penalty nodes, the cap.</summary>
    public required decimal MaxPoints { get; init; }

    /// <summary>How a leaf, bonus or penalty node is scored; null for groups.</summary>
    public ScoringMethod? Method { get; init; }

    public NotApplicablePolicy NotApplicable { get; init; } = NotApplicablePolicy.NotAllowed;
    public string? LegalBasis { get; init; }

    /// <summary>Code of the lead (appraising) agency, a unit code.</summary>
    public string? LeadAgencyCode { get; init; }
    public bool EvidenceRequired { get; init; }
    public string? GuidanceVi { get; init; }
    public string? GuidanceEn { get; init; }
    public IReadOnlyList<FrameworkNode> Children { get; init; } = [];

    /// <summary>True for nodes that take an input (leaves, bonus and penalty nodes).</summary>
    public bool IsScored => Kind != NodeKind.Group;

    public IEnumerable<FrameworkNode> SelfAndDescendants()
    {
        yield return this;
        foreach (var child in Children)
            foreach (var node in child.SelfAndDescendants())
                yield return node;
    }

    public string Title(Language language) => language == Language.En && !string.IsNullOrWhiteSpace(TitleEn) ? TitleEn : TitleVi;
}
