using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using ParIndex.Audit;
using ParIndex.Core.Surveys;
using ParIndex.Data;
using ParIndex.Web;
using static ParIndex.Web.Text;

namespace ParIndex.Surveys;

public sealed record TargetInput(string UnitCode, string Group, int Quota, decimal? PopulationWeight = null);

/// <summary>
/// A new campaign. Targets are listed one by one, or generated: every unit of the <see cref="Blocks"/> of the year,
/// for every respondent group of the questionnaire, with <see cref="QuotaPerGroup"/> each.
/// </summary>
public sealed record CampaignInput(
    string Code, string NameVi, string? NameEn, string Questionnaire, int? QuestionnaireVersion, int Year, DateOnly OpensOn, DateOnly ClosesOn,
    string? SamplingFrame = null, int MinimumN = 30, FallbackKind Fallback = FallbackKind.BlockMean,
    IReadOnlyList<TargetInput>? Targets = null, IReadOnlyList<string>? Blocks = null, int QuotaPerGroup = 0);

public enum CampaignState
{
    Upcoming,
    Open,
    Closed,
}

public sealed record CampaignDto(
    string Code, string NameVi, string? NameEn, string Questionnaire, int QuestionnaireVersion, QuestionnaireKind Kind, int Year,
    DateOnly OpensOn, DateOnly ClosesOn, CampaignState State, string? SamplingFrame, int MinimumN, FallbackKind Fallback,
    bool IsPublished, int Units, int Quota, int Responses);

public sealed record TargetProgress(string UnitCode, string UnitName, string Group, int Quota, int Responses, int InvitationsIssued, int InvitationsUsed)
{
    /// <summary>Responses ÷ quota in %, or null without a quota.</summary>
    public decimal? Rate => Quota == 0 ? null : Math.Round(Responses * 100m / Quota, 1);
}

public sealed record CampaignProgress(CampaignDto Campaign, IReadOnlyList<TargetProgress> Targets);

public sealed partial class CampaignService(AppDbContext db, QuestionnaireService questionnaires, AuditLog audit, TimeProvider clock)
{
    /// <summary>Today in Ho Chi Minh City: the campaign period is in local days.</summary>
    public DateOnly Today => Core.Calendar.VietnamTime.LocalDate(clock.GetUtcNow());

    public CampaignState StateOf(SurveyCampaign campaign) =>
        Today < campaign.OpensOn ? CampaignState.Upcoming : Today > campaign.ClosesOn ? CampaignState.Closed : CampaignState.Open;

    public Task<SurveyCampaign?> FindAsync(string code, CancellationToken cancellationToken = default) =>
        db.SurveyCampaigns.AsNoTracking().Include(c => c.Questionnaire).Include(c => c.Targets).ThenInclude(t => t.Unit)
            .AsSplitQuery().FirstOrDefaultAsync(c => c.Code == code, cancellationToken);

    public async Task<IReadOnlyList<CampaignDto>> ListAsync(bool publishedOnly = false, CancellationToken cancellationToken = default)
    {
        var campaigns = await db.SurveyCampaigns.AsNoTracking().Include(c => c.Questionnaire).Include(c => c.Targets)
            .Where(c => !publishedOnly || c.IsPublished).AsSplitQuery().ToListAsync(cancellationToken);
        var counts = await db.SurveyResponses.AsNoTracking().GroupBy(r => r.CampaignId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
        return campaigns.OrderByDescending(c => c.Year).ThenBy(c => c.Code, StringComparer.Ordinal)
            .Select(c => Dto(c, counts.GetValueOrDefault(c.Id))).ToList();
    }

    public CampaignDto Dto(SurveyCampaign c, int responses) => new(
        c.Code, c.NameVi, c.NameEn, c.Questionnaire!.Code, c.Questionnaire.Version, c.Questionnaire.Kind, c.Year, c.OpensOn, c.ClosesOn, StateOf(c),
        c.SamplingFrame, c.MinimumN, c.Fallback, c.IsPublished, c.Targets.Select(t => t.UnitId).Distinct().Count(), c.Targets.Sum(t => t.Quota), responses);

    public async Task<Outcome<CampaignDto>> CreateAsync(CampaignInput input, string actor, CancellationToken cancellationToken = default)
    {
        var problems = new Problems();
        var code = input.Code?.Trim() ?? "";
        problems.AddIf(!CodePattern().IsMatch(code), "code", T("Mã đợt khảo sát gồm chữ, số, '-', '_' hoặc '.', tối đa 32 ký tự.", "The campaign code is letters, digits, '-', '_' or '.', at most 32."));
        problems.AddIf(string.IsNullOrWhiteSpace(input.NameVi), "nameVi", T("Thiếu tên đợt khảo sát.", "The campaign name is missing."));
        problems.AddIf(input.Year is < 2000 or > 2100, "year", T("Năm không hợp lệ.", "The year is not valid."));
        problems.AddIf(input.ClosesOn < input.OpensOn, "closesOn", T("Ngày kết thúc trước ngày bắt đầu.", "The closing date is before the opening date."));
        problems.AddIf(input.MinimumN is < 1 or > 100_000, "minimumN", T("Cỡ mẫu tối thiểu từ 1 đến 100.000.", "The minimum n is 1 to 100,000."));
        problems.AddIf(!Enum.IsDefined(input.Fallback), "fallback", T("Cách xử lý khi thiếu mẫu không hợp lệ.", "The fallback is not valid."));
        if (code.Length > 0 && await db.SurveyCampaigns.AnyAsync(c => c.Code == code, cancellationToken))
            problems.Add("code", T($"Đã có đợt khảo sát mã '{code}'.", $"A campaign with code '{code}' already exists."));
        if (!string.IsNullOrWhiteSpace(input.Questionnaire) && SurveyTemplates.Find(input.Questionnaire.Trim()) is not null)
            await questionnaires.EnsureTemplatesAsync(actor, cancellationToken);
        var questionnaire = string.IsNullOrWhiteSpace(input.Questionnaire) ? null : await questionnaires.FindAsync(input.Questionnaire.Trim(), input.QuestionnaireVersion, cancellationToken);
        if (questionnaire is null)
            problems.Add("questionnaire", T($"Không có phiếu '{input.Questionnaire}'{(input.QuestionnaireVersion is { } v ? $" phiên bản {v}" : "")}.", $"There is no questionnaire '{input.Questionnaire}'{(input.QuestionnaireVersion is { } w ? $" version {w}" : "")}."));
        if (problems.Any)
            return problems;

        var definition = QuestionnaireService.Definition(questionnaire!);
        var groups = definition.Groups.Select(g => g.Code).ToHashSet(StringComparer.Ordinal);
        var wanted = new List<TargetInput>(input.Targets ?? []);
        foreach (var blockCode in input.Blocks ?? [])
        {
            var members = await db.BlockMembers.AsNoTracking().Where(m => m.Year == input.Year && m.Block!.Code == blockCode).Select(m => m.Unit!.Code).ToListAsync(cancellationToken);
            if (members.Count == 0)
                problems.Add("blocks", T($"Khối '{blockCode}' năm {input.Year} không có đơn vị nào.", $"Block '{blockCode}' has no units in {input.Year}."));
            wanted.AddRange(members.SelectMany(unit => definition.Groups.Select(g => new TargetInput(unit, g.Code, input.QuotaPerGroup))));
        }
        if (wanted.Count == 0)
            problems.Add("targets", T("Hãy chọn ít nhất một đơn vị được khảo sát.", "Choose at least one unit to survey."));
        var unitCodes = wanted.Select(t => t.UnitCode).Distinct().ToList();
        var units = await db.Units.AsNoTracking().Where(u => unitCodes.Contains(u.Code)).ToDictionaryAsync(u => u.Code, cancellationToken);
        var targets = new List<CampaignTarget>();
        foreach (var target in wanted)
        {
            if (!units.TryGetValue(target.UnitCode, out var unit))
                problems.Add("targets", T($"Không có đơn vị '{target.UnitCode}'.", $"There is no unit '{target.UnitCode}'."));
            else if (!groups.Contains(target.Group))
                problems.Add("targets", T($"Phiếu không có nhóm đối tượng '{target.Group}' (có: {string.Join(", ", groups)}).", $"The questionnaire has no respondent group '{target.Group}' (it has {string.Join(", ", groups)})."));
            else if (target.Quota < 0 || target.PopulationWeight is < 0)
                problems.Add("targets", T("Chỉ tiêu và tỷ trọng không được âm.", "Quotas and weights cannot be negative."));
            else if (targets.Any(t => t.UnitId == unit.Id && t.RespondentGroup == target.Group))
                problems.Add("targets", T($"Đơn vị {target.UnitCode}, nhóm {target.Group} lặp lại.", $"Unit {target.UnitCode}, group {target.Group} repeats."));
            else
                targets.Add(new CampaignTarget { UnitId = unit.Id, RespondentGroup = target.Group, Quota = target.Quota, PopulationWeight = target.PopulationWeight });
        }
        if (problems.Any)
            return problems;

        var campaign = new SurveyCampaign
        {
            Code = code, NameVi = input.NameVi.Trim(), NameEn = string.IsNullOrWhiteSpace(input.NameEn) ? null : input.NameEn.Trim(),
            QuestionnaireId = questionnaire!.Id, Year = input.Year, OpensOn = input.OpensOn, ClosesOn = input.ClosesOn,
            SamplingFrame = string.IsNullOrWhiteSpace(input.SamplingFrame) ? null : input.SamplingFrame.Trim(),
            MinimumN = input.MinimumN, Fallback = input.Fallback, CreatedAtUtc = clock.GetUtcNow().UtcDateTime, CreatedBy = actor, Targets = targets,
        };
        db.SurveyCampaigns.Add(campaign);
        audit.Record(actor, "survey.campaign-created", "survey-campaign", code, null,
            AuditLog.Json(new { questionnaire = $"{questionnaire.Code}/v{questionnaire.Version}", input.Year, opens = input.OpensOn, closes = input.ClosesOn, units = units.Count, input.MinimumN, fallback = input.Fallback.ToString() }));
        await db.SaveChangesAsync(cancellationToken);
        campaign.Questionnaire = questionnaire;
        return Outcome<CampaignDto>.Ok(Dto(campaign, 0));
    }

    /// <summary>Response rate against quota per unit and group, and how many invitations were issued and used.</summary>
    public async Task<CampaignProgress?> ProgressAsync(string code, CancellationToken cancellationToken = default)
    {
        var campaign = await FindAsync(code, cancellationToken);
        if (campaign is null)
            return null;
        var responses = await db.SurveyResponses.AsNoTracking().Where(r => r.CampaignId == campaign.Id)
            .GroupBy(r => new { r.UnitId, r.RespondentGroup }).Select(g => new { g.Key.UnitId, g.Key.RespondentGroup, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var invitations = await db.SurveyInvitations.AsNoTracking().Where(i => i.CampaignId == campaign.Id)
            .GroupBy(i => new { i.UnitId, i.RespondentGroup }).Select(g => new { g.Key.UnitId, g.Key.RespondentGroup, Issued = g.Count(), Used = g.Count(i => i.UsedOn != null) })
            .ToListAsync(cancellationToken);
        var language = UiLanguage.Current;
        var rows = campaign.Targets
            .Select(t => new TargetProgress(t.Unit!.Code, t.Unit.Name(language), t.RespondentGroup, t.Quota,
                responses.FirstOrDefault(r => r.UnitId == t.UnitId && r.RespondentGroup == t.RespondentGroup)?.Count ?? 0,
                invitations.FirstOrDefault(i => i.UnitId == t.UnitId && i.RespondentGroup == t.RespondentGroup)?.Issued ?? 0,
                invitations.FirstOrDefault(i => i.UnitId == t.UnitId && i.RespondentGroup == t.RespondentGroup)?.Used ?? 0))
            .OrderBy(r => r.UnitName, VietnameseText.Comparer).ThenBy(r => r.Group, StringComparer.Ordinal).ToList();
        return new CampaignProgress(Dto(campaign, responses.Sum(r => r.Count)), rows);
    }

    public async Task<Outcome<bool>> SetPublishedAsync(string code, bool published, string actor, CancellationToken cancellationToken = default)
    {
        var campaign = await db.SurveyCampaigns.FirstOrDefaultAsync(c => c.Code == code, cancellationToken);
        if (campaign is null)
            return Outcome<bool>.Missing();
        if (campaign.IsPublished == published)
            return Outcome<bool>.Ok(published);
        campaign.IsPublished = published;
        campaign.PublishedAtUtc = published ? clock.GetUtcNow().UtcDateTime : null;
        campaign.PublishedBy = published ? actor : null;
        audit.Record(actor, published ? "survey.results-published" : "survey.results-withdrawn", "survey-campaign", code, (!published).ToString(), published.ToString());
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<bool>.Ok(published);
    }

    [GeneratedRegex("^[A-Za-z0-9_.-]{1,32}$")]
    private static partial Regex CodePattern();
}
