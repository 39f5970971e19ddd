using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ParIndex.Accounts;
using ParIndex.Core.Frameworks;
using ParIndex.Data;
using ParIndex.Data.Tabular;
using ParIndex.Web;
using static ParIndex.Web.Text;

namespace ParIndex.Frameworks.Pages;

/// <summary>
/// Imports a block's draft for a year from a JSON or XLSX file. The content decides the format (an XLSX is a
/// ZIP; anything else must parse as JSON). Every problem is listed, by line and column, sheet and row, or node;
/// nothing is stored unless the whole framework is valid.
/// </summary>
[Authorize(Policy = Policies.Administrator)]
[RequestSizeLimit(MaxBytes + 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxBytes + 1024 * 1024)]
public sealed class FrameworkImportModel(FrameworkService service, AppDbContext db) : PageModel
{
    public const long MaxBytes = 10L * 1024 * 1024;

    [BindProperty] public int? Year { get; set; }
    [BindProperty] public string? BlockCode { get; set; }
    [BindProperty] public IFormFile? Upload { get; set; }

    /// <summary>An open draft is replaced only when the administrator says so.</summary>
    [BindProperty] public bool ReplaceDraft { get; set; }

    public IReadOnlyList<(int Year, string Code, string Name)> Blocks { get; private set; } = [];
    public List<string> Problems { get; private set; } = [];

    public async Task OnGetAsync(int? nam, string? khoi, CancellationToken ct)
    {
        Year = nam;
        BlockCode = khoi;
        await LoadBlocksAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadBlocksAsync(ct);
        if (Year is not (>= 2000 and <= 2200))
            Problems.Add(T("Chưa chọn năm hợp lệ.", "Choose a valid year."));
        if (string.IsNullOrWhiteSpace(BlockCode))
            Problems.Add(T("Chưa nhập mã khối.", "Enter the block code."));
        if (Upload is null || Upload.Length == 0)
            Problems.Add(T("Chưa chọn tệp, hoặc tệp rỗng.", "Choose a file; it must not be empty."));
        else if (Upload.Length > MaxBytes)
            Problems.Add(T($"Tệp lớn hơn {MaxBytes / 1024 / 1024} MB.", $"The file is larger than {MaxBytes / 1024 / 1024} MB."));
        if (Problems.Count > 0)
            return Refuse(StatusCodes.Status422UnprocessableEntity);

        var blockCode = BlockCode!.Trim();
        var read = await ReadAsync(Upload!, ct);
        if (!read.Succeeded)
        {
            Problems.AddRange(PageProblems.Lines(read.Problems));
            return Refuse(StatusCodes.Status422UnprocessableEntity);
        }
        var definition = read.Framework;
        // The wrong file for the chosen block is a likelier mistake than a wish to retarget it.
        if (definition.Year != Year || definition.BlockCode != blockCode)
        {
            Problems.Add(T($"Tệp là bộ tiêu chí năm {definition.Year} khối «{definition.BlockCode}», không phải năm {Year} khối «{blockCode}». Hãy sửa năm, mã khối trong tệp (trang «Thông tin» hoặc thuộc tính year, blockCode) hoặc chọn đúng khối.",
                $"The file is the {definition.Year} framework of block “{definition.BlockCode}”, not {Year}, block “{blockCode}”. Correct the year and block code in the file (sheet “Thông tin” or the year and blockCode properties), or choose the right block."));
            return Refuse(StatusCodes.Status422UnprocessableEntity);
        }

        var latest = await service.LatestAsync(Year!.Value, blockCode, ct);
        if (latest is { Status: FrameworkStatus.Draft } && !ReplaceDraft)
        {
            Problems.Add(T($"Khối này đã có bản nháp (phiên bản {latest.Revision}, «{latest.TitleVi}»). Đánh dấu «Thay thế bản nháp hiện có» để ghi đè.",
                $"This block already has a draft (revision {latest.Revision}, “{latest.TitleVi}”). Tick “Replace the existing draft” to overwrite it."));
            return Refuse(StatusCodes.Status409Conflict);
        }
        var outcome = await service.SaveDraftAsync(Year.Value, blockCode, definition, latest?.ConcurrencyStamp, Actor.Of(User), ct);
        if (!outcome.Succeeded)
        {
            Problems.AddRange(PageProblems.Lines(outcome.Problems));
            return Refuse(outcome.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity);
        }
        TempData["Message"] = T($"Đã nhập bản nháp từ tệp {Upload!.FileName}: {definition.Leaves().Count()} tiêu chí chấm điểm, {FrameworkLabels.Points(definition.MaxPoints)} điểm tối đa.",
            $"Imported the draft from {Upload!.FileName}: {definition.Leaves().Count()} scored criteria, {FrameworkLabels.Points(definition.MaxPoints)} maximum points.");
        return Redirect($"{FrameworkListModel.Path}/{outcome.Value!.Id}");
    }

    /// <summary>An XLSX by its ZIP signature; otherwise the text must be JSON (its problems carry line and column).</summary>
    private static async Task<FrameworkResult> ReadAsync(IFormFile file, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await using (var upload = file.OpenReadStream())
            await upload.CopyToAsync(buffer, ct);
        buffer.Position = 0;
        if (TabularFile.ContentMatches(buffer, TabularFormat.Xlsx))
            return FrameworkWorkbook.Read(buffer);
        var claimsXlsx = Path.GetExtension(file.FileName).Equals(".xlsx", StringComparison.OrdinalIgnoreCase)
                         || Uploads.FormatOfContentType(file.ContentType) == TabularFormat.Xlsx;
        if (claimsXlsx || !LooksLikeJson(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)))
            return FrameworkResult.Failure([new FrameworkProblem("file", FrameworkWorkbook.ProblemCodes.Unreadable,
                claimsXlsx ? "Nội dung tệp không phải là XLSX (tệp Excel phải là .xlsx, không phải .xls hay .csv)." : "Chỉ nhận tệp JSON hoặc XLSX; nội dung tệp không phải JSON (phải bắt đầu bằng «{») cũng không phải XLSX.",
                claimsXlsx ? "The file's content is not XLSX (an Excel file must be .xlsx, not .xls or .csv)." : "Only JSON or XLSX files are accepted; the content is neither JSON (it must start with “{”) nor XLSX.")]);
        return FrameworkJson.Deserialize(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }

    private static bool LooksLikeJson(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith(Encoding.UTF8.Preamble))
            content = content[Encoding.UTF8.Preamble.Length..];
        foreach (var b in content)
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
                return b is (byte)'{' or (byte)'/';
        return false;
    }

    private async Task LoadBlocksAsync(CancellationToken ct)
    {
        var blocks = await db.Blocks.AsNoTracking().Select(b => new { b.Year, b.Code, b.NameVi, b.NameEn }).ToListAsync(ct);
        Blocks = [.. blocks.OrderByDescending(b => b.Year).ThenBy(b => b.Code, StringComparer.Ordinal)
            .Select(b => (b.Year, b.Code, UiLanguage.IsEnglish && !string.IsNullOrWhiteSpace(b.NameEn) ? b.NameEn : b.NameVi))];
    }

    private IActionResult Refuse(int status)
    {
        Response.StatusCode = status;
        return Page();
    }
}
