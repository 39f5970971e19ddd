using ParIndex.Core.Lineage;

namespace ParIndex.Units;

/// <summary>A unit as the API reads and writes it.</summary>
public sealed record UnitDto(string Code, string NameVi, string? NameEn, UnitKind Kind, DateOnly ValidFrom, DateOnly? ValidTo, string? ParentCode)
{
    public static UnitDto From(Unit unit) =>
        new(unit.Code, unit.NameVi, unit.NameEn, unit.Kind, unit.ValidFrom, unit.ValidTo, unit.Parent?.Code);
}

public sealed record BlockDto(int Year, string Code, string NameVi, string? NameEn, bool IsPublished, IReadOnlyList<string> UnitCodes);

public sealed record BlockInput(string Code, string NameVi, string? NameEn);

public sealed record MembersInput(IReadOnlyList<string> UnitCodes);

public sealed record SuccessionDto(int Id, string PredecessorCode, string SuccessorCode, DateOnly EffectiveDate, SuccessionKind Kind, string? Note);

public sealed record SuccessionInput(string PredecessorCode, string SuccessorCode, DateOnly EffectiveDate, SuccessionKind Kind, string? Note);
