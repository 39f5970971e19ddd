namespace ParIndex.Frameworks;

/// <summary>A framework revision as listed by the API (the tree itself is served as the documented JSON).</summary>
public sealed record FrameworkSummary(
    int Id, int Year, string BlockCode, int Revision, FrameworkStatus Status, string TitleVi,
    int LeafCount, decimal MaxPoints, string? RevisionReason, DateTime CreatedAtUtc, DateTime? PublishedAtUtc, Guid ConcurrencyStamp);

public sealed record RevisionInput(string Reason);

public sealed record CloneInput(int FromYear, string FromBlockCode, int ToYear, string ToBlockCode, IReadOnlyDictionary<string, string>? CodeMap);
