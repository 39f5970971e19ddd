using ParIndex.Assessments;
using ParIndex.Core.Frameworks;
using ParIndex.Core.Scoring;

namespace ParIndex.AppraisalCouncil;

public sealed record CouncilStatusView(int Year, CouncilYearStatus Status, DateTime? FinalisedAtUtc, string? FinalisedBy, int? DecisionId, Guid? Stamp)
{
    public bool IsFinalised => Status == CouncilYearStatus.Finalised;
}

public sealed record CouncilDecisionView(
    int Id, string DecisionNumber, DateOnly DecisionDate, int MembersTotal, int MembersPresent, int VotesFor, int VotesAgainst, int VotesAbstain,
    string? Notes, DateTime RecordedAtUtc, string RecordedBy)
{
    public static CouncilDecisionView From(CouncilDecision d) =>
        new(d.Id, d.DecisionNumber, d.DecisionDate, d.MembersTotal, d.MembersPresent, d.VotesFor, d.VotesAgainst, d.VotesAbstain, d.Notes, d.RecordedAtUtc, d.RecordedBy);
}

/// <summary>A block of the year as the council's overview lists it.</summary>
public sealed record CouncilBlockSummary(string BlockCode, string NameVi, string? NameEn, int Units, bool HasFramework, int Overrides);

/// <summary>The council's page of a year: its state, its decisions, the blocks, and whether the council phase is open.</summary>
public sealed record CouncilYearView(CouncilStatusView Status, IReadOnlyList<CouncilDecisionView> Decisions, IReadOnlyList<CouncilBlockSummary> Blocks, string? PhaseRefusal, int PendingAppeals);

/// <summary>Index, rank and class from one computation.</summary>
public sealed record Standing(decimal Index, decimal Total, decimal ApplicableMax, int Rank, string ClassCode, string ClassNameVi, string? ClassNameEn, string ClassColor)
{
    public static Standing Of(UnitResult unit) =>
        new(unit.Index, unit.Total, unit.ApplicableMax, unit.Rank, unit.Class.Code, unit.Class.NameVi, unit.Class.NameEn, unit.Class.Color);
}

/// <summary>One earlier year of a unit: from the published version when there is one, else the stored results.</summary>
public sealed record HistoryPoint(int Year, string BlockCode, decimal Index, int Rank, string ClassCode, string ClassNameVi, string? ClassNameEn, bool Published);

/// <summary>
/// A unit in the council's block view: its index from its own scores, after appraisal, and with the council's
/// scores (the proposed final), with the rank and class that final would give, against last year.
/// </summary>
public sealed record CouncilUnitRow(
    string UnitCode, string NameVi, string? NameEn,
    Standing Self, Standing Appraised, Standing Final,
    PreviousStanding? Previous, int? RankChange, int Overrides, int Adjusted, int Missing);

public sealed record CouncilBlockView(
    int Year, string BlockCode, string NameVi, string? NameEn, IReadOnlyList<ClassBand> Classes,
    decimal SelfAverage, decimal AppraisedAverage, decimal FinalAverage, IReadOnlyList<CouncilUnitRow> Units, CouncilStatusView Status, string? PhaseRefusal);

public sealed record CouncilOverrideView(LeafInput Input, string Reason, string By, DateTime AtUtc);

/// <summary>
/// One leaf side by side: the unit's input and points, the appraisers' (when they decided), the proposed final input
/// (and where it comes from), the council's override, and the points the final input gives.
/// </summary>
public sealed record CouncilLeafView(
    FrameworkNode Node, string FieldCode,
    LeafInput? Self, decimal? SelfPoints,
    LeafInput? Appraised, decimal? AppraisedPoints,
    LeafInput? Proposed, ProposedSource Source,
    CouncilOverrideView? Override,
    LeafInput? Final, decimal FinalPoints, bool FinalMissing,
    LeafInput? Stored);

public sealed record CouncilUnitView(
    int Year, string BlockCode, string BlockNameVi, string UnitCode, string NameVi, string? NameEn, int BlockUnits,
    CouncilUnitRow Row, IReadOnlyList<CouncilLeafView> Leaves, IReadOnlyList<HistoryPoint> History, CouncilStatusView Status, string? PhaseRefusal);

/// <summary>A council decision as entered: the vote of the members present.</summary>
public sealed record CouncilDecisionInput(string? DecisionNumber, DateOnly? DecisionDate, int? MembersTotal, int? MembersPresent, int? VotesFor, int? VotesAgainst, int? VotesAbstain, string? Notes);

/// <summary>The council's score for a leaf: the input its method needs, and why.</summary>
public sealed record CouncilOverrideInput(InputKind Kind, decimal? Points, string? Level, decimal? Numerator, decimal? Denominator, decimal? Value, string? Reason)
{
    public LeafInput ToInput() => new() { Kind = Kind, Points = Points, Level = Level, Numerator = Numerator, Denominator = Denominator, Value = Value };
}

public sealed record FinaliseResult(int Year, int DecisionId, int ScoresWritten, IReadOnlyList<Results.ComputedBlock> Computed, IReadOnlyList<string> Problems);

public sealed record ReasonInput(string? Reason);
