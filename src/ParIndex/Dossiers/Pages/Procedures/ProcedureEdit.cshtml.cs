using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ParIndex.Accounts;
using static ParIndex.Web.Text;

namespace ParIndex.Dossiers.Pages.Procedures;

[Authorize(Policy = Policies.Administrator)]
public sealed class ProcedureEditModel(ProcedureService procedures) : ProcedureFormModel(procedures)
{
    public override bool IsNew => false;

    [TempData] public string? Message { get; set; }

    public Procedure Procedure { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        if (await Procedures.FindAsync(code, cancellationToken) is not { } procedure)
            return NotFound();
        Procedure = procedure;
        Fill(procedure);
        await LoadSectorsAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken cancellationToken)
    {
        if (await Procedures.FindAsync(code, cancellationToken) is not { } procedure)
            return NotFound();
        if (await TrySaveAsync(code, cancellationToken) is { } saved)
        {
            Message = T($"Đã lưu thủ tục {saved.Code}.", $"Procedure {saved.Code} saved.");
            return LocalRedirect(ProcedurePaths.Edit(saved.Code));
        }
        Procedure = procedure;
        Code = code;
        await LoadSectorsAsync(cancellationToken);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }
}

public static class ProcedurePaths
{
    public const string List = "/quan-tri/thu-tuc";

    public static string Edit(string code) => List + "/" + Uri.EscapeDataString(code);
}
