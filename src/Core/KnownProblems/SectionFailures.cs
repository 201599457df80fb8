using Piuparts.Core.IO;

namespace Piuparts.Core.KnownProblems;

/// <summary>
/// All .kpr lines of a section's logs in <c>pass bugged affected fail</c> (known-problems.md §5),
/// ordered by log path and then line; the report's stable sort by "in fail" and reverse
/// dependency count then gives piuparts' order.
/// </summary>
public static class SectionFailures
{
    /// <param name="listings">Answers for the directories unchanged since it read them (a .kpr refresh has just read them all).</param>
    public static (IReadOnlyList<SectionFailure> Failures, IReadOnlyList<InputError> Errors) Read(string sectionPath, ListingCache? listings = null) =>
        Read(sectionPath, KprRefreshOptions.ReportDirectories, listings);

    public static (IReadOnlyList<SectionFailure> Failures, IReadOnlyList<InputError> Errors) Read(
        string sectionPath, IReadOnlyList<string> directories, ListingCache? listings = null)
    {
        listings ??= ListingCache.None;
        var logs = SectionFiles.Map(sectionPath, directories, SectionFiles.LogExtension, listings)
            .Select(entry => (PkgSpec: entry.Key, Log: entry.Value, Path: $"{entry.Value.Directory}/{entry.Key}{SectionFiles.LogExtension}"))
            .OrderBy(entry => entry.Path, StringComparer.Ordinal);
        var empty = EmptyFiles(sectionPath, directories, listings);
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

    // The empty files of the directories, from their listings (no file is opened).
    private static HashSet<string> EmptyFiles(string sectionPath, IReadOnlyList<string> directories, ListingCache listings)
    {
        var empty = new HashSet<string>(StringComparer.Ordinal);
        foreach (var directory in directories)
        {
            var path = Path.Combine(sectionPath, directory);
            foreach (var entry in listings.List(path) ?? [])
            {
                if (!entry.IsDirectory && entry.Length == 0)
                    empty.Add(Path.Combine(path, entry.Name));
            }
        }
        return empty;
    }
}
