using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ParIndex.Core.Frameworks;
using ParIndex.Data.Tabular;
using ParIndex.Web;
using static ParIndex.Web.Text;

namespace ParIndex.Frameworks.Pages;

/// <summary>
/// What the "edit node" and "add node" pages share: loading the draft, reading the form, and saving the
/// edited tree through <see cref="FrameworkService.SaveDraftAsync"/> with the form's stamp. Problems of a
/// field are shown beside it; problems of the framework as a whole above the form; nothing is saved.
/// </summary>
public abstract class NodeEditorModel(FrameworkService service) : PageModel
{
    public Framework Framework { get; private set; } = null!;
    public FrameworkDefinition Definition { get; private set; } = null!;
    public string BasePath => $"{FrameworkListModel.Path}/{Framework.Id}";

    [BindProperty] public NodeForm Form { get; set; } = new();

    public Dictionary<NodeField, List<string>> FieldProblems { get; } = [];
    public List<string> Problems { get; private set; } = [];
    public abstract bool IsNew { get; }

    /// <summary>Codes of the groups a node may hang from, for the parent field's suggestions.</summary>
    public IEnumerable<FrameworkNode> Groups => Definition.AllNodes().Where(n => n.Kind == NodeKind.Group);

    protected async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var framework = await service.FindAsync(id, ct);
        if (framework is null)
            return false;
        Framework = framework;
        Definition = FrameworkService.Definition(framework);
        return true;
    }

    /// <summary>A published framework shows why it cannot be edited instead of the form.</summary>
    protected IActionResult NotDraft()
    {
        Problems = [DraftEditing.NotDraftMessage];
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    /// <summary>The node typed in (without children) and the 0-based position, or null with the field problems recorded.</summary>
    protected (FrameworkNode? Node, int? Position) ReadForm()
    {
        var problems = new List<NodeFieldProblem>();
        var node = Form.ToFields().ToNode(problems);
        foreach (var problem in problems)
            AddFieldProblem(problem.Field, UiLanguage.IsEnglish ? problem.En : problem.Vi);

        int? position = null;
        if (!string.IsNullOrWhiteSpace(Form.Position))
        {
            if (Cells.TryInt(Form.Position, out var p) && p >= 1)
                position = p - 1;
            else
            {
                Problems.Add(T($"Vị trí «{Form.Position}» phải là số thứ tự từ 1 trở lên.", $"The position “{Form.Position}” must be a whole number from 1."));
                node = null;
            }
        }
        return (node, position);
    }

    protected void AddFieldProblem(NodeField field, string message)
    {
        if (!FieldProblems.TryGetValue(field, out var list))
            FieldProblems[field] = list = [];
        list.Add(message);
    }

    protected IActionResult Invalid(IEnumerable<string>? problems = null, int status = StatusCodes.Status422UnprocessableEntity)
    {
        if (problems is not null)
            Problems.AddRange(problems);
        // The summary names every field problem too, so a screen reader user hears them all at the top.
        foreach (var (field, messages) in FieldProblems.OrderBy(p => p.Key))
            Problems.AddRange(messages.Select(m => $"{FrameworkLabels.Field(field)}: {m}"));
        Response.StatusCode = status;
        return Page();
    }

    /// <summary>Saves the edited tree; on success goes back to the framework at the node's row.</summary>
    protected async Task<IActionResult> SaveAsync(FrameworkDefinition edited, string code, string doneVi, string doneEn,
        IEnumerable<FrameworkTree.MaximumChange> changes, CancellationToken ct)
    {
        var outcome = await DraftEditing.SaveAsync(service, Framework, edited, Form.Stamp, Actor.Of(User), ct);
        if (outcome.Conflict)
            return Invalid(PageProblems.IsStale(outcome.Problems) ? [DraftEditing.StaleMessage] : PageProblems.Lines(outcome.Problems), StatusCodes.Status409Conflict);
        if (outcome.NotFound)
            return NotFound();
        if (outcome.Problems is { } problems)
            return Invalid(PageProblems.Lines(problems));
        TempData["Message"] = T(doneVi, doneEn) + DraftEditing.Describe(changes);
        return Redirect($"{BasePath}#n-{code}");
    }
}
