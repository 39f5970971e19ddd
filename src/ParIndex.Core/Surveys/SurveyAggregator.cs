using ParIndex.Core.Frameworks;

namespace ParIndex.Core.Surveys;

/// <summary>One stored response as the aggregator reads it: the unit and group (indexes) and the answer vector.</summary>
public readonly record struct ResponseRecord(int Unit, int Group, string Choices);

public sealed record SurveyOptions
{
    public MinimumSampleRule MinimumSample { get; init; } = MinimumSampleRule.Default;

    /// <summary>Block index per unit (same order as the unit codes), for the block-mean fallback; null = one block.</summary>
    public IReadOnlyList<int>? UnitBlocks { get; init; }

    /// <summary>
    /// Post-stratification: the population share (any positive scale) of each respondent group per unit, keyed by
    /// (unit index, group index). When a unit has weights, its shares are Σ W·p ÷ Σ W over the groups that answered.
    /// </summary>
    public IReadOnlyDictionary<(int Unit, int Group), double>? PopulationWeights { get; init; }
}

/// <summary>A closed question's result for a unit, all groups together (<see cref="Group"/> null) or one group.</summary>
/// <param name="Answered">Answers given, "no answer" choices included.</param>
/// <param name="N">Valid answers (the denominator).</param>
/// <param name="EffectiveN">Kish's effective n when post-stratified, else N.</param>
/// <param name="SatisfiedShare">Share of valid answers that are satisfied (hài lòng, rất hài lòng; có), %.</param>
/// <param name="WeightedScore">Mean weight of valid answers (A–E weighted and the other scales), %.</param>
/// <param name="Counts">Answers per choice, in the question's choice order.</param>
public sealed record QuestionStat(
    string QuestionCode, string? Group, int Answered, int N, double EffectiveN, decimal? SatisfiedShare, decimal? WeightedScore,
    Interval? SatisfiedInterval, bool BelowMinimum, IReadOnlyList<int> Counts);

/// <summary>
/// A framework-facing figure: a SIPAS element or the SIPAS index, a sociological field or the overall result, or the
/// counter share, with its n, interval, minimum-n flag, and the value the framework should use.
/// </summary>
/// <param name="Value">The unit's own value, %, or null with no valid answers.</param>
/// <param name="N">Respondents with at least one valid answer counted in the metric.</param>
/// <param name="Used">What the framework leaf gets: the value, or the fallback when below the minimum.</param>
/// <param name="Fallback">The fallback applied, or null when the value is used as is.</param>
public sealed record MetricStat(string Metric, string? Group, decimal? Value, int N, Interval? Interval, bool BelowMinimum, decimal? Used, FallbackKind? Fallback);

public sealed record UnitSurveyResult(
    string UnitCode, int Responses, IReadOnlyList<int> ResponsesByGroup,
    IReadOnlyList<QuestionStat> Questions, IReadOnlyList<QuestionStat> QuestionsByGroup, IReadOnlyList<MetricStat> Metrics)
{
    public MetricStat? Metric(string name) => Metrics.FirstOrDefault(m => m.Metric == name);
}

public sealed record SurveyResults(QuestionnaireKind Kind, IReadOnlyList<string> Groups, IReadOnlyList<UnitSurveyResult> Units, MinimumSampleRule Rule, bool PostStratified)
{
    public UnitSurveyResult? Unit(string code) => Units.FirstOrDefault(u => u.UnitCode == code);
}

/// <summary>
/// Counts answers and derives every survey figure (docs/surveys.md): per unit, question and respondent group the
/// number of valid answers, the satisfied share, the weighted score and the Wilson 95 % interval; the metrics the
/// framework reads (SIPAS: per question, averaged per element, then overall; sociological: per field, then overall;
/// counter: the satisfied share); the minimum-n flag and its fallback; optional post-stratification by group.
/// One pass over the answer vectors, no allocation per response.
/// </summary>
public static class SurveyAggregator
{
    private static readonly sbyte[] DecodeTable = BuildDecodeTable();

    /// <summary>
    /// The same figures from answers already counted (e.g. by SQL GROUP BY over millions of counter ratings), for
    /// questionnaires with one closed question (the counter rating): each tally is <c>Count</c> respondents of a unit and
    /// group who chose choice <c>Choice</c> (0-based).
    /// </summary>
    public static SurveyResults AggregateCounts(QuestionnaireDefinition questionnaire, IReadOnlyList<string> unitCodes, IEnumerable<(int Unit, int Group, int Choice, int Count)> tallies, SurveyOptions? options = null)
    {
        if (questionnaire.Slots().Count != 1)
            throw new ArgumentException("Counted answers can be aggregated for a one-question questionnaire only.", nameof(questionnaire));
        var expanded = tallies.Where(t => t.Count > 0).ToList();
        return Aggregate(questionnaire, unitCodes, new TallyList(expanded), options);
    }

    /// <summary>Presents tallies as a virtual list of records without materialising one record per respondent.</summary>
    private sealed class TallyList : IReadOnlyList<ResponseRecord>
    {
        private readonly List<(int Unit, int Group, int Choice, int Count)> tallies;
        private readonly long[] ends;
        private readonly string[] vectors;

        public TallyList(List<(int Unit, int Group, int Choice, int Count)> tallies)
        {
            this.tallies = tallies;
            ends = new long[tallies.Count];
            long total = 0;
            for (var i = 0; i < tallies.Count; i++)
                ends[i] = total += tallies[i].Count;
            Count = (int)Math.Min(total, int.MaxValue);
            vectors = Enumerable.Range(0, 36).Select(c => c == 0 ? "0" : AnswerSheet.Encode(c - 1).ToString()).ToArray();
        }

        public int Count { get; }

        public ResponseRecord this[int index]
        {
            get
            {
                var i = Array.BinarySearch(ends, index + 1L);
                if (i < 0)
                    i = ~i;
                var tally = tallies[i];
                return new ResponseRecord(tally.Unit, tally.Group, tally.Choice is >= 0 and < 35 ? vectors[tally.Choice + 1] : "0");
            }
        }

        public IEnumerator<ResponseRecord> GetEnumerator()
        {
            for (var i = 0; i < Count; i++)
                yield return this[i];
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    public static SurveyResults Aggregate(QuestionnaireDefinition questionnaire, IReadOnlyList<string> unitCodes, IReadOnlyList<ResponseRecord> responses, SurveyOptions? options = null)
    {
        options ??= new SurveyOptions();
        var plan = Plan.Of(questionnaire);
        var units = unitCodes.Count;
        var groups = Math.Max(1, questionnaire.Groups.Count);
        var slots = plan.Slots.Count;
        var choices = plan.MaxChoices;
        var metrics = plan.Metrics.Count;

        var counts = new int[units * groups * slots * choices];
        var respondents = new int[units * groups * metrics];
        var responseCounts = new int[units * groups];

        for (var r = 0; r < responses.Count; r++)
        {
            var response = responses[r];
            if ((uint)response.Unit >= (uint)units || (uint)response.Group >= (uint)groups)
                continue;
            var cell = response.Unit * groups + response.Group;
            responseCounts[cell]++;
            var vector = response.Choices;
            var length = Math.Min(vector.Length, slots);
            var baseIndex = cell * slots * choices;
            var mask = 0;
            for (var s = 0; s < length; s++)
            {
                var c = vector[s];
                var index = c < 128 ? DecodeTable[c] : -1;
                if (index < 0 || index >= plan.ChoiceCounts[s])
                    continue;
                counts[baseIndex + s * choices + index]++;
                if (plan.Valid[s * choices + index])
                    mask |= plan.SlotMetricMask[s];
            }
            while (mask != 0)
            {
                var bit = System.Numerics.BitOperations.TrailingZeroCount(mask);
                respondents[cell * metrics + bit]++;
                mask &= mask - 1;
            }
        }

        var results = new UnitSurveyResult[units];
        var rule = options.MinimumSample;
        for (var u = 0; u < units; u++)
        {
            var byGroup = new int[groups];
            for (var g = 0; g < groups; g++)
                byGroup[g] = responseCounts[u * groups + g];
            var weights = Weights(options, u, groups);
            var questions = new List<QuestionStat>(slots);
            var questionsByGroup = new List<QuestionStat>(slots * groups);
            var perGroup = new QuestionStat[groups];
            for (var s = 0; s < slots; s++)
            {
                for (var g = 0; g < groups; g++)
                {
                    perGroup[g] = Stat(plan, s, questionnaire.Groups.Count == 0 ? null : questionnaire.Groups[g].Code, counts, (u * groups + g) * slots * choices + s * choices, rule);
                    questionsByGroup.Add(perGroup[g]);
                }
                questions.Add(weights is null ? Sum(plan, s, perGroup, rule) : Stratified(plan, s, perGroup, weights, rule));
            }
            var metricStats = new List<MetricStat>();
            metricStats.AddRange(Metrics(plan, questions, null, m => Respondents(respondents, u, groups, metrics, m, null), rule));
            for (var g = 0; g < groups && groups > 1; g++)
            {
                var groupQuestions = questionsByGroup.Where((_, i) => i % groups == g).ToList();
                var group = g;
                metricStats.AddRange(Metrics(plan, groupQuestions, questionnaire.Groups[g].Code, m => Respondents(respondents, u, groups, metrics, m, group), rule));
            }
            results[u] = new UnitSurveyResult(unitCodes[u], byGroup.Sum(), byGroup, questions, questionsByGroup, metricStats);
        }
        ApplyFallbacks(results, options);
        return new SurveyResults(questionnaire.Kind, questionnaire.Groups.Select(g => g.Code).ToList(), results, rule, options.PopulationWeights is { Count: > 0 });
    }

    private static double[]? Weights(SurveyOptions options, int unit, int groups)
    {
        if (options.PopulationWeights is not { Count: > 0 } all)
            return null;
        double[]? weights = null;
        for (var g = 0; g < groups; g++)
        {
            if (all.TryGetValue((unit, g), out var w) && w > 0)
            {
                weights ??= new double[groups];
                weights[g] = w;
            }
        }
        return weights;
    }

    private static int Respondents(int[] respondents, int unit, int groups, int metrics, int metric, int? group)
    {
        if (group is { } g)
            return respondents[(unit * groups + g) * metrics + metric];
        var total = 0;
        for (var i = 0; i < groups; i++)
            total += respondents[(unit * groups + i) * metrics + metric];
        return total;
    }

    private static QuestionStat Stat(Plan plan, int slot, string? group, int[] counts, int offset, MinimumSampleRule rule)
    {
        var question = plan.Slots[slot];
        var choiceCount = plan.ChoiceCounts[slot];
        var perChoice = new int[choiceCount];
        int answered = 0, valid = 0, satisfied = 0;
        decimal weightSum = 0;
        var hasWeights = true;
        var choices = question.EffectiveChoices;
        for (var c = 0; c < choiceCount; c++)
        {
            var count = counts[offset + c];
            perChoice[c] = count;
            answered += count;
            if (!choices[c].Valid)
                continue;
            valid += count;
            if (choices[c].Satisfied)
                satisfied += count;
            if (choices[c].Weight is { } weight)
                weightSum += weight * count;
            else if (count > 0)
                hasWeights = false;
        }
        return new QuestionStat(question.Code, group, answered, valid, valid,
            valid == 0 ? null : Math.Round(satisfied * 100m / valid, 6, MidpointRounding.AwayFromZero),
            valid == 0 || !hasWeights ? null : Math.Round(weightSum / valid, 6, MidpointRounding.AwayFromZero),
            SurveyStatistics.Wilson(satisfied, valid), valid < rule.MinimumN, perChoice);
    }

    private static QuestionStat Sum(Plan plan, int slot, QuestionStat[] perGroup, MinimumSampleRule rule)
    {
        var question = plan.Slots[slot];
        var choiceCount = plan.ChoiceCounts[slot];
        var counts = new int[choiceCount];
        foreach (var stat in perGroup)
            for (var c = 0; c < choiceCount; c++)
                counts[c] += stat.Counts[c];
        return Stat(plan, slot, null, counts, 0, rule);
    }

    /// <summary>Post-stratified: each group's share weighted by its population share; n is Kish's effective n.</summary>
    private static QuestionStat Stratified(Plan plan, int slot, QuestionStat[] perGroup, double[] weights, MinimumSampleRule rule)
    {
        var plain = Sum(plan, slot, perGroup, rule);
        double weightTotal = 0, share = 0, score = 0;
        var scoreDefined = true;
        for (var g = 0; g < perGroup.Length; g++)
        {
            var stat = perGroup[g];
            if (stat.N == 0 || weights[g] <= 0)
                continue;
            weightTotal += weights[g];
            share += weights[g] * (double)stat.SatisfiedShare!.Value;
            if (stat.WeightedScore is { } s)
                score += weights[g] * (double)s;
            else
                scoreDefined = false;
        }
        if (weightTotal == 0)
            return plain;
        var effectiveN = SurveyStatistics.EffectiveN(perGroup.Select((s, g) => (weights[g], s.N)));
        var p = share / weightTotal / 100;
        return plain with
        {
            EffectiveN = effectiveN,
            SatisfiedShare = SurveyStatistics.Percent(p),
            WeightedScore = scoreDefined ? SurveyStatistics.Percent(score / weightTotal / 100) : null,
            SatisfiedInterval = SurveyStatistics.Wilson(p * effectiveN, effectiveN),
        };
    }

    private static IEnumerable<MetricStat> Metrics(Plan plan, IReadOnlyList<QuestionStat> questions, string? group, Func<int, int> respondents, MinimumSampleRule rule)
    {
        var parts = new List<decimal>();
        for (var m = 0; m < plan.Metrics.Count; m++)
        {
            var metric = plan.Metrics[m];
            decimal? value;
            if (metric.IsOverall)
            {
                value = parts.Count == 0 ? null : Mean(parts);
            }
            else
            {
                var values = metric.Slots.Select(s => plan.UsesScore ? questions[s].WeightedScore : questions[s].SatisfiedShare).OfType<decimal>().ToList();
                value = values.Count == 0 ? null : Mean(values);
                if (value is { } v)
                    parts.Add(v);
            }
            var n = respondents(m);
            var interval = value is { } share && n > 0 ? SurveyStatistics.Wilson((double)share / 100 * n, n) : null;
            var below = n < rule.MinimumN;
            yield return new MetricStat(metric.Name, group, value, n, interval, below, below ? null : value, null);
        }
    }

    private static decimal Mean(List<decimal> values) => Math.Round(values.Sum() / values.Count, 6, MidpointRounding.AwayFromZero);

    /// <summary>Fills <see cref="MetricStat.Used"/> of flagged metrics (all groups together) with the rule's fallback.</summary>
    private static void ApplyFallbacks(UnitSurveyResult[] results, SurveyOptions options)
    {
        var rule = options.MinimumSample;
        var blocks = options.UnitBlocks;
        int BlockOf(int unit) => blocks is not null && unit < blocks.Count ? blocks[unit] : 0;
        for (var u = 0; u < results.Length; u++)
        {
            var metrics = results[u].Metrics.ToArray();
            var changed = false;
            for (var i = 0; i < metrics.Length; i++)
            {
                var metric = metrics[i];
                if (metric.Group is not null || !metric.BelowMinimum)
                    continue;
                var used = rule.Fallback switch
                {
                    FallbackKind.FullPoints => 100m,
                    FallbackKind.Zero => 0m,
                    FallbackKind.RawValue => metric.Value,
                    _ => BlockMean(results, u, metric.Metric, BlockOf) ?? metric.Value,
                };
                metrics[i] = metric with { Used = used, Fallback = rule.Fallback };
                changed = true;
            }
            if (changed)
                results[u] = results[u] with { Metrics = metrics };
        }
    }

    private static decimal? BlockMean(UnitSurveyResult[] results, int unit, string metric, Func<int, int> blockOf)
    {
        var block = blockOf(unit);
        var values = new List<decimal>();
        for (var u = 0; u < results.Length; u++)
        {
            if (u == unit || blockOf(u) != block)
                continue;
            if (results[u].Metrics.FirstOrDefault(m => m.Metric == metric && m.Group is null) is { BelowMinimum: false, Value: { } value })
                values.Add(value);
        }
        return values.Count == 0 ? null : Mean(values);
    }

    private static sbyte[] BuildDecodeTable()
    {
        var table = new sbyte[128];
        for (var c = 0; c < 128; c++)
            table[c] = (sbyte)AnswerSheet.Decode((char)c);
        return table;
    }

    private sealed record MetricPlan(string Name, IReadOnlyList<int> Slots, bool IsOverall);

    /// <summary>A questionnaire compiled for counting: slots, their choices' validity, and which metric each slot feeds.</summary>
    private sealed class Plan
    {
        public required IReadOnlyList<Question> Slots { get; init; }
        public required int[] ChoiceCounts { get; init; }
        public required int MaxChoices { get; init; }
        public required bool[] Valid { get; init; }
        public required int[] SlotMetricMask { get; init; }
        public required IReadOnlyList<MetricPlan> Metrics { get; init; }
        public required bool UsesScore { get; init; }

        public static Plan Of(QuestionnaireDefinition questionnaire)
        {
            var slots = questionnaire.Slots();
            var maxChoices = Math.Max(1, slots.Count == 0 ? 1 : slots.Max(s => s.EffectiveChoices.Count));
            var valid = new bool[slots.Count * maxChoices];
            for (var s = 0; s < slots.Count; s++)
            {
                var choices = slots[s].EffectiveChoices;
                for (var c = 0; c < choices.Count; c++)
                    valid[s * maxChoices + c] = choices[c].Valid;
            }
            var metrics = new List<MetricPlan>();
            int[] Indexed(Func<Question, bool> where) => slots.Select((q, i) => (q, i)).Where(x => x.q.IsIndexed && where(x.q)).Select(x => x.i).ToArray();
            switch (questionnaire.Kind)
            {
                case QuestionnaireKind.Sipas:
                    foreach (var (code, _, _) in SipasElements.All)
                        if (Indexed(q => q.Element == code) is { Length: > 0 } elementSlots)
                            metrics.Add(new($"sipas.{code}", elementSlots, false));
                    metrics.Add(new(MetricNames.SipasOverall, Indexed(q => q.Element is not null), true));
                    break;
                case QuestionnaireKind.Sociological:
                    for (var field = 1; field <= 8; field++)
                        if (Indexed(q => q.Field == field) is { Length: > 0 } fieldSlots)
                            metrics.Add(new(MetricNames.SociologicalField(field), fieldSlots, false));
                    metrics.Add(new(MetricNames.SociologicalOverall, Indexed(q => q.Field is not null), true));
                    break;
                case QuestionnaireKind.CounterRating:
                    metrics.Add(new(MetricNames.CounterSatisfiedShare, Indexed(_ => true), false));
                    break;
            }
            var masks = new int[slots.Count];
            for (var m = 0; m < metrics.Count; m++)
                foreach (var s in metrics[m].Slots)
                    masks[s] |= 1 << m;
            return new Plan
            {
                Slots = slots,
                ChoiceCounts = slots.Select(s => s.EffectiveChoices.Count).ToArray(),
                MaxChoices = maxChoices,
                Valid = valid,
                SlotMetricMask = masks,
                Metrics = metrics,
                UsesScore = questionnaire.Kind == QuestionnaireKind.Sociological,
            };
        }
    }
}
