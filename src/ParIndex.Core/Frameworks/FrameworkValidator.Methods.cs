using static ParIndex.Core.Frameworks.FrameworkProblemCodes;
using static ParIndex.Core.Frameworks.ProblemText;

namespace ParIndex.Core.Frameworks;

public static partial class FrameworkValidator
{
    /// <summary>Checks that a scored node's method can produce points between 0 and the node's maximum.</summary>
    private sealed partial class Run
    {
        private void Method(Located at, ScoringMethod method)
        {
            switch (method)
            {
                case ManualMethod manual:
                    Manual(at, manual);
                    break;
                case RubricMethod rubric:
                    Rubric(at, rubric);
                    break;
                case RatioMethod ratio:
                    PointsRule(at, ratio.Rule, "method.rule");
                    break;
                case MetricMethod metric:
                    Metric(at, metric);
                    break;
                case SurveyMethod survey:
                    Survey(at, survey);
                    break;
            }
        }

        private void Manual(Located at, ManualMethod manual)
        {
            if (manual.Step is not { } step)
                return;
            if (step <= 0)
                Add(at, StepNotPositive, $"bước điểm ({Vi(step)}) phải lớn hơn 0",
                    $"the step ({En(step)}) must be greater than 0", "method.step");
            // Otherwise the maximum itself could not be entered.
            else if (at.Node.MaxPoints % step != 0)
                Add(at, MaxNotMultipleOfStep,
                    $"điểm tối đa ({Vi(at.Node.MaxPoints)}) không phải là bội số của bước điểm ({Vi(step)})",
                    $"the maximum ({En(at.Node.MaxPoints)}) is not a multiple of the step ({En(step)})", "method.step");
        }

        private void Rubric(Located at, RubricMethod rubric)
        {
            var levels = rubric.Levels ?? [];
            if (levels.Count == 0)
            {
                Add(at, RubricWithoutLevels, "thang mức chưa có mức nào", "the rubric has no levels", "method.levels");
                return;
            }

            var max = at.Node.MaxPoints;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < levels.Count; i++)
            {
                var path = $"method.levels[{i}]";
                if (levels[i] is not { } level)
                {
                    Add(at, NullEntry, $"mức thứ {i + 1} trống (null)", $"level {i + 1} is empty (null)", path);
                    continue;
                }
                if (string.IsNullOrWhiteSpace(level.Code))
                    Add(at, RubricLevelCodeMissing, $"mức thứ {i + 1} («{level.LabelVi}») chưa có mã",
                        $"level {i + 1} (“{level.LabelEn ?? level.LabelVi}”) has no code", path);
                else if (!seen.Add(level.Code))
                    Add(at, RubricDuplicateLevel, $"mã mức «{level.Code}» bị trùng", $"the level code “{level.Code}” is used more than once", path);

                if (level.Points < 0)
                    Add(at, RubricLevelNegative, $"mức «{level.Code}» có điểm âm ({Vi(level.Points)})",
                        $"level “{level.Code}” has negative points ({En(level.Points)})", path);
                else if (level.Points > max)
                    Add(at, RubricLevelExceedsMax, $"mức «{level.Code}» ({Vi(level.Points)} điểm) vượt điểm tối đa ({Vi(max)})",
                        $"level “{level.Code}” ({En(level.Points)} points) exceeds the maximum ({En(max)})", path);
            }
        }

        private void Metric(Located at, MetricMethod metric)
        {
            var info = catalog.Find(metric.Metric ?? "");
            if (info?.Kind != MetricKind.Metric)
            {
                var (hintVi, hintEn) = info?.Kind == MetricKind.Survey
                    ? (" (đây là kết quả khảo sát: dùng phương pháp survey)", " (it is a survey result: use the survey method)")
                    : ("", "");
                Add(at, UnknownMetric, $"chỉ số «{metric.Metric}» không có trong danh mục chỉ số{hintVi}",
                    $"the metric “{metric.Metric}” is not in the metric catalog{hintEn}", "method.metric");
            }

            PointsRule(at, metric.Rule, "method.rule");

            // Proportional and threshold scoring give more points for a larger value on a 0–100 scale;
            // for a late share or a number of days that would reward the wrong thing.
            if (info is { Kind: MetricKind.Metric } && metric.Rule is { Mode: PointsMode.Proportional or PointsMode.Threshold } rule
                && (!info.HigherIsBetter || !info.IsOnHundredScale))
            {
                var why = (vi: info.HigherIsBetter ? "không theo thang 0–100" : "giá trị càng thấp càng tốt",
                           en: info.HigherIsBetter ? "is not on a 0–100 scale" : "is better when lower");
                Add(at, MetricNeedsBrackets,
                    $"chỉ số «{info.Name}» {why.vi} nên phải chấm theo khung điểm (brackets), không theo chế độ {ModeName(rule.Mode)}",
                    $"the metric “{info.Name}” {why.en}, so it must be scored by brackets, not {ModeName(rule.Mode)}", "method.rule.mode");
            }
        }

        private void Survey(Located at, SurveyMethod survey)
        {
            var info = catalog.Find(survey.Survey ?? "");
            if (info?.Kind == MetricKind.Survey)
                return;
            var (hintVi, hintEn) = info?.Kind == MetricKind.Metric
                ? (" (đây là chỉ số dữ liệu: dùng phương pháp metric)", " (it is a data metric: use the metric method)")
                : ("", "");
            Add(at, UnknownSurvey, $"kết quả khảo sát «{survey.Survey}» không có trong danh mục khảo sát{hintVi}",
                $"the survey result “{survey.Survey}” is not in the survey catalog{hintEn}", "method.survey");
        }

        private void PointsRule(Located at, PointsRule? rule, string path)
        {
            if (rule is null)
                return;
            switch (rule.Mode)
            {
                case PointsMode.Threshold when rule.Threshold is null:
                    Add(at, ThresholdMissing, "chế độ ngưỡng (threshold) cần giá trị ngưỡng", "threshold mode needs a threshold", $"{path}.threshold");
                    break;
                case PointsMode.Threshold when rule.Threshold is { } threshold && threshold <= 0:
                    Add(at, ThresholdNotPositive, $"ngưỡng ({Vi(threshold)}) phải lớn hơn 0",
                        $"the threshold ({En(threshold)}) must be greater than 0", $"{path}.threshold");
                    break;
                case PointsMode.Brackets:
                    Brackets(at, rule.Brackets ?? [], $"{path}.brackets");
                    break;
            }
        }

        private void Brackets(Located at, IReadOnlyList<Bracket> brackets, string path)
        {
            if (brackets.Count == 0)
            {
                Add(at, BracketsMissing, "chế độ khung điểm (brackets) cần ít nhất một khung", "brackets mode needs at least one bracket", path);
                return;
            }

            var max = at.Node.MaxPoints;
            var usable = new List<(Bracket Bracket, int Index)>();
            for (var i = 0; i < brackets.Count; i++)
            {
                var itemPath = $"{path}[{i}]";
                if (brackets[i] is not { } b)
                {
                    Add(at, NullEntry, $"khung thứ {i + 1} trống (null)", $"bracket {i + 1} is empty (null)", itemPath);
                    continue;
                }
                if (b.From >= b.To)
                    Add(at, BracketInverted, $"khung {RangeVi(b.From, b.To)} không chứa giá trị nào (cận dưới phải nhỏ hơn cận trên)",
                        $"the bracket {RangeEn(b.From, b.To)} contains no value (the lower bound must be below the upper bound)", itemPath);
                else
                    usable.Add((b, i));

                if (b.Points < 0)
                    Add(at, BracketPointsNegative, $"khung {RangeVi(b.From, b.To)} có điểm âm ({Vi(b.Points)})",
                        $"the bracket {RangeEn(b.From, b.To)} has negative points ({En(b.Points)})", itemPath);
                else if (b.Points > max)
                    Add(at, BracketPointsExceedMax, $"khung {RangeVi(b.From, b.To)} cho {Vi(b.Points)} điểm, vượt điểm tối đa ({Vi(max)})",
                        $"the bracket {RangeEn(b.From, b.To)} gives {En(b.Points)} points, more than the maximum ({En(max)})", itemPath);
            }

            // The first matching bracket wins, so an overlap silently hides part of a later bracket.
            for (var i = 0; i < usable.Count; i++)
                for (var j = i + 1; j < usable.Count; j++)
                {
                    var (a, b) = (usable[i].Bracket, usable[j].Bracket);
                    if (Overlap(a.From, a.To, b.From, b.To))
                        Add(at, OverlappingBrackets,
                            $"khung {RangeVi(a.From, a.To)} và khung {RangeVi(b.From, b.To)} chồng lên nhau",
                            $"the brackets {RangeEn(a.From, a.To)} and {RangeEn(b.From, b.To)} overlap", $"{path}[{usable[j].Index}]");
                }
        }

        /// <summary>Whether [aFrom, aTo) and [bFrom, bTo) share a value; a null bound is open.</summary>
        private static bool Overlap(decimal? aFrom, decimal? aTo, decimal? bFrom, decimal? bTo) =>
            (aFrom is null || bTo is null || aFrom < bTo) && (bFrom is null || aTo is null || bFrom < aTo);

        private static string ModeName(PointsMode mode) => mode switch
        {
            PointsMode.Proportional => "proportional",
            PointsMode.Threshold => "threshold",
            _ => "brackets",
        };
    }
}
