using System.CommandLine;
using System.Diagnostics;
using ParIndex.Data;
using ParIndex.Data.Tabular;
using ParIndex.Frameworks;
using ParIndex.Results;
using ParIndex.Units;
using ParIndex.Web;
using Spectre.Console;

namespace ParIndex.Cli;

public static partial class CommandLine
{
    private static partial IEnumerable<Command> FeatureCommands() => [SeedDemoCommand(), ComputeCommand(), ImportCommand(), ExportCommand(), CalendarCommand(), ProceduresCommand(), SeedDossiersCommand(), DossiersCommand(), CampaignCommand()];

    private static Command SeedDemoCommand()
    {
        var command = new Command("seed-demo", "Fill an empty database with the demo city (units, frameworks, scores, results) and create the demo administrator.");
        command.SetAction((_, cancellationToken) => CliHost.RunAsync(async (services, ct) =>
        {
            await services.GetRequiredService<SchemaMigrator>().MigrateAsync(ct);
            var stopwatch = Stopwatch.StartNew();
            var seeded = await services.GetRequiredService<DemoSeeder>().SeedAsync(new Progress<string>(step => AnsiConsole.MarkupLineInterpolated($"[grey]›[/] {step}")), ct);
            Console.WriteLine(seeded
                ? $"Demo city ready in {stopwatch.Elapsed.TotalSeconds:0.0} s. Sign in as {Accounts.DemoAccounts.AdminEmail} / {Accounts.DemoAccounts.AdminPassword}."
                : "The database already holds data; the demo city was not added.");
            return 0;
        }, cancellationToken));
        return command;
    }

    private static Command ComputeCommand()
    {
        var year = new Option<int>("--year") { Description = "The year to compute (every block with a published framework).", Required = true };
        var block = new Option<string?>("--block") { Description = "Only this block code." };
        var command = new Command("compute", "Compute index, classes, ranks, change and reward/discipline outcomes for a year.") { year, block };
        command.SetAction((parse, cancellationToken) => CliHost.RunAsync(async (services, ct) =>
        {
            var computation = services.GetRequiredService<ResultsComputation>();
            var selectedYear = parse.GetValue(year);
            var stopwatch = Stopwatch.StartNew();
            IReadOnlyList<ComputedBlock> computed;
            IReadOnlyList<string> problems;
            if (parse.GetValue(block) is { } blockCode)
            {
                var outcome = await computation.ComputeBlockAsync(selectedYear, blockCode, Actor.Cli, ct);
                computed = outcome.Succeeded ? [outcome.Value!] : [];
                problems = outcome.NotFound ? [$"There is no block '{blockCode}' in {selectedYear}."] : outcome.Problems?.Lines().ToList() ?? [];
            }
            else
            {
                (computed, problems) = await AnsiConsole.Status().StartAsync($"Computing {selectedYear}…", context =>
                    computation.ComputeYearAsync(selectedYear, Actor.Cli, new Progress<string>(code => context.Status($"Computing {selectedYear} {code}…")), ct));
            }
            var table = new Table().AddColumns("Block", "Units", "Average index (%)");
            foreach (var result in computed)
                table.AddRow(result.BlockCode, result.Units.ToString(), Core.Scoring.Rounding.Round2(result.AverageIndex).ToString("0.00"));
            if (computed.Count > 0)
                AnsiConsole.Write(table);
            Console.WriteLine($"{computed.Count} block(s) computed in {stopwatch.ElapsedMilliseconds} ms.");
            if (problems.Count > 0)
                throw new CliError(problems);
            return 0;
        }, cancellationToken));
        return command;
    }

    private static Command ImportCommand()
    {
        var command = new Command("import", "Import a framework, units or past results from a file.");
        var file = new Argument<FileInfo>("file") { Description = "CSV or XLSX (units, results); JSON or XLSX (framework)." };

        var units = new Command("units", "Import units (and optionally block memberships) from CSV or XLSX. All-or-nothing.") { file };
        units.SetAction((parse, cancellationToken) => CliHost.RunAsync((services, ct) =>
            ImportTabularAsync(parse.GetValue(file)!, (stream, format) => services.GetRequiredService<UnitImporter>().ImportAsync(stream, format, Actor.Cli, ct)), cancellationToken));

        var results = new Command("results", "Import past years' final inputs per leaf from CSV or XLSX. All-or-nothing.") { file };
        results.SetAction((parse, cancellationToken) => CliHost.RunAsync((services, ct) =>
            ImportTabularAsync(parse.GetValue(file)!, (stream, format) => services.GetRequiredService<HistoricalResultsImporter>().ImportAsync(stream, format, Actor.Cli, ct)), cancellationToken));

        var year = new Option<int>("--year") { Description = "The framework's year.", Required = true };
        var block = new Option<string>("--block") { Description = "The block code.", Required = true };
        var publish = new Option<bool>("--publish") { Description = "Publish the draft after importing it." };
        var framework = new Command("framework", "Import a framework draft for a block and year from JSON or XLSX.") { file, year, block, publish };
        framework.SetAction((parse, cancellationToken) => CliHost.RunAsync(async (services, ct) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
                throw new CliError($"{path.FullName}: file not found.");
            await using var stream = path.OpenRead();
            var parsed = path.Extension.Equals(".xlsx", StringComparison.OrdinalIgnoreCase)
                ? FrameworkWorkbook.Read(stream)
                : await Core.Frameworks.FrameworkJson.DeserializeAsync(stream, ct);
            if (!parsed.Succeeded)
                throw new CliError(parsed.Problems.Select(p => $"{path.Name}: {p.Path}: {p.MessageEn}"));
            var service = services.GetRequiredService<FrameworkService>();
            var saved = await service.SaveDraftAsync(parse.GetValue(year), parse.GetValue(block)!, parsed.Framework, null, Actor.Cli, ct);
            if (!saved.Succeeded)
                throw new CliError(saved.Problems?.Lines() ?? ["The framework could not be saved."]);
            Console.WriteLine($"Draft saved: {saved.Value!.Year} {parse.GetValue(block)} revision {saved.Value.Revision}.");
            if (parse.GetValue(publish))
            {
                var published = await service.PublishAsync(saved.Value.Id, Actor.Cli, ct);
                if (!published.Succeeded)
                    throw new CliError(published.Problems?.Lines() ?? ["The framework could not be published."]);
                Console.WriteLine("Published.");
            }
            return 0;
        }, cancellationToken));

        command.Subcommands.Add(units);
        command.Subcommands.Add(results);
        command.Subcommands.Add(framework);
        foreach (var dossierCommand in DossierImportCommands()) command.Subcommands.Add(dossierCommand);
        foreach (var survey in SurveyImportCommands()) command.Subcommands.Add(survey);
        return command;
    }

    private static async Task<int> ImportTabularAsync(FileInfo path, Func<Stream, TabularFormat, Task<ImportReport>> import)
    {
        if (!path.Exists)
            throw new CliError($"{path.FullName}: file not found.");
        var format = TabularFile.FormatOf(path.Name) ?? throw new CliError($"{path.Name}: only .csv and .xlsx files can be imported.");
        await using var stream = path.OpenRead();
        if (!TabularFile.ContentMatches(stream, format))
            throw new CliError($"{path.Name}: the content is not {format}.");
        var report = await AnsiConsole.Status().StartAsync($"Importing {path.Name}…", _ => import(stream, format));
        if (!report.Succeeded)
            throw new CliError(report.Problems.Select(p => $"{path.Name}: {p}").Append($"{report.Problems.Count} problem(s); nothing was imported."));
        Console.WriteLine($"{path.Name}: {report.RowsRead} row(s) read, {report.Created} created, {report.Updated} updated.");
        return 0;
    }

    private static Command ExportCommand()
    {
        var year = new Option<int>("--year") { Required = true, Description = "The year." };
        var block = new Option<string>("--block") { Required = true, Description = "The block code." };
        var format = new Option<ExportFormat>("--format") { Description = "csv, xlsx or json.", DefaultValueFactory = _ => ExportFormat.Csv };
        var output = new Option<FileInfo?>("--output", "-o") { Description = "File to write (default: standard output for csv/json, a named file for xlsx)." };
        var language = new Option<string>("--lang") { Description = "vi or en (column headers and names).", DefaultValueFactory = _ => "vi" };
        var results = new Command("results", "Export a block's computed results (published or not).") { year, block, format, output, language };
        results.SetAction((parse, cancellationToken) => CliHost.RunAsync(async (services, ct) =>
        {
            var view = await services.GetRequiredService<ResultsQuery>().BlockAsync(parse.GetValue(year), parse.GetValue(block)!, includeUnpublished: true, ct)
                       ?? throw new CliError($"No computed results for block '{parse.GetValue(block)}' in {parse.GetValue(year)}. Run `parindex compute --year {parse.GetValue(year)}` first.");
            var selected = parse.GetValue(format);
            var lang = parse.GetValue(language) == "en" ? Core.Language.En : Core.Language.Vi;
            var target = parse.GetValue(output) ?? (selected == ExportFormat.Xlsx ? new FileInfo(ResultsExport.FileName(view, selected)) : null);
            if (target is null)
            {
                await using var stdout = Console.OpenStandardOutput();
                await ResultsExport.WriteAsync(view, selected, stdout, lang, ct);
                return 0;
            }
            await using (var file = target.Create())
                await ResultsExport.WriteAsync(view, selected, file, lang, ct);
            Console.Error.WriteLine($"Wrote {target.FullName} ({view.Rows.Count} units).");
            return 0;
        }, cancellationToken));
        var command = new Command("export", "Export data.");
        command.Subcommands.Add(results);
        foreach (var dossierCommand in DossierExportCommands()) command.Subcommands.Add(dossierCommand);
        foreach (var survey in SurveyExportCommands()) command.Subcommands.Add(survey);
        return command;
    }
}
