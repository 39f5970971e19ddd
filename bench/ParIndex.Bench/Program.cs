using System.Runtime.InteropServices;
using ParIndex.Bench;
using ParIndex.Core.Scoring;

// Named in-process benchmarks. To add one: write a method returning ResultRow lines (see EngineBenchmarks)
// and add it here; scripts/bench.sh runs every name in its list and puts the rows in docs/performance.md.
// HTTP benchmarks need a server and wrk, so they live in scripts/bench.sh and append rows in the same format.
var benchmarks = new (string Name, string Description, Func<BenchContext, IEnumerable<ResultRow>> Run)[]
{
    ("engine", "IndexEngine.Compute on 400 units × 150 leaves with ranks and rules (target: median ≤ 20 ms)", EngineBenchmarks.Compute),
    ("engine-breakdown", "Where Compute's time goes: variants without rules, inputs or last year, and the parts alone; no target", EngineBenchmarks.Breakdown),
    ("engine-store", "Compute plus the JSON the app stores per unit (all node explanations); no target", EngineBenchmarks.ComputeAndStore),
    // Run by the surveys section of scripts/bench.sh, not through ENGINE_BENCHMARKS.
    ("surveys-aggregate", "SurveyAggregator on 1,000,000 SIPAS responses over 400 units (target: median < 2 s)", ParIndex.Bench.Surveys.SurveyBenchmarks.Aggregate),
    // Run by the dossiers section of scripts/bench.sh.
    ("dossiers-deadlines", "WorkingCalendar.ComputeDue on 1,000,000 receipts, one core (target: ≥ 10,000,000 a second), and 766 verdicts", ParIndex.Bench.Dossiers.DossierBenchmarks.Deadlines),
};

const string usage = """
    Usage: dotnet run -c Release --project bench/ParIndex.Bench -- <command>

      list                      the benchmarks
      <name> [<name> ...]       run those benchmarks ("all" runs every one)
        --quick                 a short warm-up and 30 iterations, for a look while developing
        --results FILE          also append the result rows to FILE (tab-separated; read by "report")
      report FILE               print FILE's result rows as the Markdown table of docs/performance.md
    """;

if (args.Length == 0 || args[0] is "-h" or "--help")
{
    Console.WriteLine(usage);
    return args.Length == 0 ? 2 : 0;
}

if (args[0] == "list")
{
    foreach (var (name, description, _) in benchmarks)
        Console.WriteLine($"{name,-18} {description}");
    return 0;
}

if (args[0] == "report")
{
    if (args.Length != 2 || !File.Exists(args[1]))
    {
        Console.Error.WriteLine("report needs one existing results file.");
        return 2;
    }
    var lines = File.ReadAllLines(args[1]).Where(l => !string.IsNullOrWhiteSpace(l));
    Console.Write(ResultTable.Markdown(lines.Select(ResultRow.FromTsv)));
    return 0;
}

var quick = false;
string? resultsFile = null;
var selected = new List<string>();
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--quick":
            quick = true;
            break;
        case "--results" when i + 1 < args.Length:
            resultsFile = args[++i];
            break;
        case "all":
            selected.AddRange(benchmarks.Select(b => b.Name));
            break;
        default:
            selected.Add(args[i]);
            break;
    }
}

var unknown = selected.Where(s => benchmarks.All(b => b.Name != s)).ToList();
if (unknown.Count > 0 || selected.Count == 0)
{
    Console.Error.WriteLine(unknown.Count > 0 ? $"Unknown benchmark(s): {string.Join(", ", unknown)}. Known: {string.Join(", ", benchmarks.Select(b => b.Name))}." : usage);
    return 2;
}

if (Harness.IsDebugBuild(typeof(IndexEngine).Assembly))
{
    Console.Error.WriteLine("ParIndex.Core was built without optimisations (Debug): run with -c Release.");
    return 2;
}

Console.WriteLine($"{RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}, {Environment.ProcessorCount} logical cores, " +
    $"server GC {System.Runtime.GCSettings.IsServerGC}{(quick ? ", QUICK mode (not for publication)" : "")}");

var context = new BenchContext(quick ? Harness.Options.Quick : new Harness.Options(), Console.Out);
var rows = new List<ResultRow>();
foreach (var name in selected.Distinct())
{
    var benchmark = benchmarks.First(b => b.Name == name);
    Console.WriteLine($"== {name}: {benchmark.Description}");
    rows.AddRange(benchmark.Run(context));
}

Console.WriteLine();
Console.Write(ResultTable.Markdown(rows));
if (resultsFile is not null)
    File.AppendAllLines(resultsFile, rows.Select(r => r.ToTsv()));
return rows.Any(r => r.Passed == false) ? 1 : 0;
