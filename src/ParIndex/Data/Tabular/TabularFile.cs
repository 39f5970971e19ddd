using System.Globalization;
using System.Runtime.CompilerServices;
using CsvHelper;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ParIndex.Data.Tabular;

public enum TabularFormat
{
    Csv,
    Xlsx,
}

/// <summary>Reads CSV (UTF-8, comma or semicolon) and XLSX (first sheet) files as a stream of rows, without loading them whole.</summary>
public static class TabularFile
{
    public static TabularFormat? FormatOf(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".csv" or ".txt" => TabularFormat.Csv,
        ".xlsx" => TabularFormat.Xlsx,
        _ => null,
    };

    /// <summary>True when the content matches the format: an XLSX is a ZIP (PK\x03\x04); a CSV has no NUL bytes in its first block.</summary>
    public static bool ContentMatches(Stream seekable, TabularFormat format)
    {
        var buffer = new byte[4096];
        var read = seekable.Read(buffer, 0, buffer.Length);
        seekable.Position = 0;
        return format == TabularFormat.Xlsx
            ? read >= 4 && buffer[0] == 0x50 && buffer[1] == 0x4B && buffer[2] == 0x03 && buffer[3] == 0x04
            : Array.IndexOf(buffer, (byte)0, 0, read) < 0;
    }

    public static IAsyncEnumerable<TabularRow> ReadAsync(Stream stream, TabularFormat format, CancellationToken cancellationToken = default) =>
        format == TabularFormat.Csv ? ReadCsvAsync(stream, cancellationToken) : ReadXlsx(stream, cancellationToken);

    private static async IAsyncEnumerable<TabularRow> ReadCsvAsync(Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var text = new StreamReader(stream, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        var options = new CsvReaderOptions
        {
            DetectSeparatorHint = true,
            MalformedData = CsvMalformedDataHandling.Recover,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            MissingField = CsvMissingFieldHandling.ReturnEmpty,
            TrackLineNumbers = true,
            SkipEmptyLines = true,
        };
        using var csv = CsvReader.Create(text, options, leaveOpen: true);
        if (text.Peek() < 0)
            yield break;
        await csv.ReadHeaderAsync(cancellationToken);
        var headers = csv.Headers.Select(ColumnName.Normalize).ToArray();
        while (await csv.ReadAsync(cancellationToken))
        {
            var cells = new Dictionary<string, string>(headers.Length);
            for (var i = 0; i < headers.Length; i++)
                if (headers[i].Length > 0 && !cells.ContainsKey(headers[i]))
                    cells[headers[i]] = i < csv.FieldCount ? csv.GetString(i) : "";
            if (cells.Values.All(string.IsNullOrWhiteSpace))
                continue;
            yield return new TabularRow((int)csv.LineNumber, cells);
        }
    }

    private static async IAsyncEnumerable<TabularRow> ReadXlsx(Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask;
        using var document = SpreadsheetDocument.Open(stream, isEditable: false);
        var workbook = document.WorkbookPart ?? throw new InvalidDataException("The XLSX file has no workbook.");
        var firstSheet = workbook.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault() ?? throw new InvalidDataException("The XLSX file has no sheet.");
        var worksheet = (WorksheetPart)workbook.GetPartById(firstSheet.Id!);
        var sharedStrings = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(item => item.InnerText).ToArray() ?? [];

        string[]? headers = null;
        var lastRowNumber = 0;
        using var reader = OpenXmlReader.Create(worksheet);
        while (reader.Read())
        {
            if (reader.ElementType != typeof(Row) || !reader.IsStartElement)
                continue;
            cancellationToken.ThrowIfCancellationRequested();
            var row = (Row)reader.LoadCurrentElement()!;
            var rowNumber = (int)(row.RowIndex?.Value ?? (uint)(lastRowNumber + 1));
            lastRowNumber = rowNumber;
            var values = new SortedDictionary<int, string>();
            var position = 0;
            foreach (var cell in row.Elements<Cell>())
            {
                // Files from some tools omit the r="B2" references; then a cell's place is its position.
                var column = cell.CellReference?.Value is { Length: > 0 } reference ? ColumnIndex(reference) : position;
                values[column] = CellText(cell, sharedStrings);
                position = column + 1;
            }
            if (headers is null)
            {
                var width = values.Count == 0 ? 0 : values.Keys.Max() + 1;
                headers = new string[width];
                for (var i = 0; i < width; i++)
                    headers[i] = values.TryGetValue(i, out var header) ? ColumnName.Normalize(header) : "";
                continue;
            }
            var cells = new Dictionary<string, string>(headers.Length);
            for (var i = 0; i < headers.Length; i++)
                if (headers[i].Length > 0 && !cells.ContainsKey(headers[i]))
                    cells[headers[i]] = values.TryGetValue(i, out var value) ? value : "";
            if (cells.Values.All(string.IsNullOrWhiteSpace))
                continue;
            yield return new TabularRow(rowNumber, cells);
        }
    }

    private static int ColumnIndex(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
            return 0;
        var index = 0;
        foreach (var c in reference)
        {
            if (!char.IsLetter(c))
                break;
            index = index * 26 + (char.ToUpperInvariant(c) - 'A' + 1);
        }
        return index - 1;
    }

    private static string CellText(Cell cell, string[] sharedStrings)
    {
        var raw = cell.CellValue?.Text ?? cell.InlineString?.InnerText ?? "";
        if (cell.DataType?.Value == CellValues.SharedString && int.TryParse(raw, out var index) && index < sharedStrings.Length)
            return sharedStrings[index];
        return raw;
    }
}
