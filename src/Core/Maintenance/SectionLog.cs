using Piuparts.Core.IO;

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
    /// in no particular order; missing directories are skipped. <paramref name="listings"/>
    /// answers for directories unchanged since it read them.
    /// </summary>
    public static List<SectionLog> Find(string sectionPath, IEnumerable<string> directories, ListingCache? listings = null)
    {
        listings ??= ListingCache.None;
        var found = new List<SectionLog>();
        foreach (var directory in directories)
            Collect(sectionPath, directory, listings, found);
        return found;
    }

    private static void Collect(string sectionPath, string relative, ListingCache listings, List<SectionLog> found)
    {
        var path = System.IO.Path.Combine(sectionPath, relative);
        IReadOnlyList<ListedEntry>? entries;
        try
        {
            entries = listings.List(path);
        }
        catch (UnauthorizedAccessException)
        {
            return; // as find goes on past a directory it may not read
        }
        if (entries == null)
            return;
        foreach (var entry in entries)
        {
            var name = relative + "/" + entry.Name;
            if (entry.IsDirectory)
                Collect(sectionPath, name, listings, found);
            else if (entry.Name.EndsWith(".log", StringComparison.Ordinal))
                found.Add(new SectionLog(name, System.IO.Path.Combine(sectionPath, name), new DateTime(entry.ModifiedTicks, DateTimeKind.Utc)));
        }
    }
}
