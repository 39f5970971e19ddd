using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ParIndex.AppraisalCouncil.Pages;

/// <summary>A block for the council: every unit's index from its own scores, after appraisal and with the council's scores, and the rank and class the last would give.</summary>
[Authorize(Policy = CouncilPolicies.Council)]
public sealed class CouncilBlockModel(CouncilService council) : PageModel
{
    public CouncilBlockView? View { get; private set; }
    public IReadOnlyList<string> Problems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int year, string block, CancellationToken cancellationToken)
    {
        var outcome = await council.BlockAsync(year, block, cancellationToken);
        if (outcome.NotFound)
            return NotFound();
        View = outcome.Value;
        Problems = outcome.Problems?.ToDictionary().SelectMany(p => p.Value).ToList() ?? [];
        if (View is null)
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }
}
