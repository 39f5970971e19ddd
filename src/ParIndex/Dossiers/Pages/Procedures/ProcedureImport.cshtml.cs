using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ParIndex.Accounts;
using ParIndex.Units;
using ParIndex.Units.Pages;
using ParIndex.Web;
using static ParIndex.Web.Text;

namespace ParIndex.Dossiers.Pages.Procedures;

/// <summary>Uploads a CSV or XLSX of procedures and runs the all-or-nothing <see cref="ProcedureImporter"/>; offers a template.</summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class ProcedureImportModel(ProcedureImporter importer) : PageModel
{
    public const long MaxBytes = 10L * 1024 * 1024;

    [BindProperty] public IFormFile? Upload { get; set; }

    public FormErrors Errors { get; } = new();
    public ImportReport? Report { get; private set; }

    public void OnGet()
    {
    }

    /// <summary>
    /// A CSV with the headers (Vietnamese, or English in the English UI) and two example rows showing the accepted
    /// values; the example rows are real procedures, so importing the template unchanged does no harm.
    /// </summary>
    public IActionResult OnGetTemplate()
    {
        var english = UiLanguage.IsEnglish;
        var lines = new List<string>
        {
            string.Join(",", english ? ProcedureImporter.EnglishHeaders : ProcedureImporter.VietnameseHeaders),
            english
                ? "2.000815,Chứng thực bản sao từ bản chính giấy tờ văn bản do cơ quan có thẩm quyền của Việt Nam cấp,Certified copy from an original,Tư pháp – Chứng thực,Commune,0,WorkingDays,yes,yes,Partial"
                : "2.000815,Chứng thực bản sao từ bản chính giấy tờ văn bản do cơ quan có thẩm quyền của Việt Nam cấp,Certified copy from an original,Tư pháp – Chứng thực,Xã,0,ngày làm việc,có,có,một phần",
            english
                ? "1.009994,Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ,Building permit for a new detached house,Xây dựng,Commune,15,WorkingDays,no,yes,Partial"
                : "1.009994,Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ,Building permit for a new detached house,Xây dựng,Xã,15,ngày làm việc,không,có,một phần",
        };
        // A BOM so that Excel opens the Vietnamese text as UTF-8.
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n")).ToArray();
        return File(bytes, "text/csv; charset=utf-8", english ? "procedure-import-template.csv" : "mau-nhap-thu-tuc.csv");
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
        "code" => T("Mã thủ tục", "Code"),
        "name_vi" => T("Tên", "Name"),
        "name_en" => T("Tên tiếng Anh", "English name"),
        "sector" => T("Lĩnh vực", "Sector"),
        "level" => T("Cấp", "Level"),
        "processing_time" => T("Thời hạn", "Processing time"),
        "processing_unit" => T("Đơn vị thời hạn", "Processing unit"),
        "after_cut_off" => T("Sau 15h", "After cut-off"),
        "fee_bearing" => T("Có phí", "Fee-bearing"),
        "online_level" => T("Mức độ trực tuyến", "Online level"),
        _ => column,
    };
}
