namespace ParIndex.Frameworks;

public enum FrameworkStatus
{
    Draft,
    /// <summary>In force; immutable. A correction publishes a new revision.</summary>
    Published,
    /// <summary>A published revision replaced by a later one.</summary>
    Superseded,
}

/// <summary>
/// One revision of a block's criteria framework for a year. The tree, classes and rules are kept as the
/// documented JSON (see docs/framework-json.md) because they are always read and written whole.
/// </summary>
public sealed class Framework
{
    public int Id { get; set; }
    public int Year { get; set; }
    public int BlockId { get; set; }
    public Units.Block? Block { get; set; }
    public int Revision { get; set; }
    public FrameworkStatus Status { get; set; }
    public required string TitleVi { get; set; }
    public required string DefinitionJson { get; set; }
    public string? RevisionReason { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public string? CreatedBy { get; set; }
    public DateTime? PublishedAtUtc { get; set; }
    public string? PublishedBy { get; set; }

    /// <summary>Optimistic concurrency: two administrators editing the same draft cannot overwrite each other silently.</summary>
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();
}
