using System.Text;
using Microsoft.Extensions.Options;
using ParIndex.Dossiers;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using static ParIndex.Web.Text;

namespace ParIndex.Web.Documents;

/// <summary>
/// Whether PDFs can be made, and why not: PDFsharp 6.5 needs a licence chosen by configuration and Vietnamese needs
/// DejaVu Sans on the server. Both are the dossier feature's (<see cref="DossierOptions.PdfSharpLicense"/>,
/// <see cref="DejaVuFonts"/>); every generated PDF in the app goes through them so there is one setting and one font
/// resolver per process.
/// </summary>
public sealed class PdfSupport(IOptions<DossierOptions> options)
{
    /// <summary>Null when a PDF can be written; otherwise the message to show (offer the DOCX instead).</summary>
    public Problems? Unavailable()
    {
        if (!options.Value.EnsurePdfLicence())
            return Problems.Of("format", T("Chưa chọn giấy phép cho thư viện PDFsharp (cấu hình Dossiers:PdfSharpLicense), nên không tạo được PDF; hãy tải bản DOCX.",
                "No licence is chosen for the PDFsharp library (setting Dossiers:PdfSharpLicense), so no PDF can be made; download the DOCX instead."));
        if (DejaVuFonts.Installed is null)
            return Problems.Of("format", T("Máy chủ chưa cài phông chữ DejaVu Sans (gói fonts-dejavu-core) để tạo PDF tiếng Việt; hãy tải bản DOCX.",
                "The server has no DejaVu Sans font (package fonts-dejavu-core) for a Vietnamese PDF; download the DOCX instead."));
        return null;
    }

    public bool Available => Unavailable() is null;
}

/// <summary>
/// Writes an <see cref="OfficialDocument"/> as an A4 PDF with DejaVu Sans embedded (Vietnamese letters as themselves):
/// paragraphs wrap at word boundaries, tables break across pages with their header row repeated.
/// </summary>
public static class PdfDocumentWriter
{
    private static readonly double PageWidth = XUnit.FromMillimeter(210).Point;
    private static readonly double PageHeight = XUnit.FromMillimeter(297).Point;
    private static readonly double MarginLeft = XUnit.FromMillimeter(30).Point;
    private static readonly double MarginRight = XUnit.FromMillimeter(20).Point;
    private static readonly double MarginTop = XUnit.FromMillimeter(20).Point;
    private static readonly double MarginBottom = XUnit.FromMillimeter(20).Point;
    private const double CellPadding = 3;

    /// <summary>Check <see cref="PdfSupport.Unavailable"/> first; throws <see cref="InvalidOperationException"/> without the font.</summary>
    public static void Write(OfficialDocument document, Stream output)
    {
        if (DejaVuFonts.Installed is null)
            throw new InvalidOperationException("DejaVu Sans is not installed (Debian package fonts-dejavu-core, or set PARINDEX_FONT_DIR).");
        var pdf = new PdfDocument();
        pdf.Info.Title = document.Title;
        pdf.Info.Subject = document.Subject ?? "";
        pdf.Info.Keywords = document.Keywords ?? "";
        pdf.Info.Creator = "ParIndex";
        var writer = new Layout(pdf);
        foreach (var block in document.Blocks)
        {
            if (block is DocParagraph paragraph)
                writer.Paragraph(paragraph);
            else if (block is DocTable table)
                writer.Table(table);
        }
        writer.Finish();
        pdf.Save(output, closeStream: false);
    }

    private sealed class Layout(PdfDocument pdf)
    {
        private XGraphics? graphics;
        private PdfPage? page;
        private double y;

        private double Width => PageWidth - MarginLeft - MarginRight;

        private XGraphics Graphics
        {
            get
            {
                if (graphics is null)
                    NewPage();
                return graphics!;
            }
        }

        private void NewPage()
        {
            graphics?.Dispose();
            page = pdf.AddPage();
            page.Width = XUnit.FromPoint(PageWidth);
            page.Height = XUnit.FromPoint(PageHeight);
            graphics = XGraphics.FromPdfPage(page);
            y = MarginTop;
        }

        public void Finish() => graphics?.Dispose();

        private static XFont Font(double size, bool bold, bool italic) =>
            new(DejaVuFonts.Family, size, bold && italic ? XFontStyleEx.BoldItalic : bold ? XFontStyleEx.Bold : italic ? XFontStyleEx.Italic : XFontStyleEx.Regular);

        public void Paragraph(DocParagraph paragraph)
        {
            // DejaVu Sans is wider than Times New Roman: one point less keeps the pages alike.
            var font = Font(paragraph.Size - 1, paragraph.Bold, paragraph.Italic);
            var lineHeight = font.GetHeight() * 1.2;
            var lines = Wrap(Graphics, paragraph.Text, font, Width);
            foreach (var line in lines)
            {
                if (y + lineHeight > PageHeight - MarginBottom)
                    NewPage();
                DrawLine(line, font, MarginLeft, Width, paragraph.Align);
                y += lineHeight;
            }
            y += paragraph.SpaceAfter;
        }

        public void Table(DocTable table)
        {
            var total = table.Columns.Sum(c => c.Width);
            var widths = table.Columns.Select(c => Width * c.Width / total).ToArray();
            var size = table.Size - 1;
            if (table.HeaderRow)
                EnsureRoom(RowHeight(table.Columns.Select(c => c.Header).ToList(), widths, Font(size, true, false)) * 2);
            if (table.HeaderRow)
                Row(table, table.Columns.Select(c => c.Header).ToList(), widths, Font(size, true, false), header: true);
            foreach (var row in table.Rows)
            {
                var font = Font(size, row.Bold, false);
                var height = RowHeight(row.Cells, widths, font);
                if (y + height > PageHeight - MarginBottom)
                {
                    NewPage();
                    if (table.HeaderRow)
                        Row(table, table.Columns.Select(c => c.Header).ToList(), widths, Font(size, true, false), header: true);
                }
                Row(table, row.Cells, widths, font, header: false);
            }
            y += 8;
        }

        private void EnsureRoom(double height)
        {
            if (y + height > PageHeight - MarginBottom)
                NewPage();
        }

        private double RowHeight(IReadOnlyList<string> cells, double[] widths, XFont font)
        {
            var lines = 1;
            for (var i = 0; i < widths.Length; i++)
                lines = Math.Max(lines, Wrap(Graphics, i < cells.Count ? cells[i] : "", font, widths[i] - 2 * CellPadding).Count);
            return lines * font.GetHeight() * 1.15 + 2 * CellPadding;
        }

        private void Row(DocTable table, IReadOnlyList<string> cells, double[] widths, XFont font, bool header)
        {
            var height = RowHeight(cells, widths, font);
            var lineHeight = font.GetHeight() * 1.15;
            var x = MarginLeft;
            for (var i = 0; i < widths.Length; i++)
            {
                if (table.Borders)
                    Graphics.DrawRectangle(header ? new XPen(XColors.Black, 0.8) : new XPen(XColors.Black, 0.5), x, y, widths[i], height);
                var align = header ? DocAlign.Center : table.Columns[i].Align;
                var lineY = y + CellPadding;
                foreach (var line in Wrap(Graphics, i < cells.Count ? cells[i] : "", font, widths[i] - 2 * CellPadding))
                {
                    var saved = this.y;
                    this.y = lineY;
                    DrawLine(line, font, x + CellPadding, widths[i] - 2 * CellPadding, align);
                    this.y = saved;
                    lineY += lineHeight;
                }
                x += widths[i];
            }
            y += height;
        }

        private void DrawLine(string line, XFont font, double left, double width, DocAlign align)
        {
            var format = align switch
            {
                DocAlign.Center => XStringFormats.TopCenter,
                DocAlign.Right => XStringFormats.TopRight,
                _ => XStringFormats.TopLeft,
            };
            Graphics.DrawString(line, font, XBrushes.Black, new XRect(left, y, width, font.GetHeight()), format);
        }
    }

    /// <summary>Breaks a text into lines that fit <paramref name="width"/>: at spaces, and inside a word only when the word alone is too wide.</summary>
    internal static List<string> Wrap(XGraphics graphics, string text, XFont font, double width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Normalize(NormalizationForm.FormC).Replace("\r\n", "\n").Split('\n'))
        {
            var current = new StringBuilder();
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = current.Length == 0 ? word : current + " " + word;
                if (graphics.MeasureString(candidate, font).Width <= width)
                {
                    current.Clear().Append(candidate);
                    continue;
                }
                if (current.Length > 0)
                {
                    lines.Add(current.ToString());
                    current.Clear();
                }
                var rest = word;
                while (graphics.MeasureString(rest, font).Width > width && rest.Length > 1)
                {
                    var take = rest.Length - 1;
                    while (take > 1 && graphics.MeasureString(rest[..take], font).Width > width)
                        take--;
                    lines.Add(rest[..take]);
                    rest = rest[take..];
                }
                current.Append(rest);
            }
            lines.Add(current.ToString());
        }
        return lines;
    }
}
