using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParIndex.Assessments;
using ParIndex.Campaign;
using ParIndex.Results;
using static ParIndex.Tests.Assessments.CampaignKit;

namespace ParIndex.Tests.Assessments;

/// <summary>
/// The campaign after submission: appraisal by the lead agencies (scope, reasons, verdicts), explanation by the unit,
/// reappraisal, each refused outside its phase; the proposed scores for the council; the report as DOCX and PDF.
/// </summary>
public abstract class AppraisalTests(DatabaseKind kind) : IAsyncLifetime
{
    private readonly TestPhases phases = new();
    private TestApp app = null!;
    private HttpClient officer = null!;
    private long documentId;

    public async Task InitializeAsync()
    {
        app = await StartAsync(kind, phases, services => services.Configure<ParIndex.Dossiers.DossierOptions>(o => o.PdfSharpLicense = "AGPL"));
        phases.MoveTo(Year, CampaignPhaseKind.SelfAssessment);
        officer = await SignInAsync(app, Officer);
        await SelfAssessmentTests.CompleteAsync(officer);
        var upload = await UploadAsync(officer, Pdf(), "Kế hoạch.pdf", ["1.1"], title: "Kế hoạch CCHC năm 2025");
        documentId = (await JsonAsync(upload)).GetProperty("id").GetInt64();
        await officer.PutAsJsonAsync(SelfPath() + "/difficulties", new { text = "Thiếu nhân lực chuyên trách; đề nghị tập huấn phần mềm.", version = 0 });
        var submitted = await (await SignInAsync(app, Head)).PostAsync(SelfPath() + "/submit", null);
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        phases.MoveTo(Year, CampaignPhaseKind.Appraisal);
    }

    public Task DisposeAsync()
    {
        app.Dispose();
        return Task.CompletedTask;
    }

    private static string DecidePath(string node, string unit = "STP") => $"/api/v1/years/{Year}/appraisal/{unit}/{node}";

    [Fact]
    public async Task AnAppraiserSeesOnlyTheLeavesTheirAgencyLeadsOfSubmittedAssessments()
    {
        var snv = await SignInAsync(app, AppraiserSnv);
        var stp = await SignInAsync(app, AppraiserStp);

        var snvQueue = await snv.GetFromJsonAsync<JsonElement>($"/api/v1/years/{Year}/appraisal");
        var stpQueue = await stp.GetFromJsonAsync<JsonElement>($"/api/v1/years/{Year}/appraisal");
        var byOfficer = await officer.GetAsync($"/api/v1/years/{Year}/appraisal");

        // Only STP submitted; SNV leads 1.1, 1.3 and the bonus, STP leads 1.2.
        Assert.Equal(["STP 1.1", "STP 1.3", "STP T"], snvQueue.EnumerateArray().Select(Key).ToArray());
        Assert.Equal(["STP 1.2"], stpQueue.EnumerateArray().Select(Key).ToArray());
        var first = snvQueue[0].GetProperty("entry");
        Assert.Equal(3.5m, first.GetProperty("input").GetProperty("points").GetDecimal());
        Assert.Equal("Kế hoạch.pdf", first.GetProperty("evidence")[0].GetProperty("document").GetProperty("fileName").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, byOfficer.StatusCode);
    }

    [Fact]
    public async Task AnAppraiserCannotAppraiseACriterionTheirAgencyDoesNotLead()
    {
        var stp = await SignInAsync(app, AppraiserStp);
        var version = await VersionAsync(await SignInAsync(app, Viewer), "1.1");

        var response = await stp.PutAsJsonAsync(DecidePath("1.1"), new { decision = "Accepted", version });
        var verdict = await stp.PutAsJsonAsync(DecidePath("1.1") + $"/evidence/{documentId}", new { verdict = "Irrelevant" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, verdict.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.LeafAppraisals.CountAsync()));
    }

    [Fact]
    public async Task AnAdjustmentNeedsAValidScoreAndAReasonAndIsAuditedAsTheAppraisedStage()
    {
        var snv = await SignInAsync(app, AppraiserSnv);
        var version = await VersionAsync(officer, "1.1");

        var noReason = await snv.PutAsJsonAsync(DecidePath("1.1"), new { decision = "Adjusted", kind = "Points", points = 2, version });
        var outOfRange = await snv.PutAsJsonAsync(DecidePath("1.1"), new { decision = "Adjusted", kind = "Points", points = 5, reason = "x", version });
        var adjusted = await snv.PutAsJsonAsync(DecidePath("1.1"), new { decision = "Adjusted", kind = "Points", points = 2, reason = "Kế hoạch ban hành chậm 2 tháng", version });
        var stale = await snv.PutAsJsonAsync(DecidePath("1.1"), new { decision = "Accepted", version });

        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.True((await JsonAsync(noReason)).GetProperty("errors").TryGetProperty("reason", out _));
        Assert.Equal(HttpStatusCode.BadRequest, outOfRange.StatusCode);
        Assert.Equal(HttpStatusCode.OK, adjusted.StatusCode);
        var item = await JsonAsync(adjusted);
        Assert.Equal("Adjusted", item.GetProperty("state").GetString());
        Assert.Equal(2m, item.GetProperty("entry").GetProperty("decision").GetProperty("points").GetDecimal());
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var stages = await app.WithDbAsync(db => db.LeafScores.Where(s => s.NodeCode == "1.1").ToDictionaryAsync(s => s.Stage, s => s.Points));
        Assert.Equal(3.5m, stages[ScoreStage.Self]);
        Assert.Equal(2m, stages[ScoreStage.Appraised]);
        Assert.False(stages.ContainsKey(ScoreStage.Final));
        var audit = await app.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.Action == "appraisal.decided"));
        Assert.Equal(AppraiserSnv, audit.Actor);
        Assert.Equal("Kế hoạch ban hành chậm 2 tháng", audit.Reason);
        Assert.Contains("points=2", audit.NewValue);
    }

    [Fact]
    public async Task EvidenceVerdictsAreRecordedAndAudited()
    {
        var snv = await SignInAsync(app, AppraiserSnv);

        var bad = await snv.PutAsJsonAsync(DecidePath("1.1") + $"/evidence/{documentId}", new { verdict = "Maybe" });
        var first = await snv.PutAsJsonAsync(DecidePath("1.1") + $"/evidence/{documentId}", new { verdict = "Insufficient", note = "Thiếu phụ lục" });
        var second = await snv.PutAsJsonAsync(DecidePath("1.1") + $"/evidence/{documentId}", new { verdict = "Accepted" });

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("Accepted", (await JsonAsync(second)).GetProperty("entry").GetProperty("evidence")[0].GetProperty("verdict").GetString());
        var audit = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == "evidence.verdict").OrderBy(a => a.Id).ToListAsync());
        Assert.Equal([(null, "Insufficient: Thiếu phụ lục"), ("Insufficient: Thiếu phụ lục", "Accepted")], audit.Select(a => (a.OldValue, a.NewValue!)).ToArray());
    }

    [Fact]
    public async Task AdjustedLeavesAreExplainedByTheUnitAndDecidedAgainEachInItsPhase()
    {
        var snv = await SignInAsync(app, AppraiserSnv);
        await snv.PutAsJsonAsync(DecidePath("1.1"), new { decision = "Adjusted", kind = "Points", points = 2, reason = "Ban hành chậm", version = await VersionAsync(officer, "1.1") });
        await snv.PutAsJsonAsync(DecidePath("1.3"), new { decision = "Accepted", version = await VersionAsync(officer, "1.3") });

        var explainEarly = await officer.PutAsJsonAsync(SelfPath() + "/entries/1.1/explanation", new { text = "…", version = await VersionAsync(officer, "1.1") });
        phases.MoveTo(Year, CampaignPhaseKind.Explanation);
        var decideInExplanation = await snv.PutAsJsonAsync(DecidePath("1.1"), new { decision = "Accepted", version = await VersionAsync(officer, "1.1") });
        var explainAccepted = await officer.PutAsJsonAsync(SelfPath() + "/entries/1.3/explanation", new { text = "…", version = await VersionAsync(officer, "1.3") });
        var empty = await officer.PutAsJsonAsync(SelfPath() + "/entries/1.1/explanation", new { text = " ", version = await VersionAsync(officer, "1.1") });
        var explained = await officer.PutAsJsonAsync(SelfPath() + "/entries/1.1/explanation", new { text = "Kế hoạch ban hành đúng hạn theo công văn 45/UBND.", version = await VersionAsync(officer, "1.1") });
        var newEvidence = await UploadAsync(officer, Pdf("Công văn 45"), "cong-van-45.pdf", ["1.1"], number: "45/UBND");
        var notAdjusted = await UploadAsync(officer, Pdf("Khác"), "khac.pdf", ["1.3"]);
        phases.MoveTo(Year, CampaignPhaseKind.Reappraisal);
        var reappraiseAccepted = await snv.PutAsJsonAsync(DecidePath("1.3"), new { decision = "Adjusted", kind = "Ratio", numerator = 1, denominator = 10, reason = "x", version = await VersionAsync(officer, "1.3") });
        var reappraised = await snv.PutAsJsonAsync(DecidePath("1.1"), new { decision = "Adjusted", kind = "Points", points = 3, reason = "Chấp nhận một phần giải trình", version = await VersionAsync(officer, "1.1") });

        Assert.Equal(HttpStatusCode.Conflict, explainEarly.StatusCode);
        Assert.Contains("giải trình năm 2025 đang đóng", await explainEarly.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Conflict, decideInExplanation.StatusCode);
        Assert.Contains("thẩm định năm 2025 đang đóng", await decideInExplanation.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Conflict, explainAccepted.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(HttpStatusCode.OK, explained.StatusCode);
        Assert.Equal(HttpStatusCode.OK, newEvidence.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, notAdjusted.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, reappraiseAccepted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, reappraised.StatusCode);
        var entry = (await JsonAsync(reappraised)).GetProperty("entry");
        Assert.Equal(["Appraisal", "Reappraisal"], entry.GetProperty("appraisals").EnumerateArray().Select(a => a.GetProperty("round").GetString()!).ToArray());
        Assert.Equal(["SelfAssessment", "Explanation"], entry.GetProperty("evidence").EnumerateArray().Select(e => e.GetProperty("stage").GetString()!).ToArray());

        var proposed = await (await SignInAsync(app, Council)).GetFromJsonAsync<JsonElement>($"/api/v1/years/{Year}/units/STP/proposed-scores");
        var byNode = proposed.EnumerateArray().ToDictionary(p => p.GetProperty("nodeCode").GetString()!);
        Assert.Equal("Appraised", byNode["1.1"].GetProperty("source").GetString());
        Assert.Equal(3m, byNode["1.1"].GetProperty("proposed").GetProperty("points").GetDecimal());
        Assert.Equal(3.5m, byNode["1.1"].GetProperty("self").GetProperty("points").GetDecimal());
        Assert.Equal("Appraised", byNode["1.3"].GetProperty("source").GetString());
        Assert.Equal("Self", byNode["1.2"].GetProperty("source").GetString());
        Assert.Equal("Data", byNode["2.1"].GetProperty("source").GetString());
        Assert.Equal(93.5m, byNode["2.1"].GetProperty("proposed").GetProperty("value").GetDecimal());
    }

    [Fact]
    public async Task ProposedScoresAreTheAppraisedInputWhereDecidedElseTheSelfInput()
    {
        var snv = await SignInAsync(app, AppraiserSnv);
        await snv.PutAsJsonAsync(DecidePath("T"), new { decision = "Adjusted", kind = "Points", points = 0, reason = "Không có thành tích", version = await VersionAsync(officer, "T") });

        var proposed = await app.WithScopeAsync(s => s.GetRequiredService<IProposedScores>().ForUnitAsync(Year, "STP"));

        Assert.Equal(["1.1", "1.2", "1.3", "2.1", "2.2", "T"], proposed.Select(p => p.NodeCode).ToArray());
        Assert.Equal(0m, proposed.Single(p => p.NodeCode == "T").Proposed!.Points);
        Assert.Equal(ProposedSource.Self, proposed.Single(p => p.NodeCode == "1.1").Source);
        Assert.Equal(ProposedSource.Data, proposed.Single(p => p.NodeCode == "2.2").Source);
        Assert.Empty(await app.WithScopeAsync(s => s.GetRequiredService<IProposedScores>().ForUnitAsync(Year, "NO-SUCH")));
    }

    [Fact]
    public async Task TheReportOpensAsAWordDocumentWithTheOfficialSections()
    {
        var response = await officer.GetAsync(SelfPath() + "/report?format=docx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType?.MediaType);
        using var document = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        var body = document.MainDocumentPart!.Document.Body!;
        var text = string.Join("\n", body.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText));
        Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", text);
        Assert.Contains("SỞ TƯ PHÁP", text);
        Assert.Contains("Kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm 2025", text);
        Assert.Contains("I. KẾT QUẢ TỰ ĐÁNH GIÁ THEO LĨNH VỰC", text);
        Assert.Contains("III. GIẢI TRÌNH CÁC TIÊU CHÍ KHÔNG CÓ TÀI LIỆU KIỂM CHỨNG", text);
        Assert.Contains("Báo cáo tổng kết đăng trên cổng thông tin.", text); // 1.2 explained, no document
        Assert.Contains("Thiếu nhân lực chuyên trách; đề nghị tập huấn phần mềm.", text);
        Assert.Contains("Kế hoạch CCHC năm 2025 (125/KH-UBND, ngày 15/01/2025, UBND Thành phố)", text);
        // Summary table: field 1 = 3.5 + 3 + 2.7 = 9.2 of 10; field 2 = 6 × 93.5/95 + 4 × 0.88 = 9.43; bonus 0.5; total 19.13 of 20.
        var summary = body.Descendants<DocumentFormat.OpenXml.Wordprocessing.Table>().ElementAt(1);
        var rows = summary.Descendants<DocumentFormat.OpenXml.Wordprocessing.TableRow>().Select(r => r.Descendants<DocumentFormat.OpenXml.Wordprocessing.TableCell>().Select(c => c.InnerText).ToArray()).ToList();
        Assert.Equal(["STT", "Lĩnh vực", "Điểm tối đa", "Điểm tự đánh giá", "Tỷ lệ (%)"], rows[0]);
        Assert.Equal(["1", "1. Công tác chỉ đạo, điều hành CCHC", "10", "9,2", "92"], rows[1]);
        Assert.Equal("9,43", rows[2][3]);
        Assert.Equal(["", "Tổng cộng", "20", "19,13", "95,63"], rows[^1]);
    }

    [Fact]
    public async Task TheReportIsAPdfInVietnameseWhenALicenceIsChosen()
    {
        var response = await (await SignInAsync(app, Viewer)).GetAsync(SelfPath() + "/report?format=pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        // Lines of a wrapped paragraph come out without the space they were broken at: compare without whitespace.
        var text = Squash(PdfText.Extract(bytes));
        Assert.Contains(Squash("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), text);
        Assert.Contains(Squash("Kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm 2025"), text);
        Assert.Contains(Squash("Tổng cộng 20 19,13 95,63"), text);
        Assert.Contains(Squash("KHÓ KHĂN, VƯỚNG MẮC VÀ ĐỀ XUẤT, KIẾN NGHỊ"), text);
        Assert.Contains(Squash("Thiếu nhân lực chuyên trách; đề nghị tập huấn phần mềm."), text);
    }

    private static string Squash(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    private static string Key(JsonElement item) => $"{item.GetProperty("unitCode").GetString()} {item.GetProperty("entry").GetProperty("nodeCode").GetString()}";
}

public sealed class AppraisalTestsOnSqlite() : AppraisalTests(DatabaseKind.Sqlite);

public sealed class AppraisalTestsOnPostgres() : AppraisalTests(DatabaseKind.Postgres);
