using ParIndex.Core.Frameworks;
using ParIndex.Core.Scoring;

namespace ParIndex.Core.Rules;

/// <summary>What outcome rules look at for one unit: its standing this year within its block, and last year's.</summary>
/// <param name="Index">The exact index (not rounded).</param>
/// <param name="Class">The unit's class this year.</param>
/// <param name="Rank">Competition rank in the block.</param>
/// <param name="UnitCount">Number of units ranked in the block.</param>
/// <param name="Previous">Last year's standing through the lineage; null when there is none.</param>
public sealed record RuleSubject(decimal Index, ClassBand Class, int Rank, int UnitCount, PreviousStanding? Previous);
