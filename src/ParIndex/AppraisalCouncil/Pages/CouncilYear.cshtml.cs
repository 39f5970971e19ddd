using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ParIndex.Accounts;
using ParIndex.Publication;
using ParIndex.Units.Pages;
using ParIndex.Web;
using static ParIndex.Web.Text;

namespace ParIndex.AppraisalCouncil.Pages;

/// <summary>
/// The council's year: finalised or not, the blocks to review, the decisions recorded (with the form to record one),
/// finalising, and for administrators reopening a finalised year.
/// </summary>
[Authorize(Policy = CouncilPolicies.Council)]
public sealed class CouncilYearModel(CouncilService council, PublicationService publication) : PageModel
{
    [BindProperty] public string? DecisionNumber { get; set; }
    [BindProperty] public string? DecisionDate { get; set; }
    [BindProperty] public string? MembersTotal { get; set; }
    [BindProperty] public string? MembersPresent { get; set; }
    [BindProperty] public string? VotesFor { get; set; }
    [BindProperty] public string? VotesAgainst { get; set; }
    [BindProperty] public string? VotesAbstain { get; set; }
    [BindProperty] public string? Notes { get; set; }
    [BindProperty] public string? Reason { get; set; }

    [TempData] public string? Message { get; set; }

    public int Year { get; private set; }
    public CouncilYearView View { get; private set; } = null!;
    public FormErrors Errors { get; } = new();

    /// <summary>Which form's errors are shown: decision, finalise or reopen.</summary>
    public string? FailedForm { get; private set; }
    public bool IsAdmin => User.IsInRole(Roles.Administrator);

    public async Task OnGetAsync(int year, CancellationToken cancellationToken) => await LoadAsync(year, cancellationToken);

    public async Task<IActionResult> OnPostDecisionAsync(int year, CancellationToken cancellationToken)
    {
        var date = string.IsNullOrWhiteSpace(DecisionDate) ? null : CouncilPageText.ParseDate(DecisionDate);
        if (!string.IsNullOrWhiteSpace(DecisionDate) && date is null)
            Errors.Add("decisionDate", T($"'{DecisionDate}' không phải là ngày (dd/MM/yyyy).", $"'{DecisionDate}' is not a date (dd/MM/yyyy)."));
        int? Count(string field, string? text)
        {
            if (string.IsNullOrWhiteSpace(text))
                return null;
            if (CouncilPageText.ParseInt(text) is { } n)
                return n;
            Errors.Add(field, T($"'{text}' không phải là số nguyên.", $"'{text}' is not a whole number."));
            return null;
        }
        var input = new CouncilDecisionInput(DecisionNumber, date, Count("membersTotal", MembersTotal), Count("membersPresent", MembersPresent),
            Count("votesFor", VotesFor), Count("votesAgainst", VotesAgainst) ?? 0, Count("votesAbstain", VotesAbstain) ?? 0, Notes);
        if (!Errors.Any)
        {
            var outcome = await council.RecordDecisionAsync(year, input, Actor.Of(User), cancellationToken);
            if (outcome.Succeeded)
            {
                Message = T($"Đã ghi quyết định {outcome.Value!.DecisionNumber} của hội đồng.", $"Council decision {outcome.Value!.DecisionNumber} recorded.");
                return RedirectToPage(new { year });
            }
            Errors.Merge(outcome.Problems);
        }
        return await RefusedAsync(year, "decision", cancellationToken);
    }

    public async Task<IActionResult> OnPostFinaliseAsync(int year, CancellationToken cancellationToken)
    {
        var outcome = await council.FinaliseAsync(year, Actor.Of(User), cancellationToken);
        if (outcome.Succeeded)
        {
            await publication.EvictPublicPagesAsync(cancellationToken);
            var result = outcome.Value!;
            Message = T($"Đã chốt kết quả năm {year}: ghi {result.ScoresWritten} điểm cuối cùng, tính {result.Computed.Count} khối.", $"{year} finalised: {result.ScoresWritten} final inputs written, {result.Computed.Count} blocks computed.")
                + (result.Problems.Count > 0 ? " " + T("Chưa tính được: ", "Not computed: ") + string.Join("; ", result.Problems) : "");
            return RedirectToPage(new { year });
        }
        Errors.Merge(outcome.Problems);
        return await RefusedAsync(year, "finalise", cancellationToken);
    }

    public async Task<IActionResult> OnPostReopenAsync(int year, CancellationToken cancellationToken)
    {
        if (!IsAdmin)
            return Forbid();
        var outcome = await council.ReopenAsync(year, Reason, Actor.Of(User), cancellationToken);
        if (outcome.Succeeded)
        {
            Message = T($"Đã mở lại năm {year}: hội đồng có thể thay đổi điểm.", $"{year} reopened: the council may change scores.");
            return RedirectToPage(new { year });
        }
        Errors.Merge(outcome.Problems);
        return await RefusedAsync(year, "reopen", cancellationToken);
    }

    private async Task<IActionResult> RefusedAsync(int year, string form, CancellationToken cancellationToken)
    {
        FailedForm = form;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        await LoadAsync(year, cancellationToken);
        return Page();
    }

    private async Task LoadAsync(int year, CancellationToken cancellationToken)
    {
        Year = year;
        View = await council.YearAsync(year, cancellationToken);
    }

    public FormErrors ErrorsOf(string form) => FailedForm == form ? Errors : Empty;

    private static readonly FormErrors Empty = new();
}
