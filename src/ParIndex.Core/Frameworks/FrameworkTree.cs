namespace ParIndex.Core.Frameworks;

/// <summary>
/// Immutable edits of a framework's tree, one node at a time (what the administrator's editor does).
/// Each edit returns a new definition and leaves the input untouched; an edit that cannot be made
/// (unknown code, a code that would be used twice, a move into the node's own subtree) is a
/// <see cref="FrameworkResult"/> failure naming the node, never an exception. The result is not
/// validated as a whole: the caller runs <see cref="FrameworkValidator"/> before storing it.
/// </summary>
/// <remarks>
/// The crosswalk follows the nodes: renaming a node moves its crosswalk entry to the new code, and
/// removing a subtree drops the entries of the removed nodes, so an edit never leaves an entry that
/// points at nothing.
/// </remarks>
public static class FrameworkTree
{
    /// <summary>Problem codes of tree edits (the validator's codes are in <see cref="FrameworkProblemCodes"/>).</summary>
    public const string NodeNotFound = "node-not-found";
    public const string PositionOutOfRange = "position-out-of-range";
    public const string MoveIntoOwnSubtree = "move-into-own-subtree";

    /// <summary>The node with <paramref name="code"/>, or null.</summary>
    public static FrameworkNode? FindNode(this FrameworkDefinition framework, string code) =>
        framework.AllNodes().FirstOrDefault(n => n.Code == code);

    /// <summary>The parent of the node <paramref name="code"/>; null for a top-level node or an unknown code (see <see cref="FindNode"/>).</summary>
    public static FrameworkNode? ParentOf(this FrameworkDefinition framework, string code) =>
        framework.AllNodes().FirstOrDefault(n => n.Children.Any(c => c.Code == code));

    /// <summary>The codes from the top level down to the node's parent (empty for a top-level node), or null when the code is unknown.</summary>
    public static IReadOnlyList<string>? AncestorsOf(this FrameworkDefinition framework, string code)
    {
        var path = new List<string>();
        return Find(framework.Nodes, code, path) ? path : null;

        static bool Find(IReadOnlyList<FrameworkNode> nodes, string code, List<string> path)
        {
            foreach (var node in nodes)
            {
                if (node.Code == code)
                    return true;
                path.Add(node.Code);
                if (Find(node.Children, code, path))
                    return true;
                path.RemoveAt(path.Count - 1);
            }
            return false;
        }
    }

    /// <summary>Depth of the node: 0 for a top-level node (a field); null when the code is unknown.</summary>
    public static int? DepthOf(this FrameworkDefinition framework, string code) => framework.AncestorsOf(code)?.Count;

    /// <summary>
    /// Replaces the node <paramref name="code"/> by <paramref name="node"/>. When <paramref name="node"/>
    /// has no children the old node's children are kept (an edit of the node's own fields); when it has
    /// some, they replace the old subtree. The node may get a new code.
    /// </summary>
    public static FrameworkResult ReplaceNode(this FrameworkDefinition framework, string code, FrameworkNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var old = framework.FindNode(code);
        if (old is null)
            return NotFound(code);
        var replacement = node.Children.Count == 0 ? node with { Children = old.Children } : node;

        var outside = CodesOutside(framework, old);
        if (CheckNewCodes(replacement, outside) is { Count: > 0 } problems)
            return FrameworkResult.Failure(problems);

        var nodes = Map(framework.Nodes, n => n.Code == code ? replacement : null);
        var crosswalk = new Dictionary<string, string>(framework.Crosswalk, StringComparer.Ordinal);
        if (replacement.Code != code && crosswalk.Remove(code, out var previous))
            crosswalk[replacement.Code] = previous;
        return FrameworkResult.Success(Prune(framework with { Nodes = nodes }, crosswalk, Codes(old)));
    }

    /// <summary>
    /// Adds <paramref name="node"/> (with its children) under <paramref name="parentCode"/>, or at the top
    /// level when it is null, at the 0-based <paramref name="position"/> among the siblings (null: last).
    /// </summary>
    public static FrameworkResult AddChild(this FrameworkDefinition framework, string? parentCode, FrameworkNode node, int? position = null)
    {
        ArgumentNullException.ThrowIfNull(node);
        var siblings = parentCode is null ? framework.Nodes : framework.FindNode(parentCode)?.Children;
        if (siblings is null)
            return NotFound(parentCode!);
        if (PositionProblem(position, siblings.Count, parentCode) is { } bad)
            return FrameworkResult.Failure([bad]);
        var outside = framework.AllNodes().Select(n => n.Code).ToHashSet(StringComparer.Ordinal);
        if (CheckNewCodes(node, outside) is { Count: > 0 } problems)
            return FrameworkResult.Failure(problems);
        return FrameworkResult.Success(framework with { Nodes = Insert(framework.Nodes, parentCode, node, position) });
    }

    /// <summary>Removes the node <paramref name="code"/> and its subtree.</summary>
    public static FrameworkResult RemoveNode(this FrameworkDefinition framework, string code)
    {
        var old = framework.FindNode(code);
        if (old is null)
            return NotFound(code);
        var nodes = Remove(framework.Nodes, code);
        return FrameworkResult.Success(Prune(framework with { Nodes = nodes }, new Dictionary<string, string>(framework.Crosswalk, StringComparer.Ordinal), Codes(old)));
    }

    /// <summary>
    /// Moves the node <paramref name="code"/> (with its subtree) under <paramref name="newParentCode"/>, or to
    /// the top level when it is null, at the 0-based <paramref name="position"/> among its new siblings
    /// (counted without the node itself; null: last).
    /// </summary>
    public static FrameworkResult MoveNode(this FrameworkDefinition framework, string code, string? newParentCode, int? position = null)
    {
        var node = framework.FindNode(code);
        if (node is null)
            return NotFound(code);
        if (newParentCode is not null)
        {
            if (node.SelfAndDescendants().Any(n => n.Code == newParentCode))
                return FrameworkResult.Failure([new FrameworkProblem(code, MoveIntoOwnSubtree,
                    $"Không thể chuyển tiêu chí {code} vào bên trong chính nó ({newParentCode})",
                    $"Node {code} cannot be moved into its own subtree ({newParentCode})") { NodeCode = code }]);
            if (framework.FindNode(newParentCode) is null)
                return NotFound(newParentCode);
        }
        var without = framework with { Nodes = Remove(framework.Nodes, code) };
        var siblings = newParentCode is null ? without.Nodes : without.FindNode(newParentCode)!.Children;
        if (PositionProblem(position, siblings.Count, newParentCode) is { } bad)
            return FrameworkResult.Failure([bad with { NodeCode = code }]);
        return FrameworkResult.Success(without with { Nodes = Insert(without.Nodes, newParentCode, node, position) });
    }

    /// <summary>
    /// Sets the maximum of the group <paramref name="code"/> and of each group above it to the sum of its
    /// regular children's maxima (bonus and penalty children are outside every maximum), which is the only
    /// value the validator accepts. Used after adding, removing or changing a node so the tree adds up again.
    /// Groups without regular children are left as they are. Returns the changes made, top-most last.
    /// </summary>
    public static (FrameworkDefinition Framework, IReadOnlyList<MaximumChange> Changes) SumUpFrom(this FrameworkDefinition framework, string? code)
    {
        if (code is null || framework.AncestorsOf(code) is not { } ancestors)
            return (framework, []);
        var changes = new List<MaximumChange>();
        var chain = ancestors.Append(code).Reverse().ToList();
        foreach (var groupCode in chain)
        {
            var group = framework.FindNode(groupCode)!;
            var regular = group.Children.Where(c => c.Kind is NodeKind.Group or NodeKind.Leaf).ToList();
            if (group.Kind != NodeKind.Group || regular.Count == 0)
                continue;
            var sum = regular.Sum(c => c.MaxPoints);
            if (sum == group.MaxPoints)
                continue;
            changes.Add(new MaximumChange(groupCode, group.MaxPoints, sum));
            framework = framework with { Nodes = Map(framework.Nodes, n => n.Code == groupCode ? n with { MaxPoints = sum } : null) };
        }
        return (framework, changes);
    }

    /// <summary>A group maximum changed by <see cref="SumUpFrom"/>.</summary>
    public sealed record MaximumChange(string Code, decimal OldMax, decimal NewMax);

    private static FrameworkResult NotFound(string code) =>
        FrameworkResult.Failure([new FrameworkProblem(code, NodeNotFound,
            $"Không có tiêu chí mã {code} trong bộ tiêu chí", $"There is no node with the code {code} in the framework")]);

    private static FrameworkProblem? PositionProblem(int? position, int count, string? parentCode)
    {
        if (position is null || (position >= 0 && position <= count))
            return null;
        var where = parentCode ?? "nodes";
        return new FrameworkProblem(where, PositionOutOfRange,
            $"Vị trí {position + 1} không hợp lệ: {(parentCode is null ? "cấp cao nhất" : $"nhóm {parentCode}")} có {count} mục, chọn từ 1 đến {count + 1}",
            $"Position {position + 1} is not valid: {(parentCode is null ? "the top level" : $"group {parentCode}")} has {count} items; choose 1 to {count + 1}");
    }

    /// <summary>The new subtree's codes must be valid and unique, among themselves and against the rest of the tree.</summary>
    private static List<FrameworkProblem> CheckNewCodes(FrameworkNode subtree, HashSet<string> taken)
    {
        var problems = new List<FrameworkProblem>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in subtree.SelfAndDescendants())
        {
            // Codes come from user input, so a null slipped past the nullable annotations is still possible.
            var code = node.Code ?? "";
            if (!FrameworkValidator.IsValidCode(code))
                problems.Add(new FrameworkProblem(code, FrameworkProblemCodes.CodeFormat,
                    $"Mã «{node.Code}» không hợp lệ: mã gồm các đoạn chữ hoặc số không dấu, nối bằng dấu chấm (ví dụ 3.2.1)",
                    $"The code “{node.Code}” is not valid: letters or digits in dot-separated segments (e.g. 3.2.1)"));
            else if (taken.Contains(code) || !seen.Add(code))
                problems.Add(new FrameworkProblem(code, FrameworkProblemCodes.DuplicateCode,
                    $"Mã {code} đã được dùng cho một tiêu chí khác", $"The code {code} is already used by another node") { NodeCode = code });
        }
        return problems;
    }

    private static HashSet<string> CodesOutside(FrameworkDefinition framework, FrameworkNode subtree)
    {
        var inside = Codes(subtree);
        return framework.AllNodes().Select(n => n.Code).Where(c => !inside.Contains(c)).ToHashSet(StringComparer.Ordinal);
    }

    private static HashSet<string> Codes(FrameworkNode subtree) => subtree.SelfAndDescendants().Select(n => n.Code).ToHashSet(StringComparer.Ordinal);

    /// <summary>Drops the crosswalk entries of nodes that were in <paramref name="before"/> and are no longer in the tree.</summary>
    private static FrameworkDefinition Prune(FrameworkDefinition framework, Dictionary<string, string> crosswalk, HashSet<string> before)
    {
        var now = framework.AllNodes().Select(n => n.Code).ToHashSet(StringComparer.Ordinal);
        foreach (var code in before.Where(c => !now.Contains(c)))
            crosswalk.Remove(code);
        return framework with { Crosswalk = crosswalk };
    }

    /// <summary>Rebuilds the spine of the tree, replacing each node for which <paramref name="replace"/> returns a node.</summary>
    private static List<FrameworkNode> Map(IReadOnlyList<FrameworkNode> nodes, Func<FrameworkNode, FrameworkNode?> replace) =>
        [.. nodes.Select(n => replace(n) ?? (n.Children.Count == 0 ? n : n with { Children = Map(n.Children, replace) }))];

    private static List<FrameworkNode> Remove(IReadOnlyList<FrameworkNode> nodes, string code) =>
        [.. nodes.Where(n => n.Code != code).Select(n => n.Children.Count == 0 ? n : n with { Children = Remove(n.Children, code) })];

    private static List<FrameworkNode> Insert(IReadOnlyList<FrameworkNode> nodes, string? parentCode, FrameworkNode node, int? position)
    {
        if (parentCode is null)
        {
            var top = nodes.ToList();
            top.Insert(position ?? top.Count, node);
            return top;
        }
        return Map(nodes, n =>
        {
            if (n.Code != parentCode)
                return null;
            var children = n.Children.ToList();
            children.Insert(position ?? children.Count, node);
            return n with { Children = children };
        });
    }
}
