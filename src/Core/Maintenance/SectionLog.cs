namespace Piuparts.Core.Maintenance;

/// <summary>
/// A log file found below a section directory: its path relative to the section
/// (<c>pass/foo_1.0.log</c>, as piuparts' scripts print it from inside the section), its
/// absolute path and its modification time.
/// </summary>
public readonly record struct SectionLog(string Relative, string Path, DateTime Modified)
{
    public string FileName => System.IO.Path.GetFileName(Path);

    /// <summary>The log directory it lies in (the first component of <see cref="Relative"/>).</summary>
    public string Directory => Relative[..Relative.IndexOf('/')];

    /// <summary>
    /// Every <c>*.log</c> below the named directories of the section (recursively, like find),
    /// in no particular order; missing directories are skipped.
    /// </summary>
    public static List<SectionLog> Find(string sectionPath, IEnumerable<string> directories)
    {
        var found = new List<SectionLog>();
        foreach (var directory in directories)
        {
            var root = System.IO.Path.Combine(sectionPath, directory);
            if (!System.IO.Directory.Exists(root))
                continue;
            var files = new System.IO.Enumeration.FileSystemEnumerable<SectionLog>(root,
                (ref System.IO.Enumeration.FileSystemEntry entry) =>
                {
                    var path = entry.ToFullPath();
                    return new SectionLog(System.IO.Path.GetRelativePath(sectionPath, path), path, entry.LastWriteTimeUtc.UtcDateTime);
                },
                new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = true })
            {
                ShouldIncludePredicate = (ref System.IO.Enumeration.FileSystemEntry entry) =>
                    !entry.IsDirectory && entry.FileName.EndsWith(".log", StringComparison.Ordinal),
            };
            found.AddRange(files);
        }
        return found;
    }
}
