using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ParIndex.Units.Pages;
using ParIndex.Web;
using static ParIndex.Web.Text;

namespace ParIndex.AppraisalCouncil.Pages;

/// <summary>
/// One unit for the council, leaf by leaf: the unit's own input and points, the appraisers', the proposed final input
/// and where it comes from, the council's override with its reason, the points the council's score gives; the
/// unit's index, rank and class if finalised so, against its history. Each leaf has a form to override it.
/// </summary>
[Authorize(Policy = CouncilPolicies.Council)]
public sealed class CouncilUnitModel(CouncilService council) : PageModel
{
    [BindProperty] public string? Node { get; set; }
    [BindProperty] public string? Points { get; set; }
    [BindProperty] public string? Level { get; set; }
    [BindProperty] public string? Numerator { get; set; }
    [BindProperty] public string? Denominator { get; set; }
    [BindProperty] public string? Value { get; set; }
    [BindProperty] public bool NotApplicable { get; set; }
    [BindProperty] public string? Reason { get; set; }

    [TempData] public string? Message { get; set; }

    public CouncilUnitView? View { get; private set; }
    public FormErrors Errors { get; } = new();

    /// <summary>The leaf whose form was refused: it opens again with what was typed and the messages.</summary>
    public string? ErrorNode { get; private set; }

    public async Task<IActionResult> OnGetAsync(int year, string block, string unit, CancellationToken cancellationToken) =>
        await LoadAsync(year, block, unit, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostOverrideAsync(int year, string block, string unit, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(year, block, unit, cancellationToken))
            return NotFound();
        var leaf = View!.Leaves.FirstOrDefault(l => l.Node.Code == Node);
        if (leaf is null)
            return NotFound();
        ErrorNode = leaf.Node.Code;
        var input = CouncilPageText.ParseInput(leaf.Node, Points, Level, Numerator, Denominator, Value, NotApplicable, Errors);
        if (!Errors.Any && input is not null)
        {
            var outcome = await council.OverrideAsync(year, unit, leaf.Node.Code, input, Reason, Web.Actor.Of(User), cancellationToken);
            if (outcome.Succeeded)
            {
                Message = T($"Đã ghi điểm hội đồng cho tiêu chí {leaf.Node.Code} ({CouncilPageText.InputText(input)}).", $"Council score for {leaf.Node.Code} saved ({CouncilPageText.InputText(input)}).");
                return RedirectToPage(null, null, new { year, block, unit }, "leaf-" + leaf.Node.Code);
            }
            Errors.Merge(outcome.Problems);
        }
        return await RefusedAsync(year, block, unit, cancellationToken);
    }

    public async Task<IActionResult> OnPostRemoveOverrideAsync(int year, string block, string unit, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(year, block, unit, cancellationToken))
            return NotFound();
        ErrorNode = Node;
        var outcome = await council.RemoveOverrideAsync(year, unit, Node ?? "", Reason, Web.Actor.Of(User), cancellationToken);
        if (outcome.Succeeded)
        {
            Message = T($"Đã bỏ điểm hội đồng của tiêu chí {Node}; điểm đề xuất được áp dụng lại.", $"Council score for {Node} withdrawn; the proposed score applies again.");
            return RedirectToPage(null, null, new { year, block, unit }, "leaf-" + Node);
        }
        if (outcome.NotFound)
            return NotFound();
        Errors.Merge(outcome.Problems);
        return await RefusedAsync(year, block, unit, cancellationToken);
    }

    private async Task<IActionResult> RefusedAsync(int year, string block, string unit, CancellationToken cancellationToken)
    {
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        await LoadAsync(year, block, unit, cancellationToken);
        return Page();
    }

    private async Task<bool> LoadAsync(int year, string block, string unit, CancellationToken cancellationToken)
    {
        var outcome = await council.UnitAsync(year, unit, cancellationToken);
        View = outcome.Value;
        return View is not null && View.BlockCode == block;
    }

    /// <summary>What a field of a leaf's form shows: what was typed when that form was refused, else the council's current score.</summary>
    public string? FieldValue(CouncilLeafView leaf, string field)
    {
        if (ErrorNode == leaf.Node.Code)
            return field switch { "points" => Points, "level" => Level, "numerator" => Numerator, "denominator" => Denominator, "value" => Value, "reason" => Reason, _ => null };
        var input = leaf.Override?.Input;
        return field switch
        {
            "points" => CouncilPageText.Show(input?.Points),
            "level" => input?.Level,
            "numerator" => CouncilPageText.Show(input?.Numerator),
            "denominator" => CouncilPageText.Show(input?.Denominator),
            "value" => CouncilPageText.Show(input?.Value),
            "reason" => leaf.Override?.Reason,
            _ => null,
        };
    }

    public FormErrors ErrorsFor(string nodeCode) => ErrorNode == nodeCode ? Errors : Empty;

    private static readonly FormErrors Empty = new();
}
