using System.Diagnostics.CodeAnalysis;

namespace ParIndex.Core.Frameworks;

/// <summary>
/// A framework, or the problems that prevented producing one (bad JSON, a bad code map). Expected
/// failures are values, not exceptions, so callers can show every problem at once.
/// </summary>
public sealed class FrameworkResult
{
    private FrameworkResult(FrameworkDefinition? framework, IReadOnlyList<FrameworkProblem> problems)
    {
        Framework = framework;
        Problems = problems;
    }

    public FrameworkDefinition? Framework { get; }

    /// <summary>Empty when <see cref="Succeeded"/>.</summary>
    public IReadOnlyList<FrameworkProblem> Problems { get; }

    [MemberNotNullWhen(true, nameof(Framework))]
    public bool Succeeded => Framework is not null;

    public static FrameworkResult Success(FrameworkDefinition framework) => new(framework, []);

    public static FrameworkResult Failure(IReadOnlyList<FrameworkProblem> problems)
    {
        if (problems.Count == 0)
            throw new ArgumentException("A failure needs at least one problem.", nameof(problems));
        return new(null, problems);
    }
}
