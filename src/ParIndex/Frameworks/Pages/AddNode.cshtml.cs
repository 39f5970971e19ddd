using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ParIndex.Accounts;
using ParIndex.Core.Frameworks;

namespace ParIndex.Frameworks.Pages;

/// <summary>Adds a node to a draft: a field at the top level, or a child of a group (<c>?cha=code</c>).</summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class FrameworkAddNodeModel(FrameworkService service) : NodeEditorModel(service)
{
    public override bool IsNew => true;

    public async Task<IActionResult> OnGetAsync(int id, string? cha, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || (cha is not null && Definition.FindNode(cha) is null))
            return NotFound();
        if (Framework.Status != FrameworkStatus.Draft)
            return NotDraft();
        var siblings = cha is null ? Definition.Nodes : Definition.FindNode(cha)!.Children;
        Form = new NodeForm
        {
            Parent = cha,
            Code = SuggestCode(cha, siblings),
            Kind = NodeForm.KindValue(cha is null ? NodeKind.Group : NodeKind.Leaf),
            Method = cha is null ? null : "manual",
            NotApplicable = FrameworkCellText.NotApplicable(NotApplicablePolicy.NotAllowed),
            Stamp = Framework.ConcurrencyStamp,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
            return NotFound();
        if (Framework.Status != FrameworkStatus.Draft)
            return NotDraft();
        var (node, position) = ReadForm();
        if (node is null)
            return Invalid();
        var parent = string.IsNullOrWhiteSpace(Form.Parent) ? null : Form.Parent.Trim();
        var added = Definition.AddChild(parent, node, position);
        if (!added.Succeeded)
            return Invalid(PageProblems.Lines(added.Problems));
        var (edited, changes) = Form.SumUp ? added.Framework.SumUpFrom(parent) : (added.Framework, []);
        return await SaveAsync(edited, node.Code, $"Đã thêm {node.Code}.", $"Added {node.Code}.", changes, ct);
    }

    /// <summary>The next free code after the last sibling's (1.3 after 1.2), or the parent's code plus ".1".</summary>
    private string? SuggestCode(string? parent, IReadOnlyList<FrameworkNode> siblings)
    {
        var taken = Definition.AllNodes().Select(n => n.Code).ToHashSet(StringComparer.Ordinal);
        var prefix = parent is null ? "" : parent + ".";
        var numbers = siblings.Select(s => s.Code.StartsWith(prefix, StringComparison.Ordinal) && int.TryParse(s.Code[prefix.Length..], out var n) ? n : 0);
        for (var next = numbers.DefaultIfEmpty(0).Max() + 1; next < 1000; next++)
            if (!taken.Contains(prefix + next))
                return prefix + next;
        return null;
    }
}
