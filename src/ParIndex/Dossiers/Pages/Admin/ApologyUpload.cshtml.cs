using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ParIndex.Accounts;
using ParIndex.Data.Tabular;
using ParIndex.Web;
using static ParIndex.Web.Text;

namespace ParIndex.Dossiers.Pages.Admin;

/// <summary>Records apologies from a CSV or XLSX file (all-or-nothing, <see cref="ApologyImporter"/>).</summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class ApologyUploadModel(ApologyImporter importer) : PageModel
{
    public const long MaxBytes = 10L * 1024 * 1024;

    [BindProperty] public IFormFile? Upload { get; set; }
    public ApologyImportReport? Report { get; private set; }
    public string? Problem { get; private set; }

    public void OnGet()
    {
    }

    public IActionResult OnGetTemplate()
    {
        var headers = UiLanguage.IsEnglish ? ApologyImporter.EnglishHeaders : ApologyImporter.VietnameseHeaders;
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(string.Join(",", headers) + "\r\n")).ToArray();
        return File(bytes, "text/csv; charset=utf-8", UiLanguage.IsEnglish ? "apology-template.csv" : "mau-van-ban-xin-loi.csv");
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var file = Upload;
        var format = file is null ? null : TabularFile.FormatOf(file.FileName) ?? Uploads.FormatOfContentType(file.ContentType);
        if (file is null || file.Length == 0)
            Problem = T("Hãy chọn một tệp CSV hoặc XLSX có dữ liệu.", "Choose a CSV or XLSX file with data.");
        else if (file.Length > MaxBytes)
            Problem = T($"Tệp vượt quá {MaxBytes / 1024 / 1024} MB.", $"The file exceeds {MaxBytes / 1024 / 1024} MB.");
        else if (format is null)
            Problem = T("Chỉ nhận tệp CSV hoặc XLSX.", "Only CSV or XLSX files are accepted.");
        else
        {
            await using var stream = file.OpenReadStream();
            if (!TabularFile.ContentMatches(stream, format.Value))
                Problem = T($"Nội dung tệp không phải {format}.", $"The file's content is not {format}.");
            else
                Report = await importer.ImportAsync(stream, format.Value, Actor.Of(User), cancellationToken);
        }
        if (Problem is not null || Report is { Succeeded: false })
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }
}
