using ParIndex.Core.Lineage;

namespace ParIndex.Units;

/// <summary>A lineage edge: the predecessor is continued, wholly or in part, by the successor from the effective date.</summary>
public sealed class UnitSuccession
{
    public int Id { get; set; }
    public int PredecessorId { get; set; }
    public Unit? Predecessor { get; set; }
    public int SuccessorId { get; set; }
    public Unit? Successor { get; set; }
    public DateOnly EffectiveDate { get; set; }
    public SuccessionKind Kind { get; set; }
    public string? Note { get; set; }
}
