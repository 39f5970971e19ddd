using System.CommandLine;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using ParIndex.Core.Dossiers;
using ParIndex.Data;
using ParIndex.Data.Tabular;
using ParIndex.Dossiers;
using ParIndex.Web;
using Spectre.Console;

namespace ParIndex.Cli;

/// <summary>
/// Dossier verbs: <c>import dossiers FILE</c> and <c>import apologies FILE</c> (under the import verb),
/// <c>export demo-dossiers</c> and <c>export dossier-indicators</c> (under export), <c>seed-dossiers</c>, and
/// <c>dossiers rebuild-stats</c>.
/// </summary>
public static partial class CommandLine
{
    /// <summary>The import subcommands of this feature (listed in ImportCommand by one line).</summary>
    private static IEnumerable<Command> DossierImportCommands() => [ImportDossiersCommand(), ImportApologiesCommand()];

    /// <summary>The export subcommands of this feature (listed in ExportCommand by one line).</summary>
    private static IEnumerable<Command> DossierExportCommands() => [ExportDemoDossiersCommand(), ExportDossierIndicatorsCommand()];

    private static Command ImportDossiersCommand()
    {
        var file = new Argument<FileInfo>("file") { Description = "A CSV (UTF-8, English or Vietnamese headers) or a JSON array of dossiers; see docs/dossiers.md." };
        var command = new Command("dossiers", "Import one-stop dossiers (streaming; valid rows are stored, invalid ones reported; re-running is safe).") { file };
        command.SetAction((parse, cancellationToken) => CliHost.RunAsync(async (services, ct) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
                throw new CliError($"{path.FullName}: file not found.");
            bool json = path.Extension.Equals(".json", StringComparison.OrdinalIgnoreCase);
            LimitHeapForStreaming();
            var importer = services.GetRequiredService<DossierImporter>();
            await using var stream = new FileStream(path.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
            var request = new DossierImportRequest(ImportSource.Cli, Actor.Cli, path.Name, path.Length);
            var report = await WithProgressAsync(path.Name, path.Length, progress => json
                ? importer.ImportJsonAsync(stream, request, progress, cancellationToken: ct)
                : importer.ImportCsvAsync(stream, request, progress, cancellationToken: ct));
            return Summarise(path.Name, report);
        }, cancellationToken));
        return command;
    }

    /// <summary>
    /// The importer holds a bounded amount (two chunks in flight, the statistics of one transaction, the code filter
    /// of at most 16 MB), but the server GC let garbage pile up well beyond it before collecting: 235 to 315 MB of
    /// peak memory for the same 2M-row file from run to run, 364 MB for 10M rows. With the managed heap limited to
    /// 128 MB the process peaks at 256–277 MB (of which about 110 MB are the runtime's mapped code, not the heap) at
    /// the same speed. Only this verb is limited: the others may hold whole documents.
    /// </summary>
    private static void LimitHeapForStreaming()
    {
        AppContext.SetData("GCHeapHardLimit", (ulong)HeapLimitBytes);
        GC.RefreshMemoryLimit();
    }

    private const long HeapLimitBytes = 128L * 1024 * 1024;

    private static Command ImportApologiesCommand()
    {
        var file = new Argument<FileInfo>("file") { Description = "CSV or XLSX: code, issued_on, reason, new_appointment, signed_by (or Vietnamese headers)." };
        var command = new Command("apologies", "Record apologies of late dossiers from CSV or XLSX. All-or-nothing.") { file };
        command.SetAction((parse, cancellationToken) => CliHost.RunAsync(async (services, ct) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
                throw new CliError($"{path.FullName}: file not found.");
            var format = TabularFile.FormatOf(path.Name) ?? throw new CliError($"{path.Name}: only .csv and .xlsx files can be imported.");
            await using var stream = path.OpenRead();
            var report = await services.GetRequiredService<ApologyImporter>().ImportAsync(stream, format, Actor.Cli, ct);
            if (!report.Succeeded)
                throw new CliError(report.Problems.Select(p => $"{path.Name}: {p}").Append($"{report.Problems.Count} problem(s); nothing was recorded."));
            Console.WriteLine($"{path.Name}: {report.RowsRead} row(s) read, {report.Recorded} apolog{(report.Recorded == 1 ? "y" : "ies")} recorded.");
            return 0;
        }, cancellationToken));
        return command;
    }

    private static Command DossiersCommand()
    {
        var command = new Command("dossiers", "Maintenance of the stored one-stop dossiers.");
        var rebuild = new Command("rebuild-stats", "Recompute the monthly statistics the indicators read from the stored dossiers (after a restore or a change made outside ParIndex); audited.");
        rebuild.SetAction((parse, cancellationToken) => CliHost.RunAsync(async (services, ct) =>
        {
            await services.GetRequiredService<SchemaMigrator>().MigrateAsync(ct);
            var db = services.GetRequiredService<AppDbContext>();
            var stopwatch = Stopwatch.StartNew();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await Dossiers.Stats.DossierStatsRebuild.RunAsync(db, ct);
            var dossiers = await db.DossierReceivedStats.SumAsync(s => s.Received, ct);
            services.GetRequiredService<Audit.AuditLog>().Record(Actor.Cli, "dossiers.statistics-rebuilt", "dossiers", "statistics", null,
                Audit.AuditLog.Json(new { dossiers }));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            Console.WriteLine($"Statistics rebuilt from {dossiers:N0} dossier(s) in {stopwatch.Elapsed.TotalSeconds:0.0} s.");
            return 0;
        }, cancellationToken));
        command.Subcommands.Add(rebuild);
        return command;
    }

    private static Command SeedDossiersCommand()
    {
        var year = new Option<int>("--year") { Description = "The year the dossiers are received in.", Required = true };
        var count = new Option<int>("--count") { Description = "How many dossiers (default 20,000).", DefaultValueFactory = _ => 20_000 };
        var seed = new Option<int>("--seed") { Description = "Another seed gives other dossiers.", DefaultValueFactory = _ => 766 };
        var command = new Command("seed-dossiers", "Generate a year of synthetic one-stop dossiers for the demo city's units and import them (with apologies for most late ones).") { year, count, seed };
        command.SetAction((parse, cancellationToken) => CliHost.RunAsync(async (services, ct) =>
        {
            await services.GetRequiredService<SchemaMigrator>().MigrateAsync(ct);
            if (!await services.GetRequiredService<AppDbContext>().Units.AnyAsync(ct))
                throw new CliError("The database has no units: run `parindex seed-demo` (or import units) first.");
            var selectedCount = parse.GetValue(count);
            if (selectedCount is < 1 or > 50_000_000)
                throw new CliError("--count must be between 1 and 50,000,000.");
            var generator = services.GetRequiredService<DemoDossiers>();
            var report = await WithProgressAsync($"demo {parse.GetValue(year)}", selectedCount, progress =>
                generator.GenerateAsync(parse.GetValue(year), selectedCount, new Progress<DossierImportProgress>(p => progress.Report(p with { BytesRead = p.RowsRead, TotalBytes = selectedCount })), parse.GetValue(seed), ct),
                countsRows: true);
            return Summarise($"demo {parse.GetValue(year)}", report);
        }, cancellationToken));
        return command;
    }

    private static Command ExportDemoDossiersCommand()
    {
        var year = new Option<int>("--year") { Description = "The year the dossiers are received in.", Required = true };
        var count = new Option<int>("--count") { Description = "How many dossiers.", DefaultValueFactory = _ => 20_000 };
        var seed = new Option<int>("--seed") { Description = "Another seed gives other dossiers.", DefaultValueFactory = _ => 766 };
        var output = new Option<FileInfo?>("--output", "-o") { Description = "File to write (default: standard output)." };
        var command = new Command("demo-dossiers", "Write a year of synthetic dossiers for the stored units as a CSV in the import format (tests, benchmarks); nothing is stored.") { year, count, seed, output };
        command.SetAction((parse, cancellationToken) => CliHost.RunAsync(async (services, ct) =>
        {
            var generator = services.GetRequiredService<DemoDossiers>();
            var stopwatch = Stopwatch.StartNew();
            long rows;
            if (parse.GetValue(output) is { } target)
            {
                await using (var file = new FileStream(target.FullName, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous))
                    rows = await generator.WriteCsvAsync(file, parse.GetValue(year), parse.GetValue(count), parse.GetValue(seed), ct);
                Console.Error.WriteLine($"Wrote {target.FullName}: {rows:N0} dossiers in {stopwatch.Elapsed.TotalSeconds:0.0} s.");
            }
            else
            {
                await using var stdout = Console.OpenStandardOutput();
                rows = await generator.WriteCsvAsync(stdout, parse.GetValue(year), parse.GetValue(count), parse.GetValue(seed), ct);
            }
            return 0;
        }, cancellationToken));
        return command;
    }

    private static Command ExportDossierIndicatorsCommand()
    {
        var period = new Option<string>("--period") { Description = "2025-03, 2025-Q1 or 2025.", Required = true };
        var unit = new Option<string?>("--unit") { Description = "One unit's indicators (default: the disclosure table of every unit and the city)." };
        var format = new Option<string>("--format") { Description = "csv or xlsx.", DefaultValueFactory = _ => "csv" };
        var output = new Option<FileInfo?>("--output", "-o") { Description = "File to write (default: standard output for csv)." };
        var repeat = new Option<int>("--repeat") { Description = "Benchmarks: run the query this many times and print the timings to standard error.", Hidden = true, DefaultValueFactory = _ => 1 };
        var command = new Command("dossier-indicators", "Export the one-stop indicators of a period (the public disclosure table) as CSV or XLSX.") { period, unit, format, output, repeat };
        command.SetAction((parse, cancellationToken) => CliHost.RunAsync(async (services, ct) =>
        {
            if (!DossierPeriod.TryParse(parse.GetValue(period), out var parsed))
                throw new CliError("--period must look like 2025-03, 2025-Q1 or 2025.");
            var selected = parse.GetValue(format)!.ToLowerInvariant();
            if (selected is not ("csv" or "xlsx"))
                throw new CliError("--format must be csv or xlsx.");
            var query = services.GetRequiredService<DossierIndicatorsQuery>();
            int? unitId = null;
            if (parse.GetValue(unit) is { } unitCode)
                unitId = (await services.GetRequiredService<AppDbContext>().Units.AsNoTracking().FirstOrDefaultAsync(u => u.Code == unitCode, ct))?.Id
                         ?? throw new CliError($"There is no unit '{unitCode}'.");
            var times = new List<double>();
            DisclosureTable? table = null;
            for (int i = 0; i < Math.Max(1, parse.GetValue(repeat)); i++)
            {
                var stopwatch = Stopwatch.StartNew();
                if (unitId is { } id)
                {
                    var indicators = await query.UnitAsync(id, parsed, ct);
                    var unitRow = await services.GetRequiredService<AppDbContext>().Units.AsNoTracking().FirstAsync(u => u.Id == id, ct);
                    table = new DisclosureTable(parsed, query.JudgedOn(parsed), [new UnitIndicators(id, unitRow.Code, unitRow.NameVi, unitRow.NameEn, indicators)], indicators);
                }
                else
                    table = await query.DisclosureAsync(parsed, ct);
                times.Add(stopwatch.Elapsed.TotalMilliseconds);
            }
            if (times.Count > 1)
            {
                times.Sort();
                Console.Error.WriteLine(System.FormattableString.Invariant($"timings-ms runs={times.Count} min={times[0]:0.00} median={times[times.Count / 2]:0.00} max={times[^1]:0.00}"));
            }
            var language = UiLanguage.Current;
            if (parse.GetValue(output) is { } target)
            {
                await using var file = target.Create();
                await DossierDisclosureExport.WriteAsync(table!, selected == "xlsx", file, language, ct);
                Console.Error.WriteLine($"Wrote {target.FullName}.");
            }
            else if (selected == "xlsx")
                throw new CliError("An XLSX export needs --output.");
            else
            {
                await using var stdout = Console.OpenStandardOutput();
                await DossierDisclosureExport.WriteAsync(table!, false, stdout, language, ct);
            }
            return 0;
        }, cancellationToken));
        return command;
    }

    /// <summary>Runs an import under a Spectre progress bar (bytes read, rows, rows/s, ETA) when the console is interactive.</summary>
    private static async Task<DossierImportReport> WithProgressAsync(string name, long total, Func<IProgress<DossierImportProgress>, Task<DossierImportReport>> import, bool countsRows = false)
    {
        if (!AnsiConsole.Profile.Capabilities.Interactive || Console.IsOutputRedirected)
        {
            var last = Stopwatch.StartNew();
            return await import(new Progress<DossierImportProgress>(p =>
            {
                if (last.Elapsed < TimeSpan.FromSeconds(5))
                    return;
                last.Restart();
                Console.Error.WriteLine($"{name}: {p.RowsRead:N0} rows, {p.RowsPerSecond:N0} rows/s");
            }));
        }
        DossierImportReport? report = null;
        await AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(Markup.Escape(name), maxValue: Math.Max(1, total));
                report = await import(new Progress<DossierImportProgress>(p =>
                {
                    task.Value = Math.Min(task.MaxValue, countsRows ? p.RowsRead : p.BytesRead);
                    task.Description = Markup.Escape($"{name}: {p.RowsRead:N0} rows · {p.RowsPerSecond:N0} rows/s");
                }));
                task.Value = task.MaxValue;
            });
        return report!;
    }

    private static int Summarise(string name, DossierImportReport report)
    {
        var english = UiLanguage.IsEnglish;
        Console.WriteLine($"{name}: batch {report.BatchId}, {report.Status}: {report.RowsRead:N0} row(s) read, {report.RowsStored:N0} stored " +
            $"({report.Created:N0} new, {report.Updated:N0} updated, {report.Duplicates:N0} repeated codes), {report.RowsRejected:N0} rejected, " +
            $"{report.Elapsed.TotalSeconds:0.0} s ({(report.Elapsed.TotalSeconds > 0 ? report.RowsRead / report.Elapsed.TotalSeconds : 0):N0} rows/s).");
        if (report.Message is not null)
            Console.WriteLine(english ? report.MessageEn : report.Message);
        if (report.Status == ImportBatchStatus.Completed)
            return 0;
        var lines = report.Errors.Take(20).Select(e => $"{name}: row {e.Row}{(e.Column is null ? "" : $", {e.Column}")}: {(english ? e.MessageEn : e.Message)}").ToList();
        if (report.RowsRejected > lines.Count)
            lines.Add($"… {report.RowsRejected:N0} row(s) rejected in all; the full list: GET /api/v1/dossiers/batches/{report.BatchId}/errors or the batch page /quan-tri/ho-so/nhap/{report.BatchId}.");
        throw new CliError(lines);
    }
}
