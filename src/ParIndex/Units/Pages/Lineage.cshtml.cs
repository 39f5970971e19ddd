using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ParIndex.Accounts;
using ParIndex.Core.Lineage;
using ParIndex.Web;
using static ParIndex.Web.Text;

namespace ParIndex.Units.Pages;

/// <summary>Unit successions (merge, split, rename): the list, a form to add one, and a button to remove one.</summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class LineageModel(LineageService lineage, UnitService units) : PageModel
{
    /// <summary>Shows only the successions touching one unit (linked from the unit's page).</summary>
    [BindProperty(SupportsGet = true, Name = "unit")] public string? UnitFilter { get; set; }

    [BindProperty] public string? PredecessorCode { get; set; }
    [BindProperty] public string? SuccessorCode { get; set; }
    [BindProperty] public string? Kind { get; set; }
    [BindProperty] public string? EffectiveDate { get; set; }
    [BindProperty] public string? Note { get; set; }
    [TempData] public string? Message { get; set; }

    public IReadOnlyList<SuccessionDto> Successions { get; private set; } = [];
    public IReadOnlyList<Unit> AllUnits { get; private set; } = [];
    public IReadOnlyDictionary<string, Unit> UnitsByCode { get; private set; } = new Dictionary<string, Unit>();
    public FormErrors Errors { get; } = new();
    public string? RemoveError { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var kindOk = Enum.TryParse<SuccessionKind>(Kind, ignoreCase: true, out var kind) && !int.TryParse(Kind, out _) && Enum.IsDefined(kind);
        if (!kindOk)
            Errors.Add("kind", T("Hãy chọn hình thức: sáp nhập, chia tách hoặc đổi tên.", "Choose the kind: merge, split or rename."));
        var date = UnitPageText.ParseDate(EffectiveDate);
        if (date is null)
            Errors.Add("effectiveDate", string.IsNullOrWhiteSpace(EffectiveDate)
                ? T("Ngày hiệu lực là bắt buộc (dd/MM/yyyy).", "The effective date is required (dd/MM/yyyy).")
                : T($"Ngày '{EffectiveDate}' không hợp lệ (dd/MM/yyyy).", $"Date '{EffectiveDate}' is not valid (dd/MM/yyyy)."));
        if (string.IsNullOrWhiteSpace(PredecessorCode))
            Errors.Add("predecessorCode", T("Hãy chọn đơn vị tiền thân.", "Choose the predecessor."));
        if (string.IsNullOrWhiteSpace(SuccessorCode))
            Errors.Add("successorCode", T("Hãy chọn đơn vị kế thừa.", "Choose the successor."));
        if (Note is { Length: > 1000 })
            Errors.Add("note", T("Ghi chú tối đa 1000 ký tự.", "The note may have at most 1000 characters."));
        if (!Errors.Any)
        {
            var input = new SuccessionInput(PredecessorCode!.Trim(), SuccessorCode!.Trim(), date!.Value, kind, Note);
            var outcome = await lineage.AddAsync(input, Actor.Of(User), cancellationToken);
            if (outcome.Succeeded)
            {
                Message = T(
                    $"Đã ghi: {input.PredecessorCode} → {input.SuccessorCode} ({UnitPageText.SuccessionKindName(kind)}, {Date(input.EffectiveDate)}).",
                    $"Recorded: {input.PredecessorCode} → {input.SuccessorCode} ({UnitPageText.SuccessionKindName(kind)}, {Date(input.EffectiveDate)}).");
                return LocalRedirect(ListPath());
            }
            Errors.Merge(outcome.Problems);
        }
        await LoadAsync(cancellationToken);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, CancellationToken cancellationToken)
    {
        var existing = (await lineage.ListAsync(cancellationToken: cancellationToken)).FirstOrDefault(s => s.Id == id);
        if (existing is not null && await lineage.RemoveAsync(id, Actor.Of(User), cancellationToken))
        {
            Message = T($"Đã xóa: {existing.PredecessorCode} → {existing.SuccessorCode}.", $"Removed: {existing.PredecessorCode} → {existing.SuccessorCode}.");
            return LocalRedirect(ListPath());
        }
        RemoveError = T("Không tìm thấy quan hệ kế thừa này; có thể nó đã bị xóa.", "This succession was not found; it may have been removed already.");
        await LoadAsync(cancellationToken);
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }

    public string NameOf(string code) => UnitsByCode.TryGetValue(code, out var unit) ? unit.NameVi : code;

    public string ListPath() => string.IsNullOrWhiteSpace(UnitFilter) ? "/quan-tri/lich-su-don-vi" : "/quan-tri/lich-su-don-vi?unit=" + Uri.EscapeDataString(UnitFilter);

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        AllUnits = await units.ListAsync(cancellationToken: cancellationToken);
        UnitsByCode = AllUnits.ToDictionary(u => u.Code, StringComparer.Ordinal);
        Successions = await lineage.ListAsync(string.IsNullOrWhiteSpace(UnitFilter) ? null : UnitFilter.Trim(), cancellationToken);
    }
}
