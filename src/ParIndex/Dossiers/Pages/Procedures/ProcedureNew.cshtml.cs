using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ParIndex.Accounts;
using static ParIndex.Web.Text;

namespace ParIndex.Dossiers.Pages.Procedures;

[Authorize(Policy = Policies.Administrator)]
public sealed class ProcedureNewModel(ProcedureService procedures) : ProcedureFormModel(procedures)
{
    public override bool IsNew => true;

    [TempData] public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        ProcessingUnit = nameof(Core.Calendar.DeadlineUnit.WorkingDays);
        await LoadSectorsAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(Code) && await Procedures.FindAsync(Code, cancellationToken) is not null)
            Errors.Add("code", T($"Đã có thủ tục mã '{Code.Trim()}'.", $"A procedure with code '{Code.Trim()}' already exists."));
        else if (await TrySaveAsync(Code ?? "", cancellationToken) is { } saved)
        {
            Message = T($"Đã tạo thủ tục {saved.Code}.", $"Procedure {saved.Code} created.");
            return LocalRedirect(ProcedurePaths.Edit(saved.Code));
        }
        await LoadSectorsAsync(cancellationToken);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }
}
