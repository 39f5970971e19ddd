using Microsoft.EntityFrameworkCore;
using ParIndex.Accounts;
using ParIndex.Audit;
using ParIndex.Campaign;
using ParIndex.Core.Frameworks;
using ParIndex.Core.Scoring;
using ParIndex.Data;
using ParIndex.Results;
using ParIndex.Units;
using ParIndex.Web;
using static ParIndex.Web.Text;

namespace ParIndex.Assessments;

/// <summary>The unit, block and framework a self-assessment is made under.</summary>
public sealed record AssessmentContext(Unit Unit, string BlockCode, FrameworkDefinition Framework)
{
    public string UnitName => UiLanguage.IsEnglish && !string.IsNullOrWhiteSpace(Unit.NameEn) ? Unit.NameEn : Unit.NameVi;
}

/// <summary>
/// Self-assessment (tự đánh giá): unit staff fill every leaf of their framework (input, comment, explanation of a score
/// given without evidence), the unit head submits, after which it is read-only for the unit; in the explanation phase
/// the unit answers adjustments. Every change asks the phase gate first, is scoped to the user's own unit, checks the
/// version the writer read, writes the Self-stage input, and is audited in the same SaveChanges.
/// </summary>
public sealed class AssessmentService(AppDbContext db, ScoreEntryService scores, IPhaseGate gate, AuditLog audit, TimeProvider clock)
{
    public const int MaxNoteLength = 4000;
    public const int MaxExplanationLength = 8000;
    public const int MaxDifficultiesLength = 20000;

    public async Task<AssessmentContext?> ContextAsync(int year, string unitCode, CancellationToken cancellationToken = default) =>
        await scores.ContextAsync(year, unitCode, cancellationToken) is { } found ? new AssessmentContext(found.Unit, found.BlockCode, found.Framework) : null;

    /// <summary>The self-assessment as its unit, administrators, council members and viewers see it; missing for anyone else.</summary>
    public async Task<Outcome<AssessmentView>> ViewAsync(int year, string unitCode, UserScopeInfo who, CancellationToken cancellationToken = default)
    {
        if (!CampaignAccess.MayReadUnit(who, unitCode) || await ContextAsync(year, unitCode, cancellationToken) is not { } context)
            return Outcome<AssessmentView>.Missing();
        return Outcome<AssessmentView>.Ok(await BuildAsync(year, context, cancellationToken));
    }

    /// <summary>Reads everything about a unit's assessment of a year in four queries and scores it with the engine.</summary>
    public async Task<AssessmentView> BuildAsync(int year, AssessmentContext context, CancellationToken cancellationToken = default)
    {
        var framework = context.Framework;
        var assessment = await db.SelfAssessments.AsNoTracking().FirstOrDefaultAsync(a => a.Year == year && a.UnitId == context.Unit.Id, cancellationToken);
        var entries = assessment is null
            ? []
            : await db.AssessmentEntries.AsNoTracking().Include(e => e.Appraisals).Where(e => e.AssessmentId == assessment.Id).ToListAsync(cancellationToken);
        var links = assessment is null
            ? []
            : await db.EvidenceLinks.AsNoTracking().Include(l => l.Document).Where(l => l.Entry!.AssessmentId == assessment.Id).ToListAsync(cancellationToken);
        var finals = await db.LeafScores.AsNoTracking()
            .Where(s => s.Year == year && s.UnitId == context.Unit.Id && s.Stage == ScoreStage.Final).ToListAsync(cancellationToken);
        var entryByCode = entries.ToDictionary(e => e.NodeCode, StringComparer.Ordinal);
        var linksByEntry = links.GroupBy(l => l.EntryId).ToDictionary(g => g.Key, g => g.OrderBy(l => l.AddedAtUtc).ThenBy(l => l.Id).ToList());
        var finalByCode = finals.ToDictionary(s => s.NodeCode, StringComparer.Ordinal);

        var fieldOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var top in framework.Nodes)
            foreach (var node in top.SelfAndDescendants())
                fieldOf[node.Code] = top.Code;

        var inputs = new Dictionary<string, LeafInput>(StringComparer.Ordinal);
        foreach (var node in framework.Leaves())
        {
            if (CampaignAccess.IsFedByData(node))
            {
                if (finalByCode.TryGetValue(node.Code, out var final))
                    inputs[node.Code] = final.ToInput();
            }
            else if (entryByCode.TryGetValue(node.Code, out var entry) && entry.Input is { } input)
                inputs[node.Code] = input;
        }
        var result = IndexEngine.Compute(framework, [new UnitInput { UnitCode = context.Unit.Code, UnitName = context.Unit.NameVi, Inputs = inputs }]).Units[0];

        var views = framework.Leaves()
            .Select(node =>
            {
                entryByCode.TryGetValue(node.Code, out var entry);
                var linked = entry is not null && linksByEntry.TryGetValue(entry.Id, out var found) ? found : [];
                return ToView(node, fieldOf.GetValueOrDefault(node.Code, node.Code), entry, linked, finalByCode.GetValueOrDefault(node.Code));
            })
            .ToList();
        var typed = views.Where(v => !v.FedByData).ToList();
        var progress = new AssessmentProgress(
            typed.Count, typed.Count(v => v.HasInput), typed.Count(v => v.MissingEvidenceNote),
            typed.Count(v => v.AwaitsExplanation && string.IsNullOrWhiteSpace(v.Explanation)), typed.Count(v => v.AwaitsExplanation));
        var fields = framework.Fields()
            .Select(f => new FieldView(f.Code, f.Title(UiLanguage.Current), f.MaxPoints, result.Nodes[f.Code].ApplicableMax, result.Nodes[f.Code].Points))
            .ToList();
        return new AssessmentView(year, context.Unit.Code, context.UnitName, context.BlockCode,
            UiLanguage.IsEnglish && !string.IsNullOrWhiteSpace(framework.TitleEn) ? framework.TitleEn : framework.TitleVi,
            assessment?.Status ?? AssessmentStatus.Draft, assessment?.Difficulties, assessment?.Version ?? 0, assessment?.SubmittedAtUtc, assessment?.SubmittedBy,
            fields, views, progress, result.Total, result.ApplicableMax);
    }

    /// <summary>Saves a leaf's input, comment and no-evidence explanation, refusing a stale version with the other person's value.</summary>
    public async Task<Outcome<EntryView>> SaveEntryAsync(int year, string unitCode, string nodeCode, EntryInput input, UserScopeInfo who, CancellationToken cancellationToken = default)
    {
        if (!who.MayActForUnit(unitCode) || await ContextAsync(year, unitCode, cancellationToken) is not { } context)
            return Outcome<EntryView>.Missing();
        var node = context.Framework.Leaves().FirstOrDefault(n => n.Code == nodeCode);
        if (node is null)
            return Problems.Of("nodeCode", T($"Bộ tiêu chí không có tiêu chí được chấm mã '{nodeCode}'.", $"The framework has no scored criterion '{nodeCode}'."));
        if (await gate.RefuseUnlessOpenAsync(year, CampaignPhaseKind.SelfAssessment, cancellationToken) is { } closed)
            return Outcome<EntryView>.Clash(closed);

        var leafInput = input.Input is null ? null : input.Input with { Source = null };
        var problems = new Problems();
        if (CampaignAccess.IsFedByData(node) && leafInput is not null)
            problems.Add("input", T($"Giá trị của tiêu chí {node.Code} lấy từ dữ liệu (hồ sơ một cửa, khảo sát), không nhập tay.",
                $"The value of criterion {node.Code} comes from data (one-stop dossiers, surveys) and is not typed in."));
        else if (leafInput is not null && ScoreEntryService.Check(context.Framework, nodeCode, leafInput) is { } invalid)
            foreach (var (field, messages) in invalid.ToDictionary())
                foreach (var message in messages)
                    problems.Add(field, message);
        CheckLength(problems, "comment", input.Comment, MaxNoteLength, T("Ghi chú", "The comment"));
        CheckLength(problems, "noEvidenceNote", input.NoEvidenceNote, MaxNoteLength, T("Phần giải trình", "The explanation"));
        if (problems.Any)
            return problems;

        var (assessment, entry) = await FindTrackedAsync(year, context.Unit.Id, nodeCode, cancellationToken);
        if (assessment is { Status: AssessmentStatus.Submitted })
            return Outcome<EntryView>.Clash(SubmittedProblem(year, assessment));
        if (input.Version != (entry?.Version ?? 0))
            return Outcome<EntryView>.Clash(entry is null ? VersionUnknown() : StaleProblem(node, entry));

        assessment ??= NewAssessment(year, context.Unit.Id);
        if (entry is null)
        {
            entry = new AssessmentEntry { NodeCode = nodeCode, Assessment = assessment };
            db.AssessmentEntries.Add(entry);
        }
        var old = Describe(entry);
        entry.SetInput(leafInput);
        entry.Comment = Clean(input.Comment);
        entry.NoEvidenceNote = Clean(input.NoEvidenceNote);
        var updated = Describe(entry);
        if (old == updated && entry.Id != 0)
            return Outcome<EntryView>.Ok((await BuildAsync(year, context, cancellationToken)).Entry(nodeCode)!);
        Touch(entry, who);
        assessment.UpdatedAtUtc = Now();
        assessment.UpdatedBy = who.UserName;
        await StageScoreAsync(year, context.Unit.Id, nodeCode, ScoreStage.Self, leafInput, who.UserName, cancellationToken);
        audit.Record(who.UserName, "assessment.entry-saved", "assessment", Key(year, unitCode, nodeCode), entry.Id == 0 ? null : old, updated);
        if (await SaveAsync(node, entry, cancellationToken) is { } clash)
            return Outcome<EntryView>.Clash(clash);
        return Outcome<EntryView>.Ok((await BuildAsync(year, context, cancellationToken)).Entry(nodeCode)!);
    }

    /// <summary>The "difficulties and proposals" section of the report.</summary>
    public async Task<Outcome<AssessmentView>> SaveDifficultiesAsync(int year, string unitCode, DifficultiesInput input, UserScopeInfo who, CancellationToken cancellationToken = default)
    {
        if (!who.MayActForUnit(unitCode) || await ContextAsync(year, unitCode, cancellationToken) is not { } context)
            return Outcome<AssessmentView>.Missing();
        if (await gate.RefuseUnlessOpenAsync(year, CampaignPhaseKind.SelfAssessment, cancellationToken) is { } closed)
            return Outcome<AssessmentView>.Clash(closed);
        var problems = new Problems();
        CheckLength(problems, "text", input.Text, MaxDifficultiesLength, T("Phần khó khăn, đề xuất", "The difficulties and proposals"));
        if (problems.Any)
            return problems;
        var assessment = await db.SelfAssessments.FirstOrDefaultAsync(a => a.Year == year && a.UnitId == context.Unit.Id, cancellationToken);
        if (assessment is { Status: AssessmentStatus.Submitted })
            return Outcome<AssessmentView>.Clash(SubmittedProblem(year, assessment));
        if (assessment is null && input.Version != 0)
            return Outcome<AssessmentView>.Clash(VersionUnknown());
        if (assessment is not null && input.Version != assessment.Version)
            return Outcome<AssessmentView>.Clash(Problems.Of("version", T(
                $"{assessment!.UpdatedBy} đã sửa báo cáo lúc {DateTimeLocal(assessment.UpdatedAtUtc)} sau khi bạn mở trang. Nội dung hiện tại: «{Excerpt(assessment.Difficulties)}». Phần của bạn chưa được lưu; hãy xem lại rồi lưu lần nữa.",
                $"{assessment!.UpdatedBy} changed the report at {DateTimeLocal(assessment.UpdatedAtUtc)} after you opened the page. It now reads: «{Excerpt(assessment.Difficulties)}». Yours was not saved; review it and save again.")));
        assessment ??= NewAssessment(year, context.Unit.Id);
        var old = assessment.Difficulties;
        assessment.Difficulties = Clean(input.Text);
        assessment.Version++;
        assessment.UpdatedAtUtc = Now();
        assessment.UpdatedBy = who.UserName;
        if (old != assessment.Difficulties)
            audit.Record(who.UserName, "assessment.difficulties-saved", "assessment", Key(year, unitCode), old, assessment.Difficulties);
        if (await SaveAsync(null, null, cancellationToken) is { } clash)
            return Outcome<AssessmentView>.Clash(clash);
        return Outcome<AssessmentView>.Ok(await BuildAsync(year, context, cancellationToken));
    }

    /// <summary>The unit head submits: every typed leaf scored, every leaf that needs evidence backed or explained.</summary>
    public async Task<Outcome<AssessmentView>> SubmitAsync(int year, string unitCode, UserScopeInfo who, CancellationToken cancellationToken = default)
    {
        if (!who.MayActForUnit(unitCode) || await ContextAsync(year, unitCode, cancellationToken) is not { } context)
            return Outcome<AssessmentView>.Missing();
        if (!CampaignAccess.IsUnitHead(who, unitCode))
            return Problems.Of("role", T("Chỉ thủ trưởng đơn vị được gửi bản tự đánh giá.", "Only the unit head may submit the self-assessment."));
        if (await gate.RefuseUnlessOpenAsync(year, CampaignPhaseKind.SelfAssessment, cancellationToken) is { } closed)
            return Outcome<AssessmentView>.Clash(closed);
        var assessment = await db.SelfAssessments.FirstOrDefaultAsync(a => a.Year == year && a.UnitId == context.Unit.Id, cancellationToken);
        if (assessment is { Status: AssessmentStatus.Submitted })
            return Outcome<AssessmentView>.Clash(SubmittedProblem(year, assessment));
        var view = await BuildAsync(year, context, cancellationToken);
        var problems = new Problems();
        foreach (var entry in view.Entries.Where(e => !e.FedByData))
        {
            if (!entry.HasInput)
                problems.Add(entry.NodeCode, T($"Tiêu chí {entry.NodeCode} chưa chấm điểm.", $"Criterion {entry.NodeCode} is not scored."));
            else if (entry.MissingEvidenceNote)
                problems.Add(entry.NodeCode, T($"Tiêu chí {entry.NodeCode} cần tài liệu kiểm chứng hoặc giải trình cách chấm khi không có tài liệu.",
                    $"Criterion {entry.NodeCode} needs evidence, or a written explanation of how it was scored without."));
        }
        if (problems.Any || assessment is null)
            return problems.Any ? problems : Problems.Of("assessment", T("Chưa có nội dung tự đánh giá.", "Nothing has been entered yet."));
        assessment.Status = AssessmentStatus.Submitted;
        assessment.SubmittedAtUtc = Now();
        assessment.SubmittedBy = who.UserName;
        assessment.Version++;
        audit.Record(who.UserName, "assessment.submitted", "assessment", Key(year, unitCode), nameof(AssessmentStatus.Draft), nameof(AssessmentStatus.Submitted),
            $"{view.Progress.Scored}/{view.Progress.Leaves}");
        if (await SaveAsync(null, null, cancellationToken) is { } clash)
            return Outcome<AssessmentView>.Clash(clash);
        return Outcome<AssessmentView>.Ok(await BuildAsync(year, context, cancellationToken));
    }

    /// <summary>An administrator hands a submitted self-assessment back to the unit (during the self-assessment phase), with a reason.</summary>
    public async Task<Outcome<AssessmentView>> ReopenAsync(int year, string unitCode, string? reason, UserScopeInfo who, CancellationToken cancellationToken = default)
    {
        if (!who.IsAdministrator || await ContextAsync(year, unitCode, cancellationToken) is not { } context)
            return Outcome<AssessmentView>.Missing();
        if (string.IsNullOrWhiteSpace(reason))
            return Problems.Of("reason", T("Phải nêu lý do trả lại.", "A reason is required."));
        if (await gate.RefuseUnlessOpenAsync(year, CampaignPhaseKind.SelfAssessment, cancellationToken) is { } closed)
            return Outcome<AssessmentView>.Clash(closed);
        var assessment = await db.SelfAssessments.FirstOrDefaultAsync(a => a.Year == year && a.UnitId == context.Unit.Id, cancellationToken);
        if (assessment is not { Status: AssessmentStatus.Submitted })
            return Outcome<AssessmentView>.Clash(Problems.Of("status", T("Bản tự đánh giá chưa được gửi.", "The self-assessment has not been submitted.")));
        assessment.Status = AssessmentStatus.Draft;
        assessment.Version++;
        audit.Record(who.UserName, "assessment.reopened", "assessment", Key(year, unitCode), nameof(AssessmentStatus.Submitted), nameof(AssessmentStatus.Draft), reason.Trim());
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<AssessmentView>.Ok(await BuildAsync(year, context, cancellationToken));
    }

    /// <summary>The unit's answer (giải trình) to an adjusted leaf, in the explanation phase.</summary>
    public async Task<Outcome<EntryView>> ExplainAsync(int year, string unitCode, string nodeCode, ExplanationInput input, UserScopeInfo who, CancellationToken cancellationToken = default)
    {
        if (!who.MayActForUnit(unitCode) || await ContextAsync(year, unitCode, cancellationToken) is not { } context)
            return Outcome<EntryView>.Missing();
        var node = context.Framework.Leaves().FirstOrDefault(n => n.Code == nodeCode);
        if (node is null)
            return Outcome<EntryView>.Missing();
        if (await gate.RefuseUnlessOpenAsync(year, CampaignPhaseKind.Explanation, cancellationToken) is { } closed)
            return Outcome<EntryView>.Clash(closed);
        var problems = new Problems();
        if (string.IsNullOrWhiteSpace(input.Text))
            problems.Add("text", T("Hãy viết nội dung giải trình.", "Write the explanation."));
        CheckLength(problems, "text", input.Text, MaxExplanationLength, T("Nội dung giải trình", "The explanation"));
        if (problems.Any)
            return problems;
        var (assessment, entry) = await FindTrackedAsync(year, context.Unit.Id, nodeCode, cancellationToken);
        if (entry is null || assessment is not { Status: AssessmentStatus.Submitted }
            || !await db.LeafAppraisals.AnyAsync(a => a.EntryId == entry.Id && a.Round == AppraisalRound.Appraisal && a.Decision == AppraisalDecision.Adjusted, cancellationToken))
            return Outcome<EntryView>.Clash(Problems.Of("nodeCode", T($"Tiêu chí {nodeCode} không bị điều chỉnh khi thẩm định nên không cần giải trình.",
                $"Criterion {nodeCode} was not adjusted in appraisal, so there is nothing to explain.")));
        if (input.Version != entry.Version)
            return Outcome<EntryView>.Clash(StaleProblem(node, entry));
        var old = entry.Explanation;
        entry.Explanation = input.Text!.Trim();
        entry.ExplainedAtUtc = Now();
        entry.ExplainedBy = who.UserName;
        Touch(entry, who);
        audit.Record(who.UserName, "assessment.explained", "assessment", Key(year, unitCode, nodeCode), old, entry.Explanation);
        if (await SaveAsync(node, entry, cancellationToken) is { } clash)
            return Outcome<EntryView>.Clash(clash);
        return Outcome<EntryView>.Ok((await BuildAsync(year, context, cancellationToken)).Entry(nodeCode)!);
    }

    // ------------------------------------------------------------------ shared with the appraisal and evidence services

    /// <summary>
    /// A leaf as the pages show it. For leaves fed by data the input is the Final one the data features wrote; for the
    /// others, the unit's own. Points are the leaf's own (LeafScorer); group sums come from the engine.
    /// </summary>
    internal static EntryView ToView(FrameworkNode node, string fieldCode, AssessmentEntry? entry, IReadOnlyList<Evidence.EvidenceLink> links, LeafScore? final)
    {
        var fed = CampaignAccess.IsFedByData(node);
        var input = fed ? final?.ToInput() : entry?.Input;
        var evidence = links.Select(l => new LinkedEvidenceDto(EvidenceDto.From(l.Document!), l.Stage, l.Verdict, l.VerdictNote, l.VerdictBy, l.VerdictAtUtc)).ToList();
        var appraisals = entry?.Appraisals.OrderBy(a => a.Round)
            .Select(a => new AppraisalDto(a.Round, a.Decision, a.Input, a.Input is { } i ? LeafScorer.Score(node, i).Points : null, a.Reason, a.AgencyCode, a.DecidedBy, a.DecidedAtUtc))
            .ToList() ?? [];
        return new EntryView(
            node.Code, fieldCode, node.Title(UiLanguage.Current), node.MaxPoints, node.Kind, node.Method?.TypeName ?? "manual",
            node.EvidenceRequired, node.LeadAgencyCode, fed, input, input is null ? null : LeafScorer.Score(node, input).Points, fed ? final?.Source : null,
            entry?.Comment, entry?.NoEvidenceNote, entry?.Explanation, entry?.ExplainedAtUtc, entry?.ExplainedBy, entry?.Version ?? 0, entry?.UpdatedAtUtc, entry?.UpdatedBy,
            evidence, appraisals, node.Method is RubricMethod rubric ? rubric.Levels.Select(l => l.Code).ToList() : null);
    }

    internal async Task<(SelfAssessment? Assessment, AssessmentEntry? Entry)> FindTrackedAsync(int year, int unitId, string nodeCode, CancellationToken cancellationToken)
    {
        var assessment = await db.SelfAssessments.FirstOrDefaultAsync(a => a.Year == year && a.UnitId == unitId, cancellationToken);
        var entry = assessment is null ? null : await db.AssessmentEntries.FirstOrDefaultAsync(e => e.AssessmentId == assessment.Id && e.NodeCode == nodeCode, cancellationToken);
        return (assessment, entry);
    }

    internal SelfAssessment NewAssessment(int year, int unitId)
    {
        var assessment = new SelfAssessment { Year = year, UnitId = unitId, Status = AssessmentStatus.Draft, CreatedAtUtc = Now(), UpdatedAtUtc = Now() };
        db.SelfAssessments.Add(assessment);
        return assessment;
    }

    internal void Touch(AssessmentEntry entry, UserScopeInfo who)
    {
        entry.Version++;
        entry.UpdatedAtUtc = Now();
        entry.UpdatedBy = who.UserName;
    }

    /// <summary>Creates, updates or removes a unit's input of a stage (not saved). Self and Appraised rows are the campaign's record; the engine reads Final.</summary>
    internal async Task StageScoreAsync(int year, int unitId, string nodeCode, ScoreStage stage, LeafInput? input, string actor, CancellationToken cancellationToken)
    {
        var score = db.LeafScores.Local.FirstOrDefault(s => s.Year == year && s.UnitId == unitId && s.NodeCode == nodeCode && s.Stage == stage)
            ?? await db.LeafScores.FirstOrDefaultAsync(s => s.Year == year && s.UnitId == unitId && s.NodeCode == nodeCode && s.Stage == stage, cancellationToken);
        if (input is null)
        {
            if (score is not null)
                db.LeafScores.Remove(score);
            return;
        }
        if (score is null)
        {
            score = new LeafScore { Year = year, UnitId = unitId, NodeCode = nodeCode, Stage = stage };
            db.LeafScores.Add(score);
        }
        score.Apply(input);
        score.UpdatedAtUtc = Now();
        score.UpdatedBy = actor;
    }

    /// <summary>Saves; a concurrent writer (the version moved under us, or a row created twice) becomes a conflict naming what is stored now.</summary>
    internal async Task<Problems?> SaveAsync(FrameworkNode? node, AssessmentEntry? entry, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateException exception)
        {
            db.ChangeTracker.Clear();
            if (exception is DbUpdateConcurrencyException && node is not null && entry is { Id: > 0 }
                && await db.AssessmentEntries.AsNoTracking().FirstOrDefaultAsync(e => e.Id == entry.Id, cancellationToken) is { } current)
                return StaleProblem(node, current);
            return Problems.Of("version", T("Người khác vừa lưu cùng lúc; nội dung của bạn chưa được lưu. Hãy tải lại trang để xem thay đổi rồi lưu lần nữa.",
                "Someone else saved at the same moment; yours was not saved. Reload the page to see their change, then save again."));
        }
    }

    /// <summary>"Someone else saved this leaf after you opened it", naming who, when and the value stored now.</summary>
    internal static Problems StaleProblem(FrameworkNode node, AssessmentEntry current)
    {
        var value = current.Input is { } input ? InputText(input) : T("chưa chấm", "not scored");
        var comment = string.IsNullOrWhiteSpace(current.Comment) ? "" : T($"; ghi chú: «{Excerpt(current.Comment)}»", $"; comment: «{Excerpt(current.Comment)}»");
        return new Problems()
            .Add("version", T(
                $"{current.UpdatedBy} đã lưu tiêu chí {node.Code} lúc {DateTimeLocal(current.UpdatedAtUtc)} sau khi bạn mở trang: {value}{comment}. Nội dung của bạn chưa được lưu; hãy xem lại rồi lưu lần nữa.",
                $"{current.UpdatedBy} saved criterion {node.Code} at {DateTimeLocal(current.UpdatedAtUtc)} after you opened the page: {value}{comment}. Yours was not saved; review it and save again."))
            .Add("current", value);
    }

    internal static Problems VersionUnknown() => Problems.Of("version", T(
        "Phiên bản gửi lên không khớp với dữ liệu đã lưu; hãy tải lại trang rồi lưu lần nữa.", "The version sent does not match what is stored; reload the page and save again."));

    internal static Problems SubmittedProblem(int year, SelfAssessment assessment) => Problems.Of("status", T(
        $"Bản tự đánh giá năm {year} đã được gửi lúc {DateTimeLocal(assessment.SubmittedAtUtc)} ({assessment.SubmittedBy}) nên đơn vị không sửa được nữa.",
        $"The {year} self-assessment was submitted at {DateTimeLocal(assessment.SubmittedAtUtc)} ({assessment.SubmittedBy}) and is read-only for the unit."));

    public static string InputText(LeafInput input) => Results.Pages.Admin.ScoreEntryModel.InputText(input);

    internal static string Key(int year, string unitCode, string? nodeCode = null) => nodeCode is null ? $"{year}/{unitCode}" : $"{year}/{unitCode}/{nodeCode}";

    private static string Describe(AssessmentEntry entry) => AuditLog.Json(new
    {
        input = entry.Input is { } input ? ScoreEntryService.Describe(input) : null,
        comment = entry.Comment,
        noEvidenceNote = entry.NoEvidenceNote,
    });

    internal static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim().Normalize(System.Text.NormalizationForm.FormC);

    internal static void CheckLength(Problems problems, string field, string? text, int max, string label)
    {
        if (text is not null && text.Trim().Length > max)
            problems.Add(field, T($"{label} dài quá {max} ký tự.", $"{label} is longer than {max} characters."));
    }

    private static string Excerpt(string? text) => string.IsNullOrWhiteSpace(text) ? "" : text.Length <= 160 ? text : text[..157] + "…";

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;
}
