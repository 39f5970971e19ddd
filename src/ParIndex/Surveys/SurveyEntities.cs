using ParIndex.Core.Surveys;
using ParIndex.Units;

namespace ParIndex.Surveys;

/// <summary>One immutable version of a questionnaire; responses point at the version they answered.</summary>
public sealed class Questionnaire
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public int Version { get; set; }
    public QuestionnaireKind Kind { get; set; }
    public required string TitleVi { get; set; }
    public string? TitleEn { get; set; }

    /// <summary>The definition as JSON (<see cref="QuestionnaireDefinition.ToJson"/>).</summary>
    public required string Definition { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public required string CreatedBy { get; set; }
}

/// <summary>A survey campaign (đợt khảo sát): a questionnaire version, a period, target units with quotas per respondent group.</summary>
public sealed class SurveyCampaign
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string NameVi { get; set; }
    public string? NameEn { get; set; }
    public int QuestionnaireId { get; set; }
    public Questionnaire? Questionnaire { get; set; }

    /// <summary>The assessment year the results feed.</summary>
    public int Year { get; set; }

    /// <summary>First and last day (Asia/Ho_Chi_Minh) on which answers are accepted.</summary>
    public DateOnly OpensOn { get; set; }
    public DateOnly ClosesOn { get; set; }

    /// <summary>How respondents are drawn (e.g. "người đã nhận kết quả TTHC trong năm, chọn ngẫu nhiên theo sổ theo dõi hồ sơ").</summary>
    public string? SamplingFrame { get; set; }
    public int MinimumN { get; set; }
    public FallbackKind Fallback { get; set; }
    public bool IsPublished { get; set; }
    public DateTime? PublishedAtUtc { get; set; }
    public string? PublishedBy { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public required string CreatedBy { get; set; }
    public List<CampaignTarget> Targets { get; set; } = [];

    public MinimumSampleRule Rule => new(MinimumN, Fallback);
}

/// <summary>A unit and respondent group of a campaign with its quota, and optionally its population share for post-stratification.</summary>
public sealed class CampaignTarget
{
    public int Id { get; set; }
    public int CampaignId { get; set; }
    public int UnitId { get; set; }
    public Unit? Unit { get; set; }
    public required string RespondentGroup { get; set; }
    public int Quota { get; set; }
    public decimal? PopulationWeight { get; set; }
}

/// <summary>
/// A one-time invitation. Only the SHA-256 of the token is stored; the token itself is shown once when issued
/// (link and QR code). <see cref="UsedOn"/> is set by a conditional update, so a token is used once even under
/// concurrent submissions, and it is a day, not an instant, so it cannot be matched with a response's time.
/// </summary>
public sealed class SurveyInvitation
{
    public long Id { get; set; }
    public int CampaignId { get; set; }
    public int UnitId { get; set; }
    public required string RespondentGroup { get; set; }
    public required string TokenHash { get; set; }
    public DateOnly IssuedOn { get; set; }
    public DateOnly? UsedOn { get; set; }
}

/// <summary>Answers saved before submission, keyed by the token's hash; deleted in the transaction that stores the response.</summary>
public sealed class SurveyDraft
{
    public long Id { get; set; }
    public required string TokenHash { get; set; }
    public required string Answers { get; set; }
    public DateTime SavedAtUtc { get; set; }
}

public enum ResponseChannel
{
    Online,
    Paper,
    Phone,
    Interview,
}

/// <summary>
/// An anonymous response. It has no link to the invitation (no token, no hash, no foreign key) and only the day
/// of submission; unit and group are copied from the invitation because the results are reported by them.
/// </summary>
public sealed class SurveyResponse
{
    public long Id { get; set; }
    public int CampaignId { get; set; }
    public int QuestionnaireId { get; set; }
    public int UnitId { get; set; }
    public required string RespondentGroup { get; set; }
    public ResponseChannel Channel { get; set; }
    public DateOnly SubmittedOn { get; set; }

    /// <summary>One character per single-choice question (see <see cref="EncodedAnswers"/>).</summary>
    public required string Choices { get; set; }
    public string? Details { get; set; }
}

/// <summary>A reception counter (quầy) or an officer of a unit's one-stop shop that citizens rate.</summary>
public sealed class ServiceCounter
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public int UnitId { get; set; }
    public Unit? Unit { get; set; }
    public required string NameVi { get; set; }
    public string? OfficerName { get; set; }
    public bool Active { get; set; } = true;
}

/// <summary>A rating device (or an enrolled browser) of a counter, authenticated by an API key of which only the hash is stored.</summary>
public sealed class CounterDevice
{
    public int Id { get; set; }
    public int CounterId { get; set; }
    public ServiceCounter? Counter { get; set; }
    public required string Name { get; set; }
    public required string KeyHash { get; set; }

    /// <summary>The first characters of the key, to tell keys apart in lists without storing the key.</summary>
    public required string KeyPrefix { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime? RevokedAtUtc { get; set; }
}

/// <summary>One counter rating: 3 rất hài lòng, 2 hài lòng, 1 không hài lòng; at most one per dossier receipt code.</summary>
public sealed class CounterRating
{
    public long Id { get; set; }
    public int CounterId { get; set; }
    public int UnitId { get; set; }
    public short Rating { get; set; }
    public string? DossierCode { get; set; }
    public DateOnly RatedOn { get; set; }
}
