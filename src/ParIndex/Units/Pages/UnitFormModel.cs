using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ParIndex.Web;
using static ParIndex.Web.Text;

namespace ParIndex.Units.Pages;

/// <summary>
/// The unit form shared by the new and edit pages. Fields are bound as the text the administrator typed, so that a
/// refused form comes back exactly as it was sent, with each problem beside its field.
/// </summary>
public abstract class UnitFormModel(UnitService units) : PageModel
{
    [BindProperty] public string? Code { get; set; }
    [BindProperty] public string? NameVi { get; set; }
    [BindProperty] public string? NameEn { get; set; }
    [BindProperty] public string? Kind { get; set; }
    [BindProperty] public string? ValidFrom { get; set; }
    [BindProperty] public string? ValidTo { get; set; }
    [BindProperty] public string? ParentCode { get; set; }

    public FormErrors Errors { get; } = new();
    public IReadOnlyList<Unit> ParentChoices { get; private set; } = [];

    /// <summary>True on the new-unit page, where the code is typed; on the edit page the code is the unit's identity.</summary>
    public abstract bool IsNew { get; }

    protected UnitService Units => units;

    protected async Task LoadParentChoicesAsync(string? exceptCode, CancellationToken cancellationToken) =>
        ParentChoices = (await units.ListAsync(cancellationToken: cancellationToken)).Where(u => u.Code != exceptCode).ToList();

    protected void Fill(Unit unit)
    {
        Code = unit.Code;
        NameVi = unit.NameVi;
        NameEn = unit.NameEn;
        Kind = unit.Kind.ToString();
        ValidFrom = Date(unit.ValidFrom);
        ValidTo = unit.ValidTo is null ? null : Date(unit.ValidTo);
        ParentCode = unit.Parent?.Code;
    }

    /// <summary>Parses the typed text, then saves through <see cref="UnitService.SaveAsync"/>; null with <see cref="Errors"/> filled when refused.</summary>
    protected async Task<Unit?> TrySaveAsync(string code, CancellationToken cancellationToken)
    {
        var own = new HashSet<string>(StringComparer.Ordinal);
        if (!UnitPageText.TryParseKind(Kind, out var kind))
        {
            Errors.Add("kind", T("Hãy chọn loại đơn vị.", "Choose the unit's kind."));
            own.Add("kind");
        }
        var validFrom = UnitPageText.ParseDate(ValidFrom);
        if (validFrom is null)
        {
            Errors.Add("validFrom", string.IsNullOrWhiteSpace(ValidFrom)
                ? T("Ngày bắt đầu hiệu lực là bắt buộc (dd/MM/yyyy).", "The start date is required (dd/MM/yyyy).")
                : T($"Ngày '{ValidFrom}' không hợp lệ (dd/MM/yyyy).", $"Date '{ValidFrom}' is not valid (dd/MM/yyyy)."));
            own.Add("validFrom");
        }
        DateOnly? validTo = null;
        if (!string.IsNullOrWhiteSpace(ValidTo))
        {
            validTo = UnitPageText.ParseDate(ValidTo);
            if (validTo is null)
            {
                Errors.Add("validTo", T($"Ngày '{ValidTo}' không hợp lệ (dd/MM/yyyy).", $"Date '{ValidTo}' is not valid (dd/MM/yyyy)."));
                own.Add("validTo");
            }
        }
        var input = new UnitDto(
            code.Trim(), NameVi?.Trim() ?? "", string.IsNullOrWhiteSpace(NameEn) ? null : NameEn.Trim(), kind,
            validFrom ?? DateOnly.MinValue, validTo, string.IsNullOrWhiteSpace(ParentCode) ? null : ParentCode.Trim());
        if (Errors.Any)
        {
            // Report the other fields' problems too, so that one round trip shows everything to fix.
            if (validFrom is null)
                own.Add("validTo");
            Errors.Merge(units.Validate(input), own);
            return null;
        }
        var outcome = await units.SaveAsync(input, Actor.Of(User), cancellationToken);
        if (outcome.Succeeded)
            return outcome.Value;
        Errors.Merge(outcome.Problems);
        return null;
    }
}
