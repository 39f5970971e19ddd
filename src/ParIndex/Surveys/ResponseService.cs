using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ParIndex.Core.Surveys;
using ParIndex.Data;
using ParIndex.Web;
using static ParIndex.Web.Text;

namespace ParIndex.Surveys;

public enum TokenState
{
    /// <summary>No invitation has this token (or it is malformed).</summary>
    Unknown,
    /// <summary>The token's response was already received.</summary>
    Used,
    NotYetOpen,
    Closed,
    Open,
}

/// <summary>What a token opens: the campaign, the questionnaire version and the unit the answers are about.</summary>
public sealed record TokenContext(TokenState State, SurveyCampaign? Campaign, QuestionnaireDefinition? Questionnaire, string? UnitName, string? Group, string TokenHash);

/// <summary>
/// Collects online answers: resolves a token, keeps a server-side draft keyed by the token's hash, and stores the
/// response exactly once (docs/decisions/0007-survey-anonymity-and-single-use-tokens.md).
/// </summary>
public sealed class ResponseService(AppDbContext db, CampaignService campaigns, TimeProvider clock)
{
    public async Task<TokenContext> ResolveAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (!SurveyTokens.LooksValid(token))
            return new TokenContext(TokenState.Unknown, null, null, null, null, "");
        var hash = SurveyTokens.Hash(token!);
        var invitation = await db.SurveyInvitations.AsNoTracking().FirstOrDefaultAsync(i => i.TokenHash == hash, cancellationToken);
        if (invitation is null)
            return new TokenContext(TokenState.Unknown, null, null, null, null, hash);
        var campaign = await db.SurveyCampaigns.AsNoTracking().Include(c => c.Questionnaire).FirstAsync(c => c.Id == invitation.CampaignId, cancellationToken);
        var unit = await db.Units.AsNoTracking().FirstAsync(u => u.Id == invitation.UnitId, cancellationToken);
        var state = invitation.UsedOn is not null ? TokenState.Used : campaigns.StateOf(campaign) switch
        {
            CampaignState.Upcoming => TokenState.NotYetOpen,
            CampaignState.Closed => TokenState.Closed,
            _ => TokenState.Open,
        };
        return new TokenContext(state, campaign, QuestionnaireService.Definition(campaign.Questionnaire!), unit.Name(UiLanguage.Current), invitation.RespondentGroup, hash);
    }

    /// <summary>The saved draft's answers, or an empty set.</summary>
    public async Task<Dictionary<string, IReadOnlyList<string>>> DraftAsync(string tokenHash, CancellationToken cancellationToken = default)
    {
        var draft = await db.SurveyDrafts.AsNoTracking().FirstOrDefaultAsync(d => d.TokenHash == tokenHash, cancellationToken);
        if (draft is null)
            return new(StringComparer.OrdinalIgnoreCase);
        var stored = JsonSerializer.Deserialize<Dictionary<string, List<string>>>(draft.Answers) ?? [];
        return stored.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Value, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Saves the answers given so far (only known questions, text cut to its limit) while the token is open.</summary>
    public async Task<Outcome<bool>> SaveDraftAsync(TokenContext context, IReadOnlyDictionary<string, IReadOnlyList<string>> answers, CancellationToken cancellationToken = default)
    {
        if (context.State != TokenState.Open)
            return Problems.Of("token", Refusal(context));
        var kept = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (code, values) in answers)
            if (context.Questionnaire!.Find(code) is { } question)
                kept[question.Code] = values.Where(v => !string.IsNullOrWhiteSpace(v)).Take(question.EffectiveChoices.Count + 1)
                    .Select(v => v.Length > AnswerSheet.DefaultTextLength ? v[..AnswerSheet.DefaultTextLength] : v).ToList();
        var json = JsonSerializer.Serialize(kept);
        var draft = await db.SurveyDrafts.FirstOrDefaultAsync(d => d.TokenHash == context.TokenHash, cancellationToken);
        if (draft is null)
            db.SurveyDrafts.Add(new SurveyDraft { TokenHash = context.TokenHash, Answers = json, SavedAtUtc = clock.GetUtcNow().UtcDateTime });
        else
        {
            draft.Answers = json;
            draft.SavedAtUtc = clock.GetUtcNow().UtcDateTime;
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two saves of the same draft at once (two tabs): the other one won; its answers are as recent as these.
            db.ChangeTracker.Clear();
        }
        return Outcome<bool>.Ok(true);
    }

    /// <summary>
    /// Checks every answer, then in one transaction marks the invitation used — a conditional update that only one
    /// of several concurrent submissions can win — stores the anonymous response and deletes the draft.
    /// </summary>
    public async Task<Outcome<bool>> SubmitAsync(string? token, IReadOnlyDictionary<string, IReadOnlyList<string>> answers, CancellationToken cancellationToken = default)
    {
        var context = await ResolveAsync(token, cancellationToken);
        if (context.State == TokenState.Unknown)
            return Outcome<bool>.Missing();
        if (context.State == TokenState.Used)
            return Outcome<bool>.Clash(Problems.Of("token", Refusal(context)));
        if (context.State != TokenState.Open)
            return Problems.Of("token", Refusal(context));
        var (encoded, found) = AnswerSheet.Check(context.Questionnaire!, answers);
        if (encoded is null)
        {
            var problems = new Problems();
            foreach (var problem in found)
                problems.Add(problem.QuestionCode, problem.Message(UiLanguage.Current));
            return problems;
        }
        var campaign = context.Campaign!;
        var today = campaigns.Today;
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var claimed = await db.SurveyInvitations
                .Where(i => i.TokenHash == context.TokenHash && i.UsedOn == null)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.UsedOn, today), cancellationToken);
            if (claimed == 0)
            {
                await transaction.RollbackAsync(cancellationToken);
                return Outcome<bool>.Clash(Problems.Of("token", T("Phiếu khảo sát này đã được trả lời. Mỗi phiếu mời chỉ dùng được một lần.", "This invitation has already been answered. Each invitation can be used once.")));
            }
            var unitId = await db.SurveyInvitations.Where(i => i.TokenHash == context.TokenHash).Select(i => i.UnitId).FirstAsync(cancellationToken);
            db.SurveyResponses.Add(new SurveyResponse
            {
                CampaignId = campaign.Id, QuestionnaireId = campaign.QuestionnaireId, UnitId = unitId, RespondentGroup = context.Group!,
                Channel = ResponseChannel.Online, SubmittedOn = today, Choices = encoded.Choices, Details = encoded.DetailsJson,
            });
            await db.SurveyDrafts.Where(d => d.TokenHash == context.TokenHash).ExecuteDeleteAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return Outcome<bool>.Ok(true);
        });
    }

    /// <summary>Why a token cannot be answered now, in words for the citizen.</summary>
    public static string Refusal(TokenContext context) => context.State switch
    {
        TokenState.Used => T("Phiếu khảo sát này đã được trả lời. Mỗi phiếu mời chỉ dùng được một lần. Xin cảm ơn Ông/Bà.", "This invitation has already been answered; each invitation can be used once. Thank you."),
        TokenState.NotYetOpen => T($"Đợt khảo sát bắt đầu ngày {Date(context.Campaign!.OpensOn)}. Xin Ông/Bà quay lại từ ngày đó.", $"The survey opens on {Date(context.Campaign!.OpensOn)}. Please come back then."),
        TokenState.Closed => T($"Đợt khảo sát đã kết thúc ngày {Date(context.Campaign!.ClosesOn)}; hệ thống không nhận thêm câu trả lời. Xin cảm ơn Ông/Bà.", $"The survey closed on {Date(context.Campaign!.ClosesOn)} and no longer accepts answers. Thank you."),
        TokenState.Unknown => T("Mã khảo sát không đúng. Hãy kiểm tra lại mã in trên phiếu mời.", "The survey code is not valid. Please check the code printed on your invitation."),
        _ => "",
    };
}
