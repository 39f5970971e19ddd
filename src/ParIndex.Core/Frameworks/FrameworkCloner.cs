using static ParIndex.Core.Frameworks.FrameworkProblemCodes;

namespace ParIndex.Core.Frameworks;

/// <summary>
/// Starts next year's framework from last year's (§4.1 of the domain notes: a new framework may revise
/// last year's, and a crosswalk keeps results comparable). The copy is a draft to edit and validate
/// before publication; its titles are kept as they are, for the editor to update.
/// </summary>
public static class FrameworkCloner
{
    /// <param name="source">Last year's framework; it is not changed.</param>
    /// <param name="year">The new framework's year.</param>
    /// <param name="blockCode">The new block code, when the block was renamed or the framework is reused for another block.</param>
    /// <param name="codeMap">
    /// Old code → new code for the nodes to renumber. Only the listed nodes are renamed (a renamed
    /// group's children keep their codes unless listed too). Every node whose code changes gets a
    /// crosswalk entry new code → old code; last year's own crosswalk is not carried over, since it
    /// points two years back.
    /// </param>
    /// <returns>The draft, or the problems of the code map (unknown old codes, malformed or colliding new codes).</returns>
    public static FrameworkResult Clone(FrameworkDefinition source, int year, string? blockCode = null,
        IReadOnlyDictionary<string, string>? codeMap = null)
    {
        codeMap ??= new Dictionary<string, string>();
        var problems = CheckCodeMap(source, codeMap);
        if (problems.Count > 0)
            return FrameworkResult.Failure(problems);

        var crosswalk = new Dictionary<string, string>(StringComparer.Ordinal);
        var clone = source with
        {
            Year = year,
            BlockCode = blockCode ?? source.BlockCode,
            Nodes = Rename(source.Nodes, codeMap, crosswalk),
            Classes = [.. source.Classes],
            Rules = [.. source.Rules],
            Crosswalk = crosswalk,
        };
        return FrameworkResult.Success(clone);
    }

    private static List<FrameworkNode> Rename(IReadOnlyList<FrameworkNode> nodes, IReadOnlyDictionary<string, string> codeMap,
        Dictionary<string, string> crosswalk) =>
        [.. nodes.Select(node =>
        {
            var code = codeMap.TryGetValue(node.Code, out var renamed) ? renamed : node.Code;
            if (code != node.Code)
                crosswalk[code] = node.Code;
            // Nodes and methods are immutable records, so only the spine of the tree needs copying.
            return node with { Code = code, Children = Rename(node.Children, codeMap, crosswalk) };
        })];

    private static List<FrameworkProblem> CheckCodeMap(FrameworkDefinition source, IReadOnlyDictionary<string, string> codeMap)
    {
        var problems = new List<FrameworkProblem>();
        var oldCodes = source.AllNodes().Select(n => n.Code).ToHashSet(StringComparer.Ordinal);
        foreach (var (oldCode, newCode) in codeMap)
        {
            var path = $"codeMap['{oldCode}']";
            if (!oldCodes.Contains(oldCode))
                problems.Add(new(path, CodeMapUnknownCode,
                    $"Bảng đổi mã: mã {oldCode} không có trong bộ tiêu chí năm {source.Year}",
                    $"Code map: {oldCode} is not a code of the {source.Year} framework"));
            if (!FrameworkValidator.IsValidCode(newCode))
                problems.Add(new(path, CodeFormat,
                    $"Bảng đổi mã: mã mới «{newCode}» của tiêu chí {oldCode} không hợp lệ (các đoạn chữ hoặc số nối bằng dấu chấm, ví dụ 3.2.1)",
                    $"Code map: the new code “{newCode}” for {oldCode} is not valid (dot-separated letters or digits, e.g. 3.2.1)") { NodeCode = oldCode });
        }

        // Two nodes ending up with one code would make the draft unusable; name both old codes.
        var collisions = source.AllNodes()
            .GroupBy(n => codeMap.TryGetValue(n.Code, out var renamed) ? renamed : n.Code, StringComparer.Ordinal)
            .Where(g => g.Count() > 1 && g.Any(n => codeMap.ContainsKey(n.Code)));
        foreach (var group in collisions)
        {
            var olds = string.Join(", ", group.Select(n => n.Code));
            problems.Add(new($"codeMap['{group.First(n => codeMap.ContainsKey(n.Code)).Code}']", DuplicateCode,
                $"Bảng đổi mã: các tiêu chí {olds} sẽ cùng mang mã {group.Key}",
                $"Code map: the nodes {olds} would all get the code {group.Key}") { NodeCode = group.Key });
        }
        return problems;
    }
}
