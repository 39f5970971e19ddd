using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using PdfSharp.Drawing;
using PdfSharp.Drawing.Layout;
using PdfSharp.Pdf;
using ParIndex.Core.Dossiers;

namespace ParIndex.Dossiers;

/// <summary>What the apology slip says: the dossier's own data and the apology; no personal data is stored, so the addressee is named by the dossier code.</summary>
public sealed record ApologySlipData(
    string CityName, string UnitName, string Code, string ProcedureName, DateOnly ReceivedOn, DateOnly DueOn,
    DateOnly IssuedOn, string Reason, DateOnly NewAppointment, string? SignedBy);

/// <summary>
/// "Phiếu xin lỗi và hẹn lại ngày trả kết quả" (the form of Circular 01/2018/TT-VPCP; since 2025 "Văn bản xin lỗi và
/// đề nghị gia hạn thời gian giải quyết"), in Vietnamese, as DOCX (OpenXML) and PDF (PDFsharp with DejaVu Sans).
/// </summary>
public static class ApologySlip
{
    public const string Title = "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ";

    private sealed record Line(string Text, bool Bold = false, bool Centered = false, bool Right = false, double Size = 12, bool Italic = false);

    private static List<Line> Lines(ApologySlipData s)
    {
        static string D(DateOnly d) => DossierText.Date(d);
        var when = $"ngày {s.IssuedOn.Day:00} tháng {s.IssuedOn.Month:00} năm {s.IssuedOn.Year}";
        var lines = new List<Line>
        {
            new(s.CityName.ToUpperInvariant(), Size: 11),
            new(s.UnitName.ToUpperInvariant(), Bold: true, Size: 11),
            new("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", Bold: true, Centered: true, Size: 11),
            new("Độc lập - Tự do - Hạnh phúc", Bold: true, Centered: true, Size: 11),
            new($"{s.CityName}, {when}", Right: true, Italic: true, Size: 11),
            new(""),
            new(Title, Bold: true, Centered: true, Size: 14),
            new(""),
            new($"Kính gửi: Ông/Bà/Tổ chức nộp hồ sơ số {s.Code}."),
            new($"Ngày {D(s.ReceivedOn)}, {s.UnitName} tiếp nhận hồ sơ số {s.Code} về thủ tục: {s.ProcedureName}."),
            new($"Thời gian hẹn trả kết quả giải quyết hồ sơ: ngày {D(s.DueOn)}."),
            new($"Tuy nhiên đến nay, {s.UnitName} chưa trả kết quả giải quyết hồ sơ cho Ông/Bà/Tổ chức đúng hẹn. Lý do: {s.Reason}"),
            new($"Sự chậm trễ này đã gây phiền hà cho Ông/Bà/Tổ chức. {s.UnitName} xin lỗi Ông/Bà/Tổ chức và hẹn lại ngày trả kết quả giải quyết hồ sơ là ngày {D(s.NewAppointment)}."),
            new("Xin trân trọng cảm ơn!"),
            new(""),
            new("THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ", Bold: true, Right: true),
            new("(Ký, ghi rõ họ tên)", Right: true, Italic: true, Size: 11),
            new(""),
            new(""),
            new(s.SignedBy ?? "", Bold: true, Right: true),
        };
        return lines;
    }

    /// <summary>The slip as a Word document (Times New Roman, A4).</summary>
    public static void WriteDocx(ApologySlipData slip, Stream output)
    {
        using var document = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document);
        var main = document.AddMainDocumentPart();
        var body = new Body();
        foreach (var line in Lines(slip))
        {
            var runProperties = new RunProperties(
                new RunFonts { Ascii = "Times New Roman", HighAnsi = "Times New Roman", ComplexScript = "Times New Roman" },
                new FontSize { Val = ((int)(line.Size * 2)).ToString(System.Globalization.CultureInfo.InvariantCulture) });
            if (line.Bold)
                runProperties.Append(new Bold());
            if (line.Italic)
                runProperties.Append(new Italic());
            var paragraphProperties = new ParagraphProperties(
                new SpacingBetweenLines { After = "120" },
                new Justification { Val = line.Centered ? JustificationValues.Center : line.Right ? JustificationValues.Right : JustificationValues.Both });
            body.Append(new Paragraph(paragraphProperties, new Run(runProperties, new Text(line.Text) { Space = SpaceProcessingModeValues.Preserve })));
        }
        body.Append(new SectionProperties(
            new PageSize { Width = 11906, Height = 16838 },
            new PageMargin { Top = 1134, Bottom = 1134, Left = 1701, Right = 1134, Header = 720, Footer = 720, Gutter = 0 }));
        main.Document = new Document(body);
        main.Document.Save();
        document.PackageProperties.Title = $"Phiếu xin lỗi và hẹn lại ngày trả kết quả – hồ sơ {slip.Code}";
        document.PackageProperties.Subject = slip.Code;
    }

    /// <summary>
    /// The slip as a PDF with DejaVu Sans embedded. Throws <see cref="InvalidOperationException"/> when the font is not
    /// installed (Debian: <c>apt-get install fonts-dejavu-core</c>). The code is also written in the document's
    /// keywords, so the file can be found by it.
    /// </summary>
    public static void WritePdf(ApologySlipData slip, Stream output)
    {
        if (DejaVuFonts.Installed is null)
            throw new InvalidOperationException("DejaVu Sans is not installed (Debian package fonts-dejavu-core, or set PARINDEX_FONT_DIR).");
        var document = new PdfDocument();
        document.Info.Title = $"Phiếu xin lỗi và hẹn lại ngày trả kết quả – hồ sơ {slip.Code}";
        document.Info.Subject = slip.Code;
        document.Info.Keywords = slip.Code;
        document.Info.Creator = "ParIndex";
        var page = document.AddPage();
        page.Width = XUnit.FromMillimeter(210);
        page.Height = XUnit.FromMillimeter(297);
        using (var graphics = XGraphics.FromPdfPage(page))
        {
            var formatter = new XTextFormatter(graphics);
            double left = XUnit.FromMillimeter(30).Point, right = page.Width.Point - XUnit.FromMillimeter(20).Point;
            double y = XUnit.FromMillimeter(20).Point;
            foreach (var line in Lines(slip))
            {
                var style = line.Bold ? XFontStyleEx.Bold : line.Italic ? XFontStyleEx.Italic : XFontStyleEx.Regular;
                var font = new XFont(DejaVuFonts.Family, line.Size - 1, style);
                double lineHeight = font.GetHeight() * 1.25;
                if (line.Text.Length == 0)
                {
                    y += lineHeight * 0.6;
                    continue;
                }
                formatter.Alignment = line.Centered ? XParagraphAlignment.Center : line.Right ? XParagraphAlignment.Right : XParagraphAlignment.Justify;
                int lines = EstimateLines(graphics, line.Text, font, right - left);
                var rect = new XRect(left, y, right - left, lineHeight * lines);
                formatter.DrawString(line.Text.Normalize(NormalizationForm.FormC), font, XBrushes.Black, rect, XStringFormats.TopLeft);
                y += lineHeight * lines + lineHeight * 0.35;
            }
        }
        document.Save(output, closeStream: false);
    }

    /// <summary>How many lines <see cref="XTextFormatter"/> will need for a paragraph (it breaks at spaces).</summary>
    private static int EstimateLines(XGraphics graphics, string text, XFont font, double width)
    {
        int lines = 1;
        double current = 0;
        double space = graphics.MeasureString(" ", font).Width;
        foreach (var word in text.Split(' '))
        {
            double w = graphics.MeasureString(word, font).Width;
            if (current > 0 && current + space + w > width)
            {
                lines++;
                current = w;
            }
            else
                current += (current > 0 ? space : 0) + w;
        }
        return lines;
    }
}
