using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using ParIndex.Data.Tabular;

namespace ParIndex.Frameworks;

/// <summary>A column of a sheet: its 0-based index, its letter (A, B, …, AA), its header as written and normalised.</summary>
public sealed record SheetColumn(int Index, string Letter, string Header, string Key);

/// <summary>A data row of a sheet: its 1-based row number in the file and its non-empty cell texts by column index.</summary>
public sealed record SheetRow(int Number, IReadOnlyDictionary<int, string> Values)
{
    public string? this[int column] => Values.TryGetValue(column, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}

/// <summary>One worksheet read whole: the first non-empty row is the header, the rest are data rows (empty rows skipped).</summary>
public sealed record WorkbookSheet(string Name, int HeaderRow, IReadOnlyList<SheetColumn> Columns, IReadOnlyList<SheetRow> Rows);

/// <summary>
/// Reads every worksheet of an XLSX workbook by name (<see cref="TabularFile"/> reads only the first one).
/// Cell texts are what a person sees: shared and inline strings as written, numbers in invariant form with at
/// most 15 significant digits (Excel stores 1.1 as 1.1000000000000001), booleans as 1/0. Reading never throws
/// for a bad file; it reports why the file cannot be read.
/// </summary>
public static class WorkbookSheets
{
    /// <summary>A framework has a few hundred rows; the cap keeps a crafted file from exhausting memory.</summary>
    public const int MaxRowsPerSheet = 10_000;
    private const int MaxColumns = 200;

    public sealed record Result(IReadOnlyList<WorkbookSheet> Sheets, string? ErrorVi, string? ErrorEn)
    {
        public bool Succeeded => ErrorVi is null;

        /// <summary>The sheet whose name matches one of <paramref name="names"/>, ignoring case, diacritics and punctuation.</summary>
        public WorkbookSheet? Find(params ReadOnlySpan<string> names)
        {
            foreach (var name in names)
            {
                var key = ColumnName.Normalize(name);
                if (Sheets.FirstOrDefault(s => ColumnName.Normalize(s.Name) == key) is { } sheet)
                    return sheet;
            }
            return null;
        }
    }

    public static Result Read(Stream input)
    {
        try
        {
            var stream = input;
            if (!input.CanSeek)
            {
                var buffer = new MemoryStream();
                input.CopyTo(buffer);
                buffer.Position = 0;
                stream = buffer;
            }
            using var document = SpreadsheetDocument.Open(stream, isEditable: false);
            var workbook = document.WorkbookPart;
            if (workbook?.Workbook?.Sheets is not { } sheetList)
                return Fail("Tệp XLSX không có bảng tính nào.", "The XLSX file has no workbook.");
            var sharedStrings = workbook.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(SharedText).ToArray() ?? [];
            var sheets = new List<WorkbookSheet>();
            foreach (var entry in sheetList.Elements<Sheet>())
            {
                if (entry.Id?.Value is not { } id || workbook.GetPartById(id) is not WorksheetPart part)
                    continue; // chart sheets and the like carry no rows
                var sheet = ReadSheet(entry.Name?.Value ?? "", part, sharedStrings);
                if (sheet is null)
                    return Fail($"Trang «{entry.Name}» có quá {MaxRowsPerSheet} dòng.", $"The sheet “{entry.Name}” has more than {MaxRowsPerSheet} rows.");
                sheets.Add(sheet);
            }
            return new Result(sheets, null, null);
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or IOException or FormatException
                                       or System.Xml.XmlException or InvalidOperationException or ArgumentException or NotSupportedException)
        {
            return Fail($"Không đọc được tệp XLSX ({ex.Message}).", $"The XLSX file cannot be read ({ex.Message}).");
        }
    }

    private static Result Fail(string vi, string en) => new([], vi, en);

    private static WorkbookSheet? ReadSheet(string name, WorksheetPart part, string[] sharedStrings)
    {
        var rows = new List<SheetRow>();
        List<SheetColumn>? columns = null;
        var headerRow = 0;
        var nextRowNumber = 1;
        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            if (reader.ElementType != typeof(Row) || !reader.IsStartElement)
                continue;
            var row = (Row)reader.LoadCurrentElement()!;
            // The row number attribute is optional; without it rows follow one another.
            var number = row.RowIndex?.Value is { } index ? (int)index : nextRowNumber;
            nextRowNumber = number + 1;
            var values = new Dictionary<int, string>();
            var nextColumn = 0;
            foreach (var cell in row.Elements<Cell>())
            {
                var column = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : nextColumn;
                nextColumn = column + 1;
                if (column is < 0 or >= MaxColumns)
                    continue;
                var text = CellText(cell, sharedStrings);
                if (!string.IsNullOrWhiteSpace(text))
                    values[column] = text;
            }
            if (values.Count == 0)
                continue;
            if (columns is null)
            {
                headerRow = number;
                columns = [.. values.OrderBy(v => v.Key).Select(v => new SheetColumn(v.Key, Letter(v.Key), v.Value.Trim(), ColumnName.Normalize(v.Value)))];
                continue;
            }
            if (rows.Count >= MaxRowsPerSheet)
                return null;
            rows.Add(new SheetRow(number, values));
        }
        return new WorkbookSheet(name, headerRow, columns ?? [], rows);
    }

    /// <summary>Column letters of a 0-based index: 0 → A, 25 → Z, 26 → AA.</summary>
    public static string Letter(int index)
    {
        var letters = "";
        for (var i = index + 1; i > 0; i = (i - 1) / 26)
            letters = (char)('A' + (i - 1) % 26) + letters;
        return letters;
    }

    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference)
        {
            if (!char.IsAsciiLetter(c))
                break;
            index = index * 26 + (char.ToUpperInvariant(c) - 'A' + 1);
        }
        return index - 1;
    }

    // Phonetic runs (rPh) are reading aids of East Asian text, not content.
    private static string SharedText(SharedStringItem item) =>
        item.Text?.Text ?? string.Concat(item.Elements<Run>().Select(r => r.Text?.Text ?? ""));

    private static string CellText(Cell cell, string[] sharedStrings)
    {
        var type = cell.DataType?.Value;
        if (type == CellValues.InlineString)
            return cell.InlineString?.Text?.Text ?? string.Concat(cell.InlineString?.Elements<Run>().Select(r => r.Text?.Text ?? "") ?? []);
        var raw = cell.CellValue?.Text ?? "";
        if (type == CellValues.SharedString)
            return int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) && i >= 0 && i < sharedStrings.Length ? sharedStrings[i] : "";
        if ((type is null || type == CellValues.Number)
            && double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number)
            && Math.Abs(number) < 7.9e27)
        {
            // double → decimal keeps 15 significant digits, which undoes binary noise such as 0.30000000000000004.
            return ((decimal)number).ToString(CultureInfo.InvariantCulture);
        }
        return raw;
    }
}
