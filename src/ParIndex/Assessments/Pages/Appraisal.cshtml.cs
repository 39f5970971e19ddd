using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ParIndex.Accounts;
using ParIndex.Core.Frameworks;
using ParIndex.Evidence;
using ParIndex.Frameworks;
using ParIndex.Units.Pages;
using ParIndex.Web;
using static ParIndex.Web.Text;

namespace ParIndex.Assessments.Pages;

/// <summary>
/// The appraiser's queue (thẩm định): across units, the leaves of submitted self-assessments that their agency leads,
/// filtered by unit, state and field (a GET form); per leaf the self input, evidence, explanations, a form to accept or
/// adjust (reason required) and a verdict per document. Works without JavaScript.
/// </summary>
[Authorize(Policy = Policies.Appraiser)]
public sealed class AppraisalModel(AppraisalService appraisals, FrameworkService frameworks, UserScope scope) : PageModel
{
    [TempData] public string? Message { get; set; }
    [TempData] public string? SavedKey { get; set; }

    [BindProperty(SupportsGet = true)] public string? Unit { get; set; }
    [BindProperty(SupportsGet = true)] public AppraisalState? State { get; set; }
    [BindProperty(SupportsGet = true)] public string? Field { get; set; }

    [BindProperty] public string? ItemUnit { get; set; }
    [BindProperty] public string? Node { get; set; }
    [BindProperty] public AppraisalDecision Decision { get; set; }
    [BindProperty] public LeafFields Fields { get; set; } = new();
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public int Version { get; set; }
    [BindProperty] public long DocumentId { get; set; }
    [BindProperty] public EvidenceVerdict? Verdict { get; set; }
    [BindProperty] public string? Note { get; set; }

    public int Year { get; private set; }
    public UserScopeInfo Who { get; private set; } = null!;
    public IReadOnlyList<AppraisalItem> Items { get; private set; } = [];
    public IReadOnlyList<AppraisalItem> All { get; private set; } = [];
    public Dictionary<string, FrameworkDefinition> Frameworks { get; } = new(StringComparer.Ordinal);

    public string? ErrorKey { get; private set; }
    public FormErrors Errors { get; } = new();

    public static string KeyOf(AppraisalItem item) => $"{item.UnitCode}/{item.Entry.NodeCode}";

    public async Task<IActionResult> OnGetAsync(int year, CancellationToken cancellationToken)
    {
        await LoadAsync(year, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostDecideAsync(int year, CancellationToken cancellationToken)
    {
        await LoadAsync(year, cancellationToken);
        var item = All.FirstOrDefault(i => i.UnitCode == ItemUnit && i.Entry.NodeCode == Node);
        if (item is null)
            return NotFound();
        ErrorKey = KeyOf(item);
        var node = NodeOf(item);
        var input = Decision == AppraisalDecision.Adjusted ? Fields.Parse(node, Errors) : null;
        if (Errors.Any)
            return Refused(null);
        var outcome = await appraisals.DecideAsync(year, item.UnitCode, item.Entry.NodeCode, new AppraisalInput(Decision, input, Reason, Version), Who, cancellationToken);
        if (!outcome.Succeeded)
            return Refused(outcome.Problems);
        Message = T($"Đã lưu kết quả thẩm định tiêu chí {item.Entry.NodeCode} của {item.UnitName}.", $"Appraisal of criterion {item.Entry.NodeCode} of {item.UnitName} saved.");
        SavedKey = ErrorKey;
        return Back(item);
    }

    public async Task<IActionResult> OnPostVerdictAsync(int year, CancellationToken cancellationToken)
    {
        await LoadAsync(year, cancellationToken);
        var item = All.FirstOrDefault(i => i.UnitCode == ItemUnit && i.Entry.NodeCode == Node);
        if (item is null)
            return NotFound();
        ErrorKey = KeyOf(item);
        if (Verdict is not { } verdict)
        {
            Errors.Add("verdict", T("Hãy chọn kết luận về tài liệu.", "Choose a verdict."));
            return Refused(null);
        }
        var outcome = await appraisals.VerdictAsync(year, item.UnitCode, item.Entry.NodeCode, DocumentId, new VerdictInput(verdict, Note), Who, cancellationToken);
        if (!outcome.Succeeded)
            return Refused(outcome.Problems);
        Message = T("Đã lưu kết luận về tài liệu.", "Verdict saved.");
        SavedKey = ErrorKey;
        return Back(item);
    }

    private IActionResult Back(AppraisalItem item) =>
        RedirectToPage(null, null, new { year = Year, unit = Unit, state = State, field = Field }, "item-" + Anchor(item));

    public static string Anchor(AppraisalItem item) => $"{item.UnitCode}-{item.Entry.NodeCode.Replace('.', '-')}";

    private async Task LoadAsync(int year, CancellationToken cancellationToken)
    {
        Year = year;
        Who = await scope.OfAsync(User, cancellationToken) ?? new UserScopeInfo("", "", new HashSet<string>(), null, null);
        All = await appraisals.QueueAsync(year, Who, new AppraisalFilter(), cancellationToken);
        Items = All.Where(i => (Unit is null || i.UnitCode == Unit) && (State is null || i.State == State) && (Field is null || i.Entry.FieldCode == Field)).ToList();
        foreach (var block in All.Select(i => i.BlockCode).Distinct())
            if ((await frameworks.PublishedAsync(year, block, cancellationToken) ?? await frameworks.LatestAsync(year, block, cancellationToken)) is { } framework)
                Frameworks[block] = FrameworkService.Definition(framework);
    }

    private IActionResult Refused(Problems? problems)
    {
        Errors.Merge(problems);
        if (!Errors.Any)
            Errors.Add("form", T("Không lưu được.", "Could not be saved."));
        var fields = problems?.ToDictionary() ?? new Dictionary<string, string[]>();
        Response.StatusCode = fields.ContainsKey("version") || fields.ContainsKey("phase") || fields.ContainsKey("status") || fields.ContainsKey("round")
            ? StatusCodes.Status409Conflict
            : StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    public FrameworkNode NodeOf(AppraisalItem item) => Frameworks[item.BlockCode].Leaves().First(n => n.Code == item.Entry.NodeCode);

    public LeafFields FieldsFor(AppraisalItem item) =>
        ErrorKey == KeyOf(item) ? Fields : LeafFields.Of(item.Entry.Decision is { Decision: AppraisalDecision.Adjusted } d ? d.Input : item.Entry.Input);

    public FormErrors ErrorsFor(AppraisalItem item) => ErrorKey == KeyOf(item) ? Errors : Empty;

    private static readonly FormErrors Empty = new();
}
