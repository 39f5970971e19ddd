namespace ParIndex.Demo;

/// <summary>
/// One unit of the demo city. <see cref="ParentCode"/> is the district of an old (pre-July 2025) ward or
/// commune; those are not assessed but are the predecessors of the new wards.
/// </summary>
public sealed record DemoUnit(
    string Code,
    string NameVi,
    string? NameEn,
    DemoUnitKind Kind,
    DateOnly ValidFrom,
    DateOnly? ValidTo,
    string? ParentCode);
