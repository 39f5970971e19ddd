namespace ParIndex.Core.Lineage;

public enum SuccessionKind
{
    /// <summary>Several units became one (the successor).</summary>
    Merge,
    /// <summary>One unit became several.</summary>
    Split,
    /// <summary>The unit continues under a new code or name.</summary>
    Rename,
}

/// <summary>One edge of the lineage: <see cref="PredecessorCode"/> is continued (wholly or in part) by <see cref="SuccessorCode"/> from <see cref="EffectiveDate"/>.</summary>
public sealed record Succession(string PredecessorCode, string SuccessorCode, DateOnly EffectiveDate, SuccessionKind Kind);

/// <summary>A unit's published (or computed) figures for a past year, as the lineage resolver needs them.</summary>
public sealed record PastResult(string UnitCode, string UnitName, string BlockCode, decimal Index, int Rank, string ClassCode);
