using System.Collections.Concurrent;
using System.Diagnostics;

namespace ParIndex.EndToEndTests.Infrastructure;

/// <summary>The last lines a child process wrote to stdout and stderr, kept to be shown when a test fails.</summary>
public sealed class ProcessLog(int capacity = 400)
{
    private readonly ConcurrentQueue<string> lines = new();

    public event Action<string>? LineWritten;

    public void Attach(Process process)
    {
        process.OutputDataReceived += (_, e) => Add(e.Data, "");
        process.ErrorDataReceived += (_, e) => Add(e.Data, "stderr: ");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    private void Add(string? line, string prefix)
    {
        if (line is null)
            return;
        lines.Enqueue(prefix + line);
        while (lines.Count > capacity && lines.TryDequeue(out _))
        {
        }
        LineWritten?.Invoke(line);
    }

    public override string ToString() => string.Join(Environment.NewLine, lines);
}
