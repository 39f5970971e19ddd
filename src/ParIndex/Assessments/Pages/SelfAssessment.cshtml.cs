using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ParIndex.Accounts;
using ParIndex.Core.Frameworks;
using ParIndex.Evidence;
using ParIndex.Units.Pages;
using ParIndex.Web;
using ParIndex.Web.Documents;
using static ParIndex.Web.Text;

namespace ParIndex.Assessments.Pages;

/// <summary>
/// The unit's self-assessment as a form, field by field (no JavaScript): per leaf the input its method needs, a
/// comment, the explanation when evidence is missing, its evidence (upload, link, carry over, remove); leaves fed by
/// data show their value and source. Progress on top; the unit head submits at the bottom. Each leaf's form carries the
/// version it showed, so a stale save is refused with the other person's value.
/// </summary>
[Authorize(Policy = Policies.UnitStaff)]
public sealed class SelfAssessmentModel(AssessmentService assessments, EvidenceService evidence, UserScope scope, PdfSupport pdf) : PageModel
{
    [TempData] public string? Message { get; set; }
    [TempData] public string? SavedNode { get; set; }
    [TempData] public string? EvidenceMessage { get; set; }
    [TempData] public string? EvidenceError { get; set; }
    [TempData] public string? EvidenceNode { get; set; }

    [BindProperty] public string? Node { get; set; }
    [BindProperty] public LeafFields Fields { get; set; } = new();
    [BindProperty] public string? Comment { get; set; }
    [BindProperty] public string? NoEvidenceNote { get; set; }
    [BindProperty] public int Version { get; set; }
    [BindProperty] public string? Difficulties { get; set; }
    [BindProperty] public long DocumentId { get; set; }

    public int Year { get; private set; }
    public UserScopeInfo Who { get; private set; } = null!;
    public AssessmentContext? Context { get; private set; }
    public AssessmentView? View { get; private set; }
    public IReadOnlyList<EvidenceDto> Documents { get; private set; } = [];
    public IReadOnlyList<EvidenceDto> CarryOver { get; private set; } = [];
    public bool PdfAvailable => pdf.Available;

    /// <summary>The leaf whose form was refused: its fields show what was typed, its messages sit beside them.</summary>
    public string? ErrorNode { get; private set; }
    public string? ErrorSection { get; private set; }
    public FormErrors Errors { get; } = new();
    public bool IsHead => Who.Roles.Contains(Roles.UnitHead);
    public bool ReadOnly => View?.Status == AssessmentStatus.Submitted;

    public async Task<IActionResult> OnGetAsync(int year, CancellationToken cancellationToken) =>
        await LoadAsync(year, cancellationToken) ? Page() : NotFoundPage();

    public async Task<IActionResult> OnPostSaveAsync(int year, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(year, cancellationToken))
            return NotFoundPage();
        var node = Context!.Framework.Leaves().FirstOrDefault(n => n.Code == Node);
        if (node is null)
            return NotFoundPage();
        ErrorNode = node.Code;
        var input = CampaignAccess.IsFedByData(node) ? null : Fields.Parse(node, Errors);
        if (Errors.Any)
            return Refused();
        var outcome = await assessments.SaveEntryAsync(year, View!.UnitCode, node.Code, new EntryInput(input, Comment, NoEvidenceNote, Version), Who, cancellationToken);
        if (!outcome.Succeeded)
            return Refused(outcome.Problems);
        Message = T($"Đã lưu tiêu chí {node.Code}.", $"Criterion {node.Code} saved.");
        SavedNode = node.Code;
        return RedirectToPage(null, null, new { year }, "node-" + node.Code);
    }

    public async Task<IActionResult> OnPostDifficultiesAsync(int year, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(year, cancellationToken))
            return NotFoundPage();
        var outcome = await assessments.SaveDifficultiesAsync(year, View!.UnitCode, new DifficultiesInput(Difficulties, Version), Who, cancellationToken);
        if (!outcome.Succeeded)
        {
            ErrorSection = "difficulties";
            return Refused(outcome.Problems);
        }
        Message = T("Đã lưu phần khó khăn, vướng mắc và đề xuất.", "Difficulties and proposals saved.");
        return RedirectToPage(null, null, new { year }, "difficulties");
    }

    public async Task<IActionResult> OnPostSubmitAsync(int year, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(year, cancellationToken))
            return NotFoundPage();
        var outcome = await assessments.SubmitAsync(year, View!.UnitCode, Who, cancellationToken);
        if (!outcome.Succeeded)
        {
            ErrorSection = "submit";
            return Refused(outcome.Problems);
        }
        Message = T($"Đã gửi bản tự đánh giá năm {year}. Đơn vị không sửa được nữa.", $"The {year} self-assessment was submitted. The unit can no longer change it.");
        return RedirectToPage(null, null, new { year });
    }

    public Task<IActionResult> OnPostLinkAsync(int year, CancellationToken cancellationToken) =>
        EvidenceActionAsync(year, async (unit, node) => Result(await evidence.LinkAsync(year, unit, DocumentId, node, Who, cancellationToken)),
            T("Đã gắn tài liệu vào tiêu chí {0}.", "Document attached to criterion {0}."), cancellationToken);

    public Task<IActionResult> OnPostUnlinkAsync(int year, CancellationToken cancellationToken) =>
        EvidenceActionAsync(year, async (unit, node) => Result(await evidence.UnlinkAsync(year, unit, DocumentId, node, Who, cancellationToken)),
            T("Đã gỡ tài liệu khỏi tiêu chí {0}.", "Document removed from criterion {0}."), cancellationToken);

    public Task<IActionResult> OnPostCarryOverAsync(int year, CancellationToken cancellationToken) =>
        EvidenceActionAsync(year, async (unit, node) => Result(await evidence.CarryOverAsync(year, unit, DocumentId, [node], Who, cancellationToken)),
            T("Đã dùng lại tài liệu năm trước cho tiêu chí {0}.", "Last year's document now backs criterion {0}."), cancellationToken);

    private static (bool Succeeded, Problems? Problems) Result<T>(Outcome<T> outcome) => (outcome.Succeeded, outcome.Problems);

    private async Task<IActionResult> EvidenceActionAsync(int year, Func<string, string, Task<(bool Succeeded, Problems? Problems)>> act, string done, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(year, cancellationToken))
            return NotFoundPage();
        var node = Context!.Framework.Leaves().FirstOrDefault(n => n.Code == Node);
        if (node is null)
            return NotFoundPage();
        var (succeeded, problems) = await act(View!.UnitCode, node.Code);
        if (succeeded)
            EvidenceMessage = string.Format(System.Globalization.CultureInfo.CurrentCulture, done, node.Code);
        else
            EvidenceError = problems is null ? T("Không tìm thấy tài liệu.", "Document not found.") : string.Join(" ", problems.ToDictionary().SelectMany(p => p.Value));
        EvidenceNode = node.Code;
        return RedirectToPage(null, null, new { year }, "node-" + node.Code);
    }

    private async Task<bool> LoadAsync(int year, CancellationToken cancellationToken)
    {
        Year = year;
        if (await scope.OfAsync(User, cancellationToken) is not { UnitCode: { } unit } who)
            return false;
        Who = who;
        Context = await assessments.ContextAsync(year, unit, cancellationToken);
        if (Context is null)
            return false;
        var view = await assessments.ViewAsync(year, unit, who, cancellationToken);
        if (!view.Succeeded)
            return false;
        View = view.Value;
        Documents = (await evidence.ListAsync(year, unit, who, cancellationToken)).Value ?? [];
        CarryOver = (await evidence.CarryOverCandidatesAsync(year, unit, who, cancellationToken)).Value ?? [];
        return true;
    }

    private IActionResult Refused(Problems? problems = null)
    {
        Errors.Merge(problems);
        if (!Errors.Any)
            Errors.Add("form", T("Không lưu được.", "Could not be saved."));
        Response.StatusCode = problems is not null && problems.ToDictionary().ContainsKey("version") || problems?.ToDictionary().ContainsKey("phase") == true || problems?.ToDictionary().ContainsKey("status") == true
            ? StatusCodes.Status409Conflict
            : StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private IActionResult NotFoundPage()
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }

    public FrameworkNode NodeOf(string code) => Context!.Framework.Leaves().First(n => n.Code == code);

    /// <summary>A leaf's fields: as typed when its form was refused, else as stored.</summary>
    public LeafFields FieldsFor(EntryView entry) => ErrorNode == entry.NodeCode ? Fields : LeafFields.Of(entry.Input);

    public string? CommentFor(EntryView entry) => ErrorNode == entry.NodeCode ? Comment : entry.Comment;

    public string? NoteFor(EntryView entry) => ErrorNode == entry.NodeCode ? NoEvidenceNote : entry.NoEvidenceNote;

    public FormErrors ErrorsFor(string code) => ErrorNode == code ? Errors : Empty;

    private static readonly FormErrors Empty = new();
}
