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
    /// </summary>
    public static Dictionary<string, SectionFile> Map(string sectionPath, IReadOnlyList<string> directories, string extension) =>
        Map(sectionPath, directories, extension, withTimes: false);

    /// <summary>Like <see cref="Map(string, IReadOnlyList{string}, string)"/>, with each file's modification time from the listing.</summary>
    public static Dictionary<string, SectionFile> MapWithTimes(string sectionPath, IReadOnlyList<string> directories, string extension) =>
        Map(sectionPath, directories, extension, withTimes: true);

    private static Dictionary<string, SectionFile> Map(string sectionPath, IReadOnlyList<string> directories, string extension, bool withTimes)
    {
        if (withTimes)
            return MapTimes(sectionPath, directories, extension);
        var map = new Dictionary<string, SectionFile>(StringComparer.Ordinal);
        foreach (var directory in directories)
        {
            var path = Path.Combine(sectionPath, directory);
            if (!Directory.Exists(path))
                continue;
            foreach (var file in Directory.EnumerateFiles(path))
            {
                var name = Path.GetFileName(file);
                if (Extension(name).SequenceEqual(extension))
                    map[name[..^extension.Length]] = new SectionFile(directory, file);
            }
        }
        return map;
    }

    private static Dictionary<string, SectionFile> MapTimes(string sectionPath, IReadOnlyList<string> directories, string extension)
    {
        var map = new Dictionary<string, SectionFile>(StringComparer.Ordinal);
        foreach (var directory in directories)
        {
            var path = Path.Combine(sectionPath, directory);
            if (!Directory.Exists(path))
                continue;
            // The time costs a stat(2): asked only of the files with the extension (the listing
            // itself tells files from directories), not of every file of the directory.
            var files = new System.IO.Enumeration.FileSystemEnumerable<(string Name, string Path, long Ticks)>(path,
                (ref System.IO.Enumeration.FileSystemEntry entry) => (entry.FileName.ToString(), entry.ToFullPath(), entry.LastWriteTimeUtc.UtcTicks),
                new EnumerationOptions { AttributesToSkip = 0 })
            {
                ShouldIncludePredicate = (ref System.IO.Enumeration.FileSystemEntry entry) => !entry.IsDirectory && HasExtension(entry.FileName, extension),
            };
            foreach (var (name, file, ticks) in files)
                map[name[..^extension.Length]] = new SectionFile(directory, file, ticks);
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
