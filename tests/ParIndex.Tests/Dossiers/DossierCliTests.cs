using System.Text;
using static ParIndex.Tests.Dossiers.DossiersTestKit;

namespace ParIndex.Tests.Dossiers;

/// <summary>The dossier verbs of the real executable: import, the indicators export, the demo generator.</summary>
public abstract class DossierCliTests(DatabaseKind kind) : AppTest(kind)
{
    [Fact]
    public async Task ImportingDossiersPrintsTheSummaryAndFailsOnRejectedRows()
    {
        await SeedAsync(App);
        var good = Path.Combine(App.Database.DataFolder, "ho-so.csv");
        var bad = Path.Combine(App.Database.DataFolder, "ho-so-loi.csv");
        await File.WriteAllBytesAsync(good, Csv(Row("C-1", "2025-03-03 09:00", done: "2025-03-04 10:00"), Row("C-2", "2025-03-03 09:00")));
        await File.WriteAllBytesAsync(bad, Csv(Row("C-3", "2025-03-03 09:00", unit: "KHONG-CO")));

        var ok = await CliRunner.RunAsync(App.Database, "import", "dossiers", good);
        var failed = await CliRunner.RunAsync(App.Database, "import", "dossiers", bad);

        Assert.Equal(0, ok.ExitCode);
        Assert.Contains("2 row(s) read, 2 stored (2 new", ok.Output);
        Assert.NotEqual(0, failed.ExitCode);
        Assert.Contains("row 2, unit", failed.Error);
        Assert.Equal(2, await DossierCountAsync(App));
    }

    [Fact]
    public async Task TheIndicatorsExportIsTheDisclosureTable()
    {
        await SeedAsync(App);
        var admin = await App.AdminAsync();
        await PostBatchAsync(admin, Csv(Row("C-1", "2025-03-03 09:00", promised: "06/03/2025", done: "2025-03-04 10:00")));
        var output = Path.Combine(App.Database.DataFolder, "cong-khai.csv");

        var result = await CliRunner.RunAsync(App.Database, "export", "dossier-indicators", "--period", "2025-03", "--output", output);

        Assert.Equal(0, result.ExitCode);
        var lines = await File.ReadAllLinesAsync(output, Encoding.UTF8);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("STP,", lines[1]);
    }

    [Fact]
    public async Task TheDemoGeneratorWritesAnImportableFile()
    {
        await SeedAsync(App);
        var file = Path.Combine(App.Database.DataFolder, "demo.csv");

        var written = await CliRunner.RunAsync(App.Database, "export", "demo-dossiers", "--year", "2025", "--count", "2000", "--output", file);
        var imported = await CliRunner.RunAsync(App.Database, "import", "dossiers", file);

        Assert.Equal(0, written.ExitCode);
        Assert.Equal(0, imported.ExitCode);
        Assert.Contains("0 rejected", imported.Output);
        Assert.InRange(await DossierCountAsync(App), 1_900, 2_000);
    }
}

public sealed class DossierCliTestsOnSqlite() : DossierCliTests(DatabaseKind.Sqlite);

public sealed class DossierCliTestsOnPostgres() : DossierCliTests(DatabaseKind.Postgres);
