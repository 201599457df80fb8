using Piuparts.Core.IO;

namespace Piuparts.Core.KnownProblems;

/// <summary>
/// The maps pkgspec → file that piuparts builds over a section's log directories
/// (known-problems.md §4.2 step 1): the pkgspec is the file name without its extension, and
/// when a pkgspec is in several directories the one scanned last wins.
/// </summary>
public static class SectionFiles
{
    public const string LogExtension = ".log";
    public const string KprExtension = ".kpr";
    public const string BugExtension = ".bug";

    /// <summary>
    /// The files with <paramref name="extension"/> in <paramref name="directories"/> (plain names
    /// below <paramref name="sectionPath"/>, in scan order); missing directories are skipped.
    /// <paramref name="listings"/> answers for directories unchanged since it read them.
    /// </summary>
    public static Dictionary<string, SectionFile> Map(string sectionPath, IReadOnlyList<string> directories, string extension,
        ListingCache? listings = null) =>
        // Without times a directory that has to be read is not stat-ed file by file.
        Map(sectionPath, directories, extension, withTimes: false, path => (listings ?? ListingCache.None).List(path, times: false));

    /// <summary>Like <see cref="Map"/>, with each file's modification time from the listing.</summary>
    public static Dictionary<string, SectionFile> MapWithTimes(string sectionPath, IReadOnlyList<string> directories, string extension,
        ListingCache? listings = null) =>
        Map(sectionPath, directories, extension, withTimes: true, path => (listings ?? ListingCache.None).List(path));

    /// <summary>The map from given listings (by the directories' full paths) instead of the file system's.</summary>
    internal static Dictionary<string, SectionFile> Map(string sectionPath, IReadOnlyList<string> directories, string extension,
        bool withTimes, Func<string, IReadOnlyList<ListedEntry>?> list)
    {
        var listed = new List<(string Directory, string Path, IReadOnlyList<ListedEntry> Entries)>(directories.Count);
        foreach (var directory in directories)
        {
            var path = Path.Combine(sectionPath, directory);
            if (list(path) is { } entries)
                listed.Add((directory, path, entries));
        }
        // Sized once, to the files counted first: grown step by step, a map of pass/'s 27,000
        // logs copies its tables a dozen times; sized to every entry, a map of the few .bug
        // files would take as much room as that of the logs.
        var map = new Dictionary<string, SectionFile>(
            listed.Sum(l => l.Entries.Count(e => !e.IsDirectory && HasExtension(e.Name, extension))), StringComparer.Ordinal);
        foreach (var (directory, path, entries) in listed)
        {
            foreach (var entry in entries)
            {
                if (!entry.IsDirectory && HasExtension(entry.Name, extension))
                    map[entry.Name[..^extension.Length]] = new SectionFile(directory, path, entry.Name, withTimes ? entry.ModifiedTicks : 0);
            }
        }
        return map;
    }

    private static bool HasExtension(ReadOnlySpan<char> fileName, string extension)
    {
        int firstNonDot = fileName.IndexOfAnyExcept('.');
        int dot = fileName.LastIndexOf('.');
        return firstNonDot >= 0 && dot >= firstNonDot && fileName[dot..].SequenceEqual(extension);
    }

    /// <summary>The extension as Python's os.path.splitext finds it: from the last dot, but leading dots (".log") are no extension.</summary>
    public static ReadOnlySpan<char> Extension(string fileName)
    {
        int firstNonDot = fileName.AsSpan().IndexOfAnyExcept('.');
        int dot = fileName.LastIndexOf('.');
        return firstNonDot < 0 || dot < firstNonDot ? [] : fileName.AsSpan(dot);
    }
}
