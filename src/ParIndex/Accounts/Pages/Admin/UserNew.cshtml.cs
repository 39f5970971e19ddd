using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ParIndex.Data;
using ParIndex.Web;

namespace ParIndex.Accounts.Pages.Admin;

/// <summary>Creates an account with a temporary password, shown once on the answer to the form (never stored, never redirected through a cookie).</summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class UserNewModel(AppDbContext db, TimeProvider clock, UserAdministration administration) : UserFormModel(db, clock)
{
    [BindProperty] public string? Email { get; set; }

    public override bool IsNew => true;

    public TemporaryPasswordIssued? Created { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadChoicesAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var outcome = await administration.CreateAsync(Input(Email), Actor.Of(User), cancellationToken);
        if (outcome.Succeeded)
        {
            Created = outcome.Value;
            Response.Headers.CacheControl = "no-store";
            return Page();
        }
        Errors.Merge(outcome.Problems);
        await LoadChoicesAsync(cancellationToken);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }
}
