namespace ParIndex.Core.Frameworks;

/// <summary>
/// One thing wrong with a framework or its JSON form. <see cref="Code"/> is stable and machine-readable
/// (see <see cref="FrameworkProblemCodes"/>); the messages name the node and the numbers involved.
/// </summary>
/// <param name="Path">
/// Where the problem is: a node code (<c>3.2.1</c>), a node code with a member path
/// (<c>3.2.1.method.levels[1]</c>), <c>classes[1]</c>, <c>rules[0].anyOf[1]</c>, <c>crosswalk['3.2.1']</c>,
/// or a JSON path (<c>$.nodes[0].maxPoints</c>) for problems found while reading JSON.
/// </param>
public sealed record FrameworkProblem(string Path, string Code, string MessageVi, string MessageEn)
{
    /// <summary>The code of the node the problem is about, when it is about one, so a UI can link to it.</summary>
    public string? NodeCode { get; init; }

    /// <summary>1-based line in the JSON text, for problems found while reading JSON.</summary>
    public int? Line { get; init; }

    /// <summary>1-based column (in characters, not bytes) in the JSON text.</summary>
    public int? Column { get; init; }

    public string Message(Language language) => language == Language.En ? MessageEn : MessageVi;

    // Test failures and logs print problems; the English message plus the code is the useful summary.
    public override string ToString() => $"{Code} at {Path}: {MessageEn}";
}
