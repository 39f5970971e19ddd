using ParIndex.Core.Frameworks;

namespace ParIndex.Core.Scoring;

/// <summary>
/// A framework's tree flattened once per computation into pre-order arrays, so scoring a unit is one
/// backwards pass over arrays (children always sit after their parent) with no recursion, LINQ or
/// per-node allocation.
/// </summary>
internal sealed class FrameworkPlan
{
    /// <summary>The slot of the virtual root (the unit total) in per-unit scratch arrays.</summary>
    public int Root => Nodes.Length;

    public required FrameworkNode[] Nodes { get; init; }

    /// <summary>Parent slot of each node; <see cref="Root"/> for top-level nodes.</summary>
    public required int[] Parent { get; init; }
    public required NodeKind[] Kinds { get; init; }

    /// <summary>Node maxima, never negative, so clamps are well defined even on a malformed framework.</summary>
    public required decimal[] Max { get; init; }
    public required string[] Codes { get; init; }
    public required Dictionary<string, int> SlotByCode { get; init; }

    /// <summary>Slots of the top-level groups: the fields whose sub-indices are published.</summary>
    public required int[] FieldSlots { get; init; }
    public required decimal MaxPoints { get; init; }

    public static FrameworkPlan Build(FrameworkDefinition framework)
    {
        var nodes = new List<FrameworkNode>();
        var parents = new List<int>();
        var fields = new List<int>();
        foreach (var top in framework.Nodes)
        {
            if (top.Kind == NodeKind.Group)
                fields.Add(nodes.Count);
            Flatten(top, -1, nodes, parents);
        }

        var count = nodes.Count;
        var plan = new FrameworkPlan
        {
            Nodes = [.. nodes],
            Parent = new int[count],
            Kinds = new NodeKind[count],
            Max = new decimal[count],
            Codes = new string[count],
            SlotByCode = new Dictionary<string, int>(count, StringComparer.Ordinal),
            FieldSlots = [.. fields],
            MaxPoints = Math.Max(0m, framework.MaxPoints),
        };
        for (var i = 0; i < count; i++)
        {
            var node = nodes[i];
            plan.Parent[i] = parents[i] < 0 ? count : parents[i];
            plan.Kinds[i] = node.Kind;
            plan.Max[i] = Math.Max(0m, node.MaxPoints);
            plan.Codes[i] = node.Code;
            // Scores are keyed by code; two nodes with one code would silently share inputs and results.
            if (!plan.SlotByCode.TryAdd(node.Code, i))
                throw new ArgumentException($"Node code {node.Code} appears more than once in the framework.", nameof(framework));
        }
        return plan;
    }

    private static void Flatten(FrameworkNode node, int parent, List<FrameworkNode> nodes, List<int> parents)
    {
        var slot = nodes.Count;
        nodes.Add(node);
        parents.Add(parent);
        // A scored node's points come from its method; the framework validator rejects children under it,
        // and the engine ignores any that slip through rather than count them twice.
        if (node.Kind != NodeKind.Group)
            return;
        // Children can be null in a framework deserialised from hand-written JSON.
        foreach (var child in node.Children ?? [])
            Flatten(child, slot, nodes, parents);
    }
}
