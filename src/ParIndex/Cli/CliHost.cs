using ParIndex;
using ParIndex.Accounts;
using ParIndex.Data;

namespace ParIndex.Cli;

/// <summary>The services a CLI verb runs with: the same registrations as the web app, without the web server.</summary>
internal static class CliHost
{
    public static IHost Build()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddParIndexData();
        builder.AddParIndexAccounts();
        builder.AddParIndexServices();
        return builder.Build();
    }

    /// <summary>Runs <paramref name="work"/> in a fresh scope; bad input surfaces as <see cref="CliError"/> lines and exit code 1.</summary>
    public static async Task<int> RunAsync(Func<IServiceProvider, CancellationToken, Task<int>> work, CancellationToken cancellationToken)
    {
        // A verb is a batch job: no background collections beside it. The web app's server GC runs them concurrently
        // to keep request latency flat; for a 2-million-row import that let the heap grow by a tenth more (peak
        // 310 MB against 278 MB, docs/performance.md) for no gain in time.
        System.Runtime.GCSettings.LatencyMode = System.Runtime.GCLatencyMode.Batch;
        using var host = Build();
        await using var scope = host.Services.CreateAsyncScope();
        try
        {
            return await work(scope.ServiceProvider, cancellationToken);
        }
        catch (CliError error)
        {
            foreach (var line in error.Lines)
                Console.Error.WriteLine(line);
            return 1;
        }
    }
}

/// <summary>An expected failure of a CLI verb (bad input): one line per problem, non-zero exit, no stack trace.</summary>
internal sealed class CliError(IEnumerable<string> lines) : Exception(string.Join(Environment.NewLine, lines))
{
    public CliError(string line) : this([line]) { }
    public IReadOnlyList<string> Lines { get; } = lines.ToList();
}
