namespace ParIndex.Core.Scoring;

/// <summary>One assessed unit of a block with its final inputs keyed by node code.</summary>
public sealed record UnitInput
{
    public required string UnitCode { get; init; }
    public required string UnitName { get; init; }
    public required IReadOnlyDictionary<string, LeafInput> Inputs { get; init; }

    /// <summary>The unit's standing the year before, resolved through the lineage; null when there is none.</summary>
    public PreviousStanding? Previous { get; init; }
}

/// <summary>
/// Last year's figures a unit is compared with. For a unit that existed last year they are its own; for a
/// successor they come from its predecessors (see <see cref="ParIndex.Core.Lineage"/>), and
/// <see cref="Basis"/> says how.
/// </summary>
public sealed record PreviousStanding
{
    public required decimal Index { get; init; }

    /// <summary>Rank in a block of the same code last year; null when not comparable (merged units, new block).</summary>
    public int? Rank { get; init; }

    /// <summary>Class code last year; for merged units, the class of the predecessors' mean index in last year's bands.</summary>
    public string? ClassCode { get; init; }
    public required string BasisVi { get; init; }
    public string? BasisEn { get; init; }
}
