using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ParIndex.Accounts;
using ParIndex.Units;
using ParIndex.Units.Pages;
using ParIndex.Web;
using static ParIndex.Web.Text;

namespace ParIndex.Surveys.Pages;

/// <summary>
/// One campaign: response rates against quotas per unit and group while it runs, invitations with QR codes (shown
/// once, printable), import of paper and phone interviews, publication, and feeding the framework leaves.
/// </summary>
[Authorize(Policy = Policies.Administrator)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxBytes + 1024 * 1024)]
public sealed class AdminCampaignModel(CampaignService campaigns, InvitationService invitations, ResponseImporter importer, SurveyFeedService feed) : PageModel
{
    public const long MaxBytes = 20L * 1024 * 1024;

    public CampaignProgress? Progress { get; private set; }
    public IReadOnlyList<IssuedInvitation> Issued { get; private set; } = [];
    public string BaseUrl => SurveyQr.BaseUrl(Request);
    public ImportReport? Report { get; private set; }
    public FeedReport? Fed { get; private set; }
    public FormErrors Errors { get; } = new();
    [TempData] public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken) =>
        await LoadAsync(code, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostInviteAsync(string code, string? unit, string? group, int count, CancellationToken cancellationToken)
    {
        var outcome = await invitations.IssueAsync(code, [new InvitationRequest(unit ?? "", group ?? "", count)], Actor.Of(User), cancellationToken);
        if (outcome.NotFound)
            return NotFound();
        if (outcome.Succeeded)
            Issued = outcome.Value!;
        else
        {
            Errors.Merge(outcome.Problems);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        }
        return await LoadAsync(code, cancellationToken) ? Page() : NotFound();
    }

    /// <summary>One invitation's QR code as a PNG or SVG file; the token comes in the form body, never in a URL.</summary>
    public IActionResult OnPostQr(string code, string token, string? format)
    {
        if (!SurveyTokens.LooksValid(token))
            return BadRequest();
        var link = SurveyQr.Link(BaseUrl, token);
        return format == "svg"
            ? File(System.Text.Encoding.UTF8.GetBytes(SurveyQr.Svg(link)), "image/svg+xml", $"khao-sat-{SurveyTokens.Normalize(token)[..4]}.svg")
            : File(SurveyQr.Png(link), "image/png", $"khao-sat-{SurveyTokens.Normalize(token)[..4]}.png");
    }

    public async Task<IActionResult> OnPostImportAsync(string code, IFormFile? upload, CancellationToken cancellationToken)
    {
        await using (var file = Uploads.OpenTabularForm(upload, MaxBytes, out var problem))
        {
            if (file is null)
                Errors.Add("file", problem!);
            else
                Report = await importer.ImportAsync(code, file.Stream, file.Format, Actor.Of(User), cancellationToken);
        }
        if (Errors.Any || Report is { Succeeded: false })
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return await LoadAsync(code, cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostPublishAsync(string code, bool published, CancellationToken cancellationToken)
    {
        var outcome = await campaigns.SetPublishedAsync(code, published, Actor.Of(User), cancellationToken);
        if (outcome.NotFound)
            return NotFound();
        Message = published ? T("Đã công bố kết quả khảo sát.", "Survey results published.") : T("Đã thu hồi công bố.", "Publication withdrawn.");
        return Redirect("/quan-tri/khao-sat/" + Uri.EscapeDataString(code));
    }

    public async Task<IActionResult> OnPostFeedAsync(string code, CancellationToken cancellationToken)
    {
        var outcome = await feed.FeedCampaignAsync(code, Actor.Of(User), cancellationToken);
        if (outcome.NotFound)
            return NotFound();
        Fed = outcome.Value;
        return await LoadAsync(code, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(string code, CancellationToken cancellationToken)
    {
        Progress = await campaigns.ProgressAsync(code, cancellationToken);
        return Progress is not null;
    }
}
