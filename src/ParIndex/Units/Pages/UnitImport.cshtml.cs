using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ParIndex.Accounts;
using ParIndex.Web;
using static ParIndex.Web.Text;

namespace ParIndex.Units.Pages;

/// <summary>Uploads a CSV or XLSX of units and runs the all-or-nothing <see cref="UnitImporter"/>; offers a template.</summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class UnitImportModel(UnitImporter importer) : PageModel
{
    public const long MaxBytes = 10L * 1024 * 1024;

    /// <summary>The template's headers: Vietnamese by default, English in the English UI; the importer accepts both.</summary>
    public static readonly string[] VietnameseHeaders = ["Mã", "Tên", "Tên tiếng Anh", "Loại", "Hiệu lực từ", "Hiệu lực đến", "Đơn vị cha", "Năm", "Khối"];
    public static readonly string[] EnglishHeaders = ["code", "name_vi", "name_en", "kind", "valid_from", "valid_to", "parent_code", "block_year", "block_code"];

    [BindProperty] public IFormFile? Upload { get; set; }

    public FormErrors Errors { get; } = new();
    public ImportReport? Report { get; private set; }
    public string? FileName { get; private set; }

    public void OnGet()
    {
    }

    public IActionResult OnGetTemplate()
    {
        var headers = UiLanguage.IsEnglish ? EnglishHeaders : VietnameseHeaders;
        // A BOM so that Excel opens the Vietnamese headers as UTF-8.
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(string.Join(",", headers) + "\r\n")).ToArray();
        return File(bytes, "text/csv; charset=utf-8", UiLanguage.IsEnglish ? "unit-import-template.csv" : "mau-nhap-don-vi.csv");
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        FileName = Upload?.FileName;
        await using (var upload = Uploads.OpenTabularForm(Upload, MaxBytes, out var problem))
        {
            if (upload is null)
                Errors.Add("file", problem!);
            else
                Report = await importer.ImportAsync(upload.Stream, upload.Format, Actor.Of(User), cancellationToken);
        }
        if (Errors.Any || Report is { Succeeded: false })
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    public static string ColumnLabel(string? column) => column switch
    {
        null => "—",
        "code" => T("Mã", "Code"),
        "nameVi" => T("Tên", "Name"),
        "nameEn" => T("Tên tiếng Anh", "English name"),
        "kind" => T("Loại", "Kind"),
        "valid_from" or "validFrom" => T("Hiệu lực từ", "Valid from"),
        "valid_to" or "validTo" => T("Hiệu lực đến", "Valid to"),
        "parentCode" => T("Đơn vị cha", "Parent"),
        "block_year" => T("Năm", "Block year"),
        "block_code" => T("Khối", "Block"),
        _ => column,
    };
}
