namespace ParIndex.Units;

public enum UnitKind
{
    /// <summary>Sở, ban, ngành.</summary>
    Department,
    /// <summary>UBND quận, huyện (until 30/06/2025).</summary>
    District,
    /// <summary>UBND TP Thủ Đức.</summary>
    ThuDucCity,
    /// <summary>UBND phường, xã, đặc khu.</summary>
    Ward,
    Other,
}

/// <summary>An agency of the city that may be assessed, lead an appraisal, or both.</summary>
public sealed class Unit
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string NameVi { get; set; }
    public string? NameEn { get; set; }
    public UnitKind Kind { get; set; }
    public DateOnly ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }

    /// <summary>The unit this one belonged to (an old ward's district); lineage uses it to represent unassessed units.</summary>
    public int? ParentId { get; set; }
    public Unit? Parent { get; set; }

    public string Name(Core.Language language) => language == Core.Language.En && !string.IsNullOrWhiteSpace(NameEn) ? NameEn : NameVi;

    public bool IsValidIn(int year) => ValidFrom.Year <= year && (ValidTo is null || ValidTo.Value.Year >= year);
}
