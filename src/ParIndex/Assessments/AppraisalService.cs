using Microsoft.EntityFrameworkCore;
using ParIndex.Accounts;
using ParIndex.Audit;
using ParIndex.Campaign;
using ParIndex.Core.Frameworks;
using ParIndex.Core.Scoring;
using ParIndex.Data;
using ParIndex.Evidence;
using ParIndex.Frameworks;
using ParIndex.Results;
using ParIndex.Web;
using static ParIndex.Web.Text;

namespace ParIndex.Assessments;

/// <summary>A leaf of one unit in an appraiser's queue.</summary>
public sealed record AppraisalItem(string UnitCode, string UnitName, string BlockCode, EntryView Entry)
{
    public AppraisalState State => AppraisalService.StateOf(Entry);
}

/// <summary>Where a leaf stands in appraisal, for the queue's filter.</summary>
public enum AppraisalState
{
    /// <summary>Chưa thẩm định.</summary>
    Undecided,
    /// <summary>Giữ nguyên điểm tự đánh giá.</summary>
    Accepted,
    /// <summary>Điều chỉnh; đơn vị chưa giải trình.</summary>
    Adjusted,
    /// <summary>Điều chỉnh, đơn vị đã giải trình; chờ thẩm định lại.</summary>
    Explained,
    /// <summary>Đã thẩm định lại.</summary>
    Reappraised,
}

public sealed record AppraisalFilter(string? Unit = null, AppraisalState? State = null, string? Field = null);

/// <summary>
/// Appraisal (thẩm định) and reappraisal by the lead agencies: an appraiser sees, across all units of the year, the
/// leaves of submitted self-assessments that their agency leads, accepts or adjusts each (an adjustment needs a reason),
/// and gives each evidence document a verdict. The decision in force is written as the Appraised-stage input; every
/// decision and verdict is audited (old → new, reason) in the same SaveChanges.
/// </summary>
public sealed class AppraisalService(AppDbContext db, AssessmentService assessments, FrameworkService frameworks, IPhaseGate gate, AuditLog audit, TimeProvider clock)
{
    /// <summary>The leaves the appraiser's agency leads, across units, in unit then leaf order.</summary>
    public async Task<IReadOnlyList<AppraisalItem>> QueueAsync(int year, UserScopeInfo who, AppraisalFilter filter, CancellationToken cancellationToken = default)
    {
        if (!who.Roles.Contains(Roles.Appraiser) || who.UnitCode is null)
            return [];
        var blocks = await db.Blocks.AsNoTracking().Include(b => b.Members).ThenInclude(m => m.Unit).Where(b => b.Year == year).ToListAsync(cancellationToken);
        var submitted = await db.SelfAssessments.AsNoTracking()
            .Where(a => a.Year == year && a.Status == AssessmentStatus.Submitted).Select(a => new { a.Id, a.UnitId }).ToListAsync(cancellationToken);
        var assessmentOf = submitted.ToDictionary(a => a.UnitId, a => a.Id);
        var items = new List<AppraisalItem>();
        foreach (var block in blocks.OrderBy(b => b.Code, StringComparer.Ordinal))
        {
            var framework = await frameworks.PublishedAsync(year, block.Code, cancellationToken) ?? await frameworks.LatestAsync(year, block.Code, cancellationToken);
            if (framework is null)
                continue;
            var definition = FrameworkService.Definition(framework);
            var fieldOf = definition.Nodes.SelectMany(top => top.SelfAndDescendants().Select(n => (n.Code, Field: top.Code))).ToDictionary(x => x.Code, x => x.Field);
            var leaves = definition.Leaves().Where(n => who.MayAppraise(n.LeadAgencyCode) && !CampaignAccess.IsFedByData(n))
                .Where(n => filter.Field is null || fieldOf[n.Code] == filter.Field).ToList();
            if (leaves.Count == 0)
                continue;
            var units = block.Members.Select(m => m.Unit!)
                .Where(u => assessmentOf.ContainsKey(u.Id) && (filter.Unit is null || u.Code == filter.Unit))
                .OrderBy(u => u.NameVi, VietnameseText.Comparer).ToList();
            if (units.Count == 0)
                continue;
            var ids = units.Select(u => assessmentOf[u.Id]).ToList();
            var codes = leaves.Select(l => l.Code).ToList();
            var entries = await db.AssessmentEntries.AsNoTracking().Include(e => e.Appraisals)
                .Where(e => ids.Contains(e.AssessmentId) && codes.Contains(e.NodeCode)).ToListAsync(cancellationToken);
            var entryIds = entries.Select(e => e.Id).ToList();
            var links = await db.EvidenceLinks.AsNoTracking().Include(l => l.Document).Where(l => entryIds.Contains(l.EntryId)).ToListAsync(cancellationToken);
            var linksByEntry = links.GroupBy(l => l.EntryId).ToDictionary(g => g.Key, g => g.OrderBy(l => l.AddedAtUtc).ThenBy(l => l.Id).ToList());
            var entryOf = entries.ToDictionary(e => (e.AssessmentId, e.NodeCode));
            foreach (var unit in units)
                foreach (var leaf in leaves)
                {
                    entryOf.TryGetValue((assessmentOf[unit.Id], leaf.Code), out var entry);
                    var linked = entry is not null && linksByEntry.TryGetValue(entry.Id, out var found) ? found : [];
                    var item = new AppraisalItem(unit.Code, UiLanguage.IsEnglish && !string.IsNullOrWhiteSpace(unit.NameEn) ? unit.NameEn : unit.NameVi, block.Code,
                        AssessmentService.ToView(leaf, fieldOf[leaf.Code], entry, linked, null));
                    if (filter.State is null || item.State == filter.State)
                        items.Add(item);
                }
        }
        return items;
    }

    public static AppraisalState StateOf(EntryView entry) => entry.Decision switch
    {
        null => AppraisalState.Undecided,
        { Round: AppraisalRound.Reappraisal } => AppraisalState.Reappraised,
        { Decision: AppraisalDecision.Accepted } => AppraisalState.Accepted,
        _ => string.IsNullOrWhiteSpace(entry.Explanation) ? AppraisalState.Adjusted : AppraisalState.Explained,
    };

    /// <summary>One leaf of one unit as its appraiser sees it; missing for anyone whose agency does not lead it.</summary>
    public async Task<Outcome<AppraisalItem>> ItemAsync(int year, string unitCode, string nodeCode, UserScopeInfo who, CancellationToken cancellationToken = default)
    {
        var items = await QueueAsync(year, who, new AppraisalFilter(Unit: unitCode), cancellationToken);
        return items.FirstOrDefault(i => i.Entry.NodeCode == nodeCode) is { } item ? Outcome<AppraisalItem>.Ok(item) : Outcome<AppraisalItem>.Missing();
    }

    /// <summary>
    /// Accepts or adjusts a leaf: in the appraisal phase the first decision, in the reappraisal phase the decision on a
    /// leaf adjusted before. Refused outside those phases, for leaves the appraiser's agency does not lead, for
    /// unsubmitted self-assessments and for stale versions.
    /// </summary>
    public async Task<Outcome<AppraisalItem>> DecideAsync(int year, string unitCode, string nodeCode, AppraisalInput input, UserScopeInfo who, CancellationToken cancellationToken = default)
    {
        if (await assessments.ContextAsync(year, unitCode, cancellationToken) is not { } context)
            return Outcome<AppraisalItem>.Missing();
        var node = context.Framework.Leaves().FirstOrDefault(n => n.Code == nodeCode);
        if (node is null || !who.MayAppraise(node.LeadAgencyCode) || CampaignAccess.IsFedByData(node))
            return Outcome<AppraisalItem>.Missing();
        var round = await OpenRoundAsync(year, cancellationToken);
        if (!round.Succeeded)
            return round.Relay<AppraisalItem, AppraisalRound>();
        var (assessment, entry) = await assessments.FindTrackedAsync(year, context.Unit.Id, nodeCode, cancellationToken);
        if (assessment is not { Status: AssessmentStatus.Submitted } || entry is null)
            return Outcome<AppraisalItem>.Clash(Problems.Of("status", T($"Đơn vị {unitCode} chưa gửi bản tự đánh giá năm {year}.", $"Unit {unitCode} has not submitted its {year} self-assessment.")));
        var existing = await db.LeafAppraisals.Where(a => a.EntryId == entry.Id).ToListAsync(cancellationToken);
        if (round.Value == AppraisalRound.Reappraisal && !existing.Any(a => a.Round == AppraisalRound.Appraisal && a.Decision == AppraisalDecision.Adjusted))
            return Outcome<AppraisalItem>.Clash(Problems.Of("round", T($"Tiêu chí {nodeCode} không bị điều chỉnh khi thẩm định nên không thẩm định lại.",
                $"Criterion {nodeCode} was not adjusted in appraisal, so it is not reappraised.")));
        if (input.Version != entry.Version)
            return Outcome<AppraisalItem>.Clash(AssessmentService.StaleProblem(node, entry));

        var problems = new Problems();
        LeafInput? decided;
        if (input.Decision == AppraisalDecision.Adjusted)
        {
            decided = input.Input is null ? null : input.Input with { Source = null };
            if (decided is null)
                problems.Add("input", T("Hãy nhập điểm sau điều chỉnh.", "Enter the adjusted score."));
            else if (ScoreEntryService.Check(context.Framework, nodeCode, decided) is { } invalid)
                foreach (var (field, messages) in invalid.ToDictionary())
                    foreach (var message in messages)
                        problems.Add(field, message);
            else if (entry.Input is { } self && ScoreEntryService.Describe(self) == ScoreEntryService.Describe(decided))
                problems.Add("input", T("Điểm điều chỉnh trùng với điểm tự đánh giá; hãy chọn «Giữ nguyên».", "The adjusted score equals the self score; choose \"Accept\" instead."));
            if (string.IsNullOrWhiteSpace(input.Reason))
                problems.Add("reason", T("Điều chỉnh điểm phải nêu lý do.", "An adjustment needs a reason."));
        }
        else
            decided = entry.Input;
        AssessmentService.CheckLength(problems, "reason", input.Reason, AssessmentService.MaxNoteLength, T("Lý do", "The reason"));
        if (problems.Any)
            return problems;

        var appraisal = existing.FirstOrDefault(a => a.Round == round.Value);
        var old = appraisal is null ? null : Describe(appraisal);
        if (appraisal is null)
        {
            appraisal = new LeafAppraisal { EntryId = entry.Id, Round = round.Value, AgencyCode = who.UnitCode!, DecidedBy = who.UserName };
            db.LeafAppraisals.Add(appraisal);
        }
        appraisal.Decision = input.Decision;
        appraisal.SetInput(decided);
        appraisal.Reason = AssessmentService.Clean(input.Reason);
        appraisal.AgencyCode = who.UnitCode!;
        appraisal.DecidedBy = who.UserName;
        appraisal.DecidedAtUtc = clock.GetUtcNow().UtcDateTime;
        assessments.Touch(entry, who);
        await assessments.StageScoreAsync(year, context.Unit.Id, nodeCode, ScoreStage.Appraised, decided, who.UserName, cancellationToken);
        audit.Record(who.UserName, round.Value == AppraisalRound.Appraisal ? "appraisal.decided" : "appraisal.reappraised", "assessment",
            AssessmentService.Key(year, unitCode, nodeCode), old, Describe(appraisal), appraisal.Reason);
        if (await assessments.SaveAsync(node, entry, cancellationToken) is { } clash)
            return Outcome<AppraisalItem>.Clash(clash);
        return await ItemAsync(year, unitCode, nodeCode, who, cancellationToken);
    }

    /// <summary>An appraiser's verdict on one document backing a leaf their agency leads.</summary>
    public async Task<Outcome<AppraisalItem>> VerdictAsync(int year, string unitCode, string nodeCode, long documentId, VerdictInput input, UserScopeInfo who, CancellationToken cancellationToken = default)
    {
        if (await assessments.ContextAsync(year, unitCode, cancellationToken) is not { } context)
            return Outcome<AppraisalItem>.Missing();
        var node = context.Framework.Leaves().FirstOrDefault(n => n.Code == nodeCode);
        if (node is null || !who.MayAppraise(node.LeadAgencyCode))
            return Outcome<AppraisalItem>.Missing();
        var round = await OpenRoundAsync(year, cancellationToken);
        if (!round.Succeeded)
            return round.Relay<AppraisalItem, AppraisalRound>();
        var link = await db.EvidenceLinks.Include(l => l.Document)
            .FirstOrDefaultAsync(l => l.DocumentId == documentId && l.Entry!.NodeCode == nodeCode && l.Entry.Assessment!.Year == year
                && l.Entry.Assessment.UnitId == context.Unit.Id && l.Entry.Assessment.Status == AssessmentStatus.Submitted, cancellationToken);
        if (link is null)
            return Outcome<AppraisalItem>.Missing();
        if (!Enum.IsDefined(input.Verdict))
            return Problems.Of("verdict", T("Kết luận không hợp lệ.", "Not a verdict."));
        var problems = new Problems();
        AssessmentService.CheckLength(problems, "note", input.Note, 2000, T("Nhận xét", "The note"));
        if (problems.Any)
            return problems;
        var old = link.Verdict is null ? null : $"{link.Verdict}{(link.VerdictNote is null ? "" : ": " + link.VerdictNote)}";
        link.Verdict = input.Verdict;
        link.VerdictNote = AssessmentService.Clean(input.Note);
        link.VerdictAtUtc = clock.GetUtcNow().UtcDateTime;
        link.VerdictBy = who.UserName;
        var updated = $"{link.Verdict}{(link.VerdictNote is null ? "" : ": " + link.VerdictNote)}";
        if (old != updated)
            audit.Record(who.UserName, "evidence.verdict", "evidence", $"{AssessmentService.Key(year, unitCode, nodeCode)}/{link.Document!.Sha256}", old, updated, link.VerdictNote);
        await db.SaveChangesAsync(cancellationToken);
        return await ItemAsync(year, unitCode, nodeCode, who, cancellationToken);
    }

    /// <summary>The round whose phase is open now; when neither is, the refusal of both phases (each says why).</summary>
    private async Task<Outcome<AppraisalRound>> OpenRoundAsync(int year, CancellationToken cancellationToken)
    {
        var appraisal = await gate.RefuseUnlessOpenAsync(year, CampaignPhaseKind.Appraisal, cancellationToken);
        if (appraisal is null)
            return Outcome<AppraisalRound>.Ok(AppraisalRound.Appraisal);
        var reappraisal = await gate.RefuseUnlessOpenAsync(year, CampaignPhaseKind.Reappraisal, cancellationToken);
        if (reappraisal is null)
            return Outcome<AppraisalRound>.Ok(AppraisalRound.Reappraisal);
        foreach (var (field, messages) in reappraisal.ToDictionary())
            foreach (var message in messages)
                appraisal.Add(field, message);
        return Outcome<AppraisalRound>.Clash(appraisal);
    }

    private static string Describe(LeafAppraisal appraisal) => AuditLog.Json(new
    {
        round = appraisal.Round.ToString(),
        decision = appraisal.Decision.ToString(),
        input = appraisal.Input is { } input ? ScoreEntryService.Describe(input) : null,
    });
}
