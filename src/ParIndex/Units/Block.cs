namespace ParIndex.Units;

/// <summary>A block (khối) of units ranked together in one year, e.g. "Khối sở, ban, ngành" of 2024.</summary>
public sealed class Block
{
    public int Id { get; set; }
    public int Year { get; set; }
    public required string Code { get; set; }
    public required string NameVi { get; set; }
    public string? NameEn { get; set; }

    /// <summary>Results of this block and year are public only when an administrator has published them.</summary>
    public bool IsPublished { get; set; }
    public DateTime? PublishedAtUtc { get; set; }
    public string? PublishedBy { get; set; }

    public List<BlockMember> Members { get; set; } = [];

    public string Name(Core.Language language) => language == Core.Language.En && !string.IsNullOrWhiteSpace(NameEn) ? NameEn : NameVi;
}

/// <summary>A unit's membership of a block. <see cref="Year"/> repeats the block's year so that "one block per unit and year" is a unique index.</summary>
public sealed class BlockMember
{
    public int Id { get; set; }
    public int BlockId { get; set; }
    public Block? Block { get; set; }
    public int UnitId { get; set; }
    public Unit? Unit { get; set; }
    public int Year { get; set; }
}
