using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ParIndex.Core.Surveys;

/// <summary>A problem with one answer, named by the question code.</summary>
public sealed record AnswerProblem(string QuestionCode, string MessageVi, string MessageEn)
{
    public string Message(Language language) => language == Language.En ? MessageEn : MessageVi;
    public override string ToString() => $"{QuestionCode}: {MessageEn}";
}

/// <summary>
/// The stored form of one response. <see cref="Choices"/> holds one character per single-choice question in
/// questionnaire order ('0' = not answered, '1'… = the first, second … choice; base 36), so that results are
/// counted without parsing anything. Multiple choices, numbers and free text go in <see cref="DetailsJson"/>.
/// </summary>
public sealed record EncodedAnswers(string Choices, string? DetailsJson);

/// <summary>
/// Checks answers against a questionnaire version and encodes them; the web form, the JSON API and the file import
/// all go through here, so the same answer is accepted or refused the same way everywhere.
/// </summary>
public static class AnswerSheet
{
    public const int DefaultTextLength = 2000;
    private static readonly System.Text.Json.JsonSerializerOptions StoredJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private const string Digits = "0123456789abcdefghijklmnopqrstuvwxyz";

    /// <summary>The character for the choice at <paramref name="index"/> (0-based) in the answer vector.</summary>
    public static char Encode(int index) => Digits[index + 1];

    /// <summary>The 0-based choice index of a vector character, or -1 for "not answered".</summary>
    public static int Decode(char c) => c switch
    {
        >= '1' and <= '9' => c - '1',
        >= 'a' and <= 'z' => c - 'a' + 9,
        _ => -1,
    };

    /// <summary>
    /// Validates raw answers (question code → the value or values as submitted: choice codes, or for imports
    /// also the choice text) and encodes them. With <paramref name="onlySection"/> only that section's questions are
    /// checked (a step of the form); otherwise every required question must be answered.
    /// </summary>
    public static (EncodedAnswers? Answers, IReadOnlyList<AnswerProblem> Problems) Check(
        QuestionnaireDefinition questionnaire, IReadOnlyDictionary<string, IReadOnlyList<string>> raw, string? onlySection = null)
    {
        var problems = new List<AnswerProblem>();
        var lookup = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (code, values) in raw)
            lookup[code] = values.Select(v => v?.Trim() ?? "").Where(v => v.Length > 0).ToList();
        foreach (var code in lookup.Keys.Where(code => questionnaire.Find(code) is null))
            problems.Add(new(code, $"Phiếu không có câu hỏi mã '{code}'.", $"The questionnaire has no question '{code}'."));

        var choices = new StringBuilder();
        var details = new JsonObject();
        foreach (var section in questionnaire.Sections)
        {
            var checking = onlySection is null || section.Code == onlySection;
            foreach (var question in section.Questions)
            {
                var values = lookup.GetValueOrDefault(question.Code) ?? [];
                if (values.Count == 0)
                {
                    if (checking && question.Required)
                        problems.Add(new(question.Code, "Hãy trả lời câu hỏi này.", "Please answer this question."));
                    if (question.IsSingleChoice)
                        choices.Append('0');
                    continue;
                }
                var before = problems.Count;
                switch (question.Kind)
                {
                    case QuestionKind.Scale5 or QuestionKind.Weighted or QuestionKind.SingleChoice or QuestionKind.YesNo:
                        if (values.Count > 1)
                            problems.Add(new(question.Code, "Chỉ chọn một phương án.", "Choose one option only."));
                        var index = ChoiceIndex(question, values[0]);
                        if (index < 0)
                            problems.Add(new(question.Code, $"'{values[0]}' không phải là một phương án của câu hỏi.", $"'{values[0]}' is not an option of the question."));
                        choices.Append(index < 0 || problems.Count > before ? '0' : Encode(index));
                        break;
                    case QuestionKind.MultipleChoice:
                        var picked = new List<string>();
                        foreach (var value in values.SelectMany(v => v.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
                        {
                            var i = ChoiceIndex(question, value);
                            if (i < 0)
                                problems.Add(new(question.Code, $"'{value}' không phải là một phương án của câu hỏi.", $"'{value}' is not an option of the question."));
                            else if (!picked.Contains(question.EffectiveChoices[i].Code))
                                picked.Add(question.EffectiveChoices[i].Code);
                        }
                        if (problems.Count == before && picked.Count > 0)
                            details[question.Code] = new JsonArray([.. picked.Select(p => (JsonNode)JsonValue.Create(p)!)]);
                        break;
                    case QuestionKind.Number:
                        if (!TryNumber(values[0], out var number))
                            problems.Add(new(question.Code, $"'{values[0]}' không phải là số.", $"'{values[0]}' is not a number."));
                        else if (question.Min is { } min && number < min || question.Max is { } max && number > max)
                            problems.Add(new(question.Code,
                                $"Số phải từ {question.Min?.ToString(CultureInfo.InvariantCulture) ?? "…"} đến {question.Max?.ToString(CultureInfo.InvariantCulture) ?? "…"}.",
                                $"The number must be between {question.Min?.ToString(CultureInfo.InvariantCulture) ?? "…"} and {question.Max?.ToString(CultureInfo.InvariantCulture) ?? "…"}."));
                        else
                            details[question.Code] = number;
                        break;
                    case QuestionKind.Text:
                        var text = string.Join(" ", values);
                        var limit = question.MaxLength ?? DefaultTextLength;
                        if (text.Length > limit)
                            problems.Add(new(question.Code, $"Tối đa {limit} ký tự (đang có {text.Length}).", $"At most {limit} characters ({text.Length} given)."));
                        else
                            details[question.Code] = text;
                        break;
                }
                if (!checking && problems.Count > before)
                    problems.RemoveRange(before, problems.Count - before);
            }
        }
        if (problems.Count > 0)
            return (null, problems);
        return (new EncodedAnswers(choices.ToString(), details.Count == 0 ? null : details.ToJsonString(StoredJson)), []);
    }

    /// <summary>Back from the stored form to the raw answers (to refill the form from a draft, to export).</summary>
    public static Dictionary<string, IReadOnlyList<string>> Decode(QuestionnaireDefinition questionnaire, EncodedAnswers answers)
    {
        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        var slots = questionnaire.Slots();
        for (var i = 0; i < slots.Count && i < answers.Choices.Length; i++)
        {
            var index = Decode(answers.Choices[i]);
            var choices = slots[i].EffectiveChoices;
            if (index >= 0 && index < choices.Count)
                result[slots[i].Code] = [choices[index].Code];
        }
        if (answers.DetailsJson is { Length: > 0 } json && JsonNode.Parse(json) is JsonObject details)
        {
            foreach (var (code, node) in details)
            {
                result[code] = node switch
                {
                    JsonArray array => array.Select(n => n?.GetValue<string>() ?? "").ToList(),
                    JsonValue value when value.TryGetValue<decimal>(out var number) => [number.ToString(CultureInfo.InvariantCulture)],
                    JsonValue value => [value.ToString()],
                    _ => [],
                };
            }
        }
        return result;
    }

    /// <summary>The index of a choice given by code, by its text (diacritics and case ignored), or for yes/no by yes/no/1/0.</summary>
    public static int ChoiceIndex(Question question, string value)
    {
        var choices = question.EffectiveChoices;
        for (var i = 0; i < choices.Count; i++)
            if (string.Equals(choices[i].Code, value, StringComparison.OrdinalIgnoreCase))
                return i;
        var folded = Fold(value);
        for (var i = 0; i < choices.Count; i++)
            if (Fold(choices[i].TextVi) == folded || choices[i].TextEn is { } en && Fold(en) == folded)
                return i;
        if (question.Kind == QuestionKind.YesNo && question.Choices.Count == 0)
            return folded is "yes" or "1" or "true" or "x" ? 0 : folded is "no" or "0" or "false" ? 1 : -1;
        return -1;
    }

    public static bool TryNumber(string text, out decimal value)
    {
        var s = text.Trim().Replace(" ", "").Replace("\u00A0", "");
        var comma = s.LastIndexOf(',');
        var point = s.LastIndexOf('.');
        if (comma >= 0 && point >= 0)
            s = comma > point ? s.Replace(".", "").Replace(',', '.') : s.Replace(",", "");
        else if (comma >= 0)
            s = s.Replace(',', '.');
        return decimal.TryParse(s, NumberStyles.Number, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Lower case without diacritics (đ → d) and without spaces or punctuation, for matching typed text.</summary>
    public static string Fold(string text)
    {
        var decomposed = text.Trim().Replace('đ', 'd').Replace('Đ', 'D').Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
            if (char.IsLetterOrDigit(c) && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
                builder.Append(char.ToLowerInvariant(c));
        return builder.ToString();
    }

    /// <summary>Raw answers from a details JSON value, for callers holding a JsonElement (the JSON API).</summary>
    public static IReadOnlyList<string> Values(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Array => element.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString() ?? "" : e.GetRawText()).ToList(),
        JsonValueKind.String => [element.GetString() ?? ""],
        JsonValueKind.Null or JsonValueKind.Undefined => [],
        _ => [element.GetRawText()],
    };
}
