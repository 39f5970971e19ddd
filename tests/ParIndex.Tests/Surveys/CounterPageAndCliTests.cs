using Microsoft.EntityFrameworkCore;
using static ParIndex.Tests.Surveys.SurveysTestKit;

namespace ParIndex.Tests.Surveys;

public abstract class CounterPageAndCliTests(DatabaseKind kind) : AppTest(kind)
{
    [Fact]
    public async Task AnEnrolledBrowserAtTheCounterTakesRatingsAndOthersCannot()
    {
        var admin = await CityAsync(App);
        await admin.PostAsJsonAsync("/api/v1/surveys/counters", new { code = "SNV-Q2", unitCode = "SNV", nameVi = "Quầy số 2" });
        var stranger = App.Anonymous();

        var notEnrolled = WebUtility.HtmlDecode(await stranger.GetStringAsync("/quay/SNV-Q2"));
        var strangerToken = await TestApp.AntiforgeryTokenAsync(stranger, "/dang-nhap");
        var strangerRating = await stranger.PostAsync("/quay/SNV-Q2", new FormUrlEncodedContent(new Dictionary<string, string> { ["rating"] = "1", ["__RequestVerificationToken"] = strangerToken }));
        var enrolToken = await TestApp.AntiforgeryTokenAsync(admin, "/quay/SNV-Q2");
        var enrolled = await admin.PostAsync("/quay/SNV-Q2?handler=enrol", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = enrolToken }));
        var buttons = WebUtility.HtmlDecode(await admin.GetStringAsync("/quay/SNV-Q2"));
        var rateToken = await TestApp.AntiforgeryTokenAsync(admin, "/quay/SNV-Q2");
        var rated = await admin.PostAsync("/quay/SNV-Q2", new FormUrlEncodedContent(new Dictionary<string, string> { ["rating"] = "3", ["dossierCode"] = "HS-2025-1", ["__RequestVerificationToken"] = rateToken }));
        var again = await admin.PostAsync("/quay/SNV-Q2", new FormUrlEncodedContent(new Dictionary<string, string> { ["rating"] = "1", ["dossierCode"] = "HS-2025-1", ["__RequestVerificationToken"] = rateToken }));

        Assert.Contains("chưa được kích hoạt", notEnrolled);
        Assert.Equal(HttpStatusCode.Unauthorized, strangerRating.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, enrolled.StatusCode);
        Assert.Contains("Rất hài lòng", buttons);
        Assert.Contains("Không hài lòng", buttons);
        Assert.Equal("/quay/SNV-Q2?cam-on=1", rated.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var stored = await App.WithDbAsync(db => db.CounterRatings.AsNoTracking().SingleAsync());
        Assert.Equal((short)3, stored.Rating);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync("/quay/NO-SUCH")).StatusCode);
    }

    [Fact]
    public async Task TheCliImportsInterviewsAndExportsResults()
    {
        var admin = await CityAsync(App);
        await CampaignAsync(admin);
        var file = Path.Combine(App.Database.DataFolder, "phong-van.csv");
        await File.WriteAllTextAsync(file, "ma_don_vi,nhom,kenh,ngay,A1,A2,A3,B1,B2,B3,B4,C1,C2,C3,C4,D1,D2,D3,E1,E2,E3\r\n" +
            $"STP,nguoi_dan,dien_thoai,{Today:dd/MM/yyyy},co,5,5,co,5,4,4,co,5,5,5,co,4,4,co,4,4\r\n");

        var imported = await CliRunner.RunAsync(App.Database, "import", "survey-responses", file, "--campaign", CampaignCode);
        var exported = await CliRunner.RunAsync(App.Database, "export", "survey-results", "--campaign", CampaignCode);
        var missing = await CliRunner.RunAsync(App.Database, "import", "survey-responses", file, "--campaign", "NOPE");

        Assert.True(imported.ExitCode == 0, imported.Error);
        Assert.Contains("1 created", imported.Output);
        Assert.Equal(0, exported.ExitCode);
        Assert.Contains("STP,Sở Tư pháp,SBN,sipas.overall,100", exported.Output);
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("NOPE", missing.Error);
    }
}

public sealed class CounterPageAndCliTestsOnSqlite() : CounterPageAndCliTests(DatabaseKind.Sqlite);

public sealed class CounterPageAndCliTestsOnPostgres() : CounterPageAndCliTests(DatabaseKind.Postgres);
