using ParIndex.Core.Frameworks;
using ParIndex.Core.Scoring;
using ParIndex.Evidence;

namespace ParIndex.Assessments;

/// <summary>A document as the campaign pages and API show it.</summary>
public sealed record EvidenceDto(long Id, string FileName, EvidenceFormat Format, long SizeBytes, string Sha256, string? DocumentNumber, DateOnly? DocumentDate,
    string? IssuingBody, string? Title, int Year, long? CarriedFromId, DateTime UploadedAtUtc, string UploadedBy)
{
    public static EvidenceDto From(EvidenceDocument d) =>
        new(d.Id, d.FileName, d.Format, d.SizeBytes, d.Sha256, d.DocumentNumber, d.DocumentDate, d.IssuingBody, d.Title, d.Year, d.CarriedFromId, d.UploadedAtUtc, d.UploadedBy);

    public string DownloadPath => $"/api/v1/evidence/{Id}/file";
}

/// <summary>A document backing a leaf, with the appraiser's verdict.</summary>
public sealed record LinkedEvidenceDto(EvidenceDto Document, EvidenceStage Stage, EvidenceVerdict? Verdict, string? VerdictNote, string? VerdictBy, DateTime? VerdictAtUtc);

/// <summary>One decision of an appraiser.</summary>
public sealed record AppraisalDto(AppraisalRound Round, AppraisalDecision Decision, LeafInput? Input, decimal? Points, string? Reason, string AgencyCode, string DecidedBy, DateTime DecidedAtUtc);

/// <summary>
/// One scored node of a unit's self-assessment: the framework node, the unit's input and its points, or — for leaves
/// fed by data — the value and source the data features wrote; the evidence, explanations and appraisals.
/// </summary>
public sealed record EntryView(
    string NodeCode, string FieldCode, string Title, decimal MaxPoints, NodeKind Kind, string MethodType, bool EvidenceRequired, string? LeadAgencyCode,
    bool FedByData, LeafInput? Input, decimal? Points, string? DataSource, string? Comment, string? NoEvidenceNote,
    string? Explanation, DateTime? ExplainedAtUtc, string? ExplainedBy, int Version, DateTime? UpdatedAtUtc, string? UpdatedBy,
    IReadOnlyList<LinkedEvidenceDto> Evidence, IReadOnlyList<AppraisalDto> Appraisals, IReadOnlyList<string>? Levels = null)
{
    /// <summary>The decision in force: the reappraisal's when there is one.</summary>
    public AppraisalDto? Decision => Appraisals.OrderByDescending(a => a.Round).FirstOrDefault();

    public AppraisalDto? FirstDecision => Appraisals.FirstOrDefault(a => a.Round == AppraisalRound.Appraisal);

    /// <summary>Adjusted in the first round: the unit may explain.</summary>
    public bool AwaitsExplanation => FirstDecision is { Decision: AppraisalDecision.Adjusted };

    public bool HasInput => Input is not null;

    /// <summary>Evidence is required, none is attached, and no written explanation says how the leaf was scored.</summary>
    public bool MissingEvidenceNote => EvidenceRequired && !FedByData && Evidence.Count == 0 && string.IsNullOrWhiteSpace(NoEvidenceNote);
}

/// <summary>Where a self-assessment stands, for the page's progress line and the campaign board.</summary>
public sealed record AssessmentProgress(int Leaves, int Scored, int EvidenceMissing, int ExplanationsPending, int Adjusted)
{
    public bool Complete => Scored == Leaves && EvidenceMissing == 0;
}

/// <summary>A unit's self-assessment of a year as a whole.</summary>
public sealed record AssessmentView(
    int Year, string UnitCode, string UnitName, string BlockCode, string FrameworkTitle, AssessmentStatus Status, string? Difficulties, int Version,
    DateTime? SubmittedAtUtc, string? SubmittedBy, IReadOnlyList<FieldView> Fields, IReadOnlyList<EntryView> Entries, AssessmentProgress Progress, decimal SelfTotal, decimal MaxPoints)
{
    public EntryView? Entry(string code) => Entries.FirstOrDefault(e => e.NodeCode == code);
}

/// <summary>A field (lĩnh vực) with its maximum and the points of the self-assessment.</summary>
public sealed record FieldView(string Code, string Title, decimal MaxPoints, decimal ApplicableMax, decimal SelfPoints);

/// <summary>What a unit officer sends for a leaf. <paramref name="Version"/> is the version read (0 for a leaf never saved).</summary>
public sealed record EntryInput(LeafInput? Input, string? Comment, string? NoEvidenceNote, int Version);

public sealed record DifficultiesInput(string? Text, int Version);

public sealed record ExplanationInput(string? Text, int Version);

public sealed record ReopenInput(string? Reason);

/// <summary>An appraiser's decision as sent: accept the self score, or adjust it to <paramref name="Input"/> with a reason.</summary>
public sealed record AppraisalInput(AppraisalDecision Decision, LeafInput? Input, string? Reason, int Version);

public sealed record VerdictInput(EvidenceVerdict Verdict, string? Note);
