using ParIndex.Core.Frameworks;
using ParIndex.Web;

namespace ParIndex.Frameworks.Pages;

/// <summary>Problems of a refused change as the lines a page lists (each names its node, row or field).</summary>
public static class PageProblems
{
    public static List<string> Lines(Problems? problems) =>
        problems is null ? [] : [.. problems.ToDictionary().SelectMany(pair => pair.Value)];

    /// <summary>The messages already name the place: the JSON line and column, the sheet, row and column, or the node.</summary>
    public static List<string> Lines(IEnumerable<FrameworkProblem> problems) => [.. problems.Select(p => p.Message(UiLanguage.Current))];

    /// <summary>Whether the refusal is the stale-stamp one ("someone else changed it"), as opposed to any other conflict.</summary>
    public static bool IsStale(Problems? problems) => problems?.ToDictionary().ContainsKey("concurrencyStamp") == true;
}
