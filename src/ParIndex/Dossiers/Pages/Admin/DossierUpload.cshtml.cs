using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ParIndex.Accounts;
using ParIndex.Dossiers.Import;
using ParIndex.Web;
using static ParIndex.Web.Text;

namespace ParIndex.Dossiers.Pages.Admin;

/// <summary>
/// Uploads a dossier file (CSV or JSON), hands it to the background import queue and goes to the batch page, which
/// shows the progress and then the summary. Large files (up to 512 MB here; any size with the CLI) are spooled to disk
/// by the form reader, never held in memory.
/// </summary>
[Authorize(Policy = Policies.Administrator)]
[RequestSizeLimit(MaxBytes + 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxBytes + 1024 * 1024)]
public sealed class DossierUploadModel(DossierImportQueue queue) : PageModel
{
    public const long MaxBytes = 512L * 1024 * 1024;

    [BindProperty] public IFormFile? Upload { get; set; }

    public string? Problem { get; private set; }

    public void OnGet()
    {
    }

    public IActionResult OnGetTemplate()
    {
        var headers = UiLanguage.IsEnglish ? DossierColumns.EnglishHeaders : DossierColumns.VietnameseHeaders;
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(string.Join(",", headers) + "\r\n")).ToArray();
        return File(bytes, "text/csv; charset=utf-8", UiLanguage.IsEnglish ? "dossier-import-template.csv" : "mau-nhap-ho-so.csv");
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var file = Upload;
        var extension = Path.GetExtension(file?.FileName ?? "").ToLowerInvariant();
        if (file is null || file.Length == 0)
            Problem = T("Hãy chọn một tệp CSV hoặc JSON có dữ liệu.", "Choose a CSV or JSON file with data.");
        else if (file.Length > MaxBytes)
            Problem = T($"Tệp vượt quá {MaxBytes / 1024 / 1024} MB; hãy dùng lệnh parindex import dossiers.", $"The file exceeds {MaxBytes / 1024 / 1024} MB; use parindex import dossiers.");
        else if (extension is not (".csv" or ".txt" or ".json"))
            Problem = T("Chỉ nhận tệp CSV hoặc JSON.", "Only CSV or JSON files are accepted.");
        if (Problem is not null)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        var path = Path.Combine(Path.GetTempPath(), "parindex-dossiers-" + Guid.NewGuid().ToString("N"));
        await using (var target = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous))
        await using (var source = file!.OpenReadStream())
            await source.CopyToAsync(target, cancellationToken);
        var batchId = await queue.EnqueueAsync(path, new DossierImportRequest(ImportSource.Upload, Actor.Of(User), Path.GetFileName(file.FileName), file.Length), extension == ".json", cancellationToken);
        return Redirect($"/quan-tri/ho-so/nhap/{batchId}");
    }
}
