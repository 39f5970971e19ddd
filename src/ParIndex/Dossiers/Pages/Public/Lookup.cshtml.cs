using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ParIndex.Dossiers.Pages.Public;

/// <summary>
/// The public look-up of a dossier by its code: status and due date only — no name, no unit, no content — and
/// rate-limited per address (<see cref="DossierLookupLimits"/>) so codes cannot be enumerated.
/// </summary>
[AllowAnonymous]
public sealed class LookupModel(DossierService dossiers, DossierLookupLimits limits) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "ma")] public string? Code { get; set; }

    public DossierLookup? Result { get; private set; }
    public bool Searched { get; private set; }
    public bool Limited { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Code))
            return;
        Searched = true;
        if (!limits.TryAcquire(HttpContext))
        {
            Limited = true;
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return;
        }
        Result = await dossiers.LookUpAsync(Code, cancellationToken);
        if (Result is null)
            Response.StatusCode = StatusCodes.Status404NotFound;
    }
}
