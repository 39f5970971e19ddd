using ParIndex.Web;

namespace ParIndex.Assessments;

public static class OutcomeRelay
{
    /// <summary>Passes a refusal on as the refusal of another result type (not found, conflict or invalid, with the same problems).</summary>
    public static Outcome<TOut> Relay<TOut, TIn>(this Outcome<TIn> refused) =>
        refused.NotFound ? Outcome<TOut>.Missing()
        : refused.Conflict ? Outcome<TOut>.Clash(refused.Problems ?? new Problems())
        : Outcome<TOut>.Invalid(refused.Problems ?? new Problems());
}
