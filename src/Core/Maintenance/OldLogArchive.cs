namespace Piuparts.Core.Maintenance;

/// <summary>
/// archive_old_logs for one section (maintenance.md §2.5): of every package with a log newer
/// than <c>archive/stamp</c>, only the newest log across pass, fail, bugged and affected stays;
/// the older ones move to <c>archive/&lt;their directory&gt;/</c>. Every log in archive/ is then
/// compressed as xz -f does, and the stamp is set to a day before now, so the next run looks
/// back one extra day (piuparts moves the stamp on every run; piuparts-site only when the run
/// had work or there was no stamp). Unlike piuparts-report's archiving (<see cref="ObsoleteLogs"/>), this
/// needs no package lists: it keeps one log per package name.
/// </summary>
public static class OldLogArchive
{
    public const string Directory = "archive";
    public const string Stamp = "archive/stamp";

    /// <summary>Where the newest log may be: a package's logs are compared across these.</summary>
    private static readonly string[] LogDirectories = ["bugged", "affected", "fail", "pass"];

    public static SectionPlan Plan(string sectionPath, string section, DateTimeOffset now)
    {
        var stampPath = Path.Combine(sectionPath, Stamp);
        var since = File.Exists(stampPath) ? File.GetLastWriteTimeUtc(stampPath) : DateTime.UnixEpoch;
        var packages = SectionLog.Find(sectionPath, ["pass", "fail", "bugged", "affected"])
            .Where(log => log.Modified > since)
            .Select(log => PackageName(log.FileName))
            .ToHashSet(StringComparer.Ordinal);

        // The logs directly in each directory, by package name (the shell glob <dir>/<package>_*.log).
        var byPackage = LogDirectories
            .SelectMany(d => TopLevelLogs(sectionPath, d))
            .Where(log => log.FileName.Contains('_'))
            .ToLookup(log => PackageName(log.FileName), StringComparer.Ordinal);

        var changes = new List<FileChange>();
        var archived = new List<string>();
        foreach (var package in packages.Order(StringComparer.Ordinal))
        {
            // Oldest first as ls -tr lists them (equal times: the later path first); the last one stays.
            var logs = byPackage[package]
                .OrderBy(log => log.Modified)
                .ThenByDescending(log => log.Relative, StringComparer.Ordinal)
                .ToList();
            foreach (var log in logs.Take(logs.Count - 1))
            {
                var target = Path.Combine(sectionPath, Directory, log.Directory, log.FileName);
                changes.Add(FileChange.Move(log.Path, target));
                archived.Add(target);
            }
        }

        var uncompressed = SectionLog.Find(sectionPath, [Directory]).Select(log => log.Path)
            .Concat(archived)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        changes.AddRange(uncompressed.Select(path => FileChange.Compress(path)));
        // With nothing else to do the stamp stays: the next run then looks further back, which
        // finds nothing more (a package gets a second log only by a new one, newer than both
        // stamps), and a run that has nothing to do changes nothing.
        if (changes.Count > 0 || !File.Exists(stampPath))
            changes.Add(FileChange.Touch(stampPath, now - TimeSpan.FromDays(1)));
        return new SectionPlan(section, changes,
            $"{section}: {archived.Count} old logs archived, {uncompressed.Count} compressed");
    }

    /// <summary>The package a log belongs to: its file name up to the first '_'.</summary>
    public static string PackageName(string fileName)
    {
        int underscore = fileName.IndexOf('_');
        return underscore < 0 ? fileName : fileName[..underscore];
    }

    private static IEnumerable<SectionLog> TopLevelLogs(string sectionPath, string directory)
    {
        var path = Path.Combine(sectionPath, directory);
        if (!System.IO.Directory.Exists(path))
            return [];
        return new DirectoryInfo(path).EnumerateFiles("*.log")
            .Select(file => new SectionLog($"{directory}/{file.Name}", file.FullName, file.LastWriteTimeUtc));
    }
}
