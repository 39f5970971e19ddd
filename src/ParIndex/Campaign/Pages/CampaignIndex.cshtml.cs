using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ParIndex.Accounts;

namespace ParIndex.Campaign.Pages;

/// <summary>/quan-tri/chien-dich goes to the current year's campaign.</summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class CampaignIndexModel(TimeProvider clock) : PageModel
{
    public IActionResult OnGet() => LocalRedirect(CampaignPageText.AdminPath(CampaignPageText.CurrentYear(clock)));
}
