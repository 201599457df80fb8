using Piuparts.Core.IO;

namespace Piuparts.Core.Maintenance;

/// <summary>
/// A log file found below a section directory: its path relative to the section
/// (<c>pass/foo_1.0.log</c>, as piuparts' scripts print it from inside the section), its
/// absolute path and its modification time.
/// </summary>
/// <remarks>
/// A log found by <see cref="Find"/> makes its two paths only when asked: a section has tens of
/// thousands of logs, of which reschedule looks at the name and time of all and the paths of a few
/// hundred; building both strings for each log was a large share of what a run with nothing to do
/// allocated.
/// </remarks>
public readonly struct SectionLog
{
    private readonly string? _relative, _path, _sectionPath, _directory, _name;

    public SectionLog(string relative, string path, DateTime modified)
    {
        _relative = relative;
        _path = path;
        Modified = modified;
    }

    private SectionLog(string sectionPath, string directory, string name, DateTime modified)
    {
        _sectionPath = sectionPath;
        _directory = directory;
        _name = name;
        Modified = modified;
    }

    public string Relative => _relative ?? _directory + "/" + _name;

    public string Path => _path ?? System.IO.Path.Combine(_sectionPath!, Relative);

    public DateTime Modified { get; }

    public string FileName => _name ?? System.IO.Path.GetFileName(Path);

    /// <summary>The log directory it lies in (the first component of <see cref="Relative"/>).</summary>
    public string Directory => _directory is { } directory
        ? directory.IndexOf('/') is var slash and >= 0 ? directory[..slash] : directory
        : Relative[..Relative.IndexOf('/')];

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
        found.EnsureCapacity(found.Count + entries.Count);
        foreach (var entry in entries)
        {
            if (entry.IsDirectory)
                Collect(sectionPath, relative + "/" + entry.Name, listings, found);
            else if (entry.Name.EndsWith(".log", StringComparison.Ordinal))
                found.Add(new SectionLog(sectionPath, relative, entry.Name, new DateTime(entry.ModifiedTicks, DateTimeKind.Utc)));
        }
    }
}
