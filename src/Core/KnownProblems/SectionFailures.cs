namespace Piuparts.Core.KnownProblems;

/// <summary>
/// All .kpr lines of a section's logs in <c>pass bugged affected fail</c> (known-problems.md §5),
/// ordered by log path and then line; the report's stable sort by "in fail" and reverse
/// dependency count then gives piuparts' order.
/// </summary>
public static class SectionFailures
{
    public static (IReadOnlyList<SectionFailure> Failures, IReadOnlyList<InputError> Errors) Read(string sectionPath) =>
        Read(sectionPath, KprRefreshOptions.ReportDirectories);

    public static (IReadOnlyList<SectionFailure> Failures, IReadOnlyList<InputError> Errors) Read(
        string sectionPath, IReadOnlyList<string> directories)
    {
        var logs = SectionFiles.Map(sectionPath, directories, SectionFiles.LogExtension)
            .Select(entry => (PkgSpec: entry.Key, Log: entry.Value, Path: $"{entry.Value.Directory}/{entry.Key}{SectionFiles.LogExtension}"))
            .OrderBy(entry => entry.Path, StringComparer.Ordinal);
        var empty = EmptyFiles(sectionPath, directories);
        var failures = new List<SectionFailure>();
        var errors = new List<InputError>();
        foreach (var (pkgSpec, log, _) in logs)
        {
            var kpr = Path.Combine(Path.GetDirectoryName(log.Path)!, pkgSpec + SectionFiles.KprExtension);
            // Most logs have no known problem: their empty .kpr need not be opened.
            if (empty.Contains(kpr))
                continue;
            var (lines, kprErrors) = KprFile.Read(kpr, pkgSpec);
            errors.AddRange(kprErrors);
            foreach (var line in lines ?? [])
                failures.Add(new SectionFailure(line, log.Directory));
        }
        return (failures, errors);
    }

    // The empty files of the directories, from the directory listing (no file is opened).
    private static HashSet<string> EmptyFiles(string sectionPath, IReadOnlyList<string> directories)
    {
        var empty = new HashSet<string>(StringComparer.Ordinal);
        foreach (var directory in directories)
        {
            var path = Path.Combine(sectionPath, directory);
            if (!Directory.Exists(path))
                continue;
            empty.UnionWith(new System.IO.Enumeration.FileSystemEnumerable<string>(path,
                (ref System.IO.Enumeration.FileSystemEntry entry) => entry.ToFullPath(),
                new EnumerationOptions { AttributesToSkip = 0 })
            {
                ShouldIncludePredicate = (ref System.IO.Enumeration.FileSystemEntry entry) => !entry.IsDirectory && entry.Length == 0,
            });
        }
        return empty;
    }
}
