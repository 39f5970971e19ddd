using System.Text.RegularExpressions;

namespace ParIndex.Tests.AuditTrail;

/// <summary>
/// The audit trail is append-only: besides the SaveChanges guard (which bulk updates would bypass), nothing in the
/// app's code or SQL updates or deletes audit entries.
/// </summary>
public sealed partial class AuditAppendOnlySourceTests
{
    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "ParIndex.slnx")))
                return folder.FullName;
        throw new InvalidOperationException("ParIndex.slnx not found above " + AppContext.BaseDirectory);
    }

    [Fact]
    public void NoCodeUpdatesOrDeletesAuditEntries()
    {
        var source = Path.Combine(RepositoryRoot(), "src");
        var files = Directory.EnumerateFiles(source, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".sql", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .ToList();

        var offences = (
            from file in files
            let text = File.ReadAllText(file)
            from Match match in Forbidden().Matches(text)
            select $"{Path.GetRelativePath(source, file)}: {match.Value.ReplaceLineEndings(" ")}").ToList();

        Assert.True(files.Count > 100, $"only {files.Count} files scanned under {source}");
        Assert.Empty(offences);
    }

    [Fact]
    public void TheScanWouldCatchEachWayOfChangingTheTrail()
    {
        string[] samples =
        [
            "db.AuditEntries.Remove(entry);",
            "db.AuditEntries.RemoveRange(old);",
            "db.AuditEntries.Update(entry);",
            "await db.AuditEntries.Where(e => e.AtUtc < cutoff).ExecuteDeleteAsync(ct);",
            "await db.AuditEntries\n    .Where(e => e.Id == id)\n    .ExecuteUpdateAsync(s => s.SetProperty(e => e.Reason, \"x\"));",
            "db.Set<AuditEntry>().Remove(entry);",
            "DELETE FROM audit_entries WHERE id = 1;",
            "update \"audit_entries\" set reason = null;",
            "TRUNCATE TABLE audit_entries;",
        ];

        Assert.All(samples, sample => Assert.Matches(Forbidden(), sample));
        Assert.DoesNotMatch(Forbidden(), "db.AuditEntries.Add(entry); db.Notifications.Where(n => n.Id == id).ExecuteUpdateAsync(s => s);");
    }

    [GeneratedRegex(@"(AuditEntries|Set<AuditEntry>\(\))\s*\.\s*(Remove|RemoveRange|Update|UpdateRange|Attach)\s*\(|(AuditEntries|Set<AuditEntry>\(\))[^;]*?Execute(Update|Delete)|\b(UPDATE|DELETE\s+FROM|TRUNCATE(\s+TABLE)?)\s+""?audit_entries\b", RegexOptions.IgnoreCase)]
    private static partial Regex Forbidden();
}
