using static ParIndex.Web.Text;

namespace ParIndex.Data.Tabular;

/// <summary>The rows of an all-or-nothing import, read and parsed; or why the file could not be read at all.</summary>
public sealed record ParsedRows<T>(IReadOnlyList<T> Rows, int RowsRead, RowProblem? Unreadable);

/// <summary>The reading step every all-or-nothing CSV/XLSX importer shares.</summary>
public static class TabularImport
{
    /// <summary>
    /// Reads every row through <paramref name="parse"/>, which records its own row problems and returns null for a row
    /// it refuses. A file that cannot be read (broken CSV quoting, a damaged workbook) ends the read with one problem on
    /// the row after the last one read; a file without data rows gets a problem on row 1.
    /// </summary>
    public static async Task<ParsedRows<T>> ParseAsync<T>(Stream stream, TabularFormat format, Func<TabularRow, T?> parse, List<RowProblem> problems, CancellationToken cancellationToken)
        where T : class
    {
        var rows = new List<T>();
        var rowsRead = 0;
        try
        {
            await foreach (var row in TabularFile.ReadAsync(stream, format, cancellationToken))
            {
                rowsRead++;
                if (parse(row) is { } parsed)
                    rows.Add(parsed);
            }
        }
        catch (Exception exception) when (IsUnreadable(exception))
        {
            return new ParsedRows<T>(rows, rowsRead, Unreadable(rowsRead, exception));
        }
        if (rowsRead == 0)
            problems.Add(NoRows());
        return new ParsedRows<T>(rows, rowsRead, null);
    }

    /// <summary>What the readers throw on a file that is not the CSV or workbook it claims to be.</summary>
    public static bool IsUnreadable(Exception exception) =>
        exception is InvalidDataException or CsvHelper.CsvFormatException or FileFormatException or DocumentFormat.OpenXml.Packaging.OpenXmlPackageException;

    public static RowProblem Unreadable(int rowsRead, Exception exception) =>
        new(rowsRead + 1, null, T($"Không đọc được tệp: {exception.Message}", $"The file cannot be read: {exception.Message}"));

    public static RowProblem NoRows() => new(1, null, T("Tệp không có dòng dữ liệu nào.", "The file has no data rows."));
}
