using Microsoft.EntityFrameworkCore;
using ParIndex.Accounts;
using ParIndex.Assessments;
using ParIndex.Audit;
using ParIndex.Campaign;
using ParIndex.Data;
using ParIndex.Data.Tabular;
using ParIndex.Web;
using static ParIndex.Web.Text;

namespace ParIndex.Evidence;

/// <summary>A document's metadata as typed on the upload form or sent to the API.</summary>
public sealed record EvidenceMetadata(string? DocumentNumber, string? DocumentDate, string? IssuingBody, string? Title);

/// <summary>An evidence file opened for download.</summary>
public sealed record EvidenceFile(Stream Content, string ContentType, string FileName, long Length);

/// <summary>
/// The unit's evidence documents: adding an uploaded (already stored) file with its metadata and linking it to leaves,
/// linking an existing document to more leaves, unlinking, carrying last year's documents over (a new row with the
/// same hash: nothing is copied), listing, and opening a file for the people allowed to read it. Changes are allowed
/// while the unit's self-assessment is open (or, for adjusted leaves, in the explanation phase) and are audited.
/// </summary>
public sealed class EvidenceService(AppDbContext db, AssessmentService assessments, EvidenceStore store, IPhaseGate gate, AuditLog audit, TimeProvider clock)
{
    /// <summary>
    /// Whether the user may add or remove evidence of the unit now, and as part of which step: the self-assessment
    /// while it is a draft and its phase is open, the explanation once it is submitted and that phase is open.
    /// Checked before an upload's body is read, so a refused upload is never written to disk.
    /// </summary>
    public async Task<Outcome<(AssessmentContext Context, EvidenceStage Stage)>> StageAsync(int year, string unitCode, UserScopeInfo who, CancellationToken cancellationToken = default)
    {
        if (!who.MayActForUnit(unitCode) || await assessments.ContextAsync(year, unitCode, cancellationToken) is not { } context)
            return Outcome<(AssessmentContext, EvidenceStage)>.Missing();
        var assessment = await db.SelfAssessments.AsNoTracking().FirstOrDefaultAsync(a => a.Year == year && a.UnitId == context.Unit.Id, cancellationToken);
        if (assessment is not { Status: AssessmentStatus.Submitted })
        {
            if (await gate.RefuseUnlessOpenAsync(year, CampaignPhaseKind.SelfAssessment, cancellationToken) is { } closed)
                return Outcome<(AssessmentContext, EvidenceStage)>.Clash(closed);
            return Outcome<(AssessmentContext, EvidenceStage)>.Ok((context, EvidenceStage.SelfAssessment));
        }
        if (await gate.RefuseUnlessOpenAsync(year, CampaignPhaseKind.Explanation, cancellationToken) is { } notExplaining)
        {
            var problems = AssessmentService.SubmittedProblem(year, assessment);
            foreach (var (field, messages) in notExplaining.ToDictionary())
                foreach (var message in messages)
                    problems.Add(field, message);
            return Outcome<(AssessmentContext, EvidenceStage)>.Clash(problems);
        }
        return Outcome<(AssessmentContext, EvidenceStage)>.Ok((context, EvidenceStage.Explanation));
    }

    /// <summary>Records an uploaded file (already stored by <see cref="EvidenceUpload"/>) as a document of the unit and links it to the leaves named.</summary>
    public async Task<Outcome<EvidenceDto>> AddAsync(int year, string unitCode, StoredFile? file, string? fileName, EvidenceMetadata metadata, IReadOnlyList<string> nodeCodes,
        UserScopeInfo who, CancellationToken cancellationToken = default)
    {
        var outcome = await AddCoreAsync(year, unitCode, file, fileName, metadata, nodeCodes, who, cancellationToken);
        if (!outcome.Succeeded && file is not null)
            await ForgetIfUnusedAsync(file.Sha256, cancellationToken);
        return outcome;
    }

    private async Task<Outcome<EvidenceDto>> AddCoreAsync(int year, string unitCode, StoredFile? file, string? fileName, EvidenceMetadata metadata, IReadOnlyList<string> nodeCodes,
        UserScopeInfo who, CancellationToken cancellationToken)
    {
        var stage = await StageAsync(year, unitCode, who, cancellationToken);
        if (!stage.Succeeded)
            return Refused<EvidenceDto>(stage);
        var (context, evidenceStage) = stage.Value;
        var problems = new Problems();
        if (file is null)
            problems.Add("file", T("Hãy chọn tệp tài liệu kiểm chứng.", "Choose an evidence file."));
        var parsed = Parse(metadata, problems);
        var nodes = await CheckNodesAsync(context, evidenceStage, nodeCodes, problems, cancellationToken);
        if (problems.Any)
            return problems;

        var document = await db.EvidenceDocuments.FirstOrDefaultAsync(d => d.UnitId == context.Unit.Id && d.Year == year && d.Sha256 == file!.Sha256, cancellationToken);
        if (document is null)
        {
            document = new EvidenceDocument
            {
                UnitId = context.Unit.Id, Year = year, Sha256 = file!.Sha256, SizeBytes = file.SizeBytes, Format = file.Format,
                FileName = string.IsNullOrWhiteSpace(fileName) ? file.Sha256[..12] + EvidenceContent.Extension(file.Format) : fileName,
                UploadedAtUtc = Now(), UploadedBy = who.UserName,
            };
            Apply(document, parsed);
            db.EvidenceDocuments.Add(document);
            audit.Record(who.UserName, "evidence.uploaded", "evidence", $"{year}/{unitCode}/{file.Sha256}", null, Describe(document));
        }
        else
        {
            // The same file again: keep the document, fill in metadata that was missing.
            var old = Describe(document);
            document.DocumentNumber ??= parsed.Number;
            document.DocumentDate ??= parsed.Date;
            document.IssuingBody ??= parsed.Issuer;
            document.Title ??= parsed.Title;
            if (Describe(document) != old)
                audit.Record(who.UserName, "evidence.metadata-saved", "evidence", $"{year}/{unitCode}/{document.Sha256}", old, Describe(document));
        }
        await LinkAllAsync(year, context, document, nodes, evidenceStage, who, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<EvidenceDto>.Ok(EvidenceDto.From(document));
    }

    /// <summary>Links a document of the unit (of this year) to one more leaf.</summary>
    public async Task<Outcome<EvidenceDto>> LinkAsync(int year, string unitCode, long documentId, string nodeCode, UserScopeInfo who, CancellationToken cancellationToken = default)
    {
        var stage = await StageAsync(year, unitCode, who, cancellationToken);
        if (!stage.Succeeded)
            return Refused<EvidenceDto>(stage);
        var (context, evidenceStage) = stage.Value;
        var document = await db.EvidenceDocuments.FirstOrDefaultAsync(d => d.Id == documentId && d.UnitId == context.Unit.Id && d.Year == year, cancellationToken);
        if (document is null)
            return Outcome<EvidenceDto>.Missing();
        var problems = new Problems();
        var nodes = await CheckNodesAsync(context, evidenceStage, [nodeCode], problems, cancellationToken);
        if (problems.Any)
            return problems;
        await LinkAllAsync(year, context, document, nodes, evidenceStage, who, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<EvidenceDto>.Ok(EvidenceDto.From(document));
    }

    /// <summary>Removes a document from a leaf (in the explanation phase, only documents added with the explanation).</summary>
    public async Task<Outcome<bool>> UnlinkAsync(int year, string unitCode, long documentId, string nodeCode, UserScopeInfo who, CancellationToken cancellationToken = default)
    {
        var stage = await StageAsync(year, unitCode, who, cancellationToken);
        if (!stage.Succeeded)
            return Refused<bool>(stage);
        var (context, evidenceStage) = stage.Value;
        var link = await db.EvidenceLinks.Include(l => l.Document)
            .FirstOrDefaultAsync(l => l.DocumentId == documentId && l.Entry!.NodeCode == nodeCode && l.Entry.Assessment!.Year == year && l.Entry.Assessment.UnitId == context.Unit.Id, cancellationToken);
        if (link is null)
            return Outcome<bool>.Missing();
        if (evidenceStage == EvidenceStage.Explanation && link.Stage != EvidenceStage.Explanation)
            return Outcome<bool>.Clash(Problems.Of("documentId", T("Tài liệu đã gửi kèm bản tự đánh giá không gỡ được trong giai đoạn giải trình.",
                "A document submitted with the self-assessment cannot be removed during the explanation phase.")));
        db.EvidenceLinks.Remove(link);
        audit.Record(who.UserName, "evidence.unlinked", "evidence", AssessmentService.Key(year, unitCode, nodeCode), $"{link.Document!.FileName} ({link.Document.Sha256})", null);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<bool>.Ok(true);
    }

    /// <summary>
    /// Carries a document of an earlier year over to this year (a new row with the same hash and metadata; the file is
    /// not copied) and links it to the leaves named.
    /// </summary>
    public async Task<Outcome<EvidenceDto>> CarryOverAsync(int year, string unitCode, long fromDocumentId, IReadOnlyList<string> nodeCodes, UserScopeInfo who, CancellationToken cancellationToken = default)
    {
        var stage = await StageAsync(year, unitCode, who, cancellationToken);
        if (!stage.Succeeded)
            return Refused<EvidenceDto>(stage);
        var (context, evidenceStage) = stage.Value;
        var source = await db.EvidenceDocuments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == fromDocumentId && d.UnitId == context.Unit.Id && d.Year < year, cancellationToken);
        if (source is null)
            return Outcome<EvidenceDto>.Missing();
        var problems = new Problems();
        if (!store.Exists(source.Sha256))
            problems.Add("documentId", T($"Tệp của tài liệu '{source.FileName}' không còn trong kho lưu trữ; hãy tải lên lại.", $"The file of '{source.FileName}' is no longer in storage; upload it again."));
        var nodes = await CheckNodesAsync(context, evidenceStage, nodeCodes, problems, cancellationToken);
        if (problems.Any)
            return problems;
        var document = await db.EvidenceDocuments.FirstOrDefaultAsync(d => d.UnitId == context.Unit.Id && d.Year == year && d.Sha256 == source.Sha256, cancellationToken);
        if (document is null)
        {
            document = new EvidenceDocument
            {
                UnitId = context.Unit.Id, Year = year, Sha256 = source.Sha256, SizeBytes = source.SizeBytes, Format = source.Format, FileName = source.FileName,
                DocumentNumber = source.DocumentNumber, DocumentDate = source.DocumentDate, IssuingBody = source.IssuingBody, Title = source.Title,
                UploadedAtUtc = Now(), UploadedBy = who.UserName, CarriedFromId = source.Id,
            };
            db.EvidenceDocuments.Add(document);
            audit.Record(who.UserName, "evidence.carried-over", "evidence", $"{year}/{unitCode}/{source.Sha256}", $"{source.Year}#{source.Id}", Describe(document));
        }
        await LinkAllAsync(year, context, document, nodes, evidenceStage, who, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<EvidenceDto>.Ok(EvidenceDto.From(document));
    }

    /// <summary>The unit's documents of a year, newest first.</summary>
    public async Task<Outcome<IReadOnlyList<EvidenceDto>>> ListAsync(int year, string unitCode, UserScopeInfo who, CancellationToken cancellationToken = default)
    {
        if (!CampaignAccess.MayReadUnit(who, unitCode))
            return Outcome<IReadOnlyList<EvidenceDto>>.Missing();
        var documents = await db.EvidenceDocuments.AsNoTracking().Where(d => d.Year == year && d.Unit!.Code == unitCode)
            .OrderByDescending(d => d.Id).ToListAsync(cancellationToken);
        return Outcome<IReadOnlyList<EvidenceDto>>.Ok(documents.Select(EvidenceDto.From).ToList());
    }

    /// <summary>Documents of the unit's earlier years not yet carried over to <paramref name="year"/> (the latest year first).</summary>
    public async Task<Outcome<IReadOnlyList<EvidenceDto>>> CarryOverCandidatesAsync(int year, string unitCode, UserScopeInfo who, CancellationToken cancellationToken = default)
    {
        if (!CampaignAccess.MayReadUnit(who, unitCode))
            return Outcome<IReadOnlyList<EvidenceDto>>.Missing();
        var current = db.EvidenceDocuments.Where(d => d.Year == year && d.Unit!.Code == unitCode).Select(d => d.Sha256);
        var documents = await db.EvidenceDocuments.AsNoTracking()
            .Where(d => d.Year < year && d.Year >= year - 2 && d.Unit!.Code == unitCode && !current.Contains(d.Sha256))
            .OrderByDescending(d => d.Year).ThenByDescending(d => d.Id).Take(500).ToListAsync(cancellationToken);
        return Outcome<IReadOnlyList<EvidenceDto>>.Ok(documents.DistinctBy(d => d.Sha256).Select(EvidenceDto.From).ToList());
    }

    /// <summary>
    /// Opens a document's file for someone allowed to read it: the unit's staff, administrators, council members and
    /// viewers, and appraisers whose agency leads a leaf the document backs. Anyone else is told it does not exist.
    /// </summary>
    public async Task<Outcome<EvidenceFile>> OpenAsync(long documentId, UserScopeInfo who, CancellationToken cancellationToken = default)
    {
        var document = await db.EvidenceDocuments.AsNoTracking().Include(d => d.Unit).FirstOrDefaultAsync(d => d.Id == documentId, cancellationToken);
        if (document is null || !await MayReadAsync(document, who, cancellationToken))
            return Outcome<EvidenceFile>.Missing();
        var stream = store.OpenRead(document.Sha256);
        if (stream is null)
            return Outcome<EvidenceFile>.Missing();
        return Outcome<EvidenceFile>.Ok(new EvidenceFile(stream, EvidenceContent.ContentType(document.Format), document.FileName, stream.Length));
    }

    private async Task<bool> MayReadAsync(EvidenceDocument document, UserScopeInfo who, CancellationToken cancellationToken)
    {
        if (CampaignAccess.MayReadUnit(who, document.Unit!.Code))
            return true;
        if (!who.Roles.Contains(Roles.Appraiser) || who.UnitCode is null)
            return false;
        var linked = await db.EvidenceLinks.AsNoTracking().Where(l => l.DocumentId == document.Id)
            .Select(l => new { l.Entry!.NodeCode, l.Entry.Assessment!.Year }).Distinct().ToListAsync(cancellationToken);
        foreach (var year in linked.Select(l => l.Year).Distinct())
        {
            if (await assessments.ContextAsync(year, document.Unit.Code, cancellationToken) is not { } context)
                continue;
            var codes = linked.Where(l => l.Year == year).Select(l => l.NodeCode).ToHashSet(StringComparer.Ordinal);
            if (context.Framework.Leaves().Any(n => codes.Contains(n.Code) && who.MayAppraise(n.LeadAgencyCode)))
                return true;
        }
        return false;
    }

    /// <summary>Every document of the unit's year with the leaves it backs, for the inspection ZIP; null when the user may not read the unit.</summary>
    public async Task<IReadOnlyList<(EvidenceDocument Document, IReadOnlyList<string> NodeCodes)>?> InventoryAsync(int year, string unitCode, UserScopeInfo who, CancellationToken cancellationToken = default)
    {
        if (!CampaignAccess.MayReadUnit(who, unitCode))
            return null;
        var documents = await db.EvidenceDocuments.AsNoTracking().Include(d => d.Links).ThenInclude(l => l.Entry)
            .Where(d => d.Year == year && d.Unit!.Code == unitCode).OrderBy(d => d.Id).ToListAsync(cancellationToken);
        return documents.Select(d => (d, (IReadOnlyList<string>)d.Links.Select(l => l.Entry!.NodeCode).Distinct().Order(StringComparer.Ordinal).ToList())).ToList();
    }

    // ------------------------------------------------------------------ helpers

    private static Outcome<T> Refused<T>(Outcome<(AssessmentContext, EvidenceStage)> stage) => stage.Relay<T, (AssessmentContext, EvidenceStage)>();

    private async Task<IReadOnlyList<Core.Frameworks.FrameworkNode>> CheckNodesAsync(AssessmentContext context, EvidenceStage stage, IReadOnlyList<string> nodeCodes, Problems problems, CancellationToken cancellationToken)
    {
        var nodes = new List<Core.Frameworks.FrameworkNode>();
        foreach (var code in nodeCodes.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim()).Distinct(StringComparer.Ordinal))
        {
            var node = context.Framework.Leaves().FirstOrDefault(n => n.Code == code);
            if (node is null)
            {
                problems.Add("nodeCode", T($"Bộ tiêu chí không có tiêu chí được chấm mã '{code}'.", $"The framework has no scored criterion '{code}'."));
                continue;
            }
            nodes.Add(node);
        }
        if (stage == EvidenceStage.Explanation && nodes.Count > 0)
        {
            var codes = nodes.Select(n => n.Code).ToList();
            var assessmentId = (await db.SelfAssessments.AsNoTracking().FirstAsync(a => a.UnitId == context.Unit.Id && a.Year == context.Framework.Year, cancellationToken)).Id;
            var adjusted = await db.LeafAppraisals.AsNoTracking()
                .Where(a => a.Entry!.AssessmentId == assessmentId && a.Round == AppraisalRound.Appraisal && a.Decision == AppraisalDecision.Adjusted && codes.Contains(a.Entry.NodeCode))
                .Select(a => a.Entry!.NodeCode).ToListAsync(cancellationToken);
            foreach (var node in nodes.Where(n => !adjusted.Contains(n.Code)))
                problems.Add("nodeCode", T($"Tiêu chí {node.Code} không bị điều chỉnh khi thẩm định; trong giai đoạn giải trình chỉ bổ sung tài liệu cho tiêu chí bị điều chỉnh.",
                    $"Criterion {node.Code} was not adjusted in appraisal; during the explanation phase evidence is added only to adjusted criteria."));
        }
        return nodes;
    }

    private async Task LinkAllAsync(int year, AssessmentContext context, EvidenceDocument document, IReadOnlyList<Core.Frameworks.FrameworkNode> nodes, EvidenceStage stage,
        UserScopeInfo who, CancellationToken cancellationToken)
    {
        if (nodes.Count == 0)
            return;
        var assessment = await db.SelfAssessments.FirstOrDefaultAsync(a => a.Year == year && a.UnitId == context.Unit.Id, cancellationToken)
            ?? assessments.NewAssessment(year, context.Unit.Id);
        foreach (var node in nodes)
        {
            var entry = assessment.Id == 0 ? null : await db.AssessmentEntries.FirstOrDefaultAsync(e => e.AssessmentId == assessment.Id && e.NodeCode == node.Code, cancellationToken);
            entry ??= db.AssessmentEntries.Local.FirstOrDefault(e => e.Assessment == assessment && e.NodeCode == node.Code);
            if (entry is null)
            {
                entry = new AssessmentEntry { NodeCode = node.Code, Assessment = assessment, UpdatedAtUtc = Now(), UpdatedBy = who.UserName };
                db.AssessmentEntries.Add(entry);
            }
            if (entry.Id != 0 && document.Id != 0 && await db.EvidenceLinks.AnyAsync(l => l.EntryId == entry.Id && l.DocumentId == document.Id, cancellationToken))
                continue;
            db.EvidenceLinks.Add(new EvidenceLink { Entry = entry, Document = document, Stage = stage, AddedAtUtc = Now(), AddedBy = who.UserName });
            audit.Record(who.UserName, "evidence.linked", "evidence", AssessmentService.Key(year, context.Unit.Code, node.Code), null, $"{document.FileName} ({document.Sha256})");
        }
    }

    private async Task ForgetIfUnusedAsync(string sha256, CancellationToken cancellationToken)
    {
        if (await db.EvidenceDocuments.AnyAsync(d => d.Sha256 == sha256, cancellationToken))
            return;
        try
        {
            File.Delete(store.PathOf(sha256));
        }
        catch (IOException)
        {
        }
    }

    private sealed record ParsedMetadata(string? Number, DateOnly? Date, string? Issuer, string? Title);

    private static ParsedMetadata Parse(EvidenceMetadata metadata, Problems problems)
    {
        DateOnly? date = null;
        if (!string.IsNullOrWhiteSpace(metadata.DocumentDate))
        {
            if (Cells.TryDate(metadata.DocumentDate, out var parsed) && parsed.Year is >= 1945 and <= 2100)
                date = parsed;
            else
                problems.Add("documentDate", T($"Ngày ban hành '{metadata.DocumentDate}' không đúng dạng ngày/tháng/năm.", $"The date '{metadata.DocumentDate}' is not a date (dd/mm/yyyy)."));
        }
        AssessmentService.CheckLength(problems, "documentNumber", metadata.DocumentNumber, 100, T("Số hiệu văn bản", "The document number"));
        AssessmentService.CheckLength(problems, "issuingBody", metadata.IssuingBody, 300, T("Cơ quan ban hành", "The issuing body"));
        AssessmentService.CheckLength(problems, "title", metadata.Title, 500, T("Trích yếu", "The title"));
        return new ParsedMetadata(AssessmentService.Clean(metadata.DocumentNumber), date, AssessmentService.Clean(metadata.IssuingBody), AssessmentService.Clean(metadata.Title));
    }

    private static void Apply(EvidenceDocument document, ParsedMetadata parsed)
    {
        document.DocumentNumber = parsed.Number;
        document.DocumentDate = parsed.Date;
        document.IssuingBody = parsed.Issuer;
        document.Title = parsed.Title;
    }

    private static string Describe(EvidenceDocument d) => AuditLog.Json(new
    {
        file = d.FileName, sha256 = d.Sha256, bytes = d.SizeBytes, number = d.DocumentNumber, date = d.DocumentDate?.ToString("yyyy-MM-dd"), issuer = d.IssuingBody, title = d.Title,
    });

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;
}
