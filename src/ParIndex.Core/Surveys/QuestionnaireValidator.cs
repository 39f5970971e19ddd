using System.Text.RegularExpressions;

namespace ParIndex.Core.Surveys;

/// <summary>Structural checks of a questionnaire before a version is stored; each problem names where it is.</summary>
public static partial class QuestionnaireValidator
{
    public const int MaxChoices = 35;

    public static IReadOnlyList<AnswerProblem> Validate(QuestionnaireDefinition q)
    {
        var problems = new List<AnswerProblem>();
        void Add(string where, string vi, string en) => problems.Add(new(where, vi, en));

        if (!CodePattern().IsMatch(q.Code ?? ""))
            Add("code", "Mã phiếu chỉ gồm chữ, số, '-', '_' hoặc '.', tối đa 32 ký tự.", "The questionnaire code is letters, digits, '-', '_' or '.', at most 32.");
        if (string.IsNullOrWhiteSpace(q.TitleVi))
            Add("titleVi", "Thiếu tên phiếu.", "The title is missing.");
        if (q.Groups is null || q.Groups.Count == 0)
            Add("groups", "Phiếu cần ít nhất một nhóm đối tượng khảo sát.", "The questionnaire needs at least one respondent group.");
        else
            foreach (var duplicate in q.Groups.GroupBy(g => g.Code, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
                Add("groups", $"Nhóm '{duplicate.Key}' lặp lại.", $"Group '{duplicate.Key}' repeats.");
        if (q.Sections is null || q.Sections.Count == 0)
        {
            Add("sections", "Phiếu cần ít nhất một phần.", "The questionnaire needs at least one section.");
            return problems;
        }
        foreach (var duplicate in q.Sections.GroupBy(s => s.Code).Where(g => g.Count() > 1))
            Add(duplicate.Key, $"Phần '{duplicate.Key}' lặp lại.", $"Section '{duplicate.Key}' repeats.");
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var section in q.Sections)
        {
            if (section.Questions is null || section.Questions.Count == 0)
                Add(section.Code, $"Phần '{section.Code}' không có câu hỏi.", $"Section '{section.Code}' has no questions.");
            foreach (var question in section.Questions ?? [])
            {
                var at = question.Code ?? "?";
                if (!CodePattern().IsMatch(question.Code ?? ""))
                    Add(at, "Mã câu hỏi chỉ gồm chữ, số, '-', '_' hoặc '.'.", "A question code is letters, digits, '-', '_' or '.'.");
                else if (!seen.Add(question.Code!))
                    Add(at, $"Mã câu hỏi '{question.Code}' lặp lại.", $"Question code '{question.Code}' repeats.");
                if (string.IsNullOrWhiteSpace(question.TextVi))
                    Add(at, "Thiếu nội dung câu hỏi.", "The question text is missing.");
                var choices = question.EffectiveChoices;
                if (question.Kind is QuestionKind.SingleChoice or QuestionKind.MultipleChoice && choices.Count < 2)
                    Add(at, "Câu hỏi lựa chọn cần ít nhất hai phương án.", "A choice question needs at least two options.");
                if (choices.Count > MaxChoices)
                    Add(at, $"Tối đa {MaxChoices} phương án.", $"At most {MaxChoices} options.");
                foreach (var duplicate in choices.GroupBy(c => c.Code, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
                    Add(at, $"Phương án '{duplicate.Key}' lặp lại.", $"Option '{duplicate.Key}' repeats.");
                foreach (var choice in choices.Where(c => c.Weight is < 0 or > 100))
                    Add(at, $"Trọng số của phương án '{choice.Code}' phải từ 0 đến 100 %.", $"The weight of option '{choice.Code}' must be 0–100 %.");
                if (question.Kind == QuestionKind.Weighted && choices.Any(c => c.Valid && c.Weight is null))
                    Add(at, "Mỗi phương án hợp lệ của câu hỏi có trọng số cần một trọng số.", "Every valid option of a weighted question needs a weight.");
                if (question.Element is { } element && SipasElements.All.All(e => e.Code != element))
                    Add(at, $"Yếu tố '{element}' không phải yếu tố SIPAS (access, procedure, civil_servant, result, feedback).", $"'{element}' is not a SIPAS element (access, procedure, civil_servant, result, feedback).");
                if (question.Field is { } field && field is < 1 or > 8)
                    Add(at, "Lĩnh vực phải từ 1 đến 8.", "The field must be 1 to 8.");
                if (question.Min is { } min && question.Max is { } max && min > max)
                    Add(at, "Giá trị nhỏ nhất lớn hơn giá trị lớn nhất.", "The minimum exceeds the maximum.");
                if (question.IsIndexed && q.Kind == QuestionnaireKind.Sipas && question.Element is null && question.IsSingleChoice)
                    Add(at, "Câu hỏi tính vào chỉ số SIPAS cần thuộc một yếu tố.", "A question counted in the SIPAS index needs an element.");
                if (question.IsIndexed && q.Kind == QuestionnaireKind.Sociological && question.Field is null && question.IsSingleChoice)
                    Add(at, "Câu hỏi tính vào kết quả điều tra xã hội học cần thuộc một lĩnh vực.", "A question counted in the sociological result needs a field.");
            }
        }
        return problems;
    }

    [GeneratedRegex("^[A-Za-z0-9_.-]{1,32}$")]
    private static partial Regex CodePattern();
}
