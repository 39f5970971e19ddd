using ParIndex.Data.Tabular;
using static ParIndex.Tests.Surveys.SurveysTestKit;

namespace ParIndex.Tests.Surveys;

public abstract class SurveyFormatsTests(DatabaseKind kind) : AppTest(kind)
{
    [Fact]
    public async Task InterviewsImportFromXlsxLikeFromCsv()
    {
        var admin = await CityAsync(App);
        await CampaignAsync(admin);
        string[] header = ["ma_don_vi", "nhom", "kenh", "ngay", "A1", "A2", "A3", "B1", "B2", "B3", "B4", "C1", "C2", "C3", "C4", "D1", "D2", "D3", "E1", "E2", "E3"];
        var row = new List<XlsxCell> { "SCT", "Người dân", "phong_van", Today.ToString("dd/MM/yyyy"), "có" };
        row.AddRange(Enumerable.Range(0, 16).Select(i => (XlsxCell)(i is 2 or 6 or 10 or 13 ? "co" : "Hài lòng")));
        using var file = new MemoryStream();
        XlsxWriter.Write(file, new XlsxSheet("Phieu", header, [row]));

        var response = await admin.PostAsync($"/api/v1/surveys/campaigns/{CampaignCode}/responses/import",
            new ByteArrayContent(file.ToArray()) { Headers = { ContentType = new("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet") } });

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        Assert.Equal(1, await ResponsesAsync(App));
    }

    [Fact]
    public async Task ASociologicalCampaignScoresWeightedAnswersPerField()
    {
        var admin = await CityAsync(App);
        var created = await admin.PostAsJsonAsync("/api/v1/surveys/campaigns", new
        {
            code = "XHH-T", nameVi = "Điều tra xã hội học thử", questionnaire = "XHH", year = 2024,
            opensOn = Today.AddDays(-5), closesOn = Today.AddDays(5), blocks = new[] { SmallCity.Block }, quotaPerGroup = 3, minimumN = 2,
        });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var csv = "ma_don_vi,nhom,ngay,L1,L2,L3a,L3b,L4,L5a,L5b,L6,L7,L8\r\n" +
            $"STP,lanh_dao,{Today:dd/MM/yyyy},A,B,A,A,B,A,A,C,A,E\r\n" +
            $"STP,cong_chuc,{Today:dd/MM/yyyy},B,B,A,B,B,A,B,D,A,A\r\n";

        var imported = await admin.PostAsync("/api/v1/surveys/campaigns/XHH-T/responses/import", new StringContent(csv, System.Text.Encoding.UTF8, "text/csv"));
        var results = await admin.GetFromJsonAsync<ParIndex.Surveys.CampaignResultsView>("/api/v1/surveys/campaigns/XHH-T/results", Json);

        Assert.True(imported.IsSuccessStatusCode, await imported.Content.ReadAsStringAsync());
        var stp = results!.Units.Single(u => u.UnitCode == "STP").Metrics.Where(m => m.Group is null).ToDictionary(m => m.Metric);
        Assert.Equal(80m, stp["sociological.field1"].Value);   // A 100, B 60
        Assert.Equal(90m, stp["sociological.field3"].Value);   // L3a (100 + 100) / 2 = 100, L3b (100 + 60) / 2 = 80 → 90
        Assert.Equal(10m, stp["sociological.field6"].Value);   // C 20, D 0
        Assert.Equal(100m, stp["sociological.field8"].Value);  // E is no answer: only the A counts
        Assert.Equal(1, stp["sociological.field8"].N);
        Assert.True(stp["sociological.field8"].BelowMinimum);
    }
}

public sealed class SurveyFormatsTestsOnSqlite() : SurveyFormatsTests(DatabaseKind.Sqlite);

public sealed class SurveyFormatsTestsOnPostgres() : SurveyFormatsTests(DatabaseKind.Postgres);
