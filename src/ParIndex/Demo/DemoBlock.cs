namespace ParIndex.Demo;

/// <summary>A block (khối) of units ranked together in one year, with its units' codes.</summary>
public sealed record DemoBlock(int Year, string Code, string NameVi, string NameEn, IReadOnlyList<string> UnitCodes);
