using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ParIndex.Accounts;
using ParIndex.Web;

namespace ParIndex.Dossiers.Pages.Admin;

/// <summary>One dossier: its data, how the due date was reached, the 766 verdict and why, its events; the apology letter (record, replace, download the slip).</summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class DossierDetailModel(DossierService dossiers, ApologySlips slips) : PageModel
{
    public DossierView Dossier { get; private set; } = null!;
    public Dictionary<string, string> FieldErrors { get; } = new(StringComparer.Ordinal);
    public bool Saved { get; private set; }

    [BindProperty] public DateOnly? IssuedOn { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public DateOnly? NewAppointment { get; set; }
    [BindProperty] public string? SignedBy { get; set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        if (await dossiers.FindAsync(code, cancellationToken) is not { } view)
            return NotFound();
        Dossier = view;
        if (view.Apology is { } a)
            (IssuedOn, Reason, NewAppointment, SignedBy) = (a.IssuedOn, a.Reason, a.NewAppointment, a.SignedBy);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken cancellationToken)
    {
        var outcome = await dossiers.RecordApologyAsync(code, new ApologyInput(IssuedOn, Reason, NewAppointment, SignedBy), Actor.Of(User), cancellationToken);
        if (outcome.NotFound)
            return NotFound();
        if (!outcome.Succeeded)
        {
            foreach (var (field, messages) in outcome.Problems!.ToDictionary())
                FieldErrors[field] = string.Join(" ", messages);
            // Values the browser could not send as dates arrive as model-state errors.
            foreach (var (key, entry) in ModelState.Where(m => m.Value?.Errors.Count > 0))
                FieldErrors.TryAdd(key == nameof(IssuedOn) ? "issued_on" : key == nameof(NewAppointment) ? "new_appointment" : key, Text.T("Ngày không hợp lệ.", "Not a valid date."));
            Dossier = (await dossiers.FindAsync(code, cancellationToken))!;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        return Redirect($"/quan-tri/ho-so/{Uri.EscapeDataString(code)}?saved=1#apology");
    }

    public async Task<IActionResult> OnGetSlipAsync(string code, string? format, CancellationToken cancellationToken)
    {
        var file = await slips.CreateAsync(code, string.Equals(format, "pdf", StringComparison.OrdinalIgnoreCase), cancellationToken);
        if (file.NotFound)
            return NotFound();
        if (!file.Succeeded)
            return StatusCode(StatusCodes.Status503ServiceUnavailable, string.Join(" ", file.Problems!.Lines()));
        return File(file.Value!.Bytes, file.Value.ContentType, file.Value.FileName);
    }

    public string? Error(string field) => FieldErrors.GetValueOrDefault(field);

    public bool PdfAvailable => slips.PdfAvailable;
}
