using ParIndex.Core.Frameworks;
using ParIndex.Core.Scoring;

namespace ParIndex.Core.Rules;

/// <summary>Whether one condition held, with the actual values in Vietnamese and English.</summary>
public sealed record ConditionCheck(bool Holds, string TextVi, string TextEn);

/// <summary>
/// Evaluates reward and discipline rules (<see cref="OutcomeRule"/>): a rule applies when any clause
/// holds, a clause when all its conditions do. The explanation names the clause that held with every
/// condition's values, or — when none held — each clause with the first condition that failed, so a
/// unit can see exactly what kept it out (or put it in).
/// </summary>
/// <remarks>
/// Classes compare by position in the framework's band list, best first: "at least Tốt" means a position
/// no further down than Tốt's, "at most Khá" a position no higher than Khá's. A class code that is not on
/// the list (e.g. last year's six-band "xuat-sac" against this year's four bands) fails the condition
/// rather than guessing an equivalence.
/// </remarks>
public static class RuleEvaluator
{
    public static RuleOutcome Evaluate(OutcomeRule rule, RuleSubject subject, IReadOnlyList<ClassBand> bands)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(bands);

        var failuresVi = new List<string>(rule.AnyOf.Count);
        var failuresEn = new List<string>(rule.AnyOf.Count);
        foreach (var clause in rule.AnyOf)
        {
            var descriptionEn = clause.DescriptionEn ?? clause.DescriptionVi;
            var heldVi = new List<string>(clause.AllOf.Count);
            var heldEn = new List<string>(clause.AllOf.Count);
            ConditionCheck? failed = null;
            foreach (var condition in clause.AllOf)
            {
                var check = Check(condition, subject, bands);
                if (!check.Holds)
                {
                    failed = check;
                    break;
                }
                heldVi.Add(check.TextVi);
                heldEn.Add(check.TextEn);
            }

            if (failed is null)
            {
                return new RuleOutcome
                {
                    RuleCode = rule.Code,
                    Kind = rule.Kind,
                    Applies = true,
                    ExplanationVi = $"Đủ điều kiện — {clause.DescriptionVi}: {string.Join("; ", heldVi)}.",
                    ExplanationEn = $"Applies — {descriptionEn}: {string.Join("; ", heldEn)}.",
                };
            }
            failuresVi.Add($"{clause.DescriptionVi}: {failed.TextVi}.");
            failuresEn.Add($"{descriptionEn}: {failed.TextEn}.");
        }

        return new RuleOutcome
        {
            RuleCode = rule.Code,
            Kind = rule.Kind,
            Applies = false,
            ExplanationVi = failuresVi.Count == 0 ? "Không đủ điều kiện: quy tắc không có điều kiện nào." : "Không đủ điều kiện. " + string.Join(" ", failuresVi),
            ExplanationEn = failuresEn.Count == 0 ? "Does not apply: the rule has no clauses." : "Does not apply. " + string.Join(" ", failuresEn),
        };
    }

    public static ConditionCheck Check(RuleCondition condition, RuleSubject subject, IReadOnlyList<ClassBand> bands) => condition switch
    {
        ClassCondition c => CheckClass(c, subject, bands),
        TopFractionCondition c => CheckTopFraction(c, subject),
        RankDroppedCondition => CheckRankDropped(subject),
        IndexCondition c => CheckIndex(c, subject),
        _ => new(false, $"Điều kiện không được hỗ trợ ({condition.GetType().Name})", $"Unsupported condition ({condition.GetType().Name})"),
    };

    private static ConditionCheck CheckClass(ClassCondition condition, RuleSubject subject, IReadOnlyList<ClassBand> bands)
    {
        var previous = condition.Year == RuleYear.Previous;
        var code = previous ? subject.Previous?.ClassCode : subject.Class.Code;
        if (code is null)
            return new(false, "Không có xếp loại năm trước", "No previous class");

        var position = PositionOf(bands, code);
        var band = position >= 0 ? bands[position] : (previous ? null : subject.Class);
        var labelVi = (previous ? "Năm trước xếp loại " : "Xếp loại ") + (band?.Name(Language.Vi) ?? code);
        var labelEn = (previous ? "Class last year " : "Class ") + (band?.Name(Language.En) ?? code);
        if (position < 0)
            return new(false, $"{labelVi} không có trong thang xếp loại", $"{labelEn} is not on the class scale");

        var textVi = labelVi;
        var textEn = labelEn;
        if (condition.AtLeast is { } atLeast)
        {
            var limit = PositionOf(bands, atLeast);
            var (nameVi, nameEn) = NamesOf(bands, limit, atLeast);
            if (limit < 0)
                return new(false, $"Mức {nameVi} của quy tắc không có trong thang xếp loại", $"The rule's class {nameEn} is not on the class scale");
            if (position > limit)
                return new(false, $"{labelVi}, không đạt mức {nameVi}", $"{labelEn}, below {nameEn}");
            textVi += $", đạt mức {nameVi} trở lên";
            textEn += $", {nameEn} or better";
        }
        if (condition.AtMost is { } atMost)
        {
            var limit = PositionOf(bands, atMost);
            var (nameVi, nameEn) = NamesOf(bands, limit, atMost);
            if (limit < 0)
                return new(false, $"Mức {nameVi} của quy tắc không có trong thang xếp loại", $"The rule's class {nameEn} is not on the class scale");
            if (position < limit)
                return new(false, $"{labelVi}, cao hơn mức {nameVi}", $"{labelEn}, above {nameEn}");
            textVi += $", từ mức {nameVi} trở xuống";
            textEn += $", {nameEn} or below";
        }
        return new(true, textVi, textEn);
    }

    private static ConditionCheck CheckTopFraction(TopFractionCondition condition, RuleSubject subject)
    {
        var (numerator, denominator) = (condition.Numerator, condition.Denominator);
        if (denominator <= 0 || numerator < 0)
            return new(false, $"Tỷ lệ {numerator}/{denominator} không hợp lệ", $"Invalid fraction {numerator}/{denominator}");

        // Integer arithmetic: "top third of 29" is rank × 3 ≤ 29, i.e. ranks 1–9, with no rounding question.
        var holds = (long)subject.Rank * denominator <= (long)subject.UnitCount * numerator;
        var lastRank = (long)subject.UnitCount * numerator / denominator;
        var rank = $"{subject.Rank}/{subject.UnitCount}";
        return holds
            ? new(true, $"Hạng {rank}, thuộc {numerator}/{denominator} Khối (≤ {lastRank})", $"Rank {rank}, within the top {numerator}/{denominator} of the block (≤ {lastRank})")
            : new(false, $"Hạng {rank}, ngoài {numerator}/{denominator} Khối (≤ {lastRank})", $"Rank {rank}, outside the top {numerator}/{denominator} of the block (≤ {lastRank})");
    }

    private static ConditionCheck CheckRankDropped(RuleSubject subject)
    {
        if (subject.Previous?.Rank is not { } previous)
            return new(false, "Không có hạng năm trước cùng Khối để so sánh", "No comparable rank in the block last year");
        var rank = subject.Rank;
        return rank > previous
            ? new(true, $"Hạng {rank}, năm trước hạng {previous}: tụt {rank - previous} bậc", $"Rank {rank}, {previous} last year: down {rank - previous}")
            : new(false, $"Hạng {rank}, năm trước hạng {previous}: không tụt hạng", $"Rank {rank}, {previous} last year: no drop");
    }

    private static ConditionCheck CheckIndex(IndexCondition condition, RuleSubject subject)
    {
        var index = subject.Index;
        if (condition.AtLeast is { } low && index < low)
        {
            var shownVi = NumberText.ViAgainst(index, low);
            var shownEn = NumberText.EnAgainst(index, low);
            return new(false, $"Chỉ số {shownVi} < {NumberText.Vi(low)}", $"Index {shownEn} < {NumberText.En(low)}");
        }
        if (condition.Below is { } high && index >= high)
            return new(false, $"Chỉ số {NumberText.ViAgainst(index, high)} ≥ {NumberText.Vi(high)}", $"Index {NumberText.EnAgainst(index, high)} ≥ {NumberText.En(high)}");

        var decimals = Math.Max(
            condition.AtLeast is { } a ? NumberText.DecimalsFor(index, a) : 2,
            condition.Below is { } b ? NumberText.DecimalsFor(index, b) : 2);
        var vi = NumberText.Format(index, decimals, Language.Vi);
        var en = NumberText.Format(index, decimals, Language.En);
        return (condition.AtLeast, condition.Below) switch
        {
            ({ } from, { } to) => new(true, $"{NumberText.Vi(from)} ≤ Chỉ số {vi} < {NumberText.Vi(to)}", $"{NumberText.En(from)} ≤ Index {en} < {NumberText.En(to)}"),
            ({ } from, null) => new(true, $"Chỉ số {vi} ≥ {NumberText.Vi(from)}", $"Index {en} ≥ {NumberText.En(from)}"),
            (null, { } to) => new(true, $"Chỉ số {vi} < {NumberText.Vi(to)}", $"Index {en} < {NumberText.En(to)}"),
            _ => new(true, $"Chỉ số {vi}", $"Index {en}"),
        };
    }

    private static int PositionOf(IReadOnlyList<ClassBand> bands, string code)
    {
        for (var i = 0; i < bands.Count; i++)
            if (string.Equals(bands[i].Code, code, StringComparison.Ordinal))
                return i;
        return -1;
    }

    private static (string Vi, string En) NamesOf(IReadOnlyList<ClassBand> bands, int position, string code) =>
        position >= 0 ? (bands[position].Name(Language.Vi), bands[position].Name(Language.En)) : (code, code);
}
