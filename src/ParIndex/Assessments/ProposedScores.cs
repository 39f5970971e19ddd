using Microsoft.EntityFrameworkCore;
using ParIndex.Core.Scoring;
using ParIndex.Data;
using ParIndex.Results;

namespace ParIndex.Assessments;

/// <summary>Where a proposed final input comes from.</summary>
public enum ProposedSource
{
    /// <summary>No input at any stage (the leaf scores 0, flagged as missing).</summary>
    None,
    /// <summary>The unit's self score, not (or not yet) appraised.</summary>
    Self,
    /// <summary>The lead agency's decision (accepted or adjusted, after reappraisal when there was one).</summary>
    Appraised,
    /// <summary>A leaf fed by data (dossiers, surveys): the Final input the data feature wrote.</summary>
    Data,
}

/// <summary>One leaf's inputs side by side: the unit's, the appraisers', and the one proposed to the council.</summary>
public sealed record ProposedScore(string NodeCode, LeafInput? Self, LeafInput? Appraised, LeafInput? Proposed, ProposedSource Source);

/// <summary>
/// The proposed final inputs of a unit for the council (hội đồng): the appraised input where a lead agency decided,
/// else the unit's self input; for leaves fed by data, the Final input already there. The council feature writes the
/// Final inputs the engine computes from.
/// </summary>
public interface IProposedScores
{
    /// <summary>Every scored node of the unit's framework in framework order; empty when the unit is in no block with a framework that year.</summary>
    Task<IReadOnlyList<ProposedScore>> ForUnitAsync(int year, string unitCode, CancellationToken cancellationToken = default);
}

public sealed class ProposedScores(AppDbContext db, AssessmentService assessments) : IProposedScores
{
    public async Task<IReadOnlyList<ProposedScore>> ForUnitAsync(int year, string unitCode, CancellationToken cancellationToken = default)
    {
        if (await assessments.ContextAsync(year, unitCode, cancellationToken) is not { } context)
            return [];
        var stored = await db.LeafScores.AsNoTracking()
            .Where(s => s.Year == year && s.UnitId == context.Unit.Id && (s.Stage == ScoreStage.Self || s.Stage == ScoreStage.Appraised || s.Stage == ScoreStage.Final))
            .ToListAsync(cancellationToken);
        var byStage = stored.ToLookup(s => s.Stage);
        var self = byStage[ScoreStage.Self].ToDictionary(s => s.NodeCode, s => s.ToInput(), StringComparer.Ordinal);
        var appraised = byStage[ScoreStage.Appraised].ToDictionary(s => s.NodeCode, s => s.ToInput(), StringComparer.Ordinal);
        var final = byStage[ScoreStage.Final].ToDictionary(s => s.NodeCode, s => s.ToInput(), StringComparer.Ordinal);
        return context.Framework.Leaves().Select(node =>
        {
            self.TryGetValue(node.Code, out var own);
            appraised.TryGetValue(node.Code, out var decided);
            if (CampaignAccess.IsFedByData(node))
                return final.TryGetValue(node.Code, out var data)
                    ? new ProposedScore(node.Code, own, decided, data, ProposedSource.Data)
                    : new ProposedScore(node.Code, own, decided, null, ProposedSource.None);
            if (decided is not null)
                return new ProposedScore(node.Code, own, decided, decided, ProposedSource.Appraised);
            return own is not null
                ? new ProposedScore(node.Code, own, null, own, ProposedSource.Self)
                : new ProposedScore(node.Code, null, null, null, ProposedSource.None);
        }).ToList();
    }
}
