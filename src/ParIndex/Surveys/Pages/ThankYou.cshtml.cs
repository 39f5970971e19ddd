using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ParIndex.Surveys.Pages;

[AllowAnonymous]
public sealed class ThankYouModel : PageModel
{
    public void OnGet()
    {
    }
}
