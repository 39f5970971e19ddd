using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ParIndex.Accounts;
using ParIndex.Units;
using ParIndex.Units.Pages;
using ParIndex.Web;
using static ParIndex.Web.Text;

namespace ParIndex.Results.Pages.Admin;

/// <summary>
/// Uploads past years' final inputs (CSV or XLSX, at most 10 MB) into <see cref="HistoricalResultsImporter"/>:
/// all or nothing, with every row problem listed; offers a template.
/// </summary>
[Authorize(Policy = Policies.Administrator)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxBytes + 1024 * 1024)]
public sealed class ResultsImportModel(HistoricalResultsImporter importer) : PageModel
{
    public const long MaxBytes = 10L * 1024 * 1024;

    public static readonly string[] VietnameseHeaders = ["nam", "ma_don_vi", "ma_tieu_chi", "diem", "muc", "tu_so", "mau_so", "gia_tri", "khong_phat_sinh", "nguon"];
    public static readonly string[] EnglishHeaders = ["year", "unit", "node", "points", "level", "numerator", "denominator", "value", "not_applicable", "source"];

    [BindProperty] public IFormFile? Upload { get; set; }

    public FormErrors Errors { get; } = new();
    public ImportReport? Report { get; private set; }

    public void OnGet()
    {
    }

    public IActionResult OnGetTemplate()
    {
        var headers = UiLanguage.IsEnglish ? EnglishHeaders : VietnameseHeaders;
        // A BOM so that Excel opens the file as UTF-8.
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(string.Join(",", headers) + "\r\n")).ToArray();
        return File(bytes, "text/csv; charset=utf-8", UiLanguage.IsEnglish ? "past-results-template.csv" : "mau-nhap-ket-qua.csv");
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
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
        "year" => T("Năm", "Year"),
        "unit" => T("Mã đơn vị", "Unit"),
        "node" => T("Mã tiêu chí", "Criterion"),
        "points" => T("Điểm", "Points"),
        "level" => T("Mức", "Level"),
        "numerator" => T("Tử số", "Numerator"),
        "denominator" => T("Mẫu số", "Denominator"),
        "value" => T("Giá trị", "Value"),
        "kind" => T("Loại dữ liệu", "Kind of input"),
        _ => column,
    };
}
