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
        // In the order of their paths below the section: directory, then file name.
        var logs = SectionFiles.Map(sectionPath, directories, SectionFiles.LogExtension, listings).ToArray();
        Array.Sort(logs, (a, b) => string.CompareOrdinal(a.Value.Directory, b.Value.Directory) is var byDirectory and not 0
            ? byDirectory : string.CompareOrdinal(a.Value.FileName, b.Value.FileName));
        var empty = EmptyFiles(sectionPath, directories, listings);
        var failures = new List<SectionFailure>();
        var errors = new List<InputError>();
        Span<char> name = stackalloc char[256];
        foreach (var (pkgSpec, log) in logs)
        {
            // Most logs have no known problem: their empty .kpr need not be opened (nor its name made).
            if (empty.TryGetValue(log.DirectoryPath, out var emptyHere) && IsListed(emptyHere, pkgSpec, name))
                continue;
            var kpr = Path.Combine(log.DirectoryPath, pkgSpec + SectionFiles.KprExtension);
            var (lines, kprErrors) = KprFile.Read(kpr, pkgSpec);
            errors.AddRange(kprErrors);
            foreach (var line in lines ?? [])
                failures.Add(new SectionFailure(line, log.Directory));
        }
        return (failures, errors);
    }

    // The names of the empty files of each directory (by its path), from their listings (no file is opened).
    private static Dictionary<string, HashSet<string>> EmptyFiles(string sectionPath, IReadOnlyList<string> directories, ListingCache listings)
    {
        var empty = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var directory in directories)
        {
            var path = Path.Combine(sectionPath, directory);
            var names = empty[path] = new HashSet<string>(StringComparer.Ordinal);
            foreach (var entry in listings.List(path) ?? [])
            {
                if (!entry.IsDirectory && entry.Length == 0)
                    names.Add(entry.Name);
            }
        }
        return empty;
    }

    // Whether pkgspec's .kpr is among the names, looked up without making its name a string.
    private static bool IsListed(HashSet<string> names, string pkgSpec, Span<char> buffer)
    {
        int length = pkgSpec.Length + SectionFiles.KprExtension.Length;
        if (length > buffer.Length)
            return names.Contains(pkgSpec + SectionFiles.KprExtension);
        pkgSpec.CopyTo(buffer);
        SectionFiles.KprExtension.CopyTo(buffer[pkgSpec.Length..]);
        return names.GetAlternateLookup<ReadOnlySpan<char>>().Contains(buffer[..length]);
    }
}
