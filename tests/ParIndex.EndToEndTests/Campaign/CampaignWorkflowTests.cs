using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ParIndex.EndToEndTests.Campaign;

/// <summary>
/// The campaign walked through in the browser with scripts off, as the people who do it: a unit officer scores a leaf
/// and uploads its evidence, the unit head submits, an appraiser adjusts the leaf with a reason, the officer explains.
/// </summary>
[Collection(CampaignSiteCollection.Name)]
public sealed class CampaignWorkflowTests(CampaignSiteFixture site, ITestOutputHelper output) : BrowserTest(site, output)
{
    [Fact]
    public Task AnOfficerScoresAndUploadsTheHeadSubmitsAnAppraiserAdjustsTheOfficerExplainsAndTheResultIsPublicOnlyOncePublished() => BrowseAsync(async page =>
    {
        var year = CampaignSiteFixture.Year;
        var unit = CampaignSiteFixture.Unit;
        var block = await site.BlockOfAsync(unit);
        var publicPage = $"/ket-qua/{year}/{block}";
        await page.GotoAsync(publicPage);
        var publishedBefore = await IndexOnPageAsync(page, unit);

        var leaf = await CampaignFlow.RunThroughExplanationAsync(site, page);

        // The explanation is stored and the appraiser's queue shows it, waiting for reappraisal.
        await CampaignFlow.SignInAsync(page, CampaignSiteFixture.Appraiser);
        await page.GotoAsync($"/tham-dinh/{year}?unit={unit}&state=Explained");
        var anchor = $"{unit}-{leaf.Replace('.', '-')}";
        var item = page.Locator($"[id='item-{anchor}']");
        await Expect(item).ToContainTextAsync(CampaignFlow.ExplanationText);
        await Expect(item).ToContainTextAsync("Đã giải trình, chờ thẩm định lại");

        // Reappraisal: the explanation convinces the appraiser, who restores the self score.
        await site.MoveToPhaseAsync("reappraisal");
        await page.GotoAsync($"/tham-dinh/{year}?unit={unit}&state=Explained");
        await item.GetByLabel("Giữ nguyên điểm tự đánh giá").CheckAsync();
        await item.GetByRole(AriaRole.Button, new() { Name = "Lưu kết quả thẩm định" }).ClickAsync();
        await Expect(page.Locator("#appraisal-message")).ToContainTextAsync(leaf);

        // The council records its decision and finalises the year.
        await site.MoveToPhaseAsync("council");
        await CampaignFlow.SignInAsync(page, CampaignSiteFixture.CouncilMember);
        await page.GotoAsync($"/hoi-dong/{year}");
        var form = page.Locator("#decision-form");
        await form.GetByLabel("Số quyết định / biên bản", new() { Exact = true }).FillAsync("12/BB-HĐTĐ");
        await form.GetByLabel("Ngày (dd/mm/yyyy)", new() { Exact = true }).FillAsync(CampaignSiteFixture.Today.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
        await form.GetByLabel("Số thành viên hội đồng", new() { Exact = true }).FillAsync("9");
        await form.GetByLabel("Số thành viên có mặt", new() { Exact = true }).FillAsync("8");
        await form.GetByLabel("Tán thành", new() { Exact = true }).FillAsync("7");
        await form.GetByLabel("Không tán thành", new() { Exact = true }).FillAsync("1");
        await form.GetByLabel("Không biểu quyết", new() { Exact = true }).FillAsync("0");
        await form.GetByRole(AriaRole.Button, new() { Name = "Ghi quyết định" }).ClickAsync();
        await Expect(page.Locator("#council-message")).ToContainTextAsync("Đã ghi quyết định 12/BB-HĐTĐ");
        await page.GetByRole(AriaRole.Button, new() { Name = $"Chốt kết quả năm {year}" }).ClickAsync();
        await Expect(page.Locator("#council-message")).ToContainTextAsync($"Đã chốt kết quả năm {year}");

        // Finalised and computed, but not published: the public still sees the published version.
        await page.Context.ClearCookiesAsync();
        await page.GotoAsync(publicPage);
        Assert.Equal(publishedBefore, await IndexOnPageAsync(page, unit));

        // The administrator publishes the correction with the new decision; from then on the public sees the final result.
        await site.MoveToPhaseAsync("publication");
        await CampaignFlow.SignInAsync(page, CampaignSiteFixture.Admin);
        await page.GotoAsync(publicPage);
        var live = await IndexOnPageAsync(page, unit);
        Assert.NotEqual(publishedBefore, live);
        await page.GotoAsync($"/quan-tri/cong-bo/{year}/{block}");
        var publish = page.Locator("#publish-form");
        await publish.GetByLabel("Số quyết định phê duyệt").FillAsync("4321/QĐ-UBND");
        await publish.GetByLabel("Ngày quyết định").FillAsync(CampaignSiteFixture.Today.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
        await publish.GetByLabel("Lý do đính chính (công khai)").FillAsync("Kết quả sau thẩm định lại và quyết định của Hội đồng thẩm định.");
        await publish.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Công bố đính chính") }).ClickAsync();
        await Expect(page.Locator("#publication-message")).ToBeVisibleAsync();

        await page.Context.ClearCookiesAsync();
        await page.GotoAsync(publicPage);
        Assert.Equal(live, await IndexOnPageAsync(page, unit));
        await page.GotoAsync("/ket-qua/dinh-chinh");
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("4321/QĐ-UBND");
    }, DesktopWithoutJavaScript());

    /// <summary>The unit's index as the block's results page shows it (Vietnamese figure).</summary>
    private static async Task<decimal> IndexOnPageAsync(IPage page, string unit) =>
        ResultsTable.ParseVietnamese((await page.Locator($"#results-table tr[data-unit='{unit}'] td.index").InnerTextAsync()).Trim());
}

/// <summary>
/// The steps of the campaign in the browser, for this test and for the council and publication tests that continue
/// from where it ends (the final result on the public page after publication, not before).
/// </summary>
public static class CampaignFlow
{
    public const string ExplanationText = "Kế hoạch đã ban hành đúng hạn theo Công văn số 45/UBND; đề nghị giữ nguyên điểm.";
    public const string AdjustReason = "Tài liệu kiểm chứng chưa chứng minh đủ mức đã chấm.";

    public static async Task SignInAsync(IPage page, string email)
    {
        await page.Context.ClearCookiesAsync();
        await page.GotoAsync("/dang-nhap");
        var form = page.GetByRole(AriaRole.Main);
        await form.GetByLabel("Thư điện tử", new() { Exact = true }).FillAsync(email);
        await form.GetByLabel("Mật khẩu", new() { Exact = true }).FillAsync(CampaignSiteFixture.Password);
        await form.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Đăng xuất" })).ToBeVisibleAsync();
    }

    /// <summary>
    /// Opens the self-assessment of 2025, has the demo ward's officer score a leaf led by Sở Tư pháp and upload its
    /// evidence in the browser (the other leaves through the API), the head submit, the appraiser adjust that leaf with
    /// a reason, and the officer explain it. Leaves the explanation phase open; returns the leaf's code.
    /// </summary>
    public static async Task<string> RunThroughExplanationAsync(CampaignSiteFixture site, IPage page)
    {
        var year = CampaignSiteFixture.Year;
        await site.MoveToPhaseAsync("self-assessment");
        using var officerApi = await site.ClientAsync(CampaignSiteFixture.Officer);
        var leaf = (await site.EntriesAsync(officerApi)).First(e =>
            !e.GetProperty("fedByData").GetBoolean() && e.GetProperty("leadAgencyCode").GetString() == CampaignSiteFixture.AppraiserAgency && e.GetProperty("kind").GetString() == "Leaf");
        var code = leaf.GetProperty("nodeCode").GetString()!;
        var method = leaf.GetProperty("methodType").GetString();
        var max = leaf.GetProperty("maxPoints").GetDecimal();
        var id = "n" + code.Replace('.', '-');

        // The officer scores the leaf and uploads its evidence.
        await SignInAsync(page, CampaignSiteFixture.Officer);
        await page.GotoAsync($"/don-vi/tu-danh-gia/{year}");
        var article = page.Locator($"[id='node-{code}']");
        await FillAsync(page, "#" + id, method, high: true, max, leaf);
        await article.GetByLabel("Ghi chú").FillAsync("Đã thực hiện đầy đủ kế hoạch.");
        await article.GetByRole(AriaRole.Button, new() { Name = $"Lưu tiêu chí {code}" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync($"Đã lưu tiêu chí {code}.");
        await article.GetByText("Tải lên tài liệu kiểm chứng").ClickAsync();
        await article.GetByLabel("Số hiệu văn bản").FillAsync("45/KH-UBND");
        await article.GetByLabel("Ngày ban hành (ngày/tháng/năm)").FillAsync("15/01/2025");
        await article.GetByLabel("Tệp (PDF, DOCX, XLSX, JPEG, PNG)").SetInputFilesAsync(new FilePayload
        {
            Name = "ke-hoach-cchc-2025.pdf", MimeType = "application/pdf", Buffer = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"),
        });
        await article.GetByRole(AriaRole.Button, new() { Name = $"Tải lên tài liệu cho tiêu chí {code}" }).ClickAsync();
        await Expect(article.GetByRole(AriaRole.Link, new() { Name = "ke-hoach-cchc-2025.pdf" })).ToBeVisibleAsync();
        await Expect(article).ToContainTextAsync("45/KH-UBND");
        await site.ScoreTheRestAsync(officerApi, new HashSet<string> { code });

        // The head submits.
        await SignInAsync(page, CampaignSiteFixture.Head);
        await page.GotoAsync($"/don-vi/tu-danh-gia/{year}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Gửi bản tự đánh giá" }).ClickAsync();
        await Expect(page.Locator("#assessment-message")).ToContainTextAsync($"Đã gửi bản tự đánh giá năm {year}");
        await Expect(page.Locator("#assessment-readonly")).ToBeVisibleAsync();

        // The appraiser adjusts the leaf, with a reason.
        await site.MoveToPhaseAsync("appraisal");
        await SignInAsync(page, CampaignSiteFixture.Appraiser);
        await page.GotoAsync($"/tham-dinh/{year}?unit={CampaignSiteFixture.Unit}");
        var anchor = $"{CampaignSiteFixture.Unit}-{code.Replace('.', '-')}";
        var item = page.Locator($"[id='item-{anchor}']");
        await Expect(item).ToContainTextAsync("ke-hoach-cchc-2025.pdf");
        await item.GetByLabel("Điều chỉnh", new() { Exact = true }).CheckAsync();
        await FillAsync(page, "#a-" + anchor, method, high: false, max, leaf);
        await item.GetByLabel("Lý do (bắt buộc khi điều chỉnh)").FillAsync(AdjustReason);
        await item.GetByRole(AriaRole.Button, new() { Name = "Lưu kết quả thẩm định" }).ClickAsync();
        await Expect(page.Locator("#appraisal-message")).ToContainTextAsync($"Đã lưu kết quả thẩm định tiêu chí {code}");

        // The officer explains.
        await site.MoveToPhaseAsync("explanation");
        await SignInAsync(page, CampaignSiteFixture.Officer);
        await page.GotoAsync($"/don-vi/giai-trinh/{year}");
        var adjusted = page.Locator($"[id='node-{code}']");
        await Expect(adjusted).ToContainTextAsync(AdjustReason);
        await adjusted.GetByLabel("Nội dung giải trình").FillAsync(ExplanationText);
        await adjusted.GetByRole(AriaRole.Button, new() { Name = $"Lưu giải trình tiêu chí {code}" }).ClickAsync();
        await Expect(page.Locator("#explanation-message")).ToContainTextAsync($"Đã lưu giải trình tiêu chí {code}.");
        await Expect(page.Locator($"[id='node-{code}'] textarea")).ToHaveValueAsync(ExplanationText);
        return code;
    }

    /// <summary>Fills the leaf's input for its method: a high score (the maximum, the first level, 1/1) or a low one (0, the last level, 0/1).</summary>
    private static async Task FillAsync(IPage page, string idPrefix, string? method, bool high, decimal max, JsonElement leaf)
    {
        switch (method)
        {
            case "rubric":
                var levels = leaf.GetProperty("levels").EnumerateArray().Select(l => l.GetString()!).ToList();
                await page.Locator(idPrefix + "-level").SelectOptionAsync(high ? levels[0] : levels[^1]);
                break;
            case "ratio":
                await page.Locator(idPrefix + "-numerator").FillAsync(high ? "1" : "0");
                await page.Locator(idPrefix + "-denominator").FillAsync("1");
                break;
            default:
                await page.Locator(idPrefix + "-points").FillAsync(high ? max.ToString(CultureInfo.InvariantCulture) : "0");
                break;
        }
    }
}
