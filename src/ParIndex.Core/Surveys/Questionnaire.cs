using System.Text.Json;
using System.Text.Json.Serialization;

namespace ParIndex.Core.Surveys;

/// <summary>What a questionnaire is for; decides which metrics its answers feed (docs/surveys.md).</summary>
public enum QuestionnaireKind
{
    /// <summary>SIPAS citizen satisfaction: feeds sipas.access … sipas.feedback and sipas.overall.</summary>
    Sipas,
    /// <summary>Sociological survey of leaders, officials and deputies rating units: feeds sociological.field1…8 and .overall.</summary>
    Sociological,
    /// <summary>The one-question counter rating (rất hài lòng / hài lòng / không hài lòng): feeds counter.satisfied_share.</summary>
    CounterRating,
    /// <summary>Any other questionnaire: results are computed and shown, nothing is fed to a framework.</summary>
    Other,
}

public enum QuestionKind
{
    /// <summary>Five levels, rất không hài lòng (1) … rất hài lòng (5); 4 and 5 count as satisfied.</summary>
    Scale5,
    /// <summary>Weighted choices A–E (default A 100 %, B 60 %, C 20 %, D 0 %, E no answer).</summary>
    Weighted,
    SingleChoice,
    MultipleChoice,
    YesNo,
    Number,
    Text,
}

/// <summary>What a question measures in SIPAS terms (perception, satisfaction, expectation).</summary>
public enum QuestionAspect
{
    Satisfaction,
    Perception,
    Expectation,
    Background,
}

/// <summary>A choice of a closed question.</summary>
public sealed record Choice
{
    public required string Code { get; init; }
    public required string TextVi { get; init; }
    public string? TextEn { get; init; }

    /// <summary>Weight in % for weighted questions; null for a choice that is not a valid answer ("no answer").</summary>
    public decimal? Weight { get; init; }

    /// <summary>Counts towards the satisfied share (e.g. hài lòng and rất hài lòng, "có").</summary>
    public bool Satisfied { get; init; }

    /// <summary>False for "no answer / do not know": such answers are left out of every denominator.</summary>
    public bool Valid { get; init; } = true;

    public string Text(Language language) => language == Language.En && !string.IsNullOrWhiteSpace(TextEn) ? TextEn : TextVi;
}

public sealed record Question
{
    public required string Code { get; init; }
    public required string TextVi { get; init; }
    public string? TextEn { get; init; }
    public string? HintVi { get; init; }
    public string? HintEn { get; init; }
    public required QuestionKind Kind { get; init; }
    public bool Required { get; init; }
    public QuestionAspect Aspect { get; init; } = QuestionAspect.Satisfaction;

    /// <summary>SIPAS element (access, procedure, civil_servant, result, feedback) the question belongs to.</summary>
    public string? Element { get; init; }

    /// <summary>Framework field 1–8 a sociological question rates.</summary>
    public int? Field { get; init; }

    /// <summary>Whether the question enters the index of its element or field (by default satisfaction and weighted questions do).</summary>
    public bool? Indexed { get; init; }

    /// <summary>Choices of closed questions; Scale5, Weighted and YesNo get the standard ones when left empty.</summary>
    public IReadOnlyList<Choice> Choices { get; init; } = [];

    public decimal? Min { get; init; }
    public decimal? Max { get; init; }
    public int? MaxLength { get; init; }

    public string Text(Language language) => language == Language.En && !string.IsNullOrWhiteSpace(TextEn) ? TextEn : TextVi;
    public string? Hint(Language language) => language == Language.En && !string.IsNullOrWhiteSpace(HintEn) ? HintEn : HintVi;

    /// <summary>True for questions answered with exactly one choice: they take one slot of the compact answer vector.</summary>
    [JsonIgnore]
    public bool IsSingleChoice => Kind is QuestionKind.Scale5 or QuestionKind.Weighted or QuestionKind.SingleChoice or QuestionKind.YesNo;

    [JsonIgnore]
    public bool IsIndexed => Indexed ?? (Kind is QuestionKind.Scale5 && Aspect == QuestionAspect.Satisfaction || Kind is QuestionKind.Weighted);

    /// <summary>The choices in effect: the declared ones, or the standard set of the kind.</summary>
    public IReadOnlyList<Choice> EffectiveChoices => Choices.Count > 0 ? Choices : Kind switch
    {
        QuestionKind.Scale5 => StandardChoices.Scale5,
        QuestionKind.Weighted => StandardChoices.Weighted,
        QuestionKind.YesNo => StandardChoices.YesNo,
        _ => [],
    };
}

public sealed record Section
{
    public required string Code { get; init; }
    public required string TitleVi { get; init; }
    public string? TitleEn { get; init; }
    public string? IntroVi { get; init; }
    public string? IntroEn { get; init; }
    public required IReadOnlyList<Question> Questions { get; init; }

    public string Title(Language language) => language == Language.En && !string.IsNullOrWhiteSpace(TitleEn) ? TitleEn : TitleVi;
    public string? Intro(Language language) => language == Language.En && !string.IsNullOrWhiteSpace(IntroEn) ? IntroEn : IntroVi;
}

/// <summary>A group of respondents sampled and reported separately (người dân, doanh nghiệp; lãnh đạo, công chức, đại biểu).</summary>
public sealed record RespondentGroup(string Code, string NameVi, string? NameEn = null)
{
    public string Name(Language language) => language == Language.En && !string.IsNullOrWhiteSpace(NameEn) ? NameEn : NameVi;
}

/// <summary>
/// A questionnaire (phiếu khảo sát) as one JSON document, versioned by the app: a response always refers to the
/// version it answered, so changing a question makes a new version and never rewrites past answers.
/// </summary>
public sealed record QuestionnaireDefinition
{
    public required string Code { get; init; }
    public required QuestionnaireKind Kind { get; init; }
    public required string TitleVi { get; init; }
    public string? TitleEn { get; init; }
    public string? IntroVi { get; init; }
    public string? IntroEn { get; init; }
    public required IReadOnlyList<RespondentGroup> Groups { get; init; }
    public required IReadOnlyList<Section> Sections { get; init; }

    public string Title(Language language) => language == Language.En && !string.IsNullOrWhiteSpace(TitleEn) ? TitleEn : TitleVi;
    public string? Intro(Language language) => language == Language.En && !string.IsNullOrWhiteSpace(IntroEn) ? IntroEn : IntroVi;

    public IEnumerable<Question> AllQuestions() => Sections.SelectMany(s => s.Questions);

    /// <summary>The single-choice questions in order: position i is character i of a response's answer vector.</summary>
    public IReadOnlyList<Question> Slots() => AllQuestions().Where(q => q.IsSingleChoice).ToList();

    public Question? Find(string code) => AllQuestions().FirstOrDefault(q => string.Equals(q.Code, code, StringComparison.OrdinalIgnoreCase));

    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    /// <summary>Reads a questionnaire from JSON; null with a message when the JSON does not have the shape.</summary>
    public static QuestionnaireDefinition? FromJson(string json, out string? error)
    {
        try
        {
            error = null;
            var definition = JsonSerializer.Deserialize<QuestionnaireDefinition>(json, JsonOptions);
            if (definition is null)
                error = "The JSON is empty.";
            return definition;
        }
        catch (JsonException exception)
        {
            error = exception.Message;
            return null;
        }
    }
}

/// <summary>The standard answer scales.</summary>
public static class StandardChoices
{
    public static IReadOnlyList<Choice> Scale5 { get; } =
    [
        new() { Code = "1", TextVi = "Rất không hài lòng", TextEn = "Very dissatisfied", Weight = 0 },
        new() { Code = "2", TextVi = "Không hài lòng", TextEn = "Dissatisfied", Weight = 25 },
        new() { Code = "3", TextVi = "Bình thường", TextEn = "Neither satisfied nor dissatisfied", Weight = 50 },
        new() { Code = "4", TextVi = "Hài lòng", TextEn = "Satisfied", Weight = 75, Satisfied = true },
        new() { Code = "5", TextVi = "Rất hài lòng", TextEn = "Very satisfied", Weight = 100, Satisfied = true },
    ];

    /// <summary>The local sociological scheme: A 100 %, B 60 %, C 20 %, D 0 %, E no answer (không trả lời được).</summary>
    public static IReadOnlyList<Choice> Weighted { get; } =
    [
        new() { Code = "A", TextVi = "Tốt", TextEn = "Good", Weight = 100, Satisfied = true },
        new() { Code = "B", TextVi = "Khá", TextEn = "Fairly good", Weight = 60, Satisfied = true },
        new() { Code = "C", TextVi = "Trung bình", TextEn = "Average", Weight = 20 },
        new() { Code = "D", TextVi = "Kém", TextEn = "Poor", Weight = 0 },
        new() { Code = "E", TextVi = "Không trả lời được", TextEn = "Cannot answer", Weight = null, Valid = false },
    ];

    public static IReadOnlyList<Choice> YesNo { get; } =
    [
        new() { Code = "co", TextVi = "Có", TextEn = "Yes", Weight = 100, Satisfied = true },
        new() { Code = "khong", TextVi = "Không", TextEn = "No", Weight = 0 },
    ];

    /// <summary>The counter device's three buttons (Circular 01/2018/TT-VPCP).</summary>
    public static IReadOnlyList<Choice> Counter { get; } =
    [
        new() { Code = "3", TextVi = "Rất hài lòng", TextEn = "Very satisfied", Weight = 100, Satisfied = true },
        new() { Code = "2", TextVi = "Hài lòng", TextEn = "Satisfied", Weight = 50, Satisfied = true },
        new() { Code = "1", TextVi = "Không hài lòng", TextEn = "Not satisfied", Weight = 0 },
    ];
}

/// <summary>The SIPAS elements in the order of the national methodology, with their metric names.</summary>
public static class SipasElements
{
    public const string Access = "access";
    public const string Procedure = "procedure";
    public const string CivilServant = "civil_servant";
    public const string Result = "result";
    public const string Feedback = "feedback";

    public static IReadOnlyList<(string Code, string Vi, string En)> All { get; } =
    [
        (Access, "Tiếp cận dịch vụ", "Access to the service"),
        (Procedure, "Thủ tục hành chính", "The administrative procedure"),
        (CivilServant, "Công chức giải quyết công việc", "The civil servant"),
        (Result, "Kết quả giải quyết", "The result"),
        (Feedback, "Tiếp nhận, xử lý góp ý, phản ánh, kiến nghị", "Handling of feedback and petitions"),
    ];

    public static string Name(string code, Language language) =>
        All.FirstOrDefault(e => e.Code == code) is { Code: not null } e ? (language == Language.En ? e.En : e.Vi) : code;
}
