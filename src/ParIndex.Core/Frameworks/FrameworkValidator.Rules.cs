using static ParIndex.Core.Frameworks.FrameworkProblemCodes;
using static ParIndex.Core.Frameworks.ProblemText;

namespace ParIndex.Core.Frameworks;

public static partial class FrameworkValidator
{
    /// <summary>
    /// Reward and discipline rules decide who may be rewarded or disciplined, so a rule that could never
    /// hold, or always holds, must be caught before publication.
    /// </summary>
    private sealed partial class Run
    {
        private void Rules(IReadOnlyList<OutcomeRule> rules, IReadOnlyList<ClassBand> classes)
        {
            // Class order (best first) gives "at least" and "at most" their meaning.
            var classOrder = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < classes.Count; i++)
                if (classes[i] is { } band)
                    classOrder.TryAdd(band.Code, i);

            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var r = 0; r < rules.Count; r++)
            {
                var path = $"rules[{r}]";
                if (rules[r] is not { } rule)
                {
                    Add(path, NullEntry, $"Quy tắc thứ {r + 1}: mục trống (null)", $"Rule {r + 1}: empty entry (null)");
                    continue;
                }
                var vi = $"Quy tắc «{rule.TitleVi}»";
                var en = $"Rule “{rule.TitleEn ?? rule.TitleVi}”";
                if (!seen.Add(rule.Code))
                    Add(path, DuplicateRuleCode, $"{vi}: mã «{rule.Code}» bị trùng", $"{en}: the code “{rule.Code}” is used more than once");

                var clauses = rule.AnyOf ?? [];
                if (clauses.Count == 0)
                    Add(path, EmptyRule, $"{vi}: chưa có trường hợp áp dụng nào nên không bao giờ áp dụng",
                        $"{en}: it has no clauses, so it never applies");
                for (var c = 0; c < clauses.Count; c++)
                    Clause(clauses[c], $"{path}.anyOf[{c}]", $"{vi}, trường hợp {c + 1}", $"{en}, clause {c + 1}", classOrder);
            }
        }

        private void Clause(RuleClause? clause, string path, string vi, string en, Dictionary<string, int> classOrder)
        {
            if (clause is null)
            {
                Add(path, NullEntry, $"{vi}: mục trống (null)", $"{en}: empty entry (null)");
                return;
            }
            var conditions = clause.AllOf ?? [];
            if (conditions.Count == 0)
                Add(path, EmptyRule, $"{vi}: chưa có điều kiện nào nên luôn áp dụng cho mọi đơn vị",
                    $"{en}: it has no conditions, so it applies to every unit");
            for (var i = 0; i < conditions.Count; i++)
                Condition(conditions[i], $"{path}.allOf[{i}]", $"{vi}, điều kiện {i + 1}", $"{en}, condition {i + 1}", classOrder);
        }

        private void Condition(RuleCondition? condition, string path, string vi, string en, Dictionary<string, int> classOrder)
        {
            switch (condition)
            {
                case null:
                    Add(path, NullEntry, $"{vi}: mục trống (null)", $"{en}: empty entry (null)");
                    break;

                case ClassCondition { AtLeast: null, AtMost: null }:
                    Add(path, EmptyCondition, $"{vi}: điều kiện xếp loại cần atLeast hoặc atMost",
                        $"{en}: a class condition needs atLeast or atMost");
                    break;

                case ClassCondition cls:
                    var atLeast = ClassIndex(cls.AtLeast, path, vi, en, classOrder);
                    var atMost = ClassIndex(cls.AtMost, path, vi, en, classOrder);
                    // "At least Tốt" is Tốt or better (a smaller position); "at most Khá" is Khá or worse.
                    if (atLeast is { } best && atMost is { } worst && worst > best)
                        Add(path, ContradictoryCondition,
                            $"{vi}: không xếp loại nào vừa từ «{cls.AtLeast}» trở lên vừa từ «{cls.AtMost}» trở xuống",
                            $"{en}: no class is both “{cls.AtLeast}” or better and “{cls.AtMost}” or worse");
                    break;

                case TopFractionCondition { Numerator: var n, Denominator: var d } when n <= 0 || d <= 0 || n > d:
                    Add(path, BadFraction, $"{vi}: tỷ lệ {n}/{d} không hợp lệ (tử số và mẫu số phải dương, tử số không lớn hơn mẫu số)",
                        $"{en}: the fraction {n}/{d} is not valid (both must be positive and the numerator no larger than the denominator)");
                    break;

                case IndexCondition { AtLeast: null, Below: null }:
                    Add(path, EmptyCondition, $"{vi}: điều kiện chỉ số cần atLeast hoặc below", $"{en}: an index condition needs atLeast or below");
                    break;

                case IndexCondition { AtLeast: { } low, Below: { } high } when low >= high:
                    Add(path, ContradictoryCondition, $"{vi}: không chỉ số nào thuộc khoảng {RangeVi(low, high)}",
                        $"{en}: no index lies in {RangeEn(low, high)}");
                    break;
            }
        }

        private int? ClassIndex(string? code, string path, string vi, string en, Dictionary<string, int> classOrder)
        {
            if (code is null)
                return null;
            if (classOrder.TryGetValue(code, out var index))
                return index;
            Add(path, UnknownClassInRule,
                $"{vi}: xếp loại «{code}» không có trong thang xếp loại ({string.Join(", ", classOrder.Keys)})",
                $"{en}: the class “{code}” is not one of the framework's classes ({string.Join(", ", classOrder.Keys)})");
            return null;
        }
    }
}
