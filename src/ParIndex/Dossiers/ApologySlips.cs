using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using VietnamTime = ParIndex.Core.Calendar.VietnamTime;
using ParIndex.Data;
using ParIndex.Web;
using static ParIndex.Web.Text;

namespace ParIndex.Dossiers;

public sealed record GeneratedFile(byte[] Bytes, string ContentType, string FileName);

/// <summary>Builds a dossier's apology slip from the stored dossier, its unit, procedure and apology (<see cref="ApologySlip"/>).</summary>
public sealed class ApologySlips(AppDbContext db, DossierService dossiers, IOptions<CitySettings> city, IOptions<DossierOptions> options)
{
    public async Task<Outcome<GeneratedFile>> CreateAsync(string code, bool pdf, CancellationToken cancellationToken = default)
    {
        var view = await dossiers.FindAsync(code, cancellationToken);
        if (view?.Apology is not { } apology)
            return Outcome<GeneratedFile>.Missing();
        var unit = await db.Units.AsNoTracking().FirstAsync(u => u.Code == view.UnitCode, cancellationToken);
        var data = new ApologySlipData(city.Value.NameVi, unit.NameVi, view.Code, view.ProcedureNameVi,
            VietnamTime.LocalDate(view.ReceivedAt), view.DueDate, apology.IssuedOn, apology.Reason, apology.NewAppointment, apology.SignedBy);
        using var buffer = new MemoryStream();
        if (pdf)
        {
            if (!PdfAvailable)
                return Problems.Of("format", T("Chưa chọn giấy phép cho thư viện PDFsharp (cấu hình Dossiers:PdfSharpLicense), nên không tạo được PDF; hãy tải bản DOCX.",
                    "No licence is chosen for the PDFsharp library (setting Dossiers:PdfSharpLicense), so no PDF can be made; download the DOCX instead."));
            if (DejaVuFonts.Installed is null)
                return Problems.Of("format", T("Máy chủ chưa cài phông chữ DejaVu Sans (gói fonts-dejavu-core) để tạo PDF tiếng Việt; hãy tải bản DOCX.",
                    "The server has no DejaVu Sans font (package fonts-dejavu-core) for a Vietnamese PDF; download the DOCX instead."));
            try
            {
                ApologySlip.WritePdf(data, buffer);
            }
            catch (Exception exception) when (exception.GetType().Name.Contains("License", StringComparison.Ordinal))
            {
                return Problems.Of("format", T($"Giấy phép PDFsharp trong cấu hình Dossiers:PdfSharpLicense không hợp lệ: {exception.Message}",
                    $"The PDFsharp licence in the setting Dossiers:PdfSharpLicense is not valid: {exception.Message}"));
            }
        }
        else
            ApologySlip.WriteDocx(data, buffer);
        var name = $"phieu-xin-loi-{Safe(view.Code)}.{(pdf ? "pdf" : "docx")}";
        return Outcome<GeneratedFile>.Ok(new GeneratedFile(buffer.ToArray(),
            pdf ? "application/pdf" : "application/vnd.openxmlformats-officedocument.wordprocessingml.document", name));
    }

    /// <summary>Whether PDF slips can be made: a PDFsharp licence is configured (see <see cref="DossierOptions.PdfSharpLicense"/>).</summary>
    public bool PdfAvailable => options.Value.EnsurePdfLicence();

    private static string Safe(string code) => new(code.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' ? c : '-').ToArray());
}
