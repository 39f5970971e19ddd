using System.CommandLine;

namespace ParIndex.Cli;

public static partial class CommandLine
{
    private static partial IEnumerable<Command> FeatureCommands() => [];
}
