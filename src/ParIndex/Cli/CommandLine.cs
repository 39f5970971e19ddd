using System.CommandLine;

namespace ParIndex.Cli;

/// <summary>The CLI verbs of the one executable. Web and CLI call the same services.</summary>
public static partial class CommandLine
{
    private static readonly HashSet<string> Options = ["--help", "-h", "-?", "--version"];

    /// <summary>The verbs are read from the commands themselves, so a new command can never fall through to the web host.</summary>
    private static readonly Lazy<HashSet<string>> Verbs = new(() =>
        [.. Options, MigrateCommand().Name, SchemaScriptCommand().Name, .. FeatureCommands().Select(command => command.Name)]);

    public static bool IsVerb(string[] args) => args.Length > 0 && Verbs.Value.Contains(args[0]);

    /// <summary>Arguments for the web host: an explicit leading <c>serve</c> is dropped.</summary>
    public static string[] ServeArguments(string[] args) => args.Length > 0 && args[0] == "serve" ? args[1..] : args;

    public static Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("ParIndex — Chỉ số cải cách hành chính (Public Administration Reform Index)");
        root.Subcommands.Add(new Command("serve", "Start the web app (the default verb)."));
        root.Subcommands.Add(MigrateCommand());
        root.Subcommands.Add(SchemaScriptCommand());
        foreach (var command in FeatureCommands())
            root.Subcommands.Add(command);
        return root.Parse(args).InvokeAsync();
    }

    private static partial IEnumerable<Command> FeatureCommands();
}
