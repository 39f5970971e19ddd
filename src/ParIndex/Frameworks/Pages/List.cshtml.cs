using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ParIndex.Accounts;
using ParIndex.Data;
using ParIndex.Web;
using static ParIndex.Web.Text;

namespace ParIndex.Frameworks.Pages;

/// <summary>
/// Every framework revision by year and block, with the lifecycle actions. Each action that changes
/// something (publish, correcting revision, clone) first shows a confirmation panel on this page
/// (<c>?banHanh=</c>, <c>?dinhChinh=</c>, <c>?nhanBan=</c>), then posts; no JavaScript needed.
/// </summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class FrameworkListModel(FrameworkService service, AppDbContext db) : PageModel
{
    public const string Path = "/quan-tri/bo-tieu-chi";

    public IReadOnlyList<FrameworkSummary> Frameworks { get; private set; } = [];
    public IReadOnlyList<int> Years { get; private set; } = [];
    public Dictionary<(int Year, string Code), string> BlockNames { get; private set; } = [];
    public int? Year { get; private set; }

    /// <summary>The framework an action panel is open for, and which panel.</summary>
    public FrameworkSummary? Target { get; private set; }
    public string? Panel { get; private set; }

    [BindProperty] public Guid Stamp { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public int? ToYear { get; set; }
    [BindProperty] public string? ToBlockCode { get; set; }
    [BindProperty] public string? CodeMap { get; set; }

    public List<string> Problems { get; private set; } = [];
    [TempData] public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(int? nam, int? banHanh, int? dinhChinh, int? nhanBan, CancellationToken ct)
    {
        await LoadAsync(nam, ct);
        var (panel, id) = banHanh is { } p ? ("publish", p) : dinhChinh is { } r ? ("revise", r) : nhanBan is { } c ? ("clone", c) : (null, 0);
        if (panel is null)
            return Page();
        if (!await OpenPanelAsync(panel, id, ct))
            return NotFound();
        if (panel == "clone")
        {
            ToYear = Target!.Year + 1;
            ToBlockCode = Target.BlockCode;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostPublishAsync(int id, CancellationToken ct)
    {
        if (!await OpenPanelAsync("publish", id, ct))
            return NotFound();
        // The confirmation showed one content; publishing another one, changed since, would be a surprise.
        if (Stamp != Target!.ConcurrencyStamp)
            return await RefuseAsync(StatusCodes.Status409Conflict, T(
                "Bản nháp đã được người khác sửa sau khi bạn mở trang xác nhận. Hãy xem lại trước khi ban hành; chưa có gì được ban hành.",
                "Someone else changed the draft after you opened the confirmation. Review it before publishing; nothing was published."), ct);
        var outcome = await service.PublishAsync(id, Actor.Of(User), ct);
        if (!outcome.Succeeded)
            return await RefuseAsync(outcome, ct);
        Message = T($"Đã ban hành bộ tiêu chí năm {Target.Year} khối {Target.BlockCode} (phiên bản {Target.Revision}).",
            $"Published the {Target.Year} framework of block {Target.BlockCode} (revision {Target.Revision}).");
        return Redirect($"{Path}/{id}");
    }

    public async Task<IActionResult> OnPostReviseAsync(int id, CancellationToken ct)
    {
        if (!await OpenPanelAsync("revise", id, ct))
            return NotFound();
        if (string.IsNullOrWhiteSpace(Reason))
            return await RefuseAsync(StatusCodes.Status422UnprocessableEntity, T("Phải nêu lý do đính chính.", "A reason for the correction is required."), ct);
        var outcome = await service.StartRevisionAsync(Target!.Year, Target.BlockCode, Reason, Actor.Of(User), ct);
        if (!outcome.Succeeded)
            return await RefuseAsync(outcome, ct);
        Message = T($"Đã tạo bản nháp đính chính (phiên bản {outcome.Value!.Revision}). Sửa xong thì ban hành để thay thế phiên bản đang áp dụng.",
            $"Started correcting draft revision {outcome.Value!.Revision}. Publish it when done to replace the revision in force.");
        return Redirect($"{Path}/{outcome.Value.Id}");
    }

    public async Task<IActionResult> OnPostCloneAsync(int id, CancellationToken ct)
    {
        if (!await OpenPanelAsync("clone", id, ct))
            return NotFound();
        var problems = new List<string>();
        if (ToYear is not (>= 2000 and <= 2200))
            problems.Add(T("Năm mới không hợp lệ.", "The new year is not valid."));
        if (string.IsNullOrWhiteSpace(ToBlockCode))
            problems.Add(T("Chưa nhập mã khối.", "The block code is missing."));
        var codeMap = ParseCodeMap(CodeMap, problems);
        if (problems.Count > 0)
            return await RefuseAsync(StatusCodes.Status422UnprocessableEntity, problems, ct);
        var input = new CloneInput(Target!.Year, Target.BlockCode, ToYear!.Value, ToBlockCode!.Trim(), codeMap);
        var outcome = await service.CloneAsync(input, Actor.Of(User), ct);
        if (!outcome.Succeeded)
            return await RefuseAsync(outcome, ct);
        Message = T($"Đã tạo bản nháp năm {input.ToYear} khối {input.ToBlockCode} từ bộ tiêu chí năm {input.FromYear}" + (codeMap.Count > 0 ? $", đổi {codeMap.Count} mã (có bảng đối chiếu)." : "."),
            $"Started the {input.ToYear} draft of block {input.ToBlockCode} from the {input.FromYear} framework" + (codeMap.Count > 0 ? $", renumbering {codeMap.Count} codes (crosswalk recorded)." : "."));
        return Redirect($"{Path}/{outcome.Value!.Id}");
    }

    /// <summary>One "old=new" per line (also "old => new", "old → new"); blank lines are skipped.</summary>
    public static Dictionary<string, string> ParseCodeMap(string? text, List<string> problems)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        var lines = (text ?? "").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0)
                continue;
            var parts = line.Split(["=>", "->", "→", "="], 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
                problems.Add(T($"Bảng đổi mã, dòng {i + 1}: «{line}» phải viết dạng mã cũ=mã mới (ví dụ 3.1=3.2).",
                    $"Code map, line {i + 1}: “{line}” must read old=new (e.g. 3.1=3.2)."));
            else if (!map.TryAdd(parts[0], parts[1]))
                problems.Add(T($"Bảng đổi mã, dòng {i + 1}: mã {parts[0]} đã có ở dòng trên.", $"Code map, line {i + 1}: the code {parts[0]} is already mapped above."));
        }
        return map;
    }

    private async Task<bool> OpenPanelAsync(string panel, int id, CancellationToken ct)
    {
        if (Frameworks.Count == 0)
            await LoadAsync(null, ct);
        var framework = await service.FindAsync(id, ct);
        if (framework is null)
            return false;
        Target = FrameworkService.Summary(framework, framework.Block!.Code);
        Panel = panel;
        // A panel that does not apply to the framework's status shows why instead of a form.
        return true;
    }

    private async Task LoadAsync(int? year, CancellationToken ct)
    {
        Year = year;
        Frameworks = await service.ListAsync(year, ct);
        var blocks = await db.Blocks.AsNoTracking().Select(b => new { b.Year, b.Code, b.NameVi, b.NameEn }).ToListAsync(ct);
        BlockNames = blocks.ToDictionary(b => (b.Year, b.Code), b => UiLanguage.IsEnglish && !string.IsNullOrWhiteSpace(b.NameEn) ? b.NameEn : b.NameVi);
        Years = (await db.Frameworks.AsNoTracking().Select(f => f.Year).Distinct().ToListAsync(ct)).OrderDescending().ToList();
    }

    private Task<IActionResult> RefuseAsync(Outcome<Framework> outcome, CancellationToken ct) =>
        RefuseAsync(outcome.NotFound ? StatusCodes.Status404NotFound : outcome.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity,
            PageProblems.Lines(outcome.Problems) is { Count: > 0 } lines ? lines : [T("Không tìm thấy bộ tiêu chí.", "The framework was not found.")], ct);

    private Task<IActionResult> RefuseAsync(int status, string problem, CancellationToken ct) => RefuseAsync(status, [problem], ct);

    private async Task<IActionResult> RefuseAsync(int status, List<string> problems, CancellationToken ct)
    {
        Problems = problems;
        await LoadAsync(Year, ct);
        Response.StatusCode = status;
        return Page();
    }
}
