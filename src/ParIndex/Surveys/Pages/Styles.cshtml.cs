using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ParIndex.Surveys.Pages;

/// <summary>The survey pages' stylesheet (see <see cref="SurveyStyles"/>), cacheable for a day.</summary>
[AllowAnonymous]
public sealed class StylesModel : PageModel
{
    public IActionResult OnGet()
    {
        Response.Headers.CacheControl = "public, max-age=86400";
        return Content(SurveyStyles.Css, "text/css; charset=utf-8");
    }
}
