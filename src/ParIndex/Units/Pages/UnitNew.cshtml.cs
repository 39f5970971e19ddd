using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ParIndex.Accounts;
using static ParIndex.Web.Text;

namespace ParIndex.Units.Pages;

[Authorize(Policy = Policies.Administrator)]
public sealed class UnitNewModel(UnitService units) : UnitFormModel(units)
{
    public override bool IsNew => true;

    [TempData] public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadParentChoicesAsync(null, cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var code = Code?.Trim() ?? "";
        // SaveAsync updates a unit with the same code; from the "new" form that would overwrite it unseen.
        if (code.Length > 0 && await Units.FindAsync(code, cancellationToken) is not null)
            Errors.Add("code", T($"Đã có đơn vị mã '{code}'. Hãy mở đơn vị đó để sửa.", $"A unit with code '{code}' already exists. Open it to edit it."));
        else if (await TrySaveAsync(code, cancellationToken) is { } unit)
        {
            Message = T($"Đã tạo đơn vị {unit.NameVi} ({unit.Code}).", $"Unit {unit.NameVi} ({unit.Code}) created.");
            return LocalRedirect(UnitPageText.UnitPath(unit.Code));
        }
        await LoadParentChoicesAsync(null, cancellationToken);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }
}
