using Microsoft.EntityFrameworkCore;
using ParIndex.Assessments;
using ParIndex.Core;
using ParIndex.Core.Frameworks;
using ParIndex.Data;
using ParIndex.Frameworks;
using ParIndex.Web;

namespace ParIndex.Campaign;

/// <summary>One unit's progress in a year (a row of the progress board).</summary>
/// <param name="Leaves">Leaves the unit types in (manual, rubric, ratio); leaves fed by data and bonus/penalty nodes are not counted.</param>
/// <param name="Scored">Of those, leaves with an input (not applicable counts as an input).</param>
/// <param name="EvidenceMissing">Scored leaves that require evidence and have no document.</param>
/// <param name="EvidenceMissingUnexplained">Of those, leaves without the written explanation of how they were scored.</param>
/// <param name="Adjusted">Leaves the appraisers adjusted (first round).</param>
/// <param name="ExplanationsPending">Adjusted leaves the unit has not answered yet.</param>
public sealed record UnitProgress(
    int UnitId,
    string UnitCode,
    string UnitNameVi,
    string? UnitNameEn,
    string BlockCode,
    bool HasFramework,
    int Leaves,
    int Scored,
    int EvidenceMissing,
    int EvidenceMissingUnexplained,
    int Adjusted,
    int ExplanationsPending,
    AssessmentStatus? Status,
    DateTime? SubmittedAtUtc,
    string? SubmittedBy)
{
    public bool Submitted => Status == AssessmentStatus.Submitted;
    public string UnitName(Language language) => language == Language.En && !string.IsNullOrWhiteSpace(UnitNameEn) ? UnitNameEn : UnitNameVi;
    public int Percent => Leaves == 0 ? 0 : (int)Math.Round(100m * Scored / Leaves, MidpointRounding.AwayFromZero);
}

/// <summary>A lead agency's appraisal work in a year, over the submitted self-assessments.</summary>
/// <param name="ToAppraise">Leaves it leads in submitted self-assessments.</param>
/// <param name="Appraised">Of those, leaves with a first-round decision.</param>
/// <param name="ToReappraise">Adjusted leaves the unit has explained, to be decided again.</param>
/// <param name="Reappraised">Of those, leaves decided again.</param>
public sealed record AgencyProgress(string AgencyCode, string NameVi, string? NameEn, int ToAppraise, int Appraised, int ToReappraise, int Reappraised)
{
    public string Name(Language language) => language == Language.En && !string.IsNullOrWhiteSpace(NameEn) ? NameEn : NameVi;
    public int Remaining => ToAppraise - Appraised + ToReappraise - Reappraised;
}

public sealed record CampaignProgress(int Year, IReadOnlyList<UnitProgress> Units, IReadOnlyList<AgencyProgress> Agencies, IReadOnlyList<string> BlocksWithoutFramework)
{
    public int Submitted => Units.Count(u => u.Submitted);
}

/// <summary>One scored node of a unit's framework and where the unit's work on it stands.</summary>
public sealed record LeafProgress(
    string NodeCode,
    string TitleVi,
    string? TitleEn,
    decimal MaxPoints,
    NodeKind Kind,
    bool DataFed,
    bool EvidenceRequired,
    string? LeadAgencyCode,
    bool Scored,
    int EvidenceCount,
    bool HasNoEvidenceNote,
    AppraisalDecision? Appraisal,
    bool Explained,
    AppraisalDecision? Reappraisal)
{
    /// <summary>Counted in the unit's leaves (typed in by the unit).</summary>
    public bool Counted => Kind == NodeKind.Leaf && !DataFed;
    public bool EvidenceMissing => Counted && Scored && EvidenceRequired && EvidenceCount == 0;
    public bool ExplanationPending => Appraisal == AppraisalDecision.Adjusted && !Explained && Reappraisal is null;
    public string Title(Language language) => language == Language.En && !string.IsNullOrWhiteSpace(TitleEn) ? TitleEn : TitleVi;
}

public sealed record UnitProgressDetail(UnitProgress Summary, IReadOnlyList<LeafProgress> Leaves);

/// <summary>
/// The progress board: per unit, leaves scored, evidence missing, explanations pending, submitted or not; per lead
/// agency, leaves appraised and to appraise. Read from the block memberships and published frameworks of the year
/// and the self-assessment tables (SelfAssessment, AssessmentEntry, LeafAppraisal, EvidenceLink), in a few queries.
/// </summary>
public sealed class CampaignProgressQuery(AppDbContext db)
{
    private sealed record EntryFacts(int UnitId, string NodeCode, bool HasInput, bool HasNote, bool Explained, int Evidence, AppraisalDecision? Appraisal, AppraisalDecision? Reappraisal);

    private sealed record Member(int UnitId, string Code, string NameVi, string? NameEn, string BlockCode);

    public async Task<CampaignProgress> YearAsync(int year, CancellationToken cancellationToken = default)
    {
        var (members, frameworks, blocksWithout) = await StructureAsync(year, null, cancellationToken);
        var facts = await FactsAsync(year, null, cancellationToken);
        var assessments = await AssessmentsAsync(year, null, cancellationToken);
        var units = new List<UnitProgress>();
        var agencies = new Dictionary<string, (int ToAppraise, int Appraised, int ToReappraise, int Reappraised)>(StringComparer.Ordinal);
        foreach (var member in members)
        {
            frameworks.TryGetValue(member.BlockCode, out var definition);
            var leaves = Leaves(definition, facts.GetValueOrDefault(member.UnitId));
            assessments.TryGetValue(member.UnitId, out var assessment);
            var summary = Summarise(member, definition is not null, leaves, assessment);
            units.Add(summary);
            foreach (var leaf in leaves.Where(l => l.Counted && l.LeadAgencyCode is not null))
            {
                var counts = agencies.GetValueOrDefault(leaf.LeadAgencyCode!);
                if (summary.Submitted)
                {
                    counts.ToAppraise++;
                    if (leaf.Appraisal is not null)
                        counts.Appraised++;
                }
                if (leaf.Appraisal == AppraisalDecision.Adjusted && leaf.Explained)
                {
                    counts.ToReappraise++;
                    if (leaf.Reappraisal is not null)
                        counts.Reappraised++;
                }
                agencies[leaf.LeadAgencyCode!] = counts;
            }
        }
        var codes = agencies.Keys.ToList();
        var names = await db.Units.AsNoTracking().Where(u => codes.Contains(u.Code))
            .Select(u => new { u.Code, u.NameVi, u.NameEn }).ToDictionaryAsync(u => u.Code, cancellationToken);
        var agencyRows = agencies
            .Select(pair => new AgencyProgress(pair.Key, names.GetValueOrDefault(pair.Key)?.NameVi ?? pair.Key, names.GetValueOrDefault(pair.Key)?.NameEn,
                pair.Value.ToAppraise, pair.Value.Appraised, pair.Value.ToReappraise, pair.Value.Reappraised))
            .OrderBy(a => a.NameVi, VietnameseText.Comparer)
            .ToList();
        return new CampaignProgress(year, units, agencyRows, blocksWithout);
    }

    /// <summary>One unit's progress with its leaves; null when the unit is in no block of the year.</summary>
    public async Task<UnitProgressDetail?> UnitAsync(int year, string unitCode, CancellationToken cancellationToken = default)
    {
        var (members, frameworks, _) = await StructureAsync(year, unitCode, cancellationToken);
        if (members.FirstOrDefault() is not { } member)
            return null;
        var facts = await FactsAsync(year, member.UnitId, cancellationToken);
        var assessments = await AssessmentsAsync(year, member.UnitId, cancellationToken);
        frameworks.TryGetValue(member.BlockCode, out var definition);
        var leaves = Leaves(definition, facts.GetValueOrDefault(member.UnitId));
        return new UnitProgressDetail(Summarise(member, definition is not null, leaves, assessments.GetValueOrDefault(member.UnitId)), leaves);
    }

    private static UnitProgress Summarise(Member member, bool hasFramework, IReadOnlyList<LeafProgress> leaves, SelfAssessment? assessment)
    {
        var counted = leaves.Where(l => l.Counted).ToList();
        return new UnitProgress(member.UnitId, member.Code, member.NameVi, member.NameEn, member.BlockCode, hasFramework,
            counted.Count,
            counted.Count(l => l.Scored),
            counted.Count(l => l.EvidenceMissing),
            counted.Count(l => l.EvidenceMissing && !l.HasNoEvidenceNote),
            counted.Count(l => l.Appraisal == AppraisalDecision.Adjusted),
            counted.Count(l => l.ExplanationPending),
            assessment?.Status, assessment?.SubmittedAtUtc, assessment?.SubmittedBy);
    }

    private static List<LeafProgress> Leaves(FrameworkDefinition? definition, Dictionary<string, EntryFacts>? facts)
    {
        if (definition is null)
            return [];
        return [.. definition.Leaves().Select(node =>
        {
            EntryFacts? fact = facts?.GetValueOrDefault(node.Code);
            return new LeafProgress(node.Code, node.TitleVi, node.TitleEn, node.MaxPoints, node.Kind,
                DataFed: node.Method is MetricMethod or SurveyMethod,
                node.EvidenceRequired, node.LeadAgencyCode,
                Scored: fact?.HasInput ?? false,
                EvidenceCount: fact?.Evidence ?? 0,
                HasNoEvidenceNote: fact?.HasNote ?? false,
                fact?.Appraisal,
                Explained: fact?.Explained ?? false,
                fact?.Reappraisal);
        })];
    }

    private async Task<(List<Member> Members, Dictionary<string, FrameworkDefinition> Frameworks, List<string> BlocksWithout)> StructureAsync(
        int year, string? unitCode, CancellationToken cancellationToken)
    {
        var memberQuery = db.BlockMembers.AsNoTracking().Where(m => m.Year == year);
        if (unitCode is not null)
            memberQuery = memberQuery.Where(m => m.Unit!.Code == unitCode);
        var members = (await memberQuery
                .Select(m => new Member(m.UnitId, m.Unit!.Code, m.Unit.NameVi, m.Unit.NameEn, m.Block!.Code))
                .ToListAsync(cancellationToken))
            .OrderBy(m => m.BlockCode, StringComparer.Ordinal).ThenBy(m => m.NameVi, VietnameseText.Comparer)
            .ToList();
        var published = await db.Frameworks.AsNoTracking().Include(f => f.Block)
            .Where(f => f.Year == year && f.Status == FrameworkStatus.Published)
            .ToListAsync(cancellationToken);
        var frameworks = published.ToDictionary(f => f.Block!.Code, FrameworkService.Definition, StringComparer.Ordinal);
        var blocks = members.Select(m => m.BlockCode).Distinct().Where(code => !frameworks.ContainsKey(code)).Order(StringComparer.Ordinal).ToList();
        return (members, frameworks, blocks);
    }

    private async Task<Dictionary<int, Dictionary<string, EntryFacts>>> FactsAsync(int year, int? unitId, CancellationToken cancellationToken)
    {
        var query = db.AssessmentEntries.AsNoTracking().Where(e => e.Assessment!.Year == year);
        if (unitId is not null)
            query = query.Where(e => e.Assessment!.UnitId == unitId);
        var rows = await query.Select(e => new EntryFacts(
                e.Assessment!.UnitId,
                e.NodeCode,
                e.Kind != null,
                e.NoEvidenceNote != null && e.NoEvidenceNote != "",
                e.Explanation != null && e.Explanation != "",
                e.Evidence.Count(),
                e.Appraisals.Where(a => a.Round == AppraisalRound.Appraisal).Select(a => (AppraisalDecision?)a.Decision).FirstOrDefault(),
                e.Appraisals.Where(a => a.Round == AppraisalRound.Reappraisal).Select(a => (AppraisalDecision?)a.Decision).FirstOrDefault()))
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.UnitId).ToDictionary(g => g.Key, g => g.ToDictionary(r => r.NodeCode, StringComparer.Ordinal));
    }

    private async Task<Dictionary<int, SelfAssessment>> AssessmentsAsync(int year, int? unitId, CancellationToken cancellationToken)
    {
        var query = db.SelfAssessments.AsNoTracking().Where(a => a.Year == year);
        if (unitId is not null)
            query = query.Where(a => a.UnitId == unitId);
        return await query.ToDictionaryAsync(a => a.UnitId, cancellationToken);
    }
}
