using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ParIndex.Accounts;
using static ParIndex.Web.Text;

namespace ParIndex.Units.Pages;

/// <summary>Edits one unit and shows where it stands in the organisation: its blocks by year and its lineage.</summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class UnitEditModel(UnitService units, BlockService blocks, LineageService lineage) : UnitFormModel(units)
{
    public override bool IsNew => false;

    [TempData] public string? Message { get; set; }

    public Unit Unit { get; private set; } = null!;
    public IReadOnlyList<Block> Blocks { get; private set; } = [];
    public IReadOnlyList<SuccessionDto> Predecessors { get; private set; } = [];
    public IReadOnlyList<SuccessionDto> Successors { get; private set; } = [];
    public IReadOnlyDictionary<string, Unit> UnitsByCode { get; private set; } = new Dictionary<string, Unit>();

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(code, cancellationToken))
            return NotFound();
        Fill(Unit);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken cancellationToken)
    {
        if (await Units.FindAsync(code, cancellationToken) is null)
            return NotFound();
        if (await TrySaveAsync(code, cancellationToken) is { } saved)
        {
            Message = T($"Đã lưu đơn vị {saved.NameVi} ({saved.Code}).", $"Unit {saved.NameVi} ({saved.Code}) saved.");
            return LocalRedirect(UnitPageText.UnitPath(saved.Code));
        }
        await LoadAsync(code, cancellationToken);
        Code = code;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    public string NameOf(string code) => UnitsByCode.TryGetValue(code, out var unit) ? unit.NameVi : code;

    private async Task<bool> LoadAsync(string code, CancellationToken cancellationToken)
    {
        var unit = await Units.FindAsync(code, cancellationToken);
        if (unit is null)
            return false;
        Unit = unit;
        await LoadParentChoicesAsync(code, cancellationToken);
        UnitsByCode = ParentChoices.Append(unit).ToDictionary(u => u.Code, StringComparer.Ordinal);
        Blocks = await blocks.OfUnitAsync(code, cancellationToken);
        var edges = await lineage.ListAsync(code, cancellationToken);
        Predecessors = edges.Where(e => e.SuccessorCode == code).ToList();
        Successors = edges.Where(e => e.PredecessorCode == code).ToList();
        return true;
    }
}
