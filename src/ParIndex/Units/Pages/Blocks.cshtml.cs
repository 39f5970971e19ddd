using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ParIndex.Accounts;
using ParIndex.Web;
using static ParIndex.Web.Text;

namespace ParIndex.Units.Pages;

/// <summary>The blocks of a year with their member counts and publication state; creates a block.</summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class BlocksModel(BlockService blocks, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [TempData] public string? Message { get; set; }

    // The create form has its own names so that its year never clashes with the year being viewed.
    [BindProperty] public string? NewYear { get; set; }
    [BindProperty] public string? NewCode { get; set; }
    [BindProperty] public string? NewNameVi { get; set; }
    [BindProperty] public string? NewNameEn { get; set; }

    public int SelectedYear { get; private set; }
    public IReadOnlyList<int> Years { get; private set; } = [];
    public IReadOnlyList<Block> Blocks { get; private set; } = [];
    public FormErrors Errors { get; } = new();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        NewYear = SelectedYear.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var code = NewCode?.Trim() ?? "";
        if (!int.TryParse(NewYear?.Trim(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var year))
            Errors.Add("year", T("Năm phải là một số, ví dụ 2025.", "The year must be a number, e.g. 2025."));
        else if (code.Length > 0 && await blocks.FindAsync(year, code, cancellationToken) is not null)
            // SaveAsync renames an existing block; from the "create" form that would change it unseen.
            Errors.Add("code", T($"Năm {year} đã có khối mã '{code}'.", $"{year} already has a block with code '{code}'."));
        else
        {
            var outcome = await blocks.SaveAsync(year, new BlockInput(code, NewNameVi?.Trim() ?? "", NewNameEn), Actor.Of(User), cancellationToken);
            if (outcome.Succeeded)
            {
                Message = T($"Đã tạo khối {outcome.Value!.NameVi} năm {year}. Hãy chọn các đơn vị thành viên.", $"Block {outcome.Value!.NameVi} of {year} created. Now choose its member units.");
                return LocalRedirect(UnitPageText.BlockPath(year, outcome.Value.Code));
            }
            Errors.Merge(outcome.Problems);
        }
        Year ??= int.TryParse(NewYear, out var typed) ? typed : null;
        await LoadAsync(cancellationToken);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var known = await blocks.YearsAsync(cancellationToken);
        var thisYear = Core.Calendar.VietnamTime.LocalDate(clock.GetUtcNow()).Year;
        SelectedYear = Year is >= 2000 and <= 2100 ? Year.Value : known.Count > 0 ? known[0] : thisYear;
        Years = known.Append(thisYear).Append(thisYear + 1).Append(SelectedYear).Distinct().OrderDescending().ToList();
        Blocks = await blocks.ListAsync(SelectedYear, cancellationToken);
    }
}
