namespace ParIndex.Web;

/// <summary>
/// Field-level problems with a request or an input, collected before anything is stored. The API turns them
/// into a ValidationProblem (ProblemDetails with "errors"), pages into messages beside the fields, the CLI into
/// one line per problem.
/// </summary>
public sealed class Problems
{
    private readonly Dictionary<string, List<string>> byField = new(StringComparer.Ordinal);

    public bool Any => byField.Count > 0;

    public Problems Add(string field, string message)
    {
        if (!byField.TryGetValue(field, out var messages))
            byField[field] = messages = [];
        messages.Add(message);
        return this;
    }

    public Problems AddIf(bool condition, string field, string message) => condition ? Add(field, message) : this;

    public IDictionary<string, string[]> ToDictionary() => byField.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray());

    public IEnumerable<string> Lines() => byField.SelectMany(pair => pair.Value.Select(message => $"{pair.Key}: {message}"));

    public static Problems Of(string field, string message) => new Problems().Add(field, message);
}

/// <summary>The outcome of a service call that may be refused for expected reasons (no exceptions for those).</summary>
public readonly record struct Outcome<T>(T? Value, Problems? Problems, bool NotFound = false, bool Conflict = false)
{
    public bool Succeeded => Problems is null && !NotFound && !Conflict;

    public static Outcome<T> Ok(T value) => new(value, null);
    public static Outcome<T> Invalid(Problems problems) => new(default, problems);
    public static Outcome<T> Missing() => new(default, null, NotFound: true);
    public static Outcome<T> Clash(Problems problems) => new(default, problems, Conflict: true);

    public static implicit operator Outcome<T>(Problems problems) => Invalid(problems);
}
