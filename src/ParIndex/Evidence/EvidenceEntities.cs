using ParIndex.Units;

namespace ParIndex.Evidence;

/// <summary>The kinds of file accepted as evidence, recognised by their content (never by their name alone).</summary>
public enum EvidenceFormat
{
    Pdf,
    Docx,
    Xlsx,
    Jpeg,
    Png,
}

/// <summary>What an appraiser concluded about a document backing a leaf.</summary>
public enum EvidenceVerdict
{
    /// <summary>Chấp nhận: the document proves what the unit claimed.</summary>
    Accepted,
    /// <summary>Chưa đủ: it proves part of it.</summary>
    Insufficient,
    /// <summary>Không phù hợp: it has nothing to do with the criterion.</summary>
    Irrelevant,
}

/// <summary>When a link was added: with the self-assessment, or as part of an explanation (giải trình).</summary>
public enum EvidenceStage
{
    SelfAssessment,
    Explanation,
}

/// <summary>
/// A document (tài liệu kiểm chứng) a unit uploaded for a year's assessment. The file lives on disk under its
/// SHA-256 (<see cref="EvidenceStore"/>), so the same content is stored once however many rows point at it; a
/// document carried over from last year is a new row of this year with the same hash.
/// </summary>
public sealed class EvidenceDocument
{
    public long Id { get; set; }
    public int UnitId { get; set; }
    public Unit? Unit { get; set; }
    public int Year { get; set; }

    /// <summary>Lower-case hex SHA-256 of the content; also its address on disk.</summary>
    public required string Sha256 { get; set; }
    public long SizeBytes { get; set; }
    public EvidenceFormat Format { get; set; }

    /// <summary>The name the file had on the uploader's computer, for display and downloads only — never a path on disk.</summary>
    public required string FileName { get; set; }

    /// <summary>Số hiệu văn bản, e.g. "125/KH-UBND".</summary>
    public string? DocumentNumber { get; set; }
    public DateOnly? DocumentDate { get; set; }

    /// <summary>Cơ quan ban hành.</summary>
    public string? IssuingBody { get; set; }
    public string? Title { get; set; }
    public DateTime UploadedAtUtc { get; set; }
    public required string UploadedBy { get; set; }

    /// <summary>The document of an earlier year this one was carried over from (same hash, nothing copied).</summary>
    public long? CarriedFromId { get; set; }

    public List<EvidenceLink> Links { get; set; } = [];
}

/// <summary>A document backing one leaf of a unit's self-assessment, with the appraiser's verdict on it.</summary>
public sealed class EvidenceLink
{
    public long Id { get; set; }
    public long EntryId { get; set; }
    public Assessments.AssessmentEntry? Entry { get; set; }
    public long DocumentId { get; set; }
    public EvidenceDocument? Document { get; set; }
    public EvidenceStage Stage { get; set; }
    public DateTime AddedAtUtc { get; set; }
    public required string AddedBy { get; set; }
    public EvidenceVerdict? Verdict { get; set; }
    public string? VerdictNote { get; set; }
    public DateTime? VerdictAtUtc { get; set; }
    public string? VerdictBy { get; set; }
}
