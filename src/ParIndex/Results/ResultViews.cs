using ParIndex.Core.Frameworks;
using ParIndex.Core.Scoring;

namespace ParIndex.Results;

/// <summary>A block's results as pages, the API and exports show them.</summary>
public sealed record BlockResultsView(
    int Year,
    string BlockCode,
    string BlockNameVi,
    string? BlockNameEn,
    bool IsPublished,
    DateTime? PublishedAtUtc,
    DateTime ComputedAtUtc,
    int FrameworkId,
    int FrameworkRevision,
    decimal AverageIndex,
    IReadOnlyDictionary<string, decimal> AverageFieldIndex,
    IReadOnlyList<FieldHeader> Fields,
    IReadOnlyList<ClassBand> Classes,
    IReadOnlyList<ResultLine> Rows);

public sealed record FieldHeader(string Code, string TitleVi, string? TitleEn, decimal MaxPoints);

public sealed record ResultLine(
    int Rank,
    string UnitCode,
    string UnitNameVi,
    string? UnitNameEn,
    decimal Index,
    decimal Total,
    decimal ApplicableMax,
    string ClassCode,
    string ClassNameVi,
    string? ClassNameEn,
    string ClassColor,
    decimal? PreviousIndex,
    int? PreviousRank,
    int? RankChange,
    bool RewardProposed,
    bool DisciplineReview,
    IReadOnlyDictionary<string, decimal?> FieldIndex)
{
    public decimal? IndexChange => PreviousIndex is { } previous ? Index - previous : null;
}

/// <summary>One unit's result with everything its page explains: every node, the block averages, its trend.</summary>
public sealed record UnitResultView(
    BlockResultsView Block,
    ResultLine Line,
    UnitResult Detail,
    FrameworkDefinition Framework,
    IReadOnlyList<TrendPoint> Trend);

/// <summary>A unit's index in one year (own result, or, before it existed, what the lineage compares it with).</summary>
public sealed record TrendPoint(int Year, decimal Index, int? Rank, string BlockCode, bool FromLineage);

/// <summary>A year and block whose results the reader may see.</summary>
public sealed record AvailableResults(int Year, string BlockCode, string BlockNameVi, string? BlockNameEn, bool IsPublished, int Units, decimal AverageIndex);
