using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ParIndex.Accounts;

namespace ParIndex.Campaign.Pages;

/// <summary>The progress board of a year (campaign readers): every unit's self-assessment and every lead agency's appraisal work.</summary>
[Authorize(Policy = Policies.CampaignReader)]
public sealed class ProgressBoardModel(CampaignProgressQuery progress, PhaseService phases) : PageModel
{
    [BindProperty(SupportsGet = true)] public int Year { get; set; }

    /// <summary>all (default), pending (not submitted) or submitted.</summary>
    [BindProperty(SupportsGet = true)] public string? Show { get; set; }

    public CampaignProgress Board { get; private set; } = null!;
    public IReadOnlyList<PhaseView> Phases { get; private set; } = [];
    public IReadOnlyList<UnitProgress> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var listed = await phases.ListAsync(Year, cancellationToken);
        if (!listed.Succeeded)
            return NotFound();
        Phases = listed.Value!;
        Board = await progress.YearAsync(Year, cancellationToken);
        Rows = Show switch
        {
            "pending" => [.. Board.Units.Where(u => !u.Submitted)],
            "submitted" => [.. Board.Units.Where(u => u.Submitted)],
            _ => Board.Units,
        };
        return Page();
    }
}
