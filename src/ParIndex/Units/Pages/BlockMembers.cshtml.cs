using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ParIndex.Accounts;
using ParIndex.Web;
using static ParIndex.Web.Text;

namespace ParIndex.Units.Pages;

/// <summary>A block's members: the list, and a checkbox list of the units valid that year to change them; renames the block.</summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class BlockMembersModel(BlockService blocks, UnitService units) : PageModel
{
    public sealed record Choice(Unit Unit, bool Checked, Block? OtherBlock);

    public sealed record Group(string Title, IReadOnlyList<Choice> Choices);

    [BindProperty] public List<string> UnitCodes { get; set; } = [];
    [BindProperty] public string? NameVi { get; set; }
    [BindProperty] public string? NameEn { get; set; }
    [TempData] public string? Message { get; set; }

    public Block Block { get; private set; } = null!;
    public IReadOnlyList<Unit> Members { get; private set; } = [];
    public IReadOnlyList<Group> Groups { get; private set; } = [];
    public FormErrors Errors { get; } = new();

    /// <summary>Which form the errors belong to: the membership form or the rename form.</summary>
    public bool RenameRefused { get; private set; }

    public async Task<IActionResult> OnGetAsync(int year, string code, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(year, code, null, cancellationToken))
            return NotFound();
        NameVi = Block.NameVi;
        NameEn = Block.NameEn;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int year, string code, CancellationToken cancellationToken)
    {
        var outcome = await blocks.SetMembersAsync(year, code, UnitCodes, Actor.Of(User), cancellationToken);
        if (outcome.NotFound)
            return NotFound();
        if (outcome.Succeeded)
        {
            Message = T($"Đã lưu: khối có {outcome.Value!.Members.Count} đơn vị.", $"Saved: the block has {outcome.Value!.Members.Count} units.");
            return LocalRedirect(UnitPageText.BlockPath(year, code));
        }
        Errors.Merge(outcome.Problems);
        // Show the refused selection as it was sent, not the stored one, so that nothing ticked is lost.
        await LoadAsync(year, code, UnitCodes, cancellationToken);
        NameVi = Block.NameVi;
        NameEn = Block.NameEn;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    public async Task<IActionResult> OnPostRenameAsync(int year, string code, CancellationToken cancellationToken)
    {
        if (await blocks.FindAsync(year, code, cancellationToken) is null)
            return NotFound();
        var outcome = await blocks.SaveAsync(year, new BlockInput(code, NameVi?.Trim() ?? "", NameEn), Actor.Of(User), cancellationToken);
        if (outcome.Succeeded)
        {
            Message = T("Đã đổi tên khối.", "The block was renamed.");
            return LocalRedirect(UnitPageText.BlockPath(year, code));
        }
        Errors.Merge(outcome.Problems);
        RenameRefused = true;
        await LoadAsync(year, code, null, cancellationToken);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task<bool> LoadAsync(int year, string code, IReadOnlyList<string>? selection, CancellationToken cancellationToken)
    {
        var block = await blocks.FindAsync(year, code, cancellationToken);
        if (block is null)
            return false;
        Block = block;
        Members = block.Members.Select(m => m.Unit!).OrderBy(u => u.NameVi, VietnameseText.Comparer).ThenBy(u => u.Code, StringComparer.Ordinal).ToList();
        var selected = new HashSet<string>(selection ?? Members.Select(u => u.Code), StringComparer.Ordinal);
        var otherBlockOf = new Dictionary<string, Block>(StringComparer.Ordinal);
        foreach (var other in await blocks.ListAsync(year, cancellationToken))
            if (other.Id != block.Id)
                foreach (var member in other.Members)
                    otherBlockOf[member.Unit!.Code] = other;

        var valid = await units.ListAsync(year, cancellationToken: cancellationToken);
        var groups = valid.GroupBy(u => u.Kind).OrderBy(g => g.Key)
            .Select(g => new Group(UnitKinds.Name(g.Key), g.Select(u => new Choice(u, selected.Contains(u.Code), otherBlockOf.GetValueOrDefault(u.Code))).ToList()))
            .ToList();
        // Members that are no longer valid in the year stay visible (ticked), so that the refusal can name them.
        var validCodes = valid.Select(u => u.Code).ToHashSet(StringComparer.Ordinal);
        var stale = Members.Where(u => !validCodes.Contains(u.Code)).Select(u => new Choice(u, selected.Contains(u.Code), null)).ToList();
        if (stale.Count > 0)
            groups.Add(new Group(T($"Không còn hiệu lực trong năm {year}", $"Not valid in {year}"), stale));
        Groups = groups;
        return true;
    }
}
