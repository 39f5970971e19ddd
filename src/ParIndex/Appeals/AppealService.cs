using Microsoft.EntityFrameworkCore;
using ParIndex.Accounts;
using ParIndex.Audit;
using ParIndex.Campaign;
using ParIndex.Core.Scoring;
using ParIndex.AppraisalCouncil;
using ParIndex.Data;
using ParIndex.Publication;
using ParIndex.Results;
using ParIndex.Web;
using static ParIndex.Web.Text;

namespace ParIndex.Appeals;

public sealed record AppealView(
    int Id, int Year, string BlockCode, string UnitCode, string UnitNameVi, string NodeCode, string Grounds,
    decimal PublishedPoints, int PublishedVersion, DateTime FiledAtUtc, string FiledBy,
    AppealStatus Status, string? DecisionReason, DateTime? DecidedAtUtc, string? DecidedBy, LeafInput? CorrectedInput, int? CorrectionVersion);

/// <summary>A unit head's request: the leaf and why its published score should be re-examined.</summary>
public sealed record AppealInput(string? NodeCode, string? Grounds);

/// <summary>The council's answer: upheld with the corrected input and the decision approving the corrected results, or rejected; a reason either way.</summary>
public sealed record AppealDecisionInput(
    bool Upheld, string? Reason,
    InputKind? Kind = null, decimal? Points = null, string? Level = null, decimal? Numerator = null, decimal? Denominator = null, decimal? Value = null,
    string? DecisionNumber = null, DateOnly? DecisionDate = null)
{
    public LeafInput? Input => Kind is { } kind ? new LeafInput { Kind = kind, Points = Points, Level = Level, Numerator = Numerator, Denominator = Denominator, Value = Value } : null;
}

public sealed record AppealDecisionResult(AppealView Appeal, PublishResult? Correction);

/// <summary>A leaf of a unit's published result that may be appealed, with its published points.</summary>
public sealed record AppealableLeaf(string NodeCode, string TitleVi, string? TitleEn, decimal MaxPoints, decimal PublishedPoints);

/// <summary>
/// Re-examination on appeal (phúc khảo), in the optional phase of that name: after publication a unit's head files an
/// appeal on one leaf of the unit's published result; the council (or an administrator) rejects it, or upholds it with
/// a corrected input — the Final input is corrected, the block recomputed and the correction published as a new
/// version whose public log entry names the appeal. Both steps ask the phase gate and are audited.
/// </summary>
public sealed class AppealService(
    AppDbContext db,
    ScoreEntryService scores,
    ResultsComputation computation,
    PublicationService publication,
    PublishedResults published,
    ResultsQuery results,
    IPhaseGate gate,
    AuditLog audit,
    TimeProvider clock)
{
    public const int MaxGroundsLength = 8000;

    /// <summary>The council and administrators see every appeal of the year; unit staff those of their unit.</summary>
    public async Task<IReadOnlyList<AppealView>> ListAsync(int year, UserScopeInfo who, CancellationToken cancellationToken = default)
    {
        var all = CouncilPolicies.Roles.Any(who.Roles.Contains);
        var rows = await db.Appeals.AsNoTracking().Include(a => a.Unit)
            .Where(a => a.Year == year && (all || a.UnitId == who.UnitId))
            .ToListAsync(cancellationToken);
        return rows.OrderBy(a => a.Status).ThenByDescending(a => a.FiledAtUtc).ThenByDescending(a => a.Id).Select(View).ToList();
    }

    /// <summary>The scored leaves of the unit's current published result (empty when it is not published).</summary>
    public async Task<IReadOnlyList<AppealableLeaf>> AppealableAsync(int year, string unitCode, CancellationToken cancellationToken = default)
    {
        var block = await db.BlockMembers.AsNoTracking().Where(m => m.Year == year && m.Unit!.Code == unitCode).Select(m => m.Block!.Code).FirstOrDefaultAsync(cancellationToken);
        var current = block is null ? null : await published.CurrentAsync(year, block, cancellationToken);
        var detail = current is null ? null : await published.UnitDetailAsync(current.SnapshotId, unitCode, cancellationToken);
        if (current is null || detail is null)
            return [];
        var framework = await results.DefinitionAsync(current.View.FrameworkId, cancellationToken);
        return framework.Leaves()
            .Where(n => detail.Nodes.TryGetValue(n.Code, out var score) && score.Leaf is not null)
            .Select(n => new AppealableLeaf(n.Code, n.TitleVi, n.TitleEn, n.MaxPoints, detail.Nodes[n.Code].Points))
            .ToList();
    }

    public async Task<Outcome<AppealView>> FileAsync(int year, string unitCode, AppealInput input, UserScopeInfo who, CancellationToken cancellationToken = default)
    {
        if (!who.Roles.Contains(Roles.UnitHead) || who.UnitCode != unitCode)
            return Problems.Of("unit", T("Chỉ thủ trưởng đơn vị mới đề nghị phúc khảo cho đơn vị mình.", "Only the head of a unit may file an appeal, for their own unit."));
        if (await gate.RefuseUnlessOpenAsync(year, CampaignPhaseKind.Reexamination, cancellationToken) is { } closed)
            return closed;
        var member = await db.BlockMembers.AsNoTracking().Where(m => m.Year == year && m.Unit!.Code == unitCode)
            .Select(m => new { m.UnitId, Block = m.Block!.Code }).FirstOrDefaultAsync(cancellationToken);
        var current = member is null ? null : await published.CurrentAsync(year, member.Block, cancellationToken);
        var detail = current is null ? null : await published.UnitDetailAsync(current.SnapshotId, unitCode, cancellationToken);
        if (member is null || current is null || detail is null)
            return Problems.Of("unit", T($"Kết quả năm {year} của đơn vị chưa được công bố: chưa thể phúc khảo.", $"The unit's results for {year} are not published: there is nothing to appeal yet."));
        var nodeCode = input.NodeCode?.Trim() ?? "";
        var problems = new Problems()
            .AddIf(!detail.Nodes.TryGetValue(nodeCode, out var node) || node.Leaf is null, "nodeCode", T(
                $"Tiêu chí '{nodeCode}' không phải là tiêu chí được chấm điểm trong kết quả đã công bố.", $"'{nodeCode}' is not a scored criterion of the published result."))
            .AddIf(string.IsNullOrWhiteSpace(input.Grounds), "grounds", T("Hãy nêu lý do đề nghị phúc khảo.", "Give the grounds of the appeal."))
            .AddIf(input.Grounds is { Length: > MaxGroundsLength }, "grounds", T("Lý do dài quá 8.000 ký tự.", "The grounds are longer than 8,000 characters."));
        if (problems.Any)
            return problems;
        if (await db.Appeals.AnyAsync(a => a.Year == year && a.UnitId == member.UnitId && a.NodeCode == nodeCode && a.Status == AppealStatus.Pending, cancellationToken))
            return Outcome<AppealView>.Clash(Problems.Of("nodeCode", T($"Đơn vị đã có đề nghị phúc khảo tiêu chí {nodeCode} đang chờ xem xét.", $"The unit already has a pending appeal on {nodeCode}.")));
        var appeal = new Appeal
        {
            Year = year, UnitId = member.UnitId, BlockCode = member.Block, NodeCode = nodeCode, Grounds = input.Grounds!.Trim(),
            PublishedPoints = detail.Nodes[nodeCode].Points, PublishedVersion = current.Document.Publication.Version,
            FiledAtUtc = clock.GetUtcNow().UtcDateTime, FiledBy = who.UserName, Status = AppealStatus.Pending,
        };
        db.Appeals.Add(appeal);
        audit.Record(who.UserName, "appeal.filed", "score", $"{year}/{unitCode}/{nodeCode}", null, $"{Number(appeal.PublishedPoints)} (v{appeal.PublishedVersion})", appeal.Grounds);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<AppealView>.Ok(View(appeal, unitCode, await UnitNameAsync(member.UnitId, cancellationToken)));
    }

    public async Task<Outcome<AppealDecisionResult>> DecideAsync(int year, int id, AppealDecisionInput input, string actor, CancellationToken cancellationToken = default)
    {
        var appeal = await db.Appeals.Include(a => a.Unit).FirstOrDefaultAsync(a => a.Year == year && a.Id == id, cancellationToken);
        if (appeal is null)
            return Outcome<AppealDecisionResult>.Missing();
        if (await gate.RefuseUnlessOpenAsync(year, CampaignPhaseKind.Reexamination, cancellationToken) is { } closed)
            return closed;
        if (appeal.Status != AppealStatus.Pending)
            return Outcome<AppealDecisionResult>.Clash(Problems.Of("status", T($"Đề nghị phúc khảo số {id} đã được xem xét.", $"Appeal {id} was already decided.")));
        var problems = new Problems()
            .AddIf(string.IsNullOrWhiteSpace(input.Reason), "reason", T("Hãy nêu lý do của kết luận phúc khảo.", "Give the reason of the decision."))
            .AddIf(input.Reason is { Length: > 4000 }, "reason", T("Lý do dài quá 4.000 ký tự.", "The reason is longer than 4,000 characters."));
        var unitCode = appeal.Unit!.Code;
        var now = clock.GetUtcNow().UtcDateTime;
        if (!input.Upheld)
        {
            if (problems.Any)
                return problems;
            appeal.Status = AppealStatus.Rejected;
            appeal.DecisionReason = input.Reason!.Trim();
            appeal.DecidedAtUtc = now;
            appeal.DecidedBy = actor;
            appeal.ConcurrencyStamp = Guid.NewGuid();
            audit.Record(actor, "appeal.rejected", "score", $"{year}/{unitCode}/{appeal.NodeCode}", "Pending", "Rejected", appeal.DecisionReason);
            await db.SaveChangesAsync(cancellationToken);
            return Outcome<AppealDecisionResult>.Ok(new AppealDecisionResult(View(appeal), null));
        }

        // Upheld: everything is checked before anything is written, so a refusal leaves the score and the published results as they were.
        var corrected = input.Input;
        var context = await scores.ContextAsync(year, unitCode, cancellationToken);
        if (corrected is null)
            problems.Add("kind", T("Chấp nhận phúc khảo phải có điểm (dữ liệu chấm) đã sửa.", "Upholding an appeal needs the corrected input."));
        else if (context is not null && ScoreEntryService.Check(context.Value.Framework, appeal.NodeCode, corrected) is { } invalid)
            foreach (var (field, messages) in invalid.ToDictionary())
                foreach (var message in messages)
                    problems.Add(field, message);
        var request = new PublishRequest(year, appeal.BlockCode, input.DecisionNumber, input.DecisionDate,
            $"Phúc khảo tiêu chí {appeal.NodeCode} của {appeal.Unit.NameVi}: {input.Reason?.Trim()}", appeal.Id);
        foreach (var (field, messages) in publication.CheckDecision(request, year).ToDictionary())
            foreach (var message in messages)
                problems.Add(field, message);
        problems
            .AddIf(string.IsNullOrWhiteSpace(input.DecisionNumber), "decisionNumber", T("Kết quả sau phúc khảo được công bố theo quyết định mới: hãy nhập số quyết định.", "The corrected results are published under a new decision: enter its number."))
            .AddIf(input.DecisionDate is null, "decisionDate", T("Hãy nhập ngày của quyết định.", "Enter the date of the decision."));
        if (await new CouncilLock(db).UnfinishedAsync(year, cancellationToken) is { } unfinished)
            problems.Add("year", unfinished);
        if (context is null)
            problems.Add("unit", T($"Đơn vị {unitCode} không còn thuộc khối nào có bộ tiêu chí năm {year}.", $"Unit {unitCode} is no longer in a block with a framework in {year}."));
        if (problems.Any)
            return problems;

        var final = await db.LeafScores.FirstOrDefaultAsync(s => s.Year == year && s.UnitId == appeal.UnitId && s.NodeCode == appeal.NodeCode && s.Stage == ScoreStage.Final, cancellationToken);
        scores.Stage(year, appeal.UnitId, unitCode, appeal.NodeCode, corrected!, final, actor);
        appeal.Status = AppealStatus.Upheld;
        appeal.DecisionReason = input.Reason!.Trim();
        appeal.DecidedAtUtc = now;
        appeal.DecidedBy = actor;
        appeal.Kind = corrected!.Kind;
        appeal.Points = corrected.Points;
        appeal.Level = corrected.Level;
        appeal.Numerator = corrected.Numerator;
        appeal.Denominator = corrected.Denominator;
        appeal.Value = corrected.Value;
        appeal.ConcurrencyStamp = Guid.NewGuid();
        audit.Record(actor, "appeal.upheld", "score", $"{year}/{unitCode}/{appeal.NodeCode}", "Pending", $"Upheld: {ScoreEntryService.Describe(corrected)}", appeal.DecisionReason);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<AppealDecisionResult>.Clash(Problems.Of("status", T($"Đề nghị phúc khảo số {id} vừa được người khác xem xét.", $"Appeal {id} was just decided by someone else.")));
        }

        var computed = await computation.ComputeBlockAsync(year, appeal.BlockCode, actor, cancellationToken);
        if (!computed.Succeeded)
            return computed.Problems ?? Problems.Of("results", T("Không tính lại được kết quả của khối.", "The block's results could not be recomputed."));
        var correction = await publication.PublishAsync(request, actor, cancellationToken);
        if (!correction.Succeeded)
            return correction.Problems ?? Problems.Of("publication", T("Không công bố được đính chính.", "The correction could not be published."));
        appeal.CorrectionVersion = correction.Value!.Version;
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<AppealDecisionResult>.Ok(new AppealDecisionResult(View(appeal), correction.Value));
    }

    private async Task<string> UnitNameAsync(int unitId, CancellationToken cancellationToken) =>
        await db.Units.Where(u => u.Id == unitId).Select(u => u.NameVi).FirstAsync(cancellationToken);

    private static AppealView View(Appeal a) => View(a, a.Unit!.Code, a.Unit.NameVi);

    private static AppealView View(Appeal a, string unitCode, string unitName) => new(
        a.Id, a.Year, a.BlockCode, unitCode, unitName, a.NodeCode, a.Grounds, a.PublishedPoints, a.PublishedVersion, a.FiledAtUtc, a.FiledBy,
        a.Status, a.DecisionReason, a.DecidedAtUtc, a.DecidedBy, a.CorrectedInput, a.CorrectionVersion);
}
