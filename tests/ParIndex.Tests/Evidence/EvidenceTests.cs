using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParIndex.Campaign;
using ParIndex.Evidence;
using ParIndex.Tests.Assessments;
using ParIndex.Web.Documents;
using static ParIndex.Tests.Assessments.CampaignKit;

namespace ParIndex.Tests.Evidence;

/// <summary>Evidence files: checked by content, stored by hash, size-limited while streaming, linked, carried over, downloaded by those allowed, zipped.</summary>
public abstract class EvidenceTests(DatabaseKind kind) : IAsyncLifetime
{
    private const long SmallLimit = 64 * 1024;
    private readonly TestPhases phases = new();
    private TestApp app = null!;

    public async Task InitializeAsync()
    {
        app = await StartAsync(kind, phases, services => services.Configure<EvidenceOptions>(o => o.MaxBytes = SmallLimit));
        phases.Open(Year, CampaignPhaseKind.SelfAssessment);
        phases.Open(Year - 1, CampaignPhaseKind.SelfAssessment);
    }

    public Task DisposeAsync()
    {
        app.Dispose();
        return Task.CompletedTask;
    }

    private string Folder => app.Service(s => s.GetRequiredService<EvidenceStore>().Folder);

    private static async Task<string?> FormatAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("format").GetString();
    }

    private IEnumerable<string> StoredFiles() => Directory.Exists(Folder)
        ? Directory.EnumerateFiles(Folder, "*", SearchOption.AllDirectories).Where(f => !f.Contains(".incoming"))
        : [];

    [Fact]
    public async Task AnUploadedPdfIsStoredUnderItsSha256WithItsMetadataAndBacksSeveralLeaves()
    {
        var officer = await SignInAsync(app, Officer);
        var pdf = Pdf();
        var sha = Convert.ToHexStringLower(SHA256.HashData(pdf));

        var response = await UploadAsync(officer, pdf, "Kế hoạch CCHC 2025.pdf", ["1.1", "1.2"], title: "Kế hoạch cải cách hành chính năm 2025");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await JsonAsync(response);
        Assert.Equal(sha, document.GetProperty("sha256").GetString());
        Assert.Equal("Pdf", document.GetProperty("format").GetString());
        Assert.Equal("125/KH-UBND", document.GetProperty("documentNumber").GetString());
        Assert.Equal("2025-01-15", document.GetProperty("documentDate").GetString());
        Assert.Equal("Kế hoạch CCHC 2025.pdf", document.GetProperty("fileName").GetString());
        // Content-addressed: the path is the hash, never the client's name.
        var stored = Assert.Single(StoredFiles());
        Assert.Equal(Path.Combine(Folder, sha[..2], sha[2..4], sha), stored);
        Assert.Equal(pdf, await File.ReadAllBytesAsync(stored));
        Assert.Single((await EntryAsync(officer, "1.1")).GetProperty("evidence").EnumerateArray());
        Assert.Single((await EntryAsync(officer, "1.2")).GetProperty("evidence").EnumerateArray());
        var actions = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "evidence").Select(a => a.Action).ToListAsync());
        Assert.Equal(["evidence.linked", "evidence.linked", "evidence.uploaded"], actions.Order().ToArray());
    }

    [Fact]
    public async Task RealWordAndExcelFilesJpegsAndPngsAreAccepted()
    {
        var officer = await SignInAsync(app, Officer);
        using var docx = new MemoryStream();
        DocxDocument.Write(new OfficialDocument("Báo cáo", null, [new DocParagraph("Nội dung")]), docx);
        using var xlsx = new MemoryStream();
        ParIndex.Data.Tabular.XlsxWriter.Write(xlsx, new ParIndex.Data.Tabular.XlsxSheet("Sheet1", ["A"], [[(ParIndex.Data.Tabular.XlsxCell)"1"]]));

        var word = await UploadAsync(officer, docx.ToArray(), "bao-cao.docx", ["1.1"]);
        var excel = await UploadAsync(officer, xlsx.ToArray(), "so-lieu.XLSX", ["1.1"]);
        var jpeg = await UploadAsync(officer, [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0, 1], "anh.jpeg", ["1.1"]);
        var png = await UploadAsync(officer, [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D], "anh.png", ["1.1"]);

        Assert.Equal("Docx", await FormatAsync(word));
        Assert.Equal("Xlsx", await FormatAsync(excel));
        Assert.Equal("Jpeg", await FormatAsync(jpeg));
        Assert.Equal("Png", await FormatAsync(png));
    }

    [Fact]
    public async Task DisguisedFilesAreRefusedAndNothingIsKept()
    {
        var officer = await SignInAsync(app, Officer);
        var exe = Encoding.ASCII.GetBytes("MZ\x90\0\x03\0\0\0\x04\0\0\0This program cannot be run in DOS mode.");
        var text = Encoding.UTF8.GetBytes("Tên,Điểm\nSở Tư pháp,9\n");
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
            await using (var entry = archive.CreateEntry("readme.txt").Open())
                entry.Write(text);
        using var docx = new MemoryStream();
        DocxDocument.Write(new OfficialDocument("Báo cáo", null, [new DocParagraph("Nội dung")]), docx);

        var responses = new[]
        {
            await UploadAsync(officer, exe, "ke-hoach.pdf", ["1.1"]),
            await UploadAsync(officer, text, "so-lieu.xlsx", ["1.1"]),
            await UploadAsync(officer, zip.ToArray(), "bao-cao.docx", ["1.1"]),
            await UploadAsync(officer, docx.ToArray(), "so-lieu.xlsx", ["1.1"]),
            await UploadAsync(officer, Pdf(), "ke-hoach.exe", ["1.1"]),
            await UploadAsync(officer, [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A], "anh.pdf", ["1.1"]),
        };

        foreach (var (response, i) in responses.Select((r, i) => (r, i)))
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"upload {i}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Contains("không phải PDF", (await JsonAsync(responses[0])).GetProperty("errors").GetProperty("file")[0].GetString());
        Assert.Contains("không phải XLSX", await responses[1].Content.ReadAsStringAsync());
        Assert.Contains("nội dung là DOCX", await responses[3].Content.ReadAsStringAsync());
        Assert.Contains("chỉ nhận PDF, DOCX, XLSX, JPEG, PNG", await responses[4].Content.ReadAsStringAsync());
        Assert.Empty(StoredFiles());
        Assert.Equal(0, await app.WithDbAsync(db => db.EvidenceDocuments.CountAsync()));
    }

    [Fact]
    public async Task AFileOverTheLimitIsRefusedWhileStreamingAndLeavesNothingBehind()
    {
        var officer = await SignInAsync(app, Officer);

        var tooLarge = await UploadAsync(officer, Pdf(padTo: (int)SmallLimit + 1), "lon.pdf", ["1.1"]);
        var atLimit = await UploadAsync(officer, Pdf(padTo: (int)SmallLimit), "vua.pdf", ["1.1"]);

        Assert.Equal(HttpStatusCode.BadRequest, tooLarge.StatusCode);
        Assert.Contains("vượt quá giới hạn", await tooLarge.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, atLimit.StatusCode);
        Assert.Single(StoredFiles());
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(Folder, ".incoming")));
    }

    [Fact]
    public async Task UploadsAreRefusedOutsideThePhaseForOtherUnitsAndForUnknownLeavesBeforeAnythingIsStored()
    {
        var officer = await SignInAsync(app, Officer);
        var other = await SignInAsync(app, OtherOfficer);

        var otherUnit = await UploadAsync(other, Pdf(), "a.pdf", ["1.1"], unit: "STP");
        var unknownLeaf = await UploadAsync(officer, Pdf(), "a.pdf", ["9.9"]);
        var badDate = await UploadAsync(officer, Pdf(), "a.pdf", ["1.1"], date: "31/02/2025");
        phases.Close(Year, CampaignPhaseKind.SelfAssessment);
        var closed = await UploadAsync(officer, Pdf(), "a.pdf", ["1.1"]);

        Assert.Equal(HttpStatusCode.NotFound, otherUnit.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknownLeaf.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badDate.StatusCode);
        Assert.True((await JsonAsync(badDate)).GetProperty("errors").TryGetProperty("documentDate", out _));
        Assert.Equal(HttpStatusCode.Conflict, closed.StatusCode);
        Assert.Contains("tự đánh giá năm 2025 đang đóng", await closed.Content.ReadAsStringAsync());
        Assert.Empty(StoredFiles());
    }

    [Fact]
    public async Task TheSameFileTwiceIsOneDocumentAndCanBeLinkedAndUnlinked()
    {
        var officer = await SignInAsync(app, Officer);
        var first = await JsonAsync(await UploadAsync(officer, Pdf(), "a.pdf", ["1.1"], number: null));
        var again = await JsonAsync(await UploadAsync(officer, Pdf(), "a-ban-sao.pdf", ["1.3"], number: "7/BC-STP"));
        var id = first.GetProperty("id").GetInt64();

        var linked = await officer.PostAsJsonAsync($"/api/v1/years/{Year}/units/STP/evidence/{id}/links", new { nodeCode = "1.2" });
        var unlinked = await officer.DeleteAsync($"/api/v1/years/{Year}/units/STP/evidence/{id}/links/1.1");

        Assert.Equal(id, again.GetProperty("id").GetInt64());
        Assert.Equal("7/BC-STP", again.GetProperty("documentNumber").GetString()); // missing metadata filled in
        Assert.Equal(HttpStatusCode.OK, linked.StatusCode);
        Assert.Equal(HttpStatusCode.OK, unlinked.StatusCode);
        Assert.Empty((await EntryAsync(officer, "1.1")).GetProperty("evidence").EnumerateArray());
        Assert.Single((await EntryAsync(officer, "1.2")).GetProperty("evidence").EnumerateArray());
        Assert.Single((await EntryAsync(officer, "1.3")).GetProperty("evidence").EnumerateArray());
        Assert.Equal(1, await app.WithDbAsync(db => db.EvidenceDocuments.CountAsync()));
    }

    [Fact]
    public async Task LastYearsDocumentIsCarriedOverWithoutCopyingTheFile()
    {
        var officer = await SignInAsync(app, Officer);
        var old = await JsonAsync(await UploadAsync(officer, Pdf("Quy chế 2024"), "quy-che.pdf", ["1.1"], year: Year - 1, number: "3/QC-STP"));

        var candidates = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/years/{Year}/units/STP/evidence/carry-over");
        var carried = await officer.PostAsJsonAsync($"/api/v1/years/{Year}/units/STP/evidence/carry-over", new { documentId = old.GetProperty("id").GetInt64(), nodeCodes = new[] { "1.1", "1.2" } });
        var after = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/years/{Year}/units/STP/evidence/carry-over");

        Assert.Single(candidates.EnumerateArray());
        Assert.Equal(HttpStatusCode.OK, carried.StatusCode);
        var copy = await JsonAsync(carried);
        Assert.Equal(Year, copy.GetProperty("year").GetInt32());
        Assert.Equal(old.GetProperty("sha256").GetString(), copy.GetProperty("sha256").GetString());
        Assert.Equal("3/QC-STP", copy.GetProperty("documentNumber").GetString());
        Assert.Equal(old.GetProperty("id").GetInt64(), copy.GetProperty("carriedFromId").GetInt64());
        Assert.Empty(after.EnumerateArray());
        Assert.Single(StoredFiles());
        Assert.Equal(Year, (await EntryAsync(officer, "1.2")).GetProperty("evidence")[0].GetProperty("document").GetProperty("year").GetInt32());
    }

    [Fact]
    public async Task FilesAreDownloadedOnlyByThoseAllowed()
    {
        var officer = await SignInAsync(app, Officer);
        var pdf = Pdf();
        var id = (await JsonAsync(await UploadAsync(officer, pdf, "ke-hoach.pdf", ["1.1"]))).GetProperty("id").GetInt64();
        var path = $"/api/v1/evidence/{id}/file";

        // SNV leads 1.1; STP's appraisers lead 1.2 only; SCT is another unit.
        var allowed = new[] { Officer, Head, AppraiserSnv, Viewer, Council };
        var refused = new[] { OtherOfficer, AppraiserStp };

        foreach (var user in allowed)
        {
            var response = await (await SignInAsync(app, user)).GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{user} got {(int)response.StatusCode}");
            Assert.Equal(pdf, await response.Content.ReadAsByteArrayAsync());
            Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        }
        foreach (var user in refused)
            Assert.Equal(HttpStatusCode.NotFound, (await (await SignInAsync(app, user)).GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await app.AdminAsync()).GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task AllEvidenceOfAUnitComesAsOneZipWithAnIndex()
    {
        var officer = await SignInAsync(app, Officer);
        var pdf = Pdf();
        await UploadAsync(officer, pdf, "Kế hoạch.pdf", ["1.1", "1.2"]);
        await UploadAsync(officer, [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3], "anh.png", ["1.3"], number: "Ảnh chụp");

        var response = await (await SignInAsync(app, Viewer)).GetAsync($"/api/v1/years/{Year}/units/STP/evidence.zip");
        var refused = await (await SignInAsync(app, OtherOfficer)).GetAsync($"/api/v1/years/{Year}/units/STP/evidence.zip");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var names = zip.Entries.Select(e => e.FullName).Order().ToList();
        Assert.Equal(3, names.Count);
        Assert.Contains("danh-muc.csv", names);
        var pdfEntry = zip.Entries.Single(e => e.FullName.EndsWith("Kế hoạch.pdf", StringComparison.Ordinal));
        using (var stream = pdfEntry.Open())
        using (var copy = new MemoryStream())
        {
            stream.CopyTo(copy);
            Assert.Equal(pdf, copy.ToArray());
        }
        using var index = new StreamReader(zip.GetEntry("danh-muc.csv")!.Open());
        var csv = await index.ReadToEndAsync();
        Assert.Contains("125/KH-UBND", csv);
        Assert.Contains("1.1; 1.2", csv);
        Assert.Contains(Convert.ToHexStringLower(SHA256.HashData(pdf)), csv);
    }
}

public sealed class EvidenceTestsOnSqlite() : EvidenceTests(DatabaseKind.Sqlite);

public sealed class EvidenceTestsOnPostgres() : EvidenceTests(DatabaseKind.Postgres);
