using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ParIndex.Accounts.Tokens;
using ParIndex.Data;
using ParIndex.Units.Pages;
using ParIndex.Web;
using static ParIndex.Web.Text;

namespace ParIndex.Accounts.Pages.Admin;

/// <summary>API tokens for machine clients: create (the secret is shown once, on the answer to the form), list with last use, revoke.</summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class TokensModel(ApiTokenService tokens, AppDbContext db) : PageModel
{
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public List<string> Scopes { get; set; } = [];
    [BindProperty] public string? UnitCode { get; set; }
    [BindProperty] public string? ExpiresOn { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [TempData] public string? Message { get; set; }

    public FormErrors Errors { get; } = new();
    public IReadOnlyList<ApiTokenView> Tokens { get; private set; } = [];
    public IReadOnlyList<(string Code, string Name)> UnitChoices { get; private set; } = [];
    public ApiTokenCreated? Created { get; private set; }
    public int? RefusedRevocation { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        DateOnly? expires = null;
        if (!string.IsNullOrWhiteSpace(ExpiresOn))
        {
            expires = UnitPageText.ParseDate(ExpiresOn);
            if (expires is null)
                Errors.Add("expiresOn", T($"Ngày '{ExpiresOn}' không hợp lệ (dd/MM/yyyy).", $"Date '{ExpiresOn}' is not valid (dd/MM/yyyy)."));
        }
        if (!Errors.Any)
        {
            var outcome = await tokens.CreateAsync(new ApiTokenInput(Name, Scopes, UnitCode, expires), Actor.Of(User), cancellationToken);
            if (outcome.Succeeded)
            {
                Created = outcome.Value;
                Name = UnitCode = ExpiresOn = null;
                Scopes = [];
                Response.Headers.CacheControl = "no-store";
                await LoadAsync(cancellationToken);
                return Page();
            }
            Errors.Merge(outcome.Problems);
        }
        await LoadAsync(cancellationToken);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id, CancellationToken cancellationToken)
    {
        var outcome = await tokens.RevokeAsync(id, Reason, Actor.Of(User), cancellationToken);
        if (outcome.NotFound)
            return NotFound();
        if (outcome.Succeeded)
        {
            Message = T($"Đã thu hồi mã {outcome.Value!.Prefix}.", $"Token {outcome.Value!.Prefix} revoked.");
            return LocalRedirect("/quan-tri/ma-truy-cap");
        }
        RefusedRevocation = id;
        Errors.Merge(outcome.Problems);
        await LoadAsync(cancellationToken);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Tokens = await tokens.ListAsync(cancellationToken);
        var units = await db.Units.AsNoTracking().Where(u => u.ValidTo == null).Select(u => new { u.Code, u.NameVi }).ToListAsync(cancellationToken);
        UnitChoices = units.OrderBy(u => u.NameVi, VietnameseText.Comparer).Select(u => (u.Code, u.NameVi)).ToList();
    }

    public static string Day(DateTime? utc) => utc is null ? "—" : Core.Calendar.VietnamTime.LocalDate(new DateTimeOffset(DateTime.SpecifyKind(utc.Value, DateTimeKind.Utc)))
        .AddDays(-1).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
