using System.Globalization;
using System.Text;

namespace ParIndex.Bench;

public enum Goal
{
    /// <summary>No target: a figure reported for context (p95, allocations).</summary>
    None,
    /// <summary>Lower is better: passes when measured ≤ target (times).</summary>
    AtMost,
    /// <summary>Higher is better: passes when measured ≥ target (throughput).</summary>
    AtLeast,
}

/// <summary>
/// One line of the results table. <see cref="Judged"/> rows decide pass/fail; other rows with a target show
/// their ratio for comparison only (e.g. the uncached page against the cached page's target).
/// </summary>
public sealed record ResultRow(string Benchmark, double Value, string Unit, Goal Goal = Goal.None, double? Target = null, bool Judged = false)
{
    /// <summary>Null for rows that are not judged, and for a judged row that could not be measured (NaN).</summary>
    public bool? Passed => !Judged || Target is not { } target || double.IsNaN(Value) ? null : Goal == Goal.AtLeast ? Value >= target : Value <= target;

    /// <summary>
    /// The exchange line between the bench program and scripts/bench.sh (which adds the wrk rows):
    /// benchmark, value, unit, goal (le|ge|-), target (or -), judged (1|0), tab-separated, invariant culture.
    /// </summary>
    public string ToTsv() => string.Join('\t',
        Benchmark.Replace('\t', ' '),
        Value.ToString("R", CultureInfo.InvariantCulture),
        Unit,
        Goal switch { Goal.AtMost => "le", Goal.AtLeast => "ge", _ => "-" },
        Target is { } t ? t.ToString("R", CultureInfo.InvariantCulture) : "-",
        Judged ? "1" : "0");

    public static ResultRow FromTsv(string line)
    {
        var parts = line.Split('\t');
        if (parts.Length != 6)
            throw new FormatException($"A result line has 6 tab-separated fields (benchmark, value, unit, goal, target, judged): «{line}»");
        // A value the script could not parse (e.g. wrk printed no figure) shows as "n/a" rather than losing the table.
        return new ResultRow(
            parts[0],
            double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : double.NaN,
            parts[2],
            parts[3] switch { "le" => Goal.AtMost, "ge" => Goal.AtLeast, _ => Goal.None },
            parts[4] == "-" ? null : double.Parse(parts[4], CultureInfo.InvariantCulture),
            parts[5] == "1");
    }
}

/// <summary>The one table format, used for the console and for docs/performance.md.</summary>
public static class ResultTable
{
    public static string Markdown(IEnumerable<ResultRow> rows)
    {
        var text = new StringBuilder();
        text.AppendLine("| benchmark | measured | target | ratio |");
        text.AppendLine("|---|---:|---:|---|");
        foreach (var row in rows)
            text.AppendLine($"| {row.Benchmark} | {Format(row.Value, row.Unit)} | {TargetText(row)} | {RatioText(row)} |");
        return text.ToString();
    }

    private static string TargetText(ResultRow row) => row.Target is not { } target
        ? "—"
        : (row.Goal == Goal.AtLeast ? "≥ " : "≤ ") + Format(target, row.Unit) + (row.Judged ? "" : " (reference)");

    private static string RatioText(ResultRow row)
    {
        if (double.IsNaN(row.Value))
            return row.Judged ? "— ❌ not measured" : "—";
        if (row.Target is not { } target || target == 0)
            return "—";
        var ratio = (row.Value / target).ToString("0.00", CultureInfo.InvariantCulture);
        return row.Passed switch
        {
            true => $"{ratio} ✅ pass",
            false => $"{ratio} ❌ FAIL",
            null => $"{ratio} (info)",
        };
    }

    public static string Format(double value, string unit)
    {
        if (double.IsNaN(value))
            return "n/a";
        var number = unit switch
        {
            "req/s" => value.ToString("#,0", CultureInfo.InvariantCulture),
            "B" or "count" => value.ToString("#,0", CultureInfo.InvariantCulture),
            _ => value >= 100 ? value.ToString("#,0.0", CultureInfo.InvariantCulture)
                : value >= 1 ? value.ToString("0.00", CultureInfo.InvariantCulture)
                : value.ToString("0.000", CultureInfo.InvariantCulture),
        };
        return unit is "" or "count" ? number : $"{number} {unit}";
    }
}
