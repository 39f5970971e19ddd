using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ParIndex.Campaign;
using static ParIndex.Tests.AppraisalCouncil.CouncilTestKit;
using static ParIndex.Tests.Results.ResultsTestKit;

namespace ParIndex.Tests.AppraisalCouncil;

/// <summary>
/// The appraisal council: self, appraised and proposed scores side by side with the preview they give; overrides with a
/// reason; the vote; finalising writes the Final inputs and computes; everything refused outside the council phase.
/// </summary>
public abstract class CouncilTests(DatabaseKind kind) : AppTest(kind)
{
    [Fact]
    public async Task CouncilSeesSelfAppraisedAndProposedScoresSideBySideWithHistoryAndAPreviewThatIsNotStored()
    {
        await BuildAsync(App);
        var member = await SignInAsync(App, Member);
        var storedBefore = await StoredIndexAsync(App, "SNV");

        var unit = await member.GetFromJsonAsync<JsonElement>($"{CouncilApi}/units/SNV");

        var l11 = Leaf(unit, "1.1");
        Assert.Equal(4m, l11.GetProperty("self").GetProperty("points").GetDecimal());
        Assert.Equal(4m, l11.GetProperty("selfPoints").GetDecimal());
        Assert.Equal(3m, l11.GetProperty("appraised").GetProperty("points").GetDecimal());
        Assert.Equal(3m, l11.GetProperty("appraisedPoints").GetDecimal());
        Assert.Equal(3m, l11.GetProperty("proposed").GetProperty("points").GetDecimal());
        Assert.Equal("Appraised", l11.GetProperty("source").GetString());
        Assert.Equal(3m, l11.GetProperty("finalPoints").GetDecimal());
        var l12 = Leaf(unit, "1.2");
        Assert.Equal(3m, l12.GetProperty("selfPoints").GetDecimal());
        Assert.Equal(1.5m, l12.GetProperty("finalPoints").GetDecimal());
        // Not appraised: the self score is proposed. Fed by data: the data's value.
        var l13 = Leaf(unit, "1.3");
        Assert.Equal("Self", l13.GetProperty("source").GetString());
        Assert.Equal(JsonValueKind.Null, l13.GetProperty("appraised").ValueKind);
        Assert.Equal(3m, l13.GetProperty("finalPoints").GetDecimal());
        Assert.Equal("Data", Leaf(unit, "2.1").GetProperty("source").GetString());
        Assert.Equal(93m, Leaf(unit, "2.1").GetProperty("final").GetProperty("value").GetDecimal());

        // The unit's standing three ways: own scores above appraised, the preview's rank and class, last year from the stored 2024 results.
        var row = unit.GetProperty("row");
        var self = row.GetProperty("self").GetProperty("index").GetDecimal();
        var appraised = row.GetProperty("appraised").GetProperty("index").GetDecimal();
        var final = row.GetProperty("final");
        Assert.True(self > appraised, $"{self} > {appraised}");
        Assert.Equal(appraised, final.GetProperty("index").GetDecimal());
        Assert.Equal(2, row.GetProperty("adjusted").GetInt32());
        Assert.InRange(final.GetProperty("rank").GetInt32(), 1, 4);
        var history = unit.GetProperty("history").EnumerateArray().ToList();
        var y2024 = Assert.Single(history);
        Assert.Equal(2024, y2024.GetProperty("year").GetInt32());
        Assert.Equal(2, y2024.GetProperty("rank").GetInt32());
        Assert.False(y2024.GetProperty("published").GetBoolean());
        Assert.Equal(2, row.GetProperty("previous").GetProperty("rank").GetInt32());

        // The block: every unit with the three indices, in the preview's rank order.
        var block = await member.GetFromJsonAsync<JsonElement>($"{CouncilApi}/blocks/SBN");
        var units = block.GetProperty("units").EnumerateArray().ToList();
        Assert.Equal(4, units.Count);
        Assert.Equal(units.Select(u => u.GetProperty("final").GetProperty("rank").GetInt32()).Order(), units.Select(u => u.GetProperty("final").GetProperty("rank").GetInt32()));
        Assert.Equal(final.GetProperty("index").GetDecimal(), units.Single(u => u.GetProperty("unitCode").GetString() == "SNV").GetProperty("final").GetProperty("index").GetDecimal());
        // Nothing was stored by looking.
        Assert.Equal(storedBefore, await StoredIndexAsync(App, "SNV"));
        Assert.Equal("points=3.5", (await FinalInputsAsync(App, "SNV"))["1.1"]);
    }

    [Fact]
    public async Task OverrideNeedsAReasonAndAValidInputChangesThePreviewAndIsAudited()
    {
        await BuildAsync(App);
        await OpenPhaseAsync(App, CampaignPhaseKind.Council);
        var member = await SignInAsync(App, Member);

        var noReason = await OverrideAsync(member, "SNV", "1.1", new { kind = "Points", points = 2 });
        var tooHigh = await OverrideAsync(member, "SNV", "1.1", new { kind = "Points", points = 9, reason = "Sai" });
        var wrongKind = await OverrideAsync(member, "SNV", "1.2", new { kind = "Points", points = 1, reason = "Sai" });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.True((await JsonAsync(noReason)).GetProperty("errors").TryGetProperty("reason", out _));
        Assert.Contains("phải từ 0 đến 4", (await JsonAsync(tooHigh)).GetProperty("errors").GetProperty("points")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, wrongKind.StatusCode);

        var saved = await OverrideAsync(member, "SNV", "1.2", new { kind = "Level", level = "C", reason = "Kế hoạch hoàn thành dưới 80 %" });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);

        var unit = await member.GetFromJsonAsync<JsonElement>($"{CouncilApi}/units/SNV");
        var leaf = Leaf(unit, "1.2");
        Assert.Equal("C", leaf.GetProperty("override").GetProperty("input").GetProperty("level").GetString());
        Assert.Equal("Kế hoạch hoàn thành dưới 80 %", leaf.GetProperty("override").GetProperty("reason").GetString());
        Assert.Equal(0m, leaf.GetProperty("finalPoints").GetDecimal());
        Assert.True(unit.GetProperty("row").GetProperty("final").GetProperty("index").GetDecimal() < unit.GetProperty("row").GetProperty("appraised").GetProperty("index").GetDecimal());
        var audit = Assert.Single(await AuditAsync(App, "council.override"));
        Assert.Equal("2025/SNV/1.2", audit.Key);
        Assert.Equal("level=C", audit.New);
        Assert.Equal(Member, audit.Actor);

        var removed = await member.DeleteAsync($"{CouncilApi}/units/SNV/overrides/1.2?reason=Nhầm");
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        Assert.Equal(1.5m, Leaf(await member.GetFromJsonAsync<JsonElement>($"{CouncilApi}/units/SNV"), "1.2").GetProperty("finalPoints").GetDecimal());
        Assert.Single(await AuditAsync(App, "council.override-removed"));
    }

    [Theory]
    [InlineData(9, 8, 5, 2, 2, "votesFor", "phải bằng số thành viên có mặt")]
    [InlineData(9, 8, 4, 3, 1, "votesFor", "Chưa đạt đa số")]
    [InlineData(9, 10, 6, 2, 2, "membersPresent", "lớn hơn số thành viên hội đồng")]
    [InlineData(9, 0, 0, 0, 0, "membersPresent", "ít nhất là 1")]
    public async Task DecisionIsRefusedUnlessMoreThanHalfOfTheMembersPresentVoteForIt(int total, int present, int votesFor, int against, int abstain, string field, string message)
    {
        await BuildAsync(App);
        await OpenPhaseAsync(App, CampaignPhaseKind.Council);
        var member = await SignInAsync(App, Member);

        var refused = await member.PostAsync($"{CouncilApi}/decisions", Json(Decision(total, present, votesFor, against, abstain)));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains(message, (await JsonAsync(refused)).GetProperty("errors").GetProperty(field)[0].GetString());
        Assert.Equal(0, await App.WithDbAsync(db => db.CouncilDecisions.CountAsync()));
    }

    [Fact]
    public async Task DecisionWithAMajorityOfThosePresentIsRecordedAndAudited()
    {
        await BuildAsync(App);
        await OpenPhaseAsync(App, CampaignPhaseKind.Council);
        var member = await SignInAsync(App, Member);

        // 5 of 9 present is a majority of those present even though it is not of the whole council.
        var recorded = await member.PostAsync($"{CouncilApi}/decisions", Json(Decision(total: 12, present: 9, votesFor: 5, against: 3, abstain: 1)));

        Assert.Equal(HttpStatusCode.OK, recorded.StatusCode);
        var year = await member.GetFromJsonAsync<JsonElement>(CouncilApi);
        var decision = Assert.Single(year.GetProperty("decisions").EnumerateArray());
        Assert.Equal("05/NQ-HĐTĐ", decision.GetProperty("decisionNumber").GetString());
        Assert.Equal(5, decision.GetProperty("votesFor").GetInt32());
        Assert.Contains("5 tán thành", Assert.Single(await AuditAsync(App, "council.decision")).New);
    }

    [Fact]
    public async Task FinalisingWritesTheFinalInputsFromTheCouncilsScoresComputesAndLocksTheYear()
    {
        await BuildAsync(App);
        await OpenPhaseAsync(App, CampaignPhaseKind.Council);
        var member = await SignInAsync(App, Member);
        var admin = await App.AdminAsync();
        Assert.Equal(HttpStatusCode.OK, (await OverrideAsync(member, "SNV", "1.2", new { kind = "Level", level = "C", reason = "Dưới 80 %" })).StatusCode);
        var preview = (await member.GetFromJsonAsync<JsonElement>($"{CouncilApi}/units/SNV")).GetProperty("row").GetProperty("final");

        // No decision yet: refused.
        var early = await member.PostAsync($"{CouncilApi}/finalise", null);
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.True((await JsonAsync(early)).GetProperty("errors").TryGetProperty("decision", out _));

        Assert.Equal(HttpStatusCode.OK, (await member.PostAsync($"{CouncilApi}/decisions", Json(Decision()))).StatusCode);
        var finalised = await member.PostAsync($"{CouncilApi}/finalise", null);
        Assert.Equal(HttpStatusCode.OK, finalised.StatusCode);
        var result = await JsonAsync(finalised);
        Assert.Equal(["SBN"], result.GetProperty("computed").EnumerateArray().Select(c => c.GetProperty("blockCode").GetString()));

        // Final = override, else appraised, else self; data leaves untouched.
        var finals = await FinalInputsAsync(App, "SNV");
        Assert.Equal("points=3", finals["1.1"]);
        Assert.Equal("level=C", finals["1.2"]);
        Assert.Equal("ratio=10/10", finals["1.3"]);
        Assert.Equal("points=1", finals["T"]);
        Assert.Equal("value=93", finals["2.1"]);
        // The stored results are exactly what the council previewed (decimals are stored with 6 places: HavePrecision(18, 6)).
        Assert.Equal(Math.Round(preview.GetProperty("index").GetDecimal(), 6), Math.Round(await StoredIndexAsync(App, "SNV"), 6));
        var (_, live) = await PageAsync(admin, BlockPage2025);
        Assert.Equal(Text(preview.GetProperty("index").GetDecimal()), RowCells(live, "SNV")[2]);
        Assert.Contains(await AuditAsync(App, "score.final-set"), a => a.Key == "2025/SNV/1.2" && a.New == "level=C" && a.Actor == Member);
        var status = (await member.GetFromJsonAsync<JsonElement>(CouncilApi)).GetProperty("status");
        Assert.Equal("Finalised", status.GetProperty("status").GetString());
        Assert.Single(await AuditAsync(App, "council.finalised"));

        // Locked: no override, no final input by the administrator, no second finalisation.
        var late = await OverrideAsync(member, "SNV", "1.1", new { kind = "Points", points = 1, reason = "Muộn" });
        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
        Assert.Contains("đã được hội đồng chốt", (await JsonAsync(late)).GetProperty("errors").GetProperty("year")[0].GetString());
        var direct = await admin.PutAsync("/api/v1/years/2025/units/SNV/scores/1.1", Json(new { kind = "Points", points = 1 }));
        Assert.Equal(HttpStatusCode.Conflict, direct.StatusCode);
        Assert.Equal("points=3", (await FinalInputsAsync(App, "SNV"))["1.1"]);

        // An administrator reopens (with a reason): the council may change scores again.
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PostAsync($"{CouncilApi}/reopen", Json(new { reason = "x" }))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsync($"{CouncilApi}/reopen", Json(new { reason = "" }))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"{CouncilApi}/reopen", Json(new { reason = "Sai sót số liệu tiêu chí 1.1" }))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await OverrideAsync(member, "SNV", "1.1", new { kind = "Points", points = 2, reason = "Sau khi mở lại" })).StatusCode);
        Assert.Single(await AuditAsync(App, "council.reopened"));
    }

    [Fact]
    public async Task CouncilActionsOutsideTheCouncilPhaseAreRefusedWithTheReason()
    {
        await BuildAsync(App);
        var member = await SignInAsync(App, Member);

        var overridden = await OverrideAsync(member, "SNV", "1.1", new { kind = "Points", points = 2, reason = "Thử" });
        var decided = await member.PostAsync($"{CouncilApi}/decisions", Json(Decision()));
        var finalised = await member.PostAsync($"{CouncilApi}/finalise", null);

        foreach (var response in new[] { overridden, decided, finalised })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("Giai đoạn hội đồng thẩm định năm 2025 chưa được quản trị viên mở.", (await JsonAsync(response)).GetProperty("errors").GetProperty("phase")[0].GetString());
        }
        Assert.Equal(0, await App.WithDbAsync(db => db.CouncilOverrides.CountAsync()));
        Assert.Equal(0, await App.WithDbAsync(db => db.CouncilDecisions.CountAsync()));
        Assert.Equal("points=3.5", (await FinalInputsAsync(App, "SNV"))["1.1"]);
        // The pages say why too, and offer no override form.
        var (_, page) = await PageAsync(member, "/hoi-dong/2025/SBN/SNV");
        Assert.Contains("chưa được quản trị viên mở", Between(page, "id=\"phase-closed\"", "</span>"));
        Assert.DoesNotContain("handler=Override", page);
    }

    [Fact]
    public async Task PublishingWaitsForTheCouncilToFinaliseAndThenShowsTheFinalResults()
    {
        await BuildAsync(App);
        await OpenPhaseAsync(App, CampaignPhaseKind.Council);
        var member = await SignInAsync(App, Member);
        var admin = await App.AdminAsync();
        Assert.Equal(HttpStatusCode.OK, (await OverrideAsync(member, "SNV", "1.2", new { kind = "Level", level = "C", reason = "Dưới 80 %" })).StatusCode);

        var tooEarly = await admin.PutAsJsonAsync("/api/v1/years/2025/blocks/SBN/publication", new { published = true, decisionNumber = "9/QĐ-UBND", decisionDate = "2026-04-01" });
        Assert.Equal(HttpStatusCode.BadRequest, tooEarly.StatusCode);
        Assert.Contains("chưa chốt", (await JsonAsync(tooEarly)).GetProperty("errors").GetProperty("council")[0].GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await App.Anonymous().GetAsync(BlockPage2025)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await member.PostAsync($"{CouncilApi}/decisions", Json(Decision()))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await member.PostAsync($"{CouncilApi}/finalise", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await App.Anonymous().GetAsync(BlockPage2025)).StatusCode);
        var published = await admin.PutAsJsonAsync("/api/v1/years/2025/blocks/SBN/publication", new { published = true, decisionNumber = "9/QĐ-UBND", decisionDate = "2026-04-01" });
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);

        var (_, page) = await PageAsync(App.Anonymous(), BlockPage2025);
        Assert.Equal(Text(await StoredIndexAsync(App, "SNV")), RowCells(page, "SNV")[2]);
    }

    [Fact]
    public async Task CouncilPagesAreForTheCouncilAndAdministratorsAndOverrideThroughTheForm()
    {
        await BuildAsync(App);
        await OpenPhaseAsync(App, CampaignPhaseKind.Council);
        var member = await SignInAsync(App, Member);
        var officer = await SignInAsync(App, SnvOfficer);
        var admin = await App.AdminAsync();

        foreach (var client in new[] { member, admin })
        {
            var (status, year) = await PageAsync(client, "/hoi-dong/2025");
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Contains("href=\"/hoi-dong/2025/SBN\"", year);
        }
        Assert.NotEqual(HttpStatusCode.OK, (await officer.GetAsync("/hoi-dong/2025")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await App.Anonymous().GetAsync("/hoi-dong/2025/SBN")).StatusCode);

        var (_, block) = await PageAsync(member, "/hoi-dong/2025/SBN");
        Assert.Equal(4, TableOrderOf(block, "council-units").Count);
        var (_, unitPage) = await PageAsync(member, "/hoi-dong/2025/SBN/SNV");
        var leaf = Squash(Between(unitPage, "<tr data-node=\"1.1\"", "</tr>"));
        Assert.Contains("4 điểm → 4,00", leaf);
        Assert.Contains("3 điểm → 3,00", leaf);
        Assert.Contains("theo thẩm định", leaf);

        var refused = await PostFormAsync(member, "/hoi-dong/2025/SBN/SNV?handler=Override", [new("Node", "1.1"), new("Points", "2")], "/hoi-dong/2025/SBN/SNV");
        Assert.Equal((HttpStatusCode)422, refused.StatusCode);
        Assert.Contains("phải nêu lý do", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        var saved = await PostFormAsync(member, "/hoi-dong/2025/SBN/SNV?handler=Override", [new("Node", "1.1"), new("Points", "2,5"), new("Reason", "Thiếu minh chứng")], "/hoi-dong/2025/SBN/SNV");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var (_, after) = await PageAsync(member, "/hoi-dong/2025/SBN/SNV");
        Assert.Contains("Thiếu minh chứng", Between(after, "<tr data-node=\"1.1\"", "</tr>"));
        Assert.Contains("2,50", Between(after, "<tr data-node=\"1.1\"", "</tr>"));
    }

    private static List<string> TableOrderOf(string html, string id) =>
        System.Text.RegularExpressions.Regex.Matches(Between(html, $"id=\"{id}\"", "</table>"), "<tr data-unit=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();

    private static string Text(decimal index) => Math.Round(index, 2, MidpointRounding.AwayFromZero).ToString("N2", System.Globalization.CultureInfo.GetCultureInfo("vi-VN"));
}

public sealed class CouncilTestsOnSqlite() : CouncilTests(DatabaseKind.Sqlite);

public sealed class CouncilTestsOnPostgres() : CouncilTests(DatabaseKind.Postgres);
