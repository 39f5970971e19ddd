using System.Diagnostics.CodeAnalysis;

namespace ParIndex.Core.Frameworks;

/// <summary>
/// Finds, for a node of this year's framework, the node of last year's that it continues, so trends and
/// year-over-year changes compare like with like.
/// </summary>
/// <remarks>
/// A node maps to its crosswalk entry when it has one (and that code existed last year); otherwise to
/// the same code, if last year had it and it was not carried over to another node. That second condition
/// handles renumbering: when last year's 3.1 became this year's 3.2 and a new 3.1 was inserted, the
/// new 3.1 has no predecessor even though the code 3.1 existed. When a node was split and one part keeps
/// the old code, give that part an explicit identity entry ("3.2": "3.2") in the crosswalk.
/// </remarks>
public sealed class Crosswalk
{
    private readonly Dictionary<string, string> _previousByCurrent = new(StringComparer.Ordinal);

    public Crosswalk(FrameworkDefinition current, FrameworkDefinition previous)
        : this(current, previous.AllNodes().Select(n => n.Code))
    {
    }

    public Crosswalk(FrameworkDefinition current, IEnumerable<string> previousCodes)
    {
        var previous = previousCodes.ToHashSet(StringComparer.Ordinal);
        var carriedElsewhere = current.Crosswalk.Where(e => e.Key != e.Value).Select(e => e.Value).ToHashSet(StringComparer.Ordinal);

        foreach (var node in current.AllNodes())
        {
            if (current.Crosswalk.TryGetValue(node.Code, out var mapped))
            {
                if (previous.Contains(mapped))
                    _previousByCurrent[node.Code] = mapped;
            }
            else if (previous.Contains(node.Code) && !carriedElsewhere.Contains(node.Code))
            {
                _previousByCurrent[node.Code] = node.Code;
            }
        }
    }

    /// <summary>This year's code → last year's code, for every node that has a predecessor.</summary>
    public IReadOnlyDictionary<string, string> Pairs => _previousByCurrent;

    /// <summary>Last year's code of the node <paramref name="currentCode"/>, or null when it is new (or not a node of this year's framework).</summary>
    public string? PreviousCode(string currentCode) => _previousByCurrent.GetValueOrDefault(currentCode);

    public bool TryGetPreviousCode(string currentCode, [NotNullWhen(true)] out string? previousCode) =>
        _previousByCurrent.TryGetValue(currentCode, out previousCode);
}
