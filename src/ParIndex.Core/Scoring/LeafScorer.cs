using ParIndex.Core.Frameworks;

namespace ParIndex.Core.Scoring;

/// <summary>
/// Scores one scored node (leaf, bonus or penalty) from its final input.
/// </summary>
/// <remarks>
/// The scorer never throws on input values and never refuses to score: results are always kept in
/// [0, node maximum] (for bonus and penalty nodes the maximum is their cap), and whatever the scorer had
/// to do to get there — clamping manual points that exceed the maximum or are negative, rounding manual
/// points down to the method's step, ignoring an unknown rubric level, a zero denominator, an input of
/// the wrong kind — is said in the explanation. Rejecting bad input is the job of input validation,
/// which can name the field; computing a published index must not fail halfway because one stored value
/// is off, and must not award more than the scale allows.
/// <para>
/// Bonus and penalty nodes report positive points (the amount added or subtracted); the parent applies
/// the sign. A node without a method is scored as manual points.
/// </para>
/// </remarks>
public static class LeafScorer
{
    private static readonly ManualMethod PlainManual = new();

    /// <summary>Scores <paramref name="node"/>; a null <paramref name="input"/> means no input was given (0 points, flagged as missing).</summary>
    public static NodeScore Score(FrameworkNode node, LeafInput? input)
    {
        ArgumentNullException.ThrowIfNull(node);
        if (!node.IsScored)
            throw new ArgumentException($"Node {node.Code} is a group; groups are summed by the index engine, not scored.", nameof(node));
        return ToNodeScore(node, input, Evaluate(node, input));
    }

    internal static NodeScore ToNodeScore(FrameworkNode node, LeafInput? input, in LeafOutcome outcome) => new()
    {
        Code = node.Code,
        Points = outcome.Points,
        RawPoints = outcome.RawPoints,
        ApplicableMax = outcome.ApplicableMax,
        NotApplicable = outcome.NotApplicable,
        MissingInput = outcome.MissingInput,
        Leaf = LeafExplainer.Explain(node, input, outcome),
    };

    internal static LeafOutcome Evaluate(FrameworkNode node, LeafInput? input)
    {
        var max = node.MaxPoints > 0 ? node.MaxPoints : 0m;
        var isAdjustment = node.Kind is NodeKind.Bonus or NodeKind.Penalty;
        // Bonus and penalty points sit outside every maximum.
        var applicableMax = isAdjustment ? 0m : max;

        if (input is null)
            return new(0, 0, applicableMax, LeafReason.Missing);
        if (input.Kind == InputKind.NotApplicable)
            return NotApplicable(node, max, isAdjustment, zeroDenominator: false);

        try
        {
            return (node.Method ?? PlainManual) switch
            {
                ManualMethod manual => Manual(manual, input, max, applicableMax),
                RubricMethod rubric => Rubric(rubric, input, max, applicableMax),
                RatioMethod ratio => Ratio(node, ratio, input, max, applicableMax, isAdjustment),
                MetricMethod metric => Metric(metric, input, max, applicableMax),
                SurveyMethod => Survey(input, max, applicableMax),
                _ => new(0, 0, applicableMax, LeafReason.UnsupportedMethod),
            };
        }
        catch (OverflowException)
        {
            // Absurdly large inputs (e.g. 10^27 / 10^-20) must not abort a whole block's computation.
            return new(0, 0, applicableMax, LeafReason.Overflow);
        }
    }

    private static LeafOutcome NotApplicable(FrameworkNode node, decimal max, bool isAdjustment, bool zeroDenominator)
    {
        // Full points for a penalty would subtract its whole cap: not applicable simply means no adjustment.
        if (isAdjustment)
            return new(0, 0, 0, LeafReason.NotApplicableAdjustment) { NotApplicable = true, ZeroDenominator = zeroDenominator };
        return node.NotApplicable switch
        {
            NotApplicablePolicy.FullPoints => new(max, max, max, LeafReason.NotApplicableFullPoints) { NotApplicable = true, ZeroDenominator = zeroDenominator },
            NotApplicablePolicy.RemoveFromMaximum => new(0, 0, 0, LeafReason.NotApplicableRemoved) { NotApplicable = true, ZeroDenominator = zeroDenominator },
            _ => new(0, 0, max, LeafReason.NotApplicableNotAllowed),
        };
    }

    private static LeafOutcome Manual(ManualMethod method, LeafInput input, decimal max, decimal applicableMax)
    {
        if (input.Kind != InputKind.Points)
            return new(0, 0, applicableMax, LeafReason.KindMismatch);
        if (input.Points is not { } entered)
            return new(0, 0, applicableMax, LeafReason.IncompleteInput);

        var stepped = entered;
        var reason = LeafReason.Scored;
        if (method.Step is { } step && step > 0 && entered % step != 0)
        {
            stepped = Math.Floor(entered / step) * step;
            reason = LeafReason.OffStep;
        }
        return new(Clamp(stepped, max), entered, applicableMax, reason) { Stepped = stepped };
    }

    private static LeafOutcome Rubric(RubricMethod method, LeafInput input, decimal max, decimal applicableMax)
    {
        if (input.Kind != InputKind.Level)
            return new(0, 0, applicableMax, LeafReason.KindMismatch);
        if (input.Level is not { } code)
            return new(0, 0, applicableMax, LeafReason.IncompleteInput);

        var levels = method.Levels;
        for (var i = 0; i < levels.Count; i++)
        {
            var level = levels[i];
            if (string.Equals(level.Code, code, StringComparison.Ordinal))
                return new(Clamp(level.Points, max), level.Points, applicableMax, LeafReason.Scored) { Level = level };
        }
        return new(0, 0, applicableMax, LeafReason.UnknownLevel);
    }

    private static LeafOutcome Ratio(FrameworkNode node, RatioMethod method, LeafInput input, decimal max, decimal applicableMax, bool isAdjustment)
    {
        if (input.Kind != InputKind.Ratio)
            return new(0, 0, applicableMax, LeafReason.KindMismatch);
        if (input.Numerator is not { } numerator || input.Denominator is not { } denominator)
            return new(0, 0, applicableMax, LeafReason.IncompleteInput);

        if (denominator == 0)
        {
            // Nothing assigned means nothing to do (không phát sinh) — if the framework allows that.
            return node.NotApplicable != NotApplicablePolicy.NotAllowed || isAdjustment
                ? NotApplicable(node, max, isAdjustment, zeroDenominator: true)
                : new(0, 0, applicableMax, LeafReason.ZeroDenominatorNotAllowed);
        }
        if (denominator < 0)
            return new(0, 0, applicableMax, LeafReason.NegativeDenominator);

        // Multiplying first keeps one more exact digit than (n / d) × 100.
        return ApplyRule(method.Rule, numerator * 100m / denominator, max, applicableMax);
    }

    private static LeafOutcome Metric(MetricMethod method, LeafInput input, decimal max, decimal applicableMax)
    {
        if (input.Kind != InputKind.Value)
            return new(0, 0, applicableMax, LeafReason.KindMismatch);
        if (input.Value is not { } value)
            return new(0, 0, applicableMax, LeafReason.IncompleteInput);
        return ApplyRule(method.Rule, value, max, applicableMax);
    }

    private static LeafOutcome Survey(LeafInput input, decimal max, decimal applicableMax)
    {
        if (input.Kind != InputKind.Value)
            return new(0, 0, applicableMax, LeafReason.KindMismatch);
        if (input.Value is not { } share)
            return new(0, 0, applicableMax, LeafReason.IncompleteInput);
        var raw = max * share / 100m;
        return new(Clamp(raw, max), raw, applicableMax, LeafReason.Scored) { Value = share };
    }

    private static LeafOutcome ApplyRule(PointsRule rule, decimal value, decimal max, decimal applicableMax)
    {
        switch (rule.Mode)
        {
            case PointsMode.Proportional:
            {
                var raw = max * value / 100m;
                return new(Clamp(raw, max), raw, applicableMax, LeafReason.Scored) { Value = value };
            }
            case PointsMode.Threshold:
            {
                var threshold = ThresholdOf(rule);
                var raw = value >= threshold ? max : threshold > 0 ? max * value / threshold : 0m;
                return new(Clamp(raw, max), raw, applicableMax, LeafReason.Scored) { Value = value };
            }
            default:
            {
                var brackets = rule.Brackets;
                for (var i = 0; i < brackets.Count; i++)
                {
                    var bracket = brackets[i];
                    if (bracket.Contains(value))
                        return new(Clamp(bracket.Points, max), bracket.Points, applicableMax, LeafReason.Scored) { Value = value, Bracket = bracket };
                }
                return new(0, 0, applicableMax, LeafReason.NoBracket) { Value = value };
            }
        }
    }

    /// <summary>A threshold rule without a threshold asks for the full 100 %.</summary>
    internal static decimal ThresholdOf(PointsRule rule) => rule.Threshold ?? 100m;

    private static decimal Clamp(decimal value, decimal max) => value < 0 ? 0 : value > max ? max : value;
}
