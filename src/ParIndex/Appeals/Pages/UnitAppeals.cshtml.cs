using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ParIndex.Accounts;
using ParIndex.Campaign;
using ParIndex.Units.Pages;
using static ParIndex.Web.Text;

namespace ParIndex.Appeals.Pages;

/// <summary>A unit's appeals of a year: the list with their outcome, and for the unit's head the form to file one on a leaf of the published result.</summary>
[Authorize(Policy = AppealPolicies.Reader)]
public sealed class UnitAppealsModel(AppealService appeals, UserScope scopes, IPhaseGate gate) : PageModel
{
    [BindProperty] public string? NodeCode { get; set; }
    [BindProperty] public string? Grounds { get; set; }
    [TempData] public string? Message { get; set; }

    public int Year { get; private set; }
    public UserScopeInfo? Who { get; private set; }
    public IReadOnlyList<AppealView> Appeals { get; private set; } = [];
    public IReadOnlyList<AppealableLeaf> Leaves { get; private set; } = [];
    public string? PhaseRefusal { get; private set; }
    public FormErrors Errors { get; } = new();

    public bool MayFile => Who is { UnitCode: not null } who && who.Roles.Contains(Roles.UnitHead) && Leaves.Count > 0 && PhaseRefusal is null;

    public async Task OnGetAsync(int year, CancellationToken cancellationToken) => await LoadAsync(year, cancellationToken);

    public async Task<IActionResult> OnPostAsync(int year, CancellationToken cancellationToken)
    {
        await LoadAsync(year, cancellationToken);
        if (Who?.UnitCode is null)
            return Forbid();
        var outcome = await appeals.FileAsync(year, Who.UnitCode, new AppealInput(NodeCode, Grounds), Who, cancellationToken);
        if (outcome.Succeeded)
        {
            Message = T($"Đã gửi đề nghị phúc khảo tiêu chí {outcome.Value!.NodeCode}.", $"Appeal on {outcome.Value!.NodeCode} filed.");
            return RedirectToPage(new { year });
        }
        Errors.Merge(outcome.Problems);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task LoadAsync(int year, CancellationToken cancellationToken)
    {
        Year = year;
        Who = await scopes.OfAsync(User, cancellationToken);
        if (Who is null)
            return;
        Appeals = await appeals.ListAsync(year, Who, cancellationToken);
        if (Who.UnitCode is not null)
            Leaves = await appeals.AppealableAsync(year, Who.UnitCode, cancellationToken);
        PhaseRefusal = (await gate.RefuseUnlessOpenAsync(year, CampaignPhaseKind.Reexamination, cancellationToken))?.ToDictionary().Values.SelectMany(m => m).FirstOrDefault();
    }
}
