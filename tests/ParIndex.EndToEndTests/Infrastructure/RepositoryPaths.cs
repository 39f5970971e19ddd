namespace ParIndex.EndToEndTests.Infrastructure;

/// <summary>Where the app under test lives: its built assembly (next to this test assembly) and its project folder.</summary>
public static class RepositoryPaths
{
    /// <summary>The app's entry assembly, <c>parindex.dll</c>, copied next to the tests by the project reference.</summary>
    public static string AppAssembly => typeof(Program).Assembly.Location;

    /// <summary>
    /// The app's project folder, used as the content root: a build (not a publish) leaves <c>wwwroot</c> in the
    /// project folder, and outside Development the app serves static files from its content root only.
    /// </summary>
    public static string AppProjectFolder { get; } = FindAppProjectFolder();

    private static string FindAppProjectFolder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "src", "ParIndex");
            if (File.Exists(Path.Combine(candidate, "ParIndex.csproj")))
                return candidate;
        }
        throw new InvalidOperationException($"src/ParIndex/ParIndex.csproj was not found above {AppContext.BaseDirectory}; the end-to-end tests run from a checkout.");
    }
}
