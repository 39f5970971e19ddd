using Microsoft.EntityFrameworkCore;

namespace ParIndex.Tests.Cli;

/// <summary>The CLI verbs run as the real executable against a fresh database (the app under test already migrated it).</summary>
public abstract class CliTests(DatabaseKind kind) : AppTest(kind)
{
    [Fact]
    public async Task MigrateOnAnUpToDateDatabaseAppliesNothing()
    {
        var result = await CliRunner.RunAsync(App.Database, "migrate");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("up to date", result.Output);
    }

    [Fact]
    public async Task ComputeThenExportWritesTheRankedBlockAsCsv()
    {
        await SmallCity.BuildAsync(App, publish: false, include2025: false);
        var csvPath = Path.Combine(App.Database.DataFolder, "out.csv");

        var compute = await CliRunner.RunAsync(App.Database, "compute", "--year", "2024");
        var export = await CliRunner.RunAsync(App.Database, "export", "results", "--year", "2024", "--block", "SBN", "--format", "csv", "--output", csvPath);

        Assert.Equal(0, compute.ExitCode);
        Assert.Contains("SBN", compute.Output);
        Assert.Contains("1 block(s) computed", compute.Output);
        Assert.Equal(0, export.ExitCode);
        var lines = await File.ReadAllLinesAsync(csvPath);
        Assert.Equal(1 + SmallCity.Units2024.Length, lines.Length);
        Assert.StartsWith("Xếp hạng,Mã đơn vị,Đơn vị,Chỉ số (%)", lines[0].TrimStart('\uFEFF'));
        Assert.StartsWith("1,STP,Sở Tư pháp,", lines[1]);
    }

    [Fact]
    public async Task ComputingAYearWithoutBlocksFailsWithAMessage()
    {
        var result = await CliRunner.RunAsync(App.Database, "compute", "--year", "2031");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("2031", result.Error);
    }

    [Fact]
    public async Task ImportingUnitsWithBadRowsReportsEachRowAndStoresNothing()
    {
        var file = Path.Combine(App.Database.DataFolder, "units.csv");
        await File.WriteAllTextAsync(file, "ma,ten,loai,hieu_luc_tu\nSNV,Sở Nội vụ,so-ban-nganh,01/01/2020\nQ1,Quận 1,hanh-tinh,01/01/2020\nQ3,Quận 3,quan-huyen,31/02/2020\n");

        var result = await CliRunner.RunAsync(App.Database, "import", "units", file);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Row 3, kind", result.Error);
        Assert.Contains("Row 4, valid_from", result.Error);
        Assert.Equal(0, await App.WithDbAsync(db => db.Units.CountAsync()));
    }

    [Fact]
    public async Task ImportingUnitsCreatesThemAndReimportingUpdatesWithoutDuplicates()
    {
        var file = Path.Combine(App.Database.DataFolder, "units.csv");
        await File.WriteAllTextAsync(file, "code,name_vi,name_en,kind,valid_from\nSNV,Sở Nội vụ,Department of Home Affairs,Department,2020-01-01\nQ1,Quận 1,District 1,District,2020-01-01\n");

        var first = await CliRunner.RunAsync(App.Database, "import", "units", file);
        var second = await CliRunner.RunAsync(App.Database, "import", "units", file);

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("2 created", first.Output);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("0 created, 2 updated", second.Output);
        Assert.Equal(2, await App.WithDbAsync(db => db.Units.CountAsync()));
    }

    [Fact]
    public async Task ImportingAFrameworkWithErrorsNamesEachProblem()
    {
        await App.WithScopeAsync(async services =>
            (await Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<ParIndex.Units.BlockService>(services)
                .SaveAsync(2026, new ParIndex.Units.BlockInput("SBN", "Khối sở, ban, ngành", null), "test")).Succeeded);
        var file = Path.Combine(App.Database.DataFolder, "framework.json");
        await File.WriteAllTextAsync(file, "{\n  \"year\": 2026,\n  \"blockCode\": \"SBN\",\n  \"titleVi\": \"Bộ tiêu chí\",\n  \"nodes\": [ { \"code\": \"1\", \"titleVi\": \"A\", \"maxPoints\": 5,, } ]\n}");

        var result = await CliRunner.RunAsync(App.Database, "import", "framework", file, "--year", "2026", "--block", "SBN");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("framework.json", result.Error);
        Assert.Equal(0, await App.WithDbAsync(db => db.Frameworks.CountAsync()));
    }

    [Fact]
    public async Task AMissingRequiredOptionIsRefused()
    {
        var result = await CliRunner.RunAsync(App.Database, "compute");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("--year", result.Error);
    }
}

public sealed class CliTestsOnSqlite() : CliTests(DatabaseKind.Sqlite);

public sealed class CliTestsOnPostgres() : CliTests(DatabaseKind.Postgres);
