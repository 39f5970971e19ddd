namespace ParIndex.Data.Tabular;

/// <summary>
/// One data row of a CSV or XLSX file: its 1-based row number in the file (the header is row 1) and its cells by
/// normalised column name (see <see cref="ColumnName.Normalize"/>).
/// </summary>
public sealed record TabularRow(int RowNumber, IReadOnlyDictionary<string, string> Cells)
{
    public string? Get(string column) => Cells.TryGetValue(column, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    /// <summary>The first non-empty cell among a column and its aliases (e.g. Vietnamese headers).</summary>
    public string? Get(params ReadOnlySpan<string> columns)
    {
        foreach (var column in columns)
            if (Get(column) is { } value)
                return value;
        return null;
    }
}

/// <summary>A problem with one row of an imported file, named by row and column.</summary>
public sealed record RowProblem(int RowNumber, string? Column, string Message)
{
    public override string ToString() => Column is null ? $"Row {RowNumber}: {Message}" : $"Row {RowNumber}, {Column}: {Message}";
}
