using System.Diagnostics;

namespace ParIndex.EndToEndTests.Infrastructure;

/// <summary>Starts the built app (<c>dotnet parindex.dll …</c>) as a child process on a given data folder.</summary>
public static class AppProcess
{
    /// <summary>
    /// Settings that would point the app somewhere else than the embedded SQLite database in the data folder are
    /// removed from the child's environment, so a developer's or CI's environment cannot leak into the tests.
    /// </summary>
    private static readonly string[] RemovedVariables =
    [
        "ConnectionStrings__ParIndex", "Database__Provider", "Database__MigrateOnStart", "Database__SkipStartupCheck",
        "ASPNETCORE_URLS", "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_HTTPS_PORTS", "DOTNET_URLS", "DOTNET_ENVIRONMENT",
        "ASPNETCORE_HOSTINGSTARTUPASSEMBLIES",
    ];

    public static Process Start(IReadOnlyList<string> arguments, string dataFolder, ProcessLog log)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = RepositoryPaths.AppProjectFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
            StandardErrorEncoding = System.Text.Encoding.UTF8,
        };
        start.ArgumentList.Add(RepositoryPaths.AppAssembly);
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        foreach (var name in RemovedVariables)
            start.Environment.Remove(name);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Paths__Data"] = dataFolder;
        start.Environment["DOTNET_NOLOGO"] = "1";
        // No inotify watchers: the user-wide limit (128 instances) is shared with every other dotnet process on
        // the machine, and a server under test never needs to notice edited files.
        start.Environment["DOTNET_hostBuilder__reloadConfigOnChange"] = "false";
        start.Environment["ASPNETCORE_hostBuilder__reloadConfigOnChange"] = "false";
        start.Environment["DOTNET_USE_POLLING_FILE_WATCHER"] = "true";
        // What a failing test needs to see in the server log: why a form post was refused, which keys were used.
        start.Environment["Logging__LogLevel__Microsoft.AspNetCore.Antiforgery"] = "Debug";
        start.Environment["Logging__LogLevel__Microsoft.AspNetCore.Mvc.ViewFeatures.Filters"] = "Information";
        start.Environment["Logging__LogLevel__Microsoft.AspNetCore.DataProtection"] = "Information";
        // Spectre.Console would otherwise draw colours and progress widgets into the captured log.
        start.Environment["NO_COLOR"] = "1";
        var process = Process.Start(start) ?? throw new InvalidOperationException("The app process did not start.");
        log.Attach(process);
        return process;
    }

    /// <summary>Runs a CLI verb to its end and returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Log)> RunToEndAsync(IReadOnlyList<string> arguments, string dataFolder, TimeSpan timeout)
    {
        var log = new ProcessLog(capacity: 200);
        using var process = Start(arguments, dataFolder, log);
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            Stop(process);
            return (-1, $"(timed out after {timeout.TotalSeconds:0} s){Environment.NewLine}{log}");
        }
        process.WaitForExit(); // drains the asynchronous output readers
        return (process.ExitCode, log.ToString());
    }

    public static void Stop(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    /// <summary>The dotnet host running the tests (the SDK passes it to child processes), else the one on PATH.</summary>
    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
}
