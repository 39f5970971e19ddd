using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ParIndex.Data.Tabular;

/// <summary>A cell value for <see cref="XlsxWriter"/>: text or a number (numbers stay numbers in the spreadsheet).</summary>
public readonly record struct XlsxCell(string? Text, decimal? Number)
{
    public static implicit operator XlsxCell(string? text) => new(text, null);
    public static implicit operator XlsxCell(decimal number) => new(null, number);
    public static implicit operator XlsxCell(int number) => new(null, number);
    public static XlsxCell Of(decimal? number) => new(number is null ? "" : null, number);
}

public sealed record XlsxSheet(string Name, IReadOnlyList<string> Header, IEnumerable<IReadOnlyList<XlsxCell>> Rows);

/// <summary>Writes simple workbooks (a bold header row, frozen, then data) with the OpenXML SAX writer, streaming rows.</summary>
public static class XlsxWriter
{
    public static void Write(Stream output, params IReadOnlyList<XlsxSheet> sheets)
    {
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        AddStyles(workbookPart);
        var sheetEntries = new List<Sheet>();
        uint sheetId = 1;
        foreach (var sheet in sheets)
        {
            var worksheetPart = workbookPart.AddNewPart<WorksheetPart>();
            using (var writer = OpenXmlWriter.Create(worksheetPart))
            {
                writer.WriteStartElement(new Worksheet());
                writer.WriteStartElement(new SheetViews());
                writer.WriteStartElement(new SheetView { WorkbookViewId = 0 });
                writer.WriteElement(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen });
                writer.WriteEndElement();
                writer.WriteEndElement();
                writer.WriteStartElement(new SheetData());
                uint rowIndex = 1;
                WriteRow(writer, rowIndex, sheet.Header.Select(h => (XlsxCell)h).ToList(), styleIndex: 1);
                foreach (var row in sheet.Rows)
                    WriteRow(writer, ++rowIndex, row, styleIndex: 0);
                writer.WriteEndElement();
                writer.WriteEndElement();
            }
            sheetEntries.Add(new Sheet { Id = workbookPart.GetIdOfPart(worksheetPart), SheetId = sheetId++, Name = SafeSheetName(sheet.Name) });
        }
        workbookPart.Workbook = new Workbook(new Sheets(sheetEntries));
        workbookPart.Workbook.Save();
    }

    /// <summary>Rows and cells carry their references (r="B2"), as Excel writes them and as readers expect.</summary>
    private static void WriteRow(OpenXmlWriter writer, uint rowIndex, IReadOnlyList<XlsxCell> cells, uint styleIndex)
    {
        writer.WriteStartElement(new Row { RowIndex = rowIndex });
        for (var column = 0; column < cells.Count; column++)
        {
            var cell = cells[column];
            var reference = ColumnLetters(column) + rowIndex;
            if (cell.Number is { } number)
            {
                writer.WriteElement(new Cell { CellReference = reference, DataType = CellValues.Number, CellValue = new CellValue(number), StyleIndex = styleIndex });
            }
            else
            {
                writer.WriteElement(new Cell
                {
                    CellReference = reference,
                    DataType = CellValues.InlineString,
                    InlineString = new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(cell.Text ?? "") { Space = SpaceProcessingModeValues.Preserve }),
                    StyleIndex = styleIndex,
                });
            }
        }
        writer.WriteEndElement();
    }

    /// <summary>0 → A, 25 → Z, 26 → AA.</summary>
    public static string ColumnLetters(int index)
    {
        var letters = "";
        for (index++; index > 0; index = (index - 1) / 26)
            letters = (char)('A' + (index - 1) % 26) + letters;
        return letters;
    }

    private static void AddStyles(WorkbookPart workbookPart)
    {
        var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = new Stylesheet(
            new Fonts(new Font(), new Font(new Bold())),
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
            new Borders(new Border()),
            new CellFormats(new CellFormat(), new CellFormat { FontId = 1, ApplyFont = true }));
        styles.Stylesheet.Save();
    }

    private static string SafeSheetName(string name)
    {
        var cleaned = new string(name.Where(c => c is not ('\\' or '/' or '?' or '*' or '[' or ']' or ':')).ToArray());
        return cleaned.Length > 31 ? cleaned[..31] : cleaned;
    }
}
