using Microsoft.EntityFrameworkCore;
using ParIndex.Audit;
using ParIndex.Data;
using ParIndex.Web;
using static ParIndex.Web.Text;

namespace ParIndex.Surveys;

public sealed record InvitationRequest(string UnitCode, string Group, int Count);

/// <summary>A token as issued: shown once (link, QR code, printed card) and never stored.</summary>
public sealed record IssuedInvitation(string Token, string UnitCode, string UnitName, string Group);

/// <summary>Issues one-time invitations for a campaign's targets. The database keeps only each token's hash.</summary>
public sealed class InvitationService(AppDbContext db, CampaignService campaigns, AuditLog audit)
{
    public const int MaxPerRequest = 5_000;

    public async Task<Outcome<IReadOnlyList<IssuedInvitation>>> IssueAsync(string campaignCode, IReadOnlyList<InvitationRequest> requests, string actor, CancellationToken cancellationToken = default)
    {
        var campaign = await campaigns.FindAsync(campaignCode, cancellationToken);
        if (campaign is null)
            return Outcome<IReadOnlyList<IssuedInvitation>>.Missing();
        var problems = new Problems();
        problems.AddIf(requests.Count == 0, "count", T("Hãy nhập số phiếu mời cần phát hành.", "Enter how many invitations to issue."));
        problems.AddIf(requests.Any(r => r.Count is < 1 or > MaxPerRequest), "count", T($"Số phiếu mời mỗi lần từ 1 đến {MaxPerRequest}.", $"Issue 1 to {MaxPerRequest} invitations at a time."));
        problems.AddIf(requests.Sum(r => Math.Max(0, r.Count)) > MaxPerRequest, "count", T($"Tối đa {MaxPerRequest} phiếu mời mỗi lần.", $"At most {MaxPerRequest} invitations at a time."));
        problems.AddIf(campaigns.StateOf(campaign) == CampaignState.Closed, "campaign", T("Đợt khảo sát đã kết thúc.", "The campaign has closed."));
        var issued = new List<IssuedInvitation>();
        var today = campaigns.Today;
        foreach (var request in requests)
        {
            var target = campaign.Targets.FirstOrDefault(t => t.Unit!.Code == request.UnitCode && t.RespondentGroup == request.Group);
            if (target is null)
            {
                problems.Add("unitCode", T($"Đơn vị {request.UnitCode}, nhóm {request.Group} không thuộc đợt khảo sát.", $"Unit {request.UnitCode}, group {request.Group} is not a target of the campaign."));
                continue;
            }
            if (problems.Any)
                continue;
            for (var i = 0; i < request.Count; i++)
            {
                var token = SurveyTokens.NewToken();
                db.SurveyInvitations.Add(new SurveyInvitation { CampaignId = campaign.Id, UnitId = target.UnitId, RespondentGroup = target.RespondentGroup, TokenHash = SurveyTokens.Hash(token), IssuedOn = today });
                issued.Add(new IssuedInvitation(token, target.Unit!.Code, target.Unit.Name(UiLanguage.Current), target.RespondentGroup));
            }
        }
        if (problems.Any)
        {
            db.ChangeTracker.Clear();
            return problems;
        }
        audit.Record(actor, "survey.invitations-issued", "survey-campaign", campaign.Code, null,
            AuditLog.Json(requests.Select(r => new { unit = r.UnitCode, group = r.Group, count = r.Count })));
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<IReadOnlyList<IssuedInvitation>>.Ok(issued);
    }
}
