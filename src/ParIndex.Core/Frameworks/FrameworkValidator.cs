using System.Text.RegularExpressions;
using static ParIndex.Core.Frameworks.FrameworkProblemCodes;
using static ParIndex.Core.Frameworks.ProblemText;

namespace ParIndex.Core.Frameworks;

/// <summary>
/// Checks a framework before it is published: the tree adds up, every scored node can be scored, the
/// class bands cover 0–100 exactly once, the rules name real classes, the crosswalk names real nodes.
/// Reports every problem found rather than stopping at the first, so an editor can fix them in one pass.
/// </summary>
public static partial class FrameworkValidator
{
    /// <summary>All problems of <paramref name="framework"/>; empty when it is valid.</summary>
    /// <param name="catalog">The metric and survey names that exist; <see cref="MetricCatalog.Default"/> when null.</param>
    public static IReadOnlyList<FrameworkProblem> Validate(FrameworkDefinition framework, MetricCatalog? catalog = null)
    {
        var run = new Run(catalog ?? MetricCatalog.Default);
        run.Framework(framework);
        return run.Problems;
    }

    /// <summary>Dotted segments of ASCII letters and digits: <c>3.2.1</c>, <c>A.1</c>, <c>9b</c>. Codes appear in URLs and file names.</summary>
    public static bool IsValidCode(string? code) => code is not null && CodePattern().IsMatch(code);

    [GeneratedRegex(@"^[A-Za-z0-9]+(\.[A-Za-z0-9]+)*\z", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();

    /// <summary>
    /// A node with where it sits: <see cref="Path"/> is its code (how people address it), or its
    /// <see cref="Position"/> (<c>nodes[0].children[2]</c>) when the code is unusable.
    /// </summary>
    private readonly record struct Located(FrameworkNode Node, string Path, string Position, int Depth)
    {
        public string Vi => NodeVi(Node, Depth);
        public string En => NodeEn(Node, Depth);
        public string? Code => string.IsNullOrWhiteSpace(Node.Code) ? null : Node.Code;
    }

    private sealed partial class Run(MetricCatalog catalog)
    {
        private readonly Dictionary<string, FrameworkNode> _nodesByCode = new(StringComparer.Ordinal);

        public List<FrameworkProblem> Problems { get; } = [];

        private void Add(string path, string code, string vi, string en, string? nodeCode = null) =>
            Problems.Add(new FrameworkProblem(path, code, vi, en) { NodeCode = nodeCode });

        private void Add(Located at, string code, string vi, string en, string? subPath = null) =>
            Add(subPath is null ? at.Path : $"{at.Path}.{subPath}", code, $"{at.Vi}: {vi}", $"{at.En}: {en}", at.Code);

        public void Framework(FrameworkDefinition framework)
        {
            if (string.IsNullOrWhiteSpace(framework.BlockCode))
                Add("blockCode", BlockCodeMissing, "Bộ tiêu chí chưa có mã khối", "The framework has no block code");
            if (string.IsNullOrWhiteSpace(framework.TitleVi))
                Add("titleVi", TitleMissing, "Bộ tiêu chí chưa có tên", "The framework has no title");

            Nodes(framework.Nodes ?? [], "nodes", 0);

            // Not framework.MaxPoints: a null entry (already reported) must not crash the sum.
            var max = (framework.Nodes ?? []).Where(n => n is { Kind: NodeKind.Group or NodeKind.Leaf }).Sum(n => n.MaxPoints);
            if (max <= 0)
                Add("nodes", FrameworkMaxNotPositive,
                    $"Bộ tiêu chí: tổng điểm tối đa ({Vi(max)}) phải lớn hơn 0",
                    $"Framework: the total maximum ({En(max)}) must be greater than 0");

            Classes(framework.Classes ?? []);
            Rules(framework.Rules ?? [], framework.Classes ?? []);
            Crosswalk(framework.Crosswalk ?? new Dictionary<string, string>());
        }

        private void Nodes(IReadOnlyList<FrameworkNode> nodes, string listPath, int depth)
        {
            for (var i = 0; i < nodes.Count; i++)
            {
                var position = $"{listPath}[{i}]";
                if (nodes[i] is not { } node)
                {
                    Add(position, NullEntry, $"{position}: mục trống (null)", $"{position}: empty entry (null)");
                    continue;
                }
                // A node is addressed by its code; only a node without a usable code falls back to its position.
                Node(new Located(node, IsValidCode(node.Code) ? node.Code : position, position, depth));
            }
        }

        private void Node(Located at)
        {
            var node = at.Node;
            Code(at);
            if (string.IsNullOrWhiteSpace(node.TitleVi))
                Add(at, TitleMissing, "chưa có tên tiếng Việt", "the Vietnamese title is missing");
            if (node.MaxPoints < 0)
                Add(at, NegativeMax, $"điểm tối đa ({Vi(node.MaxPoints)}) không được âm",
                    $"the maximum ({En(node.MaxPoints)}) must not be negative");

            var children = node.Children ?? [];
            if (node.Kind == NodeKind.Group)
                Group(at, children);
            else
                Scored(at, children);

            Nodes(children, $"{at.Position}.children", at.Depth + 1);
        }

        private void Code(Located at)
        {
            var code = at.Node.Code;
            if (!IsValidCode(code))
            {
                Add(at, CodeFormat,
                    $"mã «{code}» không hợp lệ: mã gồm các đoạn chữ hoặc số không dấu, nối bằng dấu chấm, không có khoảng trắng (ví dụ 3.2.1)",
                    $"the code “{code}” is not valid: a code is letters or digits in dot-separated segments, without spaces (e.g. 3.2.1)");
                return;
            }
            if (!_nodesByCode.TryAdd(code, at.Node))
            {
                var first = _nodesByCode[code];
                Add(at, DuplicateCode, $"mã {code} bị trùng, đã dùng cho «{first.TitleVi}»",
                    $"the code {code} is used more than once, also by “{first.TitleEn ?? first.TitleVi}”");
            }
        }

        private void Group(Located at, IReadOnlyList<FrameworkNode> children)
        {
            var node = at.Node;
            if (node.Method is not null)
                Add(at, GroupWithMethod,
                    $"nhóm tiêu chí không được có phương pháp chấm điểm ({MethodVi(node.Method)}); điểm của nhóm là tổng điểm các tiêu chí con",
                    $"a group must not have a scoring method ({node.Method.TypeName}); its points are the sum of its children's");
            if (children.Count == 0)
            {
                Add(at, GroupWithoutChildren, "nhóm tiêu chí chưa có tiêu chí con nào (nếu chấm điểm trực tiếp, đặt loại là leaf)",
                    "the group has no children (if it is scored directly, make it a leaf)");
                return;
            }

            // Bonus and penalty nodes sit outside every maximum, so only regular children must add up.
            var sum = children.Where(c => c is { Kind: NodeKind.Group or NodeKind.Leaf }).Sum(c => c.MaxPoints);
            if (sum > node.MaxPoints)
                Add(at, ChildrenExceedParent,
                    $"tổng điểm tối đa các tiêu chí con ({Vi(sum)}) vượt điểm tối đa ({Vi(node.MaxPoints)})",
                    $"the children's maxima add up to {En(sum)}, more than the maximum ({En(node.MaxPoints)})");
            else if (sum < node.MaxPoints)
                Add(at, ChildrenBelowParent,
                    $"tổng điểm tối đa các tiêu chí con ({Vi(sum)}) thấp hơn điểm tối đa ({Vi(node.MaxPoints)})",
                    $"the children's maxima add up to {En(sum)}, less than the maximum ({En(node.MaxPoints)})");
        }

        private void Scored(Located at, IReadOnlyList<FrameworkNode> children)
        {
            var node = at.Node;
            if (children.Count > 0)
                Add(at, LeafWithChildren,
                    $"tiêu chí chấm điểm trực tiếp không được có tiêu chí con ({children.Count} tiêu chí con); nếu điểm là tổng các tiêu chí con, đặt loại là group",
                    $"a directly scored node must not have children ({children.Count} found); if its points are the sum of its children's, make it a group");

            if (node.Method is { } method)
                Method(at, method);
            else if (node.Kind == NodeKind.Leaf)
                Add(at, LeafWithoutMethod, "chưa có phương pháp chấm điểm", "no scoring method");
            else
                Add(at, BonusPenaltyWithoutMethod, "chưa có phương pháp chấm điểm (thường là nhập điểm)",
                    "no scoring method (usually manual)");
        }

        private void Crosswalk(IReadOnlyDictionary<string, string> crosswalk)
        {
            foreach (var (code, previous) in crosswalk)
            {
                var path = $"crosswalk['{code}']";
                if (!_nodesByCode.ContainsKey(code))
                    Add(path, CrosswalkUnknownCode,
                        $"Bảng đối chiếu: mã {code} không phải là mã tiêu chí nào của bộ tiêu chí này",
                        $"Crosswalk: {code} is not the code of any node of this framework");
                if (string.IsNullOrWhiteSpace(previous))
                    Add(path, CrosswalkEmptyTarget,
                        $"Bảng đối chiếu: tiêu chí {code} chưa có mã năm trước (nếu là tiêu chí mới, xóa dòng này)",
                        $"Crosswalk: node {code} has no previous code (if the node is new, remove the entry)", code);
            }
        }
    }
}
