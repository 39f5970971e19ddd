using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ParIndex.Accounts;

namespace ParIndex.Campaign.Pages;

/// <summary>
/// One unit's progress leaf by leaf, with the phases and their deadlines. Unit staff see their own unit (the unit in
/// the address is ignored for nobody: another unit's page is refused); campaign readers see any unit.
/// </summary>
[Authorize(Policy = CampaignPolicies.Participant)]
public sealed class UnitProgressModel(CampaignProgressQuery progress, PhaseService phases, UserScope scopes) : PageModel
{
    [BindProperty(SupportsGet = true)] public int Year { get; set; }
    [BindProperty(SupportsGet = true)] public string? Unit { get; set; }

    public UnitProgressDetail? Detail { get; private set; }
    public IReadOnlyList<PhaseView> Phases { get; private set; } = [];
    public bool IsReader { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var listed = await phases.ListAsync(Year, cancellationToken);
        if (!listed.Succeeded)
            return NotFound();
        Phases = listed.Value!;
        var scope = await scopes.OfAsync(User, cancellationToken);
        IsReader = CampaignPolicies.IsReader(User);
        var unit = Unit ?? scope?.UnitCode;
        if (unit is null)
        {
            // A reader without a unit of their own chooses one on the board.
            return IsReader ? LocalRedirect(CampaignPageText.BoardPath(Year)) : NotFound();
        }
        if (!CampaignPolicies.MayReadUnit(scope, unit))
            return Forbid();
        Detail = await progress.UnitAsync(Year, unit, cancellationToken);
        if (Detail is null)
            Response.StatusCode = StatusCodes.Status404NotFound;
        Unit = unit;
        return Page();
    }
}
