using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ParIndex.Accounts;
using ParIndex.Core.Frameworks;

namespace ParIndex.Frameworks.Pages;

/// <summary>Edits one node of a draft: its fields and method, its code, and where it hangs in the tree.</summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class FrameworkNodeModel(FrameworkService service) : NodeEditorModel(service)
{
    public override bool IsNew => false;

    /// <summary>The code in the address: the node being edited, even when the form renames it.</summary>
    public string OriginalCode { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id, string code, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || Definition.FindNode(code) is not { } node)
            return NotFound();
        OriginalCode = code;
        if (Framework.Status != FrameworkStatus.Draft)
            return NotDraft();
        Form = NodeForm.From(node, Definition.ParentOf(code)?.Code, Framework.ConcurrencyStamp);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, string code, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || Definition.FindNode(code) is null)
            return NotFound();
        OriginalCode = code;
        if (Framework.Status != FrameworkStatus.Draft)
            return NotDraft();
        var (node, position) = ReadForm();
        if (node is null)
            return Invalid();

        var oldParent = Definition.ParentOf(code)?.Code;
        var newParent = string.IsNullOrWhiteSpace(Form.Parent) ? null : Form.Parent.Trim();
        var replaced = Definition.ReplaceNode(code, node);
        if (!replaced.Succeeded)
            return Invalid(PageProblems.Lines(replaced.Problems));
        var edited = replaced.Framework;
        if (newParent != oldParent || position is not null)
        {
            var moved = edited.MoveNode(node.Code, newParent, position);
            if (!moved.Succeeded)
                return Invalid(PageProblems.Lines(moved.Problems));
            edited = moved.Framework;
        }

        var changes = new List<FrameworkTree.MaximumChange>();
        if (Form.SumUp)
        {
            foreach (var parent in new[] { newParent, oldParent }.Distinct())
            {
                var (summed, made) = edited.SumUpFrom(parent);
                edited = summed;
                changes.AddRange(made);
            }
        }
        return await SaveAsync(edited, node.Code, $"Đã lưu {node.Code}.", $"Saved {node.Code}.", changes, ct);
    }
}
