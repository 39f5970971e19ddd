using Microsoft.EntityFrameworkCore;
using ParIndex.Appeals;
using ParIndex.Assessments;
using ParIndex.Audit;
using ParIndex.Campaign;
using ParIndex.Core.Frameworks;
using ParIndex.Core.Scoring;
using ParIndex.Data;
using ParIndex.Publication;
using ParIndex.Results;
using ParIndex.Web;
using static ParIndex.Web.Text;

namespace ParIndex.AppraisalCouncil;

/// <summary>
/// The appraisal council (hội đồng thẩm định): reviews each unit's self, appraised and proposed final scores side by
/// side with its history and the index, rank and class the proposed scores would give (computed with the engine,
/// stored nowhere); overrides a leaf with a reason; records its decision with the vote; and finalises the year —
/// the Final inputs are written from the proposed or overridden scores, every block is computed, and scores are
/// locked until an administrator reopens the year. Every change asks the council phase's gate first and is audited.
/// </summary>
public sealed class CouncilService(
    AppDbContext db,
    IProposedScores proposedScores,
    ResultsComputation computation,
    ScoreEntryService scores,
    IPhaseGate gate,
    AuditLog audit,
    TimeProvider clock)
{
    public const int MaxReasonLength = 2000;

    public async Task<CouncilStatusView> StatusAsync(int year, CancellationToken cancellationToken = default)
    {
        var row = await db.CouncilYears.AsNoTracking().FirstOrDefaultAsync(y => y.Year == year, cancellationToken);
        return row is null
            ? new CouncilStatusView(year, CouncilYearStatus.Deliberating, null, null, null, null)
            : new CouncilStatusView(year, row.Status, row.FinalisedAtUtc, row.FinalisedBy, row.DecisionId, row.ConcurrencyStamp);
    }

    public async Task<CouncilYearView> YearAsync(int year, CancellationToken cancellationToken = default)
    {
        var blocks = await db.Blocks.AsNoTracking().Where(b => b.Year == year)
            .Select(b => new
            {
                b.Code, b.NameVi, b.NameEn, Units = b.Members.Count,
                HasFramework = db.Frameworks.Any(f => f.BlockId == b.Id && f.Status == Frameworks.FrameworkStatus.Published),
                Overrides = db.CouncilOverrides.Count(o => o.Year == year && b.Members.Any(m => m.UnitId == o.UnitId)),
            })
            .ToListAsync(cancellationToken);
        var decisions = await db.CouncilDecisions.AsNoTracking().Where(d => d.Year == year).OrderByDescending(d => d.RecordedAtUtc).ThenByDescending(d => d.Id).ToListAsync(cancellationToken);
        var pending = await db.Appeals.CountAsync(a => a.Year == year && a.Status == AppealStatus.Pending, cancellationToken);
        return new CouncilYearView(
            await StatusAsync(year, cancellationToken),
            decisions.Select(CouncilDecisionView.From).ToList(),
            blocks.OrderBy(b => b.Code, StringComparer.Ordinal).Select(b => new CouncilBlockSummary(b.Code, b.NameVi, b.NameEn, b.Units, b.HasFramework, b.Overrides)).ToList(),
            await PhaseRefusalAsync(year, cancellationToken),
            pending);
    }

    public async Task<Outcome<CouncilBlockView>> BlockAsync(int year, string blockCode, CancellationToken cancellationToken = default)
    {
        var loaded = await PreviewAsync(year, blockCode, cancellationToken);
        if (!loaded.Succeeded)
            return new Outcome<CouncilBlockView>(null, loaded.Problems, loaded.NotFound);
        var preview = loaded.Value!;
        var block = preview.Context.Block;
        var rows = preview.Final.Units.Select(unit => preview.Row(unit.UnitCode)).ToList();
        return Outcome<CouncilBlockView>.Ok(new CouncilBlockView(
            year, block.Code, block.NameVi, block.NameEn, preview.Context.Definition.Classes,
            preview.Self.AverageIndex, preview.Appraised.AverageIndex, preview.Final.AverageIndex, rows,
            await StatusAsync(year, cancellationToken), await PhaseRefusalAsync(year, cancellationToken)));
    }

    public async Task<Outcome<CouncilUnitView>> UnitAsync(int year, string unitCode, CancellationToken cancellationToken = default)
    {
        var blockCode = await db.BlockMembers.AsNoTracking().Where(m => m.Year == year && m.Unit!.Code == unitCode).Select(m => m.Block!.Code).FirstOrDefaultAsync(cancellationToken);
        if (blockCode is null)
            return Outcome<CouncilUnitView>.Missing();
        var loaded = await PreviewAsync(year, blockCode, cancellationToken);
        if (!loaded.Succeeded)
            return new Outcome<CouncilUnitView>(null, loaded.Problems, loaded.NotFound);
        var preview = loaded.Value!;
        var unit = preview.Context.Members.First(u => u.Code == unitCode);
        var stored = await db.LeafScores.AsNoTracking().Where(s => s.Year == year && s.UnitId == unit.Id && s.Stage == ScoreStage.Final)
            .ToDictionaryAsync(s => s.NodeCode, s => s.ToInput(), cancellationToken);
        var fieldOf = preview.Context.Definition.Nodes.SelectMany(top => top.SelfAndDescendants().Select(n => (n.Code, Field: top.Code))).ToDictionary(p => p.Code, p => p.Field);
        var proposed = preview.Proposed[unitCode].ToDictionary(p => p.NodeCode, StringComparer.Ordinal);
        var self = preview.Self.Units.First(u => u.UnitCode == unitCode);
        var appraised = preview.Appraised.Units.First(u => u.UnitCode == unitCode);
        var final = preview.Final.Units.First(u => u.UnitCode == unitCode);
        var overrides = preview.Overrides.GetValueOrDefault(unit.Id) ?? new Dictionary<string, CouncilOverride>();
        var leaves = preview.Context.Definition.Leaves().Select(node =>
        {
            var p = proposed.GetValueOrDefault(node.Code);
            var own = SelfInput(p);
            var council = overrides.GetValueOrDefault(node.Code);
            var finalInput = council?.ToInput() ?? p?.Proposed;
            return new CouncilLeafView(
                node, fieldOf.GetValueOrDefault(node.Code, node.Code),
                own, own is null ? null : self.Nodes[node.Code].Points,
                p?.Appraised, p?.Appraised is null ? null : appraised.Nodes[node.Code].Points,
                p?.Proposed, p?.Source ?? ProposedSource.None,
                council is null ? null : new CouncilOverrideView(council.ToInput(), council.Reason, council.UpdatedBy, council.UpdatedAtUtc),
                finalInput, final.Nodes[node.Code].Points, finalInput is null,
                stored.GetValueOrDefault(node.Code));
        }).ToList();
        return Outcome<CouncilUnitView>.Ok(new CouncilUnitView(
            year, blockCode, preview.Context.Block.NameVi, unitCode, unit.NameVi, unit.NameEn, preview.Context.Members.Count,
            preview.Row(unitCode), leaves, await HistoryAsync(unitCode, year, preview.Context.Definition.Classes, cancellationToken),
            await StatusAsync(year, cancellationToken), await PhaseRefusalAsync(year, cancellationToken)));
    }

    /// <summary>Sets the council's score for a leaf of a unit (council phase open, year not finalised, a reason, an input valid for the leaf's method).</summary>
    public async Task<Outcome<CouncilOverrideView>> OverrideAsync(int year, string unitCode, string nodeCode, LeafInput input, string? reason, string actor, CancellationToken cancellationToken = default)
    {
        if (await RefuseChangeAsync(year, cancellationToken) is { } refused)
            return refused;
        if (await scores.ContextAsync(year, unitCode, cancellationToken) is not { } context)
            return Outcome<CouncilOverrideView>.Missing();
        var (unit, _, framework) = context;
        var problems = ScoreEntryService.Check(framework, nodeCode, input) ?? new Problems();
        problems
            .AddIf(string.IsNullOrWhiteSpace(reason), "reason", T("Hội đồng điều chỉnh điểm phải nêu lý do.", "A council override needs a reason."))
            .AddIf(reason is { Length: > MaxReasonLength }, "reason", T("Lý do dài quá 2.000 ký tự.", "The reason is longer than 2,000 characters."));
        if (problems.Any)
            return problems;
        var row = await db.CouncilOverrides.FirstOrDefaultAsync(o => o.Year == year && o.UnitId == unit.Id && o.NodeCode == nodeCode, cancellationToken);
        var old = row is null ? null : ScoreEntryService.Describe(row.ToInput());
        if (row is null)
        {
            row = new CouncilOverride { Year = year, UnitId = unit.Id, NodeCode = nodeCode, Reason = "", UpdatedBy = actor };
            db.CouncilOverrides.Add(row);
        }
        row.Apply(input);
        row.Reason = reason!.Trim();
        row.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        row.UpdatedBy = actor;
        await EnsureYearAsync(year, actor, cancellationToken);
        audit.Record(actor, "council.override", "score", $"{year}/{unitCode}/{nodeCode}", old, ScoreEntryService.Describe(input), row.Reason);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<CouncilOverrideView>.Ok(new CouncilOverrideView(row.ToInput(), row.Reason, row.UpdatedBy, row.UpdatedAtUtc));
    }

    /// <summary>Withdraws the council's score of a leaf: the proposed one applies again.</summary>
    public async Task<Outcome<bool>> RemoveOverrideAsync(int year, string unitCode, string nodeCode, string? reason, string actor, CancellationToken cancellationToken = default)
    {
        if (await RefuseChangeAsync(year, cancellationToken) is { } refused)
            return refused;
        var row = await db.CouncilOverrides.FirstOrDefaultAsync(o => o.Year == year && o.Unit!.Code == unitCode && o.NodeCode == nodeCode, cancellationToken);
        if (row is null)
            return Outcome<bool>.Missing();
        db.CouncilOverrides.Remove(row);
        audit.Record(actor, "council.override-removed", "score", $"{year}/{unitCode}/{nodeCode}", ScoreEntryService.Describe(row.ToInput()), null,
            string.IsNullOrWhiteSpace(reason) ? null : reason.Trim());
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<bool>.Ok(true);
    }

    /// <summary>Records the council's decision: number, date, and a vote carried by more than half of the members present.</summary>
    public async Task<Outcome<CouncilDecisionView>> RecordDecisionAsync(int year, CouncilDecisionInput input, string actor, CancellationToken cancellationToken = default)
    {
        if (await RefuseChangeAsync(year, cancellationToken) is { } refused)
            return refused;
        var problems = CheckDecision(year, input, Core.Calendar.VietnamTime.LocalDate(clock.GetUtcNow()));
        if (problems.Any)
            return problems;
        var decision = new CouncilDecision
        {
            Year = year, DecisionNumber = input.DecisionNumber!.Trim(), DecisionDate = input.DecisionDate!.Value,
            MembersTotal = input.MembersTotal!.Value, MembersPresent = input.MembersPresent!.Value,
            VotesFor = input.VotesFor!.Value, VotesAgainst = input.VotesAgainst ?? 0, VotesAbstain = input.VotesAbstain ?? 0,
            Notes = string.IsNullOrWhiteSpace(input.Notes) ? null : input.Notes.Trim(),
            RecordedAtUtc = clock.GetUtcNow().UtcDateTime, RecordedBy = actor,
        };
        db.CouncilDecisions.Add(decision);
        await EnsureYearAsync(year, actor, cancellationToken);
        audit.Record(actor, "council.decision", "council", year.ToString(System.Globalization.CultureInfo.InvariantCulture), null,
            $"{decision.DecisionNumber} ngày {Date(decision.DecisionDate)}: {decision.VotesFor} tán thành, {decision.VotesAgainst} không tán thành, {decision.VotesAbstain} không biểu quyết / {decision.MembersPresent} có mặt / {decision.MembersTotal} thành viên",
            decision.Notes);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<CouncilDecisionView>.Ok(CouncilDecisionView.From(decision));
    }

    /// <summary>
    /// The vote's rules: members present between 1 and the council's size, every present member's vote counted once
    /// (for + against + abstaining = present), and more than half of those present in favour.
    /// </summary>
    public static Problems CheckDecision(int year, CouncilDecisionInput input, DateOnly today)
    {
        var problems = new Problems()
            .AddIf(string.IsNullOrWhiteSpace(input.DecisionNumber), "decisionNumber", T("Hãy nhập số quyết định (hoặc biên bản) của hội đồng.", "Enter the number of the council's decision (or minutes)."))
            .AddIf(input.DecisionNumber is { Length: > 64 }, "decisionNumber", T("Số quyết định dài quá 64 ký tự.", "The decision number is longer than 64 characters."))
            .AddIf(input.DecisionDate is null, "decisionDate", T("Hãy nhập ngày quyết định.", "Enter the decision date."))
            .AddIf(input.DecisionDate is { } d && d > today, "decisionDate", T($"Ngày quyết định {Date(input.DecisionDate)} ở tương lai.", $"The decision date {Date(input.DecisionDate)} is in the future."))
            .AddIf(input.DecisionDate is { } e && e.Year < year, "decisionDate", T($"Ngày quyết định {Date(input.DecisionDate)} trước năm đánh giá {year}.", $"The decision date {Date(input.DecisionDate)} is before the assessed year {year}."))
            .AddIf(input.MembersTotal is null or < 1 or > 200, "membersTotal", T("Số thành viên hội đồng phải từ 1 đến 200.", "The council's size must be between 1 and 200."))
            .AddIf(input.MembersPresent is null or < 1, "membersPresent", T("Số thành viên có mặt phải ít nhất là 1.", "At least one member must be present."))
            .AddIf(input.MembersPresent > input.MembersTotal, "membersPresent", T(
                $"Số thành viên có mặt ({input.MembersPresent}) lớn hơn số thành viên hội đồng ({input.MembersTotal}).",
                $"Members present ({input.MembersPresent}) exceed the council's size ({input.MembersTotal})."))
            .AddIf(input.VotesFor is null or < 0, "votesFor", T("Hãy nhập số phiếu tán thành.", "Enter the votes in favour."))
            .AddIf(input.VotesAgainst < 0, "votesAgainst", T("Số phiếu không tán thành không được âm.", "Votes against cannot be negative."))
            .AddIf(input.VotesAbstain < 0, "votesAbstain", T("Số không biểu quyết không được âm.", "Abstentions cannot be negative."))
            .AddIf(input.Notes is { Length: > 4000 }, "notes", T("Ghi chú dài quá 4.000 ký tự.", "The notes are longer than 4,000 characters."));
        if (problems.Any)
            return problems;
        var cast = input.VotesFor!.Value + (input.VotesAgainst ?? 0) + (input.VotesAbstain ?? 0);
        var present = input.MembersPresent!.Value;
        problems.AddIf(cast != present, "votesFor", T(
            $"Tổng số phiếu ({cast}) phải bằng số thành viên có mặt ({present}): tán thành + không tán thành + không biểu quyết.",
            $"The votes ({cast}) must add up to the members present ({present}): for + against + abstaining."));
        problems.AddIf(cast == present && input.VotesFor.Value * 2 <= present, "votesFor", T(
            $"Chưa đạt đa số: {input.VotesFor} / {present} thành viên có mặt tán thành; cần hơn 50 % ({present / 2 + 1} phiếu).",
            $"No majority: {input.VotesFor} of {present} members present in favour; more than 50 % ({present / 2 + 1} votes) is needed."));
        return problems;
    }

    /// <summary>
    /// Writes the Final inputs of every unit of the year from the council's scores (override, else proposed), marks the
    /// year finalised and computes every block with a published framework.
    /// </summary>
    public async Task<Outcome<FinaliseResult>> FinaliseAsync(int year, string actor, CancellationToken cancellationToken = default)
    {
        if (await RefuseChangeAsync(year, cancellationToken) is { } refused)
            return refused;
        var decision = await db.CouncilDecisions.AsNoTracking().Where(d => d.Year == year).OrderByDescending(d => d.RecordedAtUtc).ThenByDescending(d => d.Id).FirstOrDefaultAsync(cancellationToken);
        if (decision is null)
            return Problems.Of("decision", T($"Hội đồng chưa ghi quyết định năm {year}: hãy ghi số, ngày và kết quả biểu quyết trước khi chốt.",
                $"The council has not recorded its decision for {year}: record its number, date and vote before finalising."));
        var blockCodes = await db.Blocks.AsNoTracking().Where(b => b.Year == year).Select(b => b.Code).ToListAsync(cancellationToken);
        var problems = new List<string>();
        var written = 0;
        var computable = new List<string>();
        var existing = await db.LeafScores.Where(s => s.Year == year && s.Stage == ScoreStage.Final).ToListAsync(cancellationToken);
        var existingByKey = existing.ToDictionary(s => (s.UnitId, s.NodeCode));
        var overrides = await db.CouncilOverrides.AsNoTracking().Where(o => o.Year == year).ToListAsync(cancellationToken);
        var overrideByKey = overrides.ToDictionary(o => (o.UnitId, o.NodeCode));
        foreach (var blockCode in blockCodes.Order(StringComparer.Ordinal))
        {
            var loaded = await computation.ContextAsync(year, blockCode, cancellationToken);
            if (!loaded.Succeeded)
            {
                problems.AddRange(loaded.Problems?.Lines().Select(line => $"{year}/{blockCode}: {line}") ?? []);
                continue;
            }
            computable.Add(blockCode);
            foreach (var unit in loaded.Value!.Members)
            {
                foreach (var leaf in await proposedScores.ForUnitAsync(year, unit.Code, cancellationToken))
                {
                    var input = overrideByKey.GetValueOrDefault((unit.Id, leaf.NodeCode))?.ToInput() ?? leaf.Proposed;
                    if (input is null)
                        continue;
                    var score = existingByKey.GetValueOrDefault((unit.Id, leaf.NodeCode));
                    if (score is not null && ScoreEntryService.Describe(score.ToInput()) == ScoreEntryService.Describe(input))
                        continue;
                    scores.Stage(year, unit.Id, unit.Code, leaf.NodeCode, input, score, actor);
                    written++;
                }
            }
        }
        var row = await EnsureYearAsync(year, actor, cancellationToken);
        row.Status = CouncilYearStatus.Finalised;
        row.FinalisedAtUtc = clock.GetUtcNow().UtcDateTime;
        row.FinalisedBy = actor;
        row.DecisionId = decision.Id;
        row.ConcurrencyStamp = Guid.NewGuid();
        audit.Record(actor, "council.finalised", "council", year.ToString(System.Globalization.CultureInfo.InvariantCulture), "Deliberating", "Finalised",
            $"{decision.DecisionNumber} ngày {Date(decision.DecisionDate)}; {written} final inputs written");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<FinaliseResult>.Clash(Problems.Of("year", T($"Năm {year} vừa được người khác chốt hoặc mở lại. Hãy tải lại trang.", $"The year {year} was just finalised or reopened by someone else. Reload the page.")));
        }
        db.ChangeTracker.Clear();
        var computed = new List<ComputedBlock>();
        foreach (var blockCode in computable)
        {
            var outcome = await computation.ComputeBlockAsync(year, blockCode, actor, cancellationToken);
            if (outcome.Succeeded)
                computed.Add(outcome.Value!);
            else
                problems.AddRange(outcome.Problems?.Lines().Select(line => $"{year}/{blockCode}: {line}") ?? [$"{year}/{blockCode}"]);
        }
        return Outcome<FinaliseResult>.Ok(new FinaliseResult(year, decision.Id, written, computed, problems));
    }

    /// <summary>An administrator reopens a finalised year (with a reason): the council may change scores again.</summary>
    public async Task<Outcome<CouncilStatusView>> ReopenAsync(int year, string? reason, string actor, CancellationToken cancellationToken = default)
    {
        var row = await db.CouncilYears.FirstOrDefaultAsync(y => y.Year == year, cancellationToken);
        if (row is null || row.Status != CouncilYearStatus.Finalised)
            return Problems.Of("year", T($"Năm {year} chưa được chốt.", $"The year {year} is not finalised."));
        if (string.IsNullOrWhiteSpace(reason))
            return Problems.Of("reason", T("Mở lại năm đã chốt phải nêu lý do.", "Reopening a finalised year needs a reason."));
        row.Status = CouncilYearStatus.Deliberating;
        row.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        row.UpdatedBy = actor;
        row.ConcurrencyStamp = Guid.NewGuid();
        audit.Record(actor, "council.reopened", "council", year.ToString(System.Globalization.CultureInfo.InvariantCulture), "Finalised", "Deliberating", reason.Trim());
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<CouncilStatusView>.Ok(await StatusAsync(year, cancellationToken));
    }

    /// <summary>Null when the council may change the year's scores now; otherwise why not (phase closed, or year finalised).</summary>
    private async Task<Problems?> RefuseChangeAsync(int year, CancellationToken cancellationToken)
    {
        if (await gate.RefuseUnlessOpenAsync(year, CampaignPhaseKind.Council, cancellationToken) is { } closed)
            return closed;
        return await CouncilLock.RefusalAsync(db, year, cancellationToken);
    }

    private async Task<string?> PhaseRefusalAsync(int year, CancellationToken cancellationToken) =>
        (await gate.RefuseUnlessOpenAsync(year, CampaignPhaseKind.Council, cancellationToken))?.ToDictionary().Values.SelectMany(m => m).FirstOrDefault();

    private async Task<CouncilYear> EnsureYearAsync(int year, string actor, CancellationToken cancellationToken)
    {
        var row = db.CouncilYears.Local.FirstOrDefault(y => y.Year == year) ?? await db.CouncilYears.FirstOrDefaultAsync(y => y.Year == year, cancellationToken);
        if (row is null)
        {
            row = new CouncilYear { Year = year, Status = CouncilYearStatus.Deliberating };
            db.CouncilYears.Add(row);
        }
        row.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        row.UpdatedBy = actor;
        return row;
    }

    /// <summary>The unit's own input of a leaf: its self score, or for data-fed leaves the data (the unit does not type those in).</summary>
    private static LeafInput? SelfInput(ProposedScore? score) =>
        score is null ? null : score.Self ?? (score.Source == ProposedSource.Data ? score.Proposed : null);

    /// <summary>A block computed three ways: from the units' own scores, after appraisal, and with the council's scores.</summary>
    private sealed record BlockPreview(
        BlockComputationContext Context,
        IReadOnlyDictionary<string, IReadOnlyList<ProposedScore>> Proposed,
        IReadOnlyDictionary<int, Dictionary<string, CouncilOverride>> Overrides,
        BlockResult Self, BlockResult Appraised, BlockResult Final)
    {
        public CouncilUnitRow Row(string unitCode)
        {
            var unit = Context.Members.First(u => u.Code == unitCode);
            var final = Final.Units.First(u => u.UnitCode == unitCode);
            var proposed = Proposed[unitCode];
            var overrides = Overrides.GetValueOrDefault(unit.Id);
            return new CouncilUnitRow(unitCode, unit.NameVi, unit.NameEn,
                Standing.Of(Self.Units.First(u => u.UnitCode == unitCode)), Standing.Of(Appraised.Units.First(u => u.UnitCode == unitCode)), Standing.Of(final),
                final.Previous, final.RankChange, overrides?.Count ?? 0,
                proposed.Count(p => p.Appraised is not null && p.Self is not null && ScoreEntryService.Describe(p.Appraised) != ScoreEntryService.Describe(p.Self)),
                proposed.Count(p => p.Proposed is null && overrides?.ContainsKey(p.NodeCode) != true));
        }
    }

    private async Task<Outcome<BlockPreview>> PreviewAsync(int year, string blockCode, CancellationToken cancellationToken)
    {
        var loaded = await computation.ContextAsync(year, blockCode, cancellationToken);
        if (!loaded.Succeeded)
            return new Outcome<BlockPreview>(null, loaded.Problems, loaded.NotFound);
        var context = loaded.Value!;
        var proposed = new Dictionary<string, IReadOnlyList<ProposedScore>>(StringComparer.Ordinal);
        foreach (var unit in context.Members)
            proposed[unit.Code] = await proposedScores.ForUnitAsync(year, unit.Code, cancellationToken);
        var unitIds = context.Members.Select(u => u.Id).ToList();
        var overrides = (await db.CouncilOverrides.AsNoTracking().Where(o => o.Year == year && unitIds.Contains(o.UnitId)).ToListAsync(cancellationToken))
            .GroupBy(o => o.UnitId).ToDictionary(g => g.Key, g => g.ToDictionary(o => o.NodeCode, StringComparer.Ordinal));

        IReadOnlyDictionary<string, IReadOnlyDictionary<string, LeafInput>> Inputs(Func<int, ProposedScore, LeafInput?> pick) =>
            context.Members.ToDictionary(u => u.Code, u => (IReadOnlyDictionary<string, LeafInput>)proposed[u.Code]
                .Select(p => (p.NodeCode, Input: pick(u.Id, p))).Where(p => p.Input is not null).ToDictionary(p => p.NodeCode, p => p.Input!, StringComparer.Ordinal));

        var self = context.Compute(Inputs((_, p) => SelfInput(p)));
        var appraised = context.Compute(Inputs((_, p) => p.Proposed));
        var final = context.Compute(Inputs((unitId, p) => overrides.GetValueOrDefault(unitId)?.GetValueOrDefault(p.NodeCode)?.ToInput() ?? p.Proposed));
        return Outcome<BlockPreview>.Ok(new BlockPreview(context, proposed, overrides, self, appraised, final));
    }

    /// <summary>The unit's earlier years: the published version where there is one, else the stored results.</summary>
    private async Task<IReadOnlyList<HistoryPoint>> HistoryAsync(string unitCode, int year, IReadOnlyList<ClassBand> classes, CancellationToken cancellationToken)
    {
        var stored = await db.ResultRows.AsNoTracking().Where(r => r.Unit!.Code == unitCode && r.Year < year)
            .Select(r => new { r.Year, Block = r.ResultSet!.Block!.Code, r.Index, r.Rank, r.ClassCode })
            .ToListAsync(cancellationToken);
        var published = await db.PublicationSnapshotUnits.AsNoTracking()
            .Where(u => u.UnitCode == unitCode && u.Year < year && !db.PublicationSnapshots.Any(n => n.BlockId == u.Snapshot!.BlockId && n.Version > u.Snapshot.Version))
            .Select(u => new { u.Year, Block = u.Snapshot!.BlockCode, u.Index, u.Rank, u.ClassCode })
            .ToListAsync(cancellationToken);
        var bands = classes.ToDictionary(c => c.Code);
        HistoryPoint Point(int y, string block, decimal index, int rank, string code, bool isPublished)
        {
            var band = bands.GetValueOrDefault(code);
            return new HistoryPoint(y, block, index, rank, code, band?.NameVi ?? code, band?.NameEn, isPublished);
        }
        var points = published.Select(p => Point(p.Year, p.Block, p.Index, p.Rank, p.ClassCode, true)).ToList();
        points.AddRange(stored.Where(s => points.All(p => p.Year != s.Year)).Select(s => Point(s.Year, s.Block, s.Index, s.Rank, s.ClassCode, false)));
        return points.OrderByDescending(p => p.Year).ToList();
    }
}
