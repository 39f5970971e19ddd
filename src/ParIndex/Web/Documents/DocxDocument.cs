using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace ParIndex.Web.Documents;

/// <summary>Writes an <see cref="OfficialDocument"/> as a Word document: A4, Times New Roman, tables with borders and a repeated header row.</summary>
public static class DocxDocument
{
    private const string Font = "Times New Roman";
    // A4 with the margins of Decree 30/2020/NĐ-CP (top and bottom 2 cm, left 3 cm, right 2 cm), in twentieths of a point.
    private const int PageWidth = 11906, PageHeight = 16838, Left = 1701, Right = 1134, TopBottom = 1134;

    public static void Write(OfficialDocument document, Stream output)
    {
        using var word = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document);
        var main = word.AddMainDocumentPart();
        var body = new Body();
        foreach (var block in document.Blocks)
        {
            switch (block)
            {
                case DocParagraph paragraph:
                    body.Append(Paragraph(paragraph.Text, paragraph.Bold, paragraph.Italic, paragraph.Align, paragraph.Size, paragraph.SpaceAfter));
                    break;
                case DocTable table:
                    body.Append(Table(table));
                    // Word needs a paragraph between two tables, and one after the last.
                    body.Append(Paragraph("", false, false, DocAlign.Left, 6, 0));
                    break;
            }
        }
        body.Append(new SectionProperties(
            new PageSize { Width = PageWidth, Height = PageHeight },
            new PageMargin { Top = TopBottom, Bottom = TopBottom, Left = Left, Right = Right, Header = 720, Footer = 720, Gutter = 0 }));
        main.Document = new Document(body);
        main.Document.Save();
        word.PackageProperties.Title = document.Title;
        word.PackageProperties.Subject = document.Subject;
        word.PackageProperties.Keywords = document.Keywords;
        word.PackageProperties.Creator = "ParIndex";
    }

    private static Paragraph Paragraph(string text, bool bold, bool italic, DocAlign align, double size, double spaceAfter)
    {
        var properties = new ParagraphProperties(
            new SpacingBetweenLines { After = ((int)(spaceAfter * 20)).ToString(CultureInfo.InvariantCulture), Before = "0" },
            new Justification { Val = align switch { DocAlign.Center => JustificationValues.Center, DocAlign.Right => JustificationValues.Right, DocAlign.Left => JustificationValues.Left, _ => JustificationValues.Both } });
        var paragraph = new Paragraph(properties);
        // Line breaks inside a text become <w:br/>, so multi-line answers keep their shape.
        var lines = text.Normalize(NormalizationForm.FormC).Replace("\r\n", "\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var run = new Run(RunProperties(bold, italic, size));
            if (i > 0)
                run.Append(new Break());
            run.Append(new DocumentFormat.OpenXml.Wordprocessing.Text(lines[i]) { Space = SpaceProcessingModeValues.Preserve });
            paragraph.Append(run);
        }
        return paragraph;
    }

    private static RunProperties RunProperties(bool bold, bool italic, double size)
    {
        var properties = new RunProperties(
            new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font },
            new FontSize { Val = ((int)Math.Round(size * 2)).ToString(CultureInfo.InvariantCulture) });
        if (bold)
            properties.Append(new Bold());
        if (italic)
            properties.Append(new Italic());
        return properties;
    }

    private static Table Table(DocTable table)
    {
        var usable = PageWidth - Left - Right;
        var total = table.Columns.Sum(c => c.Width);
        var widths = table.Columns.Select(c => (int)(usable * c.Width / total)).ToArray();
        var border = table.Borders ? BorderValues.Single : BorderValues.Nil;
        var result = new Table(new TableProperties(
            new TableWidth { Width = usable.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
            new TableLayout { Type = TableLayoutValues.Fixed },
            new TableBorders(
                new TopBorder { Val = border, Size = 4 }, new BottomBorder { Val = border, Size = 4 },
                new LeftBorder { Val = border, Size = 4 }, new RightBorder { Val = border, Size = 4 },
                new InsideHorizontalBorder { Val = border, Size = 4 }, new InsideVerticalBorder { Val = border, Size = 4 })));
        result.Append(new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(CultureInfo.InvariantCulture) })));
        if (table.HeaderRow)
            result.Append(Row(table, table.Columns.Select(c => c.Header).ToList(), widths, bold: true, header: true));
        foreach (var row in table.Rows)
            result.Append(Row(table, row.Cells, widths, row.Bold, header: false));
        return result;
    }

    private static TableRow Row(DocTable table, IReadOnlyList<string> cells, int[] widths, bool bold, bool header)
    {
        var row = new TableRow();
        if (header)
            row.Append(new TableRowProperties(new TableHeader(), new CantSplit()));
        for (var i = 0; i < table.Columns.Count; i++)
        {
            var align = header ? DocAlign.Center : table.Columns[i].Align;
            row.Append(new TableCell(
                new TableCellProperties(new TableCellWidth { Width = widths[i].ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa }),
                Paragraph(i < cells.Count ? cells[i] : "", bold, false, align, table.Size, 2)));
        }
        return row;
    }
}
