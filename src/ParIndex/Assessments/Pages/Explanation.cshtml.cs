using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ParIndex.Accounts;
using ParIndex.Units.Pages;
using ParIndex.Web;
using static ParIndex.Web.Text;

namespace ParIndex.Assessments.Pages;

/// <summary>
/// Giải trình: the unit's adjusted leaves with the appraiser's decision, reason and verdicts; per leaf the unit's
/// answer (with the version shown) and new evidence. Works without JavaScript.
/// </summary>
[Authorize(Policy = Policies.UnitStaff)]
public sealed class ExplanationModel(AssessmentService assessments, UserScope scope) : PageModel
{
    [TempData] public string? Message { get; set; }
    [TempData] public string? EvidenceMessage { get; set; }
    [TempData] public string? EvidenceError { get; set; }
    [TempData] public string? EvidenceNode { get; set; }

    [BindProperty] public string? Node { get; set; }
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public int Version { get; set; }

    public int Year { get; private set; }
    public AssessmentView? View { get; private set; }
    public IReadOnlyList<EntryView> Adjusted => View?.Entries.Where(e => e.AwaitsExplanation).ToList() ?? [];
    public string? ErrorNode { get; private set; }
    public FormErrors Errors { get; } = new();

    public async Task<IActionResult> OnGetAsync(int year, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(year, cancellationToken))
            Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int year, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(year, cancellationToken))
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        var who = (await scope.OfAsync(User, cancellationToken))!;
        ErrorNode = Node;
        var outcome = await assessments.ExplainAsync(year, View!.UnitCode, Node ?? "", new ExplanationInput(Text, Version), who, cancellationToken);
        if (!outcome.Succeeded)
        {
            Errors.Merge(outcome.Problems);
            if (!Errors.Any)
                Errors.Add("text", T("Không lưu được.", "Could not be saved."));
            Response.StatusCode = outcome.Conflict ? StatusCodes.Status409Conflict : outcome.NotFound ? StatusCodes.Status404NotFound : StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        Message = T($"Đã lưu giải trình tiêu chí {Node}.", $"Explanation of criterion {Node} saved.");
        return RedirectToPage(null, null, new { year }, "node-" + Node);
    }

    private async Task<bool> LoadAsync(int year, CancellationToken cancellationToken)
    {
        Year = year;
        if (await scope.OfAsync(User, cancellationToken) is not { UnitCode: { } unit } who)
            return false;
        var view = await assessments.ViewAsync(year, unit, who, cancellationToken);
        View = view.Value;
        return view.Succeeded;
    }
}
