using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ParIndex.Accounts;
using ParIndex.Results.Pages.Admin;
using ParIndex.Units.Pages;
using ParIndex.Web;
using static ParIndex.Web.Text;

namespace ParIndex.Publication.Pages;

/// <summary>
/// Publishing one block and year: what the public sees now, what publishing the current results would change
/// (the corrections log entry to be), the form with the approving decision (and the reason of a correction), the
/// withdraw action, and every version published so far.
/// </summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class PublishBlockModel(PublicationService publication) : PageModel
{
    [BindProperty] public string? DecisionNumber { get; set; }
    [BindProperty] public string? DecisionDate { get; set; }
    [BindProperty] public string? Reason { get; set; }

    [TempData] public string? Message { get; set; }

    public int Year { get; private set; }
    public string BlockCode { get; private set; } = "";
    public PublicationPreview? Preview { get; private set; }
    public IReadOnlyList<(VersionSummary Version, string PublishedBy, CorrectionView? Correction)> History { get; private set; } = [];
    public FormErrors Errors { get; } = new();

    public bool IsCorrection => Preview?.Status.Current is not null && Preview.ContentDiffers;
    public int NextVersion => (Preview?.Status.Current?.Version ?? 0) + 1;

    public async Task<IActionResult> OnGetAsync(int year, string block, CancellationToken cancellationToken) =>
        await LoadAsync(year, block, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostPublishAsync(int year, string block, CancellationToken cancellationToken)
    {
        DateOnly? date = null;
        if (!string.IsNullOrWhiteSpace(DecisionDate))
        {
            date = UnitPageText.ParseDate(DecisionDate);
            if (date is null)
                Errors.Add("decisionDate", T($"'{DecisionDate}' không phải là ngày (dd/MM/yyyy).", $"'{DecisionDate}' is not a date (dd/MM/yyyy)."));
        }
        // A decision number is what makes a publication official: this page always asks for it.
        if (string.IsNullOrWhiteSpace(DecisionNumber))
            Errors.Add("decisionNumber", T("Hãy nhập số quyết định phê duyệt kết quả (ví dụ 1234/QĐ-UBND).", "Enter the number of the decision approving the results (e.g. 1234/QĐ-UBND)."));
        if (date is null && !Errors.Has("decisionDate"))
            Errors.Add("decisionDate", T("Hãy nhập ngày của quyết định.", "Enter the date of the decision."));
        if (!Errors.Any)
        {
            var outcome = await publication.PublishAsync(new PublishRequest(year, block, DecisionNumber, date, Reason), Actor.Of(User), cancellationToken);
            if (outcome.NotFound)
                return NotFound();
            if (outcome.Succeeded)
            {
                Message = ResultsAdminModel.PublishedMessage(outcome.Value!);
                return RedirectToPage(new { year, block });
            }
            Errors.Merge(outcome.Problems);
        }
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        await LoadAsync(year, block, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostWithdrawAsync(int year, string block, CancellationToken cancellationToken)
    {
        var outcome = await publication.WithdrawAsync(year, block, Reason, Actor.Of(User), cancellationToken);
        if (outcome.NotFound)
            return NotFound();
        Message = T($"Đã thu hồi công bố kết quả khối {block} năm {year}; kết quả không còn công khai.", $"Results of block {block} for {year} withdrawn; they are no longer public.");
        return RedirectToPage(new { year, block });
    }

    private async Task<bool> LoadAsync(int year, string block, CancellationToken cancellationToken)
    {
        Year = year;
        BlockCode = block;
        Preview = await publication.PreviewAsync(year, block, cancellationToken);
        if (Preview is null)
            return false;
        History = await publication.HistoryAsync(year, block, cancellationToken);
        return true;
    }
}
