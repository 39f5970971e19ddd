using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace ParIndex.Core.Scoring;

/// <summary>The numbers of one node for one unit, as the engine's pass over the tree left them.</summary>
internal struct NodeSlot
{
    public decimal Points;
    public decimal RawPoints;
    public decimal ApplicableMax;
    public bool NotApplicable;

    /// <summary>For scored nodes: no input; for groups: some scored node below has no input.</summary>
    public bool MissingInput;
}

/// <summary>
/// A unit's node scores by code, materialised on first access. A block of 400 units × 150 leaves would
/// otherwise build 60,000 bilingual explanation texts per computation that almost nobody reads; here the
/// engine keeps plain numbers and a page that opens one unit pays only for that unit's nodes. Scored nodes
/// are re-scored from the same immutable input, so the explanation matches the stored numbers exactly.
/// Safe for concurrent readers: two threads may build the same immutable score, and either result is kept.
/// </summary>
internal sealed class NodeScoreMap(FrameworkPlan plan, NodeSlot[] slots, LeafInput?[] inputs) : IReadOnlyDictionary<string, NodeScore>
{
    private NodeScore?[]? _built;

    public int Count => slots.Length;

    public IEnumerable<string> Keys => plan.Codes;

    public IEnumerable<NodeScore> Values
    {
        get
        {
            for (var i = 0; i < slots.Length; i++)
                yield return Get(i);
        }
    }

    public NodeScore this[string key] =>
        TryGetValue(key, out var score) ? score : throw new KeyNotFoundException($"No node with code {key} in the framework.");

    public bool ContainsKey(string key) => plan.SlotByCode.ContainsKey(key);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out NodeScore value)
    {
        if (plan.SlotByCode.TryGetValue(key, out var slot))
        {
            value = Get(slot);
            return true;
        }
        value = null;
        return false;
    }

    public IEnumerator<KeyValuePair<string, NodeScore>> GetEnumerator()
    {
        for (var i = 0; i < slots.Length; i++)
            yield return new(plan.Codes[i], Get(i));
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private NodeScore Get(int slot)
    {
        if (_built is null)
            Interlocked.CompareExchange(ref _built, new NodeScore?[slots.Length], null);
        return _built[slot] ??= Build(slot);
    }

    private NodeScore Build(int slot)
    {
        var node = plan.Nodes[slot];
        if (node.IsScored)
            return LeafScorer.Score(node, inputs[slot]);
        ref readonly var s = ref slots[slot];
        return new NodeScore
        {
            Code = node.Code,
            Points = s.Points,
            RawPoints = s.RawPoints,
            ApplicableMax = s.ApplicableMax,
            NotApplicable = s.NotApplicable,
            MissingInput = s.MissingInput,
        };
    }
}
