namespace ParIndex.EndToEndTests.Infrastructure;

/// <summary>
/// The demo city, seeded once per test run with the app's own <c>parindex seed-demo</c> verb (the same seeder the
/// embedded default runs on first start) into a template data folder. Every server gets its own copy of the folder,
/// so a server whose tests change data cannot disturb another, and the ~10 s seed is paid only once.
/// </summary>
public static class DemoDatabase
{
    private static readonly Lazy<Task<string>> Template = new(SeedTemplateAsync);

    /// <summary>A fresh temporary data folder holding a copy of the seeded demo database; the caller deletes it.</summary>
    public static async Task<string> CopyAsync(string purpose)
    {
        var template = await Template.Value;
        var folder = TemporaryFolder.Create(purpose);
        foreach (var file in Directory.EnumerateFiles(template))
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        return folder;
    }

    private static async Task<string> SeedTemplateAsync()
    {
        var folder = TemporaryFolder.Create("template");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => TemporaryFolder.Delete(folder);
        var (exitCode, log) = await AppProcess.RunToEndAsync(["seed-demo"], folder, TimeSpan.FromMinutes(2));
        if (exitCode != 0 || !File.Exists(Path.Combine(folder, "parindex.db")))
            throw new InvalidOperationException($"`parindex seed-demo` failed with exit code {exitCode}:{Environment.NewLine}{log}");
        // The verb ends by closing its connections, which folds the WAL into the database file; copies are consistent.
        return folder;
    }
}

public static class TemporaryFolder
{
    public static string Create(string purpose)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"parindex-e2e-{purpose}-{Guid.NewGuid():N}"[..40]);
        Directory.CreateDirectory(folder);
        return folder;
    }

    public static void Delete(string folder)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            try
            {
                if (Directory.Exists(folder))
                    Directory.Delete(folder, recursive: true);
                return;
            }
            catch (IOException) when (attempt < 4)
            {
                Thread.Sleep(200);
            }
            catch (UnauthorizedAccessException) when (attempt < 4)
            {
                Thread.Sleep(200);
            }
        }
    }
}
