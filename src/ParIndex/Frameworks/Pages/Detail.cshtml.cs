using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ParIndex.Accounts;
using ParIndex.Core.Frameworks;
using ParIndex.Web;
using static ParIndex.Web.Text;

namespace ParIndex.Frameworks.Pages;

/// <summary>
/// One framework revision: the tree as a table indented by depth, the class bands, the rules in words and
/// the crosswalk. On a draft each node can be edited, given a child or removed (after a confirmation).
/// </summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class FrameworkDetailModel(FrameworkService service) : PageModel
{
    public Framework Framework { get; private set; } = null!;
    public FrameworkDefinition Definition { get; private set; } = null!;
    public List<DraftEditing.TreeRow> Rows { get; private set; } = [];
    public bool IsDraft => Framework.Status == FrameworkStatus.Draft;

    /// <summary>The node whose removal awaits confirmation (<c>?xoa=code</c>).</summary>
    public FrameworkNode? RemoveTarget { get; private set; }

    [BindProperty] public Guid Stamp { get; set; }
    [BindProperty] public bool SumUp { get; set; } = true;

    public List<string> Problems { get; private set; } = [];
    [TempData] public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, string? xoa, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
            return NotFound();
        if (xoa is not null)
        {
            RemoveTarget = Definition.FindNode(xoa);
            if (RemoveTarget is null)
                return NotFound();
        }
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, string code, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
            return NotFound();
        if (!IsDraft)
            return Refuse(StatusCodes.Status409Conflict, [DraftEditing.NotDraftMessage]);
        var parent = Definition.ParentOf(code)?.Code;
        var removed = Definition.RemoveNode(code);
        if (!removed.Succeeded)
            return Refuse(StatusCodes.Status404NotFound, PageProblems.Lines(removed.Problems));
        var (edited, changes) = SumUp ? removed.Framework.SumUpFrom(parent) : (removed.Framework, []);
        var outcome = await DraftEditing.SaveAsync(service, Framework, edited, Stamp, Actor.Of(User), ct);
        if (!outcome.Succeeded)
        {
            RemoveTarget = Definition.FindNode(code);
            return Refuse(outcome.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity,
                PageProblems.IsStale(outcome.Problems) ? [DraftEditing.StaleMessage] : PageProblems.Lines(outcome.Problems));
        }
        Message = T($"Đã xóa {code} và các tiêu chí con.", $"Removed {code} and its children.") + DraftEditing.Describe(changes);
        return Redirect($"{FrameworkListModel.Path}/{id}");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var framework = await service.FindAsync(id, ct);
        if (framework is null)
            return false;
        Framework = framework;
        Definition = FrameworkService.Definition(framework);
        Rows = DraftEditing.Rows(Definition);
        return true;
    }

    private IActionResult Refuse(int status, List<string> problems)
    {
        Problems = problems;
        Response.StatusCode = status;
        return Page();
    }
}
