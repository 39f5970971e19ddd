using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParIndex.Units;

namespace ParIndex.Tests.Results;

/// <summary>Requests and readings shared by the Results tests.</summary>
internal static partial class ResultsTestKit
{
    public const string BlockPage2025 = "/ket-qua/2025/SBN";
    public const string Api2025 = "/api/v1/years/2025/blocks/SBN/results";
    public const string Api2024 = "/api/v1/years/2024/blocks/SBN/results";

    /// <summary>
    /// Publishes the block's current results as a correction of the published version (reason and new decision), as the
    /// administrator does after recomputing: the public sees recomputed results only from then on.
    /// </summary>
    public static async Task<System.Text.Json.JsonElement> PublishCorrectionAsync(HttpClient admin, int year = 2025, string block = "SBN")
    {
        var response = await admin.PostAsJsonAsync($"/api/v1/years/{year}/blocks/{block}/publications",
            new { decisionNumber = "99/QĐ-UBND", decisionDate = $"{year + 1}-02-10", reason = "Cập nhật điểm sau rà soát." });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return System.Text.Json.JsonDocument.Parse(body).RootElement;
    }

    /// <summary>The page's text with entities decoded (Razor encodes Vietnamese letters as numeric entities).</summary>
    public static async Task<(HttpStatusCode Status, string Html)> PageAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    /// <summary>The unit codes of the results table, in the order shown.</summary>
    public static List<string> TableOrder(string html)
    {
        var table = Between(html, "id=\"results-table\"", "</table>");
        return UnitRow().Matches(table).Select(m => m.Groups[1].Value).ToList();
    }

    /// <summary>The cells of one unit's row in the results table, tags stripped.</summary>
    public static List<string> RowCells(string html, string unit)
    {
        var table = Between(html, "id=\"results-table\"", "</table>");
        var start = table.IndexOf($"<tr data-unit=\"{unit}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"No row for {unit}.");
        var row = table[start..table.IndexOf("</tr>", start, StringComparison.Ordinal)];
        return Cell().Matches(row).Select(m => Squash(Tags().Replace(m.Groups[1].Value, " "))).ToList();
    }

    public static string Between(string text, string from, string to)
    {
        var start = text.IndexOf(from, StringComparison.Ordinal);
        Assert.True(start >= 0, $"'{from}' not found.");
        var end = text.IndexOf(to, start, StringComparison.Ordinal);
        return end < 0 ? text[start..] : text[start..end];
    }

    public static string Squash(string text) => Spaces().Replace(text, " ").Trim();

    /// <summary>Posts a form with the antiforgery token of <paramref name="tokenPage"/> (default: the form's own page).</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, IEnumerable<KeyValuePair<string, string>> fields, string? tokenPage = null)
    {
        var token = await TestApp.AntiforgeryTokenAsync(client, tokenPage ?? path.Split('?')[0]);
        return await client.PostAsync(path, new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token)).ToList()));
    }

    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string path, byte[] content, string fileName, string contentType)
    {
        var token = await TestApp.AntiforgeryTokenAsync(client, path);
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(token), "__RequestVerificationToken");
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        form.Add(file, "Upload", fileName);
        return await client.PostAsync(path, form);
    }

    public static byte[] Csv(params string[] lines) => Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n");

    public static Task<List<(string Action, string Key, string? Old, string? New, string Actor)>> AuditAsync(TestApp app, string action) =>
        app.WithDbAsync(async db => (await db.AuditEntries.Where(a => a.Action == action).OrderBy(a => a.Id)
            .Select(a => new { a.Action, a.EntityKey, a.OldValue, a.NewValue, a.Actor }).ToListAsync())
            .Select(a => (a.Action, a.EntityKey, a.OldValue, a.NewValue, a.Actor)).ToList());

    public static Task<int> ScoreCountAsync(TestApp app) => app.WithDbAsync(db => db.LeafScores.CountAsync());

    public static Task<bool> IsPublishedAsync(TestApp app, int year) =>
        app.WithDbAsync(db => db.Blocks.Where(b => b.Year == year && b.Code == SmallCity.Block).Select(b => b.IsPublished).SingleAsync());

    public static Task RenameAsync(TestApp app, string code, string nameVi) => app.WithScopeAsync(async services =>
    {
        var units = services.GetRequiredService<UnitService>();
        var unit = await units.FindAsync(code) ?? throw new InvalidOperationException(code);
        var saved = await units.SaveAsync(new UnitDto(code, nameVi, null, unit.Kind, unit.ValidFrom, unit.ValidTo, null), "test");
        Assert.True(saved.Succeeded, string.Join("; ", saved.Problems?.Lines() ?? []));
        return 0;
    });

    /// <summary>The rows of the first sheet of an XLSX, as text, read with the OpenXML SDK directly.</summary>
    public static List<List<string>> XlsxRows(byte[] content)
    {
        using var stream = new MemoryStream(content);
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbook = document.WorkbookPart!;
        var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
        var sheet = workbook.WorksheetParts.First().Worksheet;
        return sheet.Descendants<Row>().Select(row => row.Elements<Cell>().Select(cell =>
        {
            if (cell.DataType?.Value == CellValues.InlineString)
                return cell.InlineString?.InnerText ?? "";
            if (cell.DataType?.Value == CellValues.SharedString)
                return shared[int.Parse(cell.CellValue!.Text)];
            return cell.CellValue?.Text ?? "";
        }).ToList()).ToList();
    }

    [GeneratedRegex("<tr data-unit=\"([^\"]+)\"")]
    private static partial Regex UnitRow();

    [GeneratedRegex("<t[dh][^>]*>(.*?)</t[dh]>", RegexOptions.Singleline)]
    private static partial Regex Cell();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex("\\s+")]
    private static partial Regex Spaces();
}
