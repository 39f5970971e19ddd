using ParIndex.Core.Frameworks;
using ParIndex.Web;
using static ParIndex.Web.Text;

namespace ParIndex.Frameworks.Pages;

/// <summary>What the node pages share: the tree as table rows, and saving an edited draft with its stamp.</summary>
public static class DraftEditing
{
    public sealed record TreeRow(FrameworkNode Node, int Depth, string? ParentCode);

    public static List<TreeRow> Rows(FrameworkDefinition definition)
    {
        var rows = new List<TreeRow>();
        void Walk(IReadOnlyList<FrameworkNode> nodes, int depth, string? parent)
        {
            foreach (var node in nodes)
            {
                rows.Add(new TreeRow(node, depth, parent));
                Walk(node.Children, depth + 1, node.Code);
            }
        }
        Walk(definition.Nodes, 0, null);
        return rows;
    }

    /// <summary>
    /// Stores the edited definition as the draft, provided nobody saved the draft since <paramref name="stamp"/>
    /// was handed out; the service validates the whole framework first and audits the change.
    /// </summary>
    public static Task<Outcome<Framework>> SaveAsync(FrameworkService service, Framework framework, FrameworkDefinition edited, Guid stamp,
        string actor, CancellationToken ct) =>
        service.SaveDraftAsync(framework.Year, framework.Block!.Code, edited, stamp, actor, ct);

    /// <summary>The group maxima summed up after an edit, as a sentence for the confirmation message.</summary>
    public static string Describe(IEnumerable<FrameworkTree.MaximumChange> changes)
    {
        var list = changes.ToList();
        if (list.Count == 0)
            return "";
        var items = string.Join(", ", list.Select(c => $"{c.Code}: {FrameworkLabels.Points(c.OldMax)} → {FrameworkLabels.Points(c.NewMax)}"));
        return " " + T($"Điểm tối đa của nhóm cha được cộng lại: {items}.", $"Parent group maxima were summed up again: {items}.");
    }

    public static string StaleMessage => T(
        "Bản nháp đã được người khác sửa sau khi bạn mở trang này. Hãy tải lại trang để xem thay đổi của họ; nội dung của bạn chưa được lưu.",
        "Someone else changed the draft after you opened this page. Reload to see their changes; yours were not saved.");

    public static string NotDraftMessage => T(
        "Bộ tiêu chí này đã ban hành (hoặc đã bị thay thế) nên không sửa được. Muốn sửa, hãy tạo phiên bản đính chính kèm lý do.",
        "This framework is published (or superseded) and cannot change. To correct it, start a revision with a reason.");
}
