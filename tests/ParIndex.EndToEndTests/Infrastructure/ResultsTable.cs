using System.Globalization;
using System.Text.RegularExpressions;

namespace ParIndex.EndToEndTests.Infrastructure;

/// <summary>The ranking table of a block's results page, read as the reader sees it.</summary>
public sealed partial class ResultsTable(IPage page)
{
    public static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public ILocator Table => page.Locator("#results-table");

    public ILocator Rows => Table.Locator("tbody tr");

    /// <summary>A column header by its visible title (a sort indicator such as ↕ may follow it in the accessible name).</summary>
    public ILocator ColumnHeader(string name) =>
        Table.GetByRole(AriaRole.Columnheader, new() { NameRegex = new Regex($"^{Regex.Escape(name)}(\\s*[↕↑↓▲▼])?$") });

    public async Task<IReadOnlyList<int>> RanksAsync() =>
        (await Rows.Locator("td.rank").AllInnerTextsAsync()).Select(text => int.Parse(text.Trim(), CultureInfo.InvariantCulture)).ToList();

    public async Task<IReadOnlyList<string>> NamesAsync() =>
        (await Rows.Locator("th.unit-name").AllInnerTextsAsync()).Select(text => text.Trim()).ToList();

    public async Task<IReadOnlyList<string>> IndexTextsAsync() =>
        (await Rows.Locator("td.index").AllInnerTextsAsync()).Select(text => text.Trim()).ToList();

    /// <summary>Reads a published figure written the Vietnamese way (decimal comma, two decimals), failing on any other form.</summary>
    public static decimal ParseVietnamese(string text)
    {
        Assert.Matches(VietnameseFigure(), text);
        return decimal.Parse(text, NumberStyles.Number, Vietnamese);
    }

    [GeneratedRegex(@"^\d{1,3}(\.\d{3})*,\d{2}$")]
    public static partial Regex VietnameseFigure();

    [GeneratedRegex(@"^\d{1,3}(,\d{3})*\.\d{2}$")]
    public static partial Regex EnglishFigure();
}
