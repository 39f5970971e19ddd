using ParIndex.Core.Frameworks;
using ParIndex.Core.Scoring;

namespace ParIndex.Core.Lineage;

/// <summary>
/// Finds the figures a unit is compared with next year when units are renamed, merged and split
/// (docs/methodology-lineage.md).
/// </summary>
public static class LineageResolver
{
    /// <summary>How many generations back the walk through predecessors goes.</summary>
    public const int MaxDepth = 10;

    /// <summary>
    /// Resolves the previous-year standing of <paramref name="unitCode"/>, assessed this year in block
    /// <paramref name="blockCode"/>, from last year's results.
    /// </summary>
    /// <remarks>
    /// <list type="number">
    /// <item>A unit with its own result last year is compared with it; its rank is kept only if it was ranked
    /// in a block with the same code (a rank in another block is not comparable).</item>
    /// <item>Otherwise the resolver walks the unit's predecessors (successions whose successor is the unit,
    /// then theirs, up to <see cref="MaxDepth"/> generations, never visiting a unit twice so cycles end).
    /// A predecessor with a result contributes it. One without a result is represented by its parent unit
    /// (<paramref name="parentOf"/>) if the parent has a result — an old ward that was never assessed by the
    /// district it belonged to — and otherwise by its own predecessors.</item>
    /// <item>Each contributing unit counts once, however many paths reach it. The previous index is the
    /// arithmetic mean of the contributors' indices. The rank is kept only for a single contributor ranked
    /// in a block with the same code; the class is the single contributor's class, or for several the band
    /// of the mean in <paramref name="previousBands"/>. The basis text names the contributors.</item>
    /// </list>
    /// Without any contributor the result is null: the unit has no previous standing.
    /// </remarks>
    public static PreviousStanding? Resolve(
        string unitCode,
        string blockCode,
        IReadOnlyDictionary<string, PastResult> previousYear,
        IReadOnlyList<Succession> successions,
        Func<string, string?> parentOf,
        IReadOnlyList<ClassBand> previousBands)
    {
        ArgumentNullException.ThrowIfNull(unitCode);
        ArgumentNullException.ThrowIfNull(previousYear);
        ArgumentNullException.ThrowIfNull(successions);
        ArgumentNullException.ThrowIfNull(parentOf);
        ArgumentNullException.ThrowIfNull(previousBands);

        if (previousYear.TryGetValue(unitCode, out var own))
        {
            var sameBlock = string.Equals(own.BlockCode, blockCode, StringComparison.Ordinal);
            return new PreviousStanding
            {
                Index = own.Index,
                Rank = sameBlock ? own.Rank : null,
                ClassCode = own.ClassCode,
                BasisVi = sameBlock ? "Chỉ số năm trước của chính đơn vị" : "Chỉ số năm trước của chính đơn vị (năm trước thuộc khối khác nên không so sánh thứ hạng)",
                BasisEn = sameBlock ? "The unit's own index last year" : "The unit's own index last year (it was ranked in another block, so ranks are not compared)",
            };
        }

        var walk = new Walk(previousYear, successions, parentOf);
        walk.Visit(unitCode, depth: 1);
        var contributors = walk.Contributors;
        if (contributors.Count == 0)
            return null;

        if (contributors.Count == 1)
        {
            var (only, standsIn) = contributors[0];
            return new PreviousStanding
            {
                Index = only.Index,
                Rank = string.Equals(only.BlockCode, blockCode, StringComparison.Ordinal) ? only.Rank : null,
                ClassCode = only.ClassCode,
                BasisVi = standsIn
                    ? $"Chỉ số năm trước của {only.UnitName}, đơn vị cấp trên của đơn vị tiền thân chưa được đánh giá"
                    : $"Chỉ số năm trước của đơn vị tiền thân: {only.UnitName}",
                BasisEn = standsIn
                    ? $"Last year's index of {only.UnitName}, the parent of an unassessed predecessor"
                    : $"Last year's index of the predecessor: {only.UnitName}",
            };
        }

        var sum = 0m;
        foreach (var (result, _) in contributors)
            sum += result.Index;
        var mean = sum / contributors.Count;
        var band = previousBands.FirstOrDefault(b => b.Contains(mean));
        return new PreviousStanding
        {
            Index = mean,
            Rank = null,
            ClassCode = band?.Code,
            BasisVi = $"Bình quân Chỉ số năm trước của {contributors.Count} đơn vị tiền thân: {Names(contributors, " (đại diện đơn vị tiền thân chưa được đánh giá)")}",
            BasisEn = $"Mean of last year's indices of {contributors.Count} predecessors: {Names(contributors, " (standing in for an unassessed predecessor)")}",
        };
    }

    private static string Names(List<(PastResult Result, bool StandsIn)> contributors, string standsInNote) =>
        string.Join(", ", contributors.Select(c => c.StandsIn ? c.Result.UnitName + standsInNote : c.Result.UnitName));

    /// <summary>The depth-first walk through predecessors, in the order the successions are listed.</summary>
    private sealed class Walk(IReadOnlyDictionary<string, PastResult> previousYear, IReadOnlyList<Succession> successions, Func<string, string?> parentOf)
    {
        private readonly HashSet<string> _visited = new(StringComparer.Ordinal);
        private readonly HashSet<string> _contributing = new(StringComparer.Ordinal);

        /// <summary>Each contributor with whether it stands in for an unassessed predecessor as its parent.</summary>
        public List<(PastResult Result, bool StandsIn)> Contributors { get; } = [];

        public void Visit(string successor, int depth)
        {
            _visited.Add(successor);
            if (depth > MaxDepth)
                return;
            foreach (var succession in successions)
            {
                if (!string.Equals(succession.SuccessorCode, successor, StringComparison.Ordinal))
                    continue;
                var predecessor = succession.PredecessorCode;
                if (!_visited.Add(predecessor))
                    continue;

                if (previousYear.TryGetValue(predecessor, out var result))
                    Contribute(predecessor, result, standsIn: false);
                else if (parentOf(predecessor) is { } parent && previousYear.TryGetValue(parent, out var parentResult))
                    Contribute(parent, parentResult, standsIn: true);
                else
                    Visit(predecessor, depth + 1);
            }
        }

        private void Contribute(string code, PastResult result, bool standsIn)
        {
            if (_contributing.Add(code))
                Contributors.Add((result, standsIn));
        }
    }
}
