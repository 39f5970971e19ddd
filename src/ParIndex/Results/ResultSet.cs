namespace ParIndex.Results;

/// <summary>The latest computation of one block and year: the summary of the block and one row per unit.</summary>
public sealed class ResultSet
{
    public int Id { get; set; }
    public int Year { get; set; }
    public int BlockId { get; set; }
    public Units.Block? Block { get; set; }
    public int FrameworkId { get; set; }
    public int FrameworkRevision { get; set; }
    public DateTime ComputedAtUtc { get; set; }
    public string? ComputedBy { get; set; }
    public decimal AverageIndex { get; set; }

    /// <summary>Field code → mean field sub-index, as JSON.</summary>
    public required string AverageFieldIndexJson { get; set; }
    public List<ResultRow> Rows { get; set; } = [];
}

/// <summary>One unit's computed figures; <see cref="DetailJson"/> holds every node's score and explanation.</summary>
public sealed class ResultRow
{
    public long Id { get; set; }
    public int ResultSetId { get; set; }
    public ResultSet? ResultSet { get; set; }
    public int Year { get; set; }
    public int UnitId { get; set; }
    public Units.Unit? Unit { get; set; }
    public decimal Total { get; set; }
    public decimal ApplicableMax { get; set; }
    public decimal Index { get; set; }
    public required string ClassCode { get; set; }
    public int Rank { get; set; }
    public decimal? PreviousIndex { get; set; }
    public int? PreviousRank { get; set; }
    public int? RankChange { get; set; }
    public bool RewardProposed { get; set; }
    public bool DisciplineReview { get; set; }

    /// <summary>Field code → sub-index (null when the field was wholly not applicable), as JSON; small enough for list pages and exports.</summary>
    public required string FieldIndexJson { get; set; }
    public required string DetailJson { get; set; }
}
