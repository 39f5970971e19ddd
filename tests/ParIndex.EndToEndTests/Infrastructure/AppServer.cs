using System.Diagnostics;
using System.Text.RegularExpressions;

namespace ParIndex.EndToEndTests.Infrastructure;

/// <summary>
/// The real app on Kestrel, reachable by a browser: <c>dotnet parindex.dll serve</c> on a loopback port chosen by
/// the operating system (port 0; the address is read back from the "Now listening on" line), on its own copy of
/// the seeded demo database. Disposing kills the process and deletes its data folder.
/// </summary>
public sealed partial class AppServer : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly Process process;
    private readonly string dataFolder;
    private readonly EventHandler killOnExit;

    private AppServer(Process process, string dataFolder, EventHandler killOnExit, ProcessLog log, Uri baseAddress)
    {
        this.process = process;
        this.dataFolder = dataFolder;
        this.killOnExit = killOnExit;
        Log = log;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>The server's recent stdout and stderr.</summary>
    public ProcessLog Log { get; }

    public string Url(string path) => new Uri(BaseAddress, path).ToString();

    public static async Task<AppServer> StartAsync(string name)
    {
        var dataFolder = await DemoDatabase.CopyAsync(name);
        var log = new ProcessLog();
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        log.LineWritten += line =>
        {
            var match = ListeningLine().Match(line);
            if (match.Success)
                listening.TrySetResult(new Uri(match.Groups["url"].Value));
        };
        var process = AppProcess.Start(["serve", "--urls", "http://127.0.0.1:0", "--contentRoot", RepositoryPaths.AppProjectFolder], dataFolder, log);
        // If the test host goes away without disposing the fixtures, the server must not outlive it.
        EventHandler killOnExit = (_, _) => AppProcess.Stop(process);
        AppDomain.CurrentDomain.ProcessExit += killOnExit;
        try
        {
            var exited = process.WaitForExitAsync();
            var first = await Task.WhenAny(listening.Task, exited, Task.Delay(StartTimeout));
            if (first != listening.Task)
                throw new InvalidOperationException(
                    (first == exited ? $"The app exited with code {process.ExitCode} before listening." : $"The app did not listen within {StartTimeout.TotalSeconds:0} s.")
                    + Environment.NewLine + log);
            var server = new AppServer(process, dataFolder, killOnExit, log, await listening.Task);
            await server.WaitUntilAnsweringAsync();
            return server;
        }
        catch
        {
            AppDomain.CurrentDomain.ProcessExit -= killOnExit;
            AppProcess.Stop(process);
            TemporaryFolder.Delete(dataFolder);
            throw;
        }
    }

    private async Task WaitUntilAnsweringAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        var deadline = DateTime.UtcNow + StartTimeout;
        while (true)
        {
            try
            {
                using var response = await http.GetAsync("/");
                if (response.IsSuccessStatusCode)
                    return;
                if (DateTime.UtcNow > deadline)
                    throw new InvalidOperationException($"GET / answered {(int)response.StatusCode}.{Environment.NewLine}{Log}");
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline && !process.HasExited)
            {
            }
            await Task.Delay(200);
        }
    }

    public ValueTask DisposeAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= killOnExit;
        AppProcess.Stop(process);
        process.Dispose();
        TemporaryFolder.Delete(dataFolder);
        return ValueTask.CompletedTask;
    }

    // Kestrel's "Now listening on: http://127.0.0.1:41234" (or the app's own welcome "URL: …" line).
    [GeneratedRegex(@"(?:Now listening on:|URL:)\s*(?<url>http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningLine();
}
