using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using ParIndex.Data.Tabular;

namespace ParIndex.Tests.Units;

/// <summary>Requests and readings shared by the Units tests: units through the API, forms with their token, counts from the database.</summary>
internal static partial class UnitsTestKit
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static Task<HttpResponseMessage> PutUnitAsync(HttpClient client, string code, string nameVi, string kind = "Department",
        string validFrom = "2020-01-01", string? validTo = null, string? parentCode = null, string? nameEn = null) =>
        client.PutAsJsonAsync($"/api/v1/units/{code}", new { code, nameVi, nameEn, kind, validFrom, validTo, parentCode });

    public static async Task AddUnitAsync(HttpClient client, string code, string nameVi, string kind = "Department",
        string validFrom = "2020-01-01", string? validTo = null, string? parentCode = null)
    {
        var response = await PutUnitAsync(client, code, nameVi, kind, validFrom, validTo, parentCode);
        Assert.True(response.IsSuccessStatusCode, $"PUT unit {code}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    public static async Task AddBlockAsync(HttpClient client, int year, string code, string nameVi, params string[] members)
    {
        var created = await client.PutAsJsonAsync($"/api/v1/years/{year}/blocks/{code}", new { code, nameVi });
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        if (members.Length > 0)
        {
            var set = await client.PutAsJsonAsync($"/api/v1/years/{year}/blocks/{code}/members", new { unitCodes = members });
            Assert.True(set.IsSuccessStatusCode, await set.Content.ReadAsStringAsync());
        }
    }

    public static async Task<int> AddSuccessionAsync(HttpClient client, string predecessor, string successor, string kind = "Merge", string date = "2025-07-01")
    {
        var response = await client.PostAsJsonAsync("/api/v1/successions", new { predecessorCode = predecessor, successorCode = successor, effectiveDate = date, kind });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    public static Task<int> UnitCountAsync(TestApp app) => app.WithDbAsync(db => db.Units.CountAsync());

    public static Task<List<string>> AuditActionsAsync(TestApp app, string entityKey) =>
        app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityKey == entityKey).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());

    /// <summary>Posts a form with the antiforgery token read from <paramref name="tokenPage"/> (default: the form's own page).</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, IEnumerable<KeyValuePair<string, string>> fields, string? tokenPage = null)
    {
        var token = await TestApp.AntiforgeryTokenAsync(client, tokenPage ?? path.Split('?')[0]);
        var all = fields.Append(new("__RequestVerificationToken", token)).ToList();
        return await client.PostAsync(path, new FormUrlEncodedContent(all));
    }

    public static Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, object fields, string? tokenPage = null) =>
        PostFormAsync(client, path, Fields(fields), tokenPage);

    public static IEnumerable<KeyValuePair<string, string>> Fields(object fields) =>
        fields.GetType().GetProperties().Select(p => new KeyValuePair<string, string>(p.Name, p.GetValue(fields)?.ToString() ?? ""));

    /// <summary>Uploads a file to the import page as a browser would (multipart, with the token).</summary>
    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] content, string fileName, string contentType)
    {
        var token = await TestApp.AntiforgeryTokenAsync(client, "/quan-tri/don-vi/nhap");
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(token), "__RequestVerificationToken");
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        form.Add(file, "Upload", fileName);
        return await client.PostAsync("/quan-tri/don-vi/nhap", form);
    }

    public static Task<HttpResponseMessage> ImportThroughApiAsync(HttpClient client, byte[] content, string contentType)
    {
        var body = new ByteArrayContent(content);
        body.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return client.PostAsync("/api/v1/units/import", body);
    }

    public static byte[] Csv(params string[] lines) => Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n");

    /// <summary>
    /// A workbook as Excel saves it: written by the app's <see cref="XlsxWriter"/>, then given the row numbers and cell
    /// references (r="B3") that Excel always writes. XlsxWriter leaves them out and TabularFile needs them; see
    /// <c>UnitImportTests.XlsxFromTheAppsOwnWriterImports</c>.
    /// </summary>
    public static byte[] Xlsx(IReadOnlyList<string> header, params IReadOnlyList<XlsxCell>[] rows)
    {
        using var stream = new MemoryStream();
        XlsxWriter.Write(stream, new XlsxSheet("Đơn vị", header, rows));
        using (var document = SpreadsheetDocument.Open(stream, isEditable: true))
        {
            foreach (var worksheet in document.WorkbookPart!.WorksheetParts)
            {
                uint rowNumber = 0;
                foreach (var row in worksheet.Worksheet.Descendants<Row>())
                {
                    row.RowIndex = ++rowNumber;
                    var column = 0;
                    foreach (var cell in row.Elements<Cell>())
                        cell.CellReference = ColumnLetters(column++) + rowNumber;
                }
                worksheet.Worksheet.Save();
            }
        }
        return stream.ToArray();
    }

    /// <summary>The workbook exactly as <see cref="XlsxWriter"/> writes it.</summary>
    public static byte[] XlsxAsWritten(IReadOnlyList<string> header, params IReadOnlyList<XlsxCell>[] rows)
    {
        using var stream = new MemoryStream();
        XlsxWriter.Write(stream, new XlsxSheet("Đơn vị", header, rows));
        return stream.ToArray();
    }

    private static string ColumnLetters(int index) => index < 26 ? ((char)('A' + index)).ToString() : ColumnLetters(index / 26 - 1) + (char)('A' + index % 26);

    /// <summary>The page's HTML with entities decoded, so that assertions can use Vietnamese text as written.</summary>
    public static async Task<string> HtmlAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    public static async Task<string> PageAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await HtmlAsync(response);
    }

    /// <summary>The text of the elements with a class, in document order (entities decoded).</summary>
    public static IReadOnlyList<string> TextsOfClass(string html, string cssClass) =>
        Regex.Matches(html, $"class=\"{Regex.Escape(cssClass)}\"[^>]*>([^<]*)<").Select(m => m.Groups[1].Value.Trim()).ToList();

    /// <summary>The rows of the import page's problem table as (row, column key, message).</summary>
    public static IReadOnlyList<(int Row, string Column, string Message)> ProblemRows(string html) =>
        ProblemRowPattern().Matches(html).Select(m => (int.Parse(m.Groups[1].Value), m.Groups[2].Value, m.Groups[3].Value)).ToList();

    [GeneratedRegex("<td class=\"num\">(\\d+)</td>\\s*<td data-column=\"([^\"]*)\"[^>]*>[^<]*</td>\\s*<td>([^<]*)</td>")]
    private static partial Regex ProblemRowPattern();
}
