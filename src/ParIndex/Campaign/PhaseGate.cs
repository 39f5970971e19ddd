using ParIndex.Web;

namespace ParIndex.Campaign;

/// <summary>
/// The phase gate the self-assessment, appraisal, explanation and council features ask before every change.
/// Open means: the administrator opened the phase and today (Asia/Ho_Chi_Minh) is between its opening and closing
/// dates, both included. The refusal says why in the reader's language, under the field "phase".
/// </summary>
public sealed class PhaseGate(PhaseService phases) : IPhaseGate
{
    public const string Field = "phase";

    public async Task<Problems?> RefuseUnlessOpenAsync(int year, CampaignPhaseKind phase, CancellationToken cancellationToken = default)
    {
        if (PhaseService.YearProblem(year) is { } invalid)
            return invalid;
        var view = await phases.GetAsync(year, phase, cancellationToken);
        return view.Refusal() is { } message ? Problems.Of(Field, message) : null;
    }
}
