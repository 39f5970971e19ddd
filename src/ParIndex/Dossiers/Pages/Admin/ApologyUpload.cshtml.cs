using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ParIndex.Accounts;
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
        await using (var upload = Uploads.OpenTabularForm(Upload, MaxBytes, out var problem))
        {
            Problem = problem;
            if (upload is not null)
                Report = await importer.ImportAsync(upload.Stream, upload.Format, Actor.Of(User), cancellationToken);
        }
        if (Problem is not null || Report is { Succeeded: false })
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }
}
