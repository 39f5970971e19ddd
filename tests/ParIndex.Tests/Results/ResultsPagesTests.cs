using static ParIndex.Tests.Results.ResultsTestKit;

namespace ParIndex.Tests.Results;

/// <summary>The public results pages: the list, a block's ranking, a unit's page with its explainer; languages; what unpublished means.</summary>
public abstract class ResultsPagesTests(DatabaseKind kind) : AppTest(kind)
{
    [Fact]
    public async Task ListShowsPublishedBlocksNewestYearFirstWithUnitsAndAverage()
    {
        await SmallCity.BuildAsync(App, publish: true);

        var (status, html) = await PageAsync(App.Anonymous(), "/ket-qua");

        Assert.Equal(HttpStatusCode.OK, status);
        var y2025 = html.IndexOf("data-year=\"2025\"", StringComparison.Ordinal);
        var y2024 = html.IndexOf("data-year=\"2024\"", StringComparison.Ordinal);
        Assert.True(y2025 >= 0 && y2024 > y2025, "2025 should come before 2024.");
        var card = Between(html[y2025..], "data-block=\"SBN\"", "</li>");
        Assert.Contains("Khối sở, ban, ngành", card);
        Assert.Contains("href=\"/ket-qua/2025/SBN\"", card);
        Assert.Matches(@">\s*4\s*<", card);
        Assert.Matches(@"\d+,\d\d %", card);
        Assert.DoesNotContain("CHƯA CÔNG BỐ", html);
    }

    [Fact]
    public async Task BlockPageListsUnitsInRankOrderWithVietnameseNumbersClassesAndChart()
    {
        await SmallCity.BuildAsync(App, publish: true);

        var (status, html) = await PageAsync(App.Anonymous(), "/ket-qua/2024/SBN");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(SmallCity.Units2024, TableOrder(html));
        var first = RowCells(html, "STP");
        Assert.Equal("1", first[0]);
        Assert.Equal("Sở Tư pháp", first[1]);
        Assert.Equal("99,00", first[2]);
        Assert.Equal("Tốt", first[3]);
        Assert.Contains("Đề nghị khen thưởng", first[^1]);
        Assert.Contains("href=\"/ket-qua/2024/SBN/STP\"", html);
        // Field sub-indices: 100 and 98 for Sở Tư pháp, hidden on narrow screens.
        Assert.Equal("100,00", first[6]);
        Assert.Equal("98,00", first[7]);
        Assert.Contains("class=\"num hide-narrow\" data-field=\"1\"", html);
        Assert.DoesNotContain("99.00", Between(html, "id=\"results-table\"", "</table>"));
        // Summary: the class distribution counts every unit.
        var distribution = Between(html, "class=\"class-distribution\"", "</ul>");
        Assert.Matches(@"data-class=""tot"">.*?Tốt.*?class-distribution__count"">2<", Squash(distribution));
        Assert.Matches(@"data-class=""kha"">.*?Khá.*?class-distribution__count"">2<", Squash(distribution));
        Assert.Matches(@"data-class=""trung-binh"">.*?Trung bình.*?class-distribution__count"">1<", Squash(distribution));
        // The chart: an accessible SVG with a bar per unit, inside a figure with a caption.
        var figure = Between(html, "<figure class=\"chart chart--long\" id=\"block-chart\">", "</figure>");
        Assert.Contains("<figcaption>", figure);
        Assert.Contains("role=\"img\"", figure);
        Assert.Equal(5, CountOf(figure, "<g class=\"bar-row\""));
        Assert.Contains("99,00 · Tốt", figure);
        // Exports, the publication date, the sortable headers.
        Assert.Contains("/api/v1/years/2024/blocks/SBN/results/export?format=csv", html);
        Assert.Contains("/api/v1/years/2024/blocks/SBN/results/export?format=xlsx", html);
        Assert.Contains("/api/v1/years/2024/blocks/SBN/results/export?format=json", html);
        Assert.Contains("id=\"published-at\"", html);
        Assert.Contains("aria-sort=\"ascending\"><a href=\"?sort=rank&dir=desc\"", html);
        Assert.Contains("aria-sort=\"none\"><a href=\"?sort=name&dir=asc\"", html);
        Assert.DoesNotContain("unpublished-banner", html);
    }

    [Fact]
    public async Task IndexChangeAndRankChangeAreShownWithArrowsAndWords()
    {
        await SmallCity.BuildAsync(App, publish: true);

        var (_, html) = await PageAsync(App.Anonymous(), BlockPage2025);

        // Sở Nội vụ kept its index and rank from 2024; the merged unit improved on its predecessors' mean.
        var same = RowCells(html, "SNV");
        Assert.Contains("0,00", same[4]);
        Assert.Contains("không đổi", same[4]);
        var merged = RowCells(html, "STC2");
        Assert.Contains("▲", merged[4]);
        Assert.Contains("tăng", merged[4]);
        Assert.Matches(@"\+\d+,\d\d", merged[4]);
        Assert.Contains("không so sánh được", merged[5]);
    }

    [Fact]
    public async Task SortingByNameFollowsVietnameseRulesAndSetsAriaSort()
    {
        await SmallCity.BuildAsync(App, publish: false);
        // "Ủy…" sorts before "Văn…" in Vietnamese (Ủ is a U), after it in code-point order.
        await RenameAsync(App, "SCT", "Ủy ban Dân tộc");
        await RenameAsync(App, "STC2", "Văn phòng UBND thành phố");
        var admin = await App.AdminAsync();
        foreach (var year in new[] { 2024, 2025 })
            Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/v1/years/{year}/blocks/SBN/publication", new { published = true })).StatusCode);
        var client = App.Anonymous();

        var (_, ascending) = await PageAsync(client, $"{BlockPage2025}?sort=name&dir=asc");
        var (_, descending) = await PageAsync(client, $"{BlockPage2025}?sort=name&dir=desc");
        var (_, byIndex) = await PageAsync(client, $"{BlockPage2025}?sort=index&dir=asc");
        var (_, byChange) = await PageAsync(client, $"{BlockPage2025}?sort=change");

        Assert.Equal(["SNV", "STP", "SCT", "STC2"], TableOrder(ascending));
        Assert.Equal(["STC2", "SCT", "STP", "SNV"], TableOrder(descending));
        Assert.Contains("aria-sort=\"ascending\"><a href=\"?sort=name&dir=desc\"", ascending);
        Assert.Contains("aria-sort=\"none\"><a href=\"?sort=rank&dir=asc\"", ascending);
        Assert.Equal(["STC2", "SCT", "SNV", "STP"], TableOrder(byIndex));
        // By change, largest first: the merged unit gained, the others kept their index.
        Assert.Equal("STC2", TableOrder(byChange)[0]);
        Assert.Contains("aria-sort=\"descending\"><a href=\"?sort=change&dir=asc\"", byChange);
    }

    [Fact]
    public async Task EnglishIsChosenWithTheQueryStringOrTheLanguageCookie()
    {
        await SmallCity.BuildAsync(App, publish: true);

        var (_, byQuery) = await PageAsync(App.Anonymous(), "/ket-qua/2024/SBN?lang=en-GB");
        var client = App.Anonymous();
        var switched = await client.GetAsync("/ngon-ngu/en?returnUrl=%2Fket-qua%2F2024%2FSBN");
        var (_, byCookie) = await PageAsync(client, "/ket-qua/2024/SBN");

        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        foreach (var html in new[] { byQuery, byCookie })
        {
            Assert.Contains("<html lang=\"en\"", html);
            Assert.Contains("Ranking", html);
            Assert.Equal("99.00", RowCells(html, "STP")[2]);
            Assert.Equal("Good", RowCells(html, "STP")[3]);
            Assert.Contains("Reward proposed", RowCells(html, "STP")[^1]);
            Assert.Contains("99.00 · Good", html);
            Assert.Contains("export?format=csv&lang=en-GB", html);
        }
        // Sort links keep the language chosen in the query string.
        Assert.Contains("?sort=name&dir=asc&lang=en-GB", byQuery);
        // Vietnamese stays the default for everyone else.
        var (_, vietnamese) = await PageAsync(App.Anonymous(), "/ket-qua/2024/SBN");
        Assert.Equal("99,00", RowCells(vietnamese, "STP")[2]);
    }

    [Fact]
    public async Task ShortLanguageCodeInTheQueryStringSwitchesToEnglish()
    {
        await SmallCity.BuildAsync(App, publish: true);

        var (_, html) = await PageAsync(App.Anonymous(), "/ket-qua/2024/SBN?lang=en");

        Assert.Contains("<html lang=\"en\"", html);
        Assert.Equal("99.00", RowCells(html, "STP")[2]);
        Assert.Contains("?sort=name&dir=asc&lang=en", html);
    }

    [Fact]
    public async Task UnitPageExplainsEveryScoredNodeAndShowsTheCharts()
    {
        await SmallCity.BuildAsync(App, publish: true);

        var (status, html) = await PageAsync(App.Anonymous(), "/ket-qua/2024/SBN/SNV");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<h1>Sở Nội vụ</h1>", html);
        Assert.Matches(@"id=""unit-index"">92,77 %", html);
        Assert.Matches(@"id=""unit-rank"">2<span class=""stat__of"">/5", html);
        Assert.Contains("Tốt", Between(html, "id=\"unit-class\"", "</div>"));
        // The explainer: every node of the framework, each scored node with its steps, input and a JSON link.
        var explainer = Between(html, "id=\"explainer\"", "</table>");
        foreach (var code in new[] { "1", "1.1", "1.2", "1.3", "2", "2.1", "2.2", "T" })
            Assert.Contains($"data-node=\"{code}\"", explainer);
        Assert.Equal(6, CountOf(explainer, "<details class=\"explain\">"));
        var ratio = Between(explainer, "data-node=\"1.3\"", "</tr>");
        Assert.Contains("9/10", ratio);
        Assert.Contains("Tỷ lệ (tử số/mẫu số)", ratio);
        Assert.Contains("/api/v1/years/2024/blocks/SBN/results/SNV/explain/1.3", ratio);
        Assert.Contains("Chưa có dữ liệu chấm điểm", Between(explainer, "data-node=\"T\"", "</tr>"));
        // Charts: the field sub-indices against the block average, and the trend.
        var fields = Between(html, "id=\"field-chart\"", "</figure>");
        Assert.Contains("role=\"img\"", fields);
        Assert.Equal(4, CountOf(fields, "<g class=\"bar-item\">"));
        Assert.Contains("Bình quân khối", fields);
        var trend = Between(html, "id=\"trend-chart\"", "</figure>");
        Assert.Contains("<svg", trend);
        Assert.Contains("data-year=\"2024\"", trend);
        Assert.Contains("data-year=\"2025\"", trend);
        // Outcomes with their explanations.
        Assert.Contains("data-kind=\"Reward\" data-applies=\"false\"", html);
    }

    [Fact]
    public async Task MergedUnitPageGivesTheLineageBasisAndMarksTheTrendPointFromPredecessors()
    {
        await SmallCity.BuildAsync(App, publish: true);

        var (_, html) = await PageAsync(App.Anonymous(), "/ket-qua/2025/SBN/STC2");

        var basis = Between(html, "id=\"previous-basis\"", "</p>");
        Assert.Contains("Bình quân Chỉ số năm trước của 2 đơn vị tiền thân", basis);
        var trend = Between(html, "id=\"trend-chart\"", "</figure>");
        Assert.Contains("class=\"point point--derived\" data-year=\"2024\"", trend);
        Assert.Contains("class=\"point\" data-year=\"2025\"", trend);
    }

    [Fact]
    public async Task UnpublishedPagesAreNotFoundForThePublicAndPreviewedWithABannerByTheAdministrator()
    {
        await SmallCity.BuildAsync(App, publish: false);
        var anonymous = App.Anonymous();
        var admin = await App.AdminAsync();

        foreach (var path in new[] { BlockPage2025, $"{BlockPage2025}/STP" })
        {
            var (status, html) = await PageAsync(anonymous, path);
            Assert.Equal(HttpStatusCode.NotFound, status);
            Assert.Contains("id=\"results-not-found\"", html);
            Assert.DoesNotContain("Sở Tư pháp", html);

            var (adminStatus, preview) = await PageAsync(admin, path);
            Assert.Equal(HttpStatusCode.OK, adminStatus);
            Assert.Contains("CHƯA CÔNG BỐ", Between(preview, "id=\"unpublished-banner\"", "</div>"));
            Assert.Contains("Sở Tư pháp", preview);
        }
        var (_, list) = await PageAsync(anonymous, "/ket-qua");
        Assert.DoesNotContain("/ket-qua/2025/SBN", list);
        Assert.Contains("id=\"no-results\"", list);
        var (_, adminList) = await PageAsync(admin, "/ket-qua");
        Assert.Contains("/ket-qua/2025/SBN", adminList);
        Assert.Contains("CHƯA CÔNG BỐ", adminList);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/ket-qua/2025/SBN/KHONG-CO")).StatusCode);
    }

    [Fact]
    public async Task AnonymousReadersAreServedFromTheOutputCacheAndAdministratorsNever()
    {
        await SmallCity.BuildAsync(App, publish: true);
        var admin = await App.AdminAsync();
        // The output cache answers with an Age header; a rendered page has none.
        async Task<bool> CachedAsync(HttpClient client, string path)
        {
            using var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return response.Headers.Age is not null;
        }

        Assert.False(await CachedAsync(App.Anonymous(), BlockPage2025));
        Assert.True(await CachedAsync(App.Anonymous(), BlockPage2025));
        Assert.False(await CachedAsync(App.Anonymous(), $"{BlockPage2025}/SNV"));
        Assert.True(await CachedAsync(App.Anonymous(), $"{BlockPage2025}/SNV"));
        Assert.False(await CachedAsync(admin, BlockPage2025));
        Assert.False(await CachedAsync(admin, BlockPage2025));
        // Made-up query parameters do not force a render; the ones the page reads do vary it.
        Assert.True(await CachedAsync(App.Anonymous(), $"{BlockPage2025}?n=1"));
        Assert.True(await CachedAsync(App.Anonymous(), $"{BlockPage2025}?n=2&utm_source=x"));
        Assert.False(await CachedAsync(App.Anonymous(), $"{BlockPage2025}?sort=name"));
        Assert.True(await CachedAsync(App.Anonymous(), $"{BlockPage2025}?sort=name&n=3"));

        // A name changed after publication reaches the administrator's live view, never the published page.
        await RenameAsync(App, "SNV", "Sở Nội vụ thành phố");
        var (_, cached) = await PageAsync(App.Anonymous(), BlockPage2025);
        var (_, live) = await PageAsync(admin, BlockPage2025);
        Assert.Equal("Sở Nội vụ", RowCells(cached, "SNV")[1]);
        Assert.Equal("Sở Nội vụ thành phố", RowCells(live, "SNV")[1]);

        // Any publication change evicts the public pages: rendered again, from the snapshot, so still the published name.
        var withdraw = await admin.PutAsJsonAsync("/api/v1/years/2024/blocks/SBN/publication", new { published = false });
        Assert.Equal(HttpStatusCode.OK, withdraw.StatusCode);
        Assert.False(await CachedAsync(App.Anonymous(), BlockPage2025));
        var (_, evicted) = await PageAsync(App.Anonymous(), BlockPage2025);
        Assert.Equal("Sở Nội vụ", RowCells(evicted, "SNV")[1]);
    }

    private static int CountOf(string text, string what)
    {
        var count = 0;
        for (var i = text.IndexOf(what, StringComparison.Ordinal); i >= 0; i = text.IndexOf(what, i + what.Length, StringComparison.Ordinal))
            count++;
        return count;
    }
}

public sealed class ResultsPagesTestsOnSqlite() : ResultsPagesTests(DatabaseKind.Sqlite);

public sealed class ResultsPagesTestsOnPostgres() : ResultsPagesTests(DatabaseKind.Postgres);
