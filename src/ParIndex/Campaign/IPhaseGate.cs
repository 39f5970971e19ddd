using ParIndex.Web;

namespace ParIndex.Campaign;

/// <summary>
/// Refuses work outside its phase: every change to self-assessments, appraisals, explanations and council
/// decisions asks the gate first, and shows the returned message (which says why, e.g. "the self-assessment
/// phase of 2025 closed on 30/11/2025").
/// </summary>
public interface IPhaseGate
{
    /// <summary>Null when <paramref name="phase"/> of <paramref name="year"/> is open now; otherwise the problem to show.</summary>
    Task<Problems?> RefuseUnlessOpenAsync(int year, CampaignPhaseKind phase, CancellationToken cancellationToken = default);
}
