using Piuparts.Core.IO;
using Piuparts.Core.MasterDir;

namespace Piuparts.SitePipeline.Model;

/// <summary>
/// The logs of the six directories the report shows (report.md §6.1), each directory in
/// modification-time order, ties by name.
/// </summary>
public sealed class SectionLogFiles
{
    /// <summary>The directories the report lists, in piuparts' order.</summary>
    public static readonly IReadOnlyList<LogDirectory> Shown =
        [LogDirectory.Pass, LogDirectory.Fail, LogDirectory.Bugged, LogDirectory.Affected, LogDirectory.Reserved, LogDirectory.Untestable];

    private readonly Dictionary<LogDirectory, List<LogFile>> _byDirectory = [];

    /// <summary>
    /// Lists the directories through <paramref name="listings"/> (the section's kept listings, so
    /// that a directory that did not change is not stat-ed file by file again).
    /// </summary>
    public static SectionLogFiles Read(SectionDirectory section, ListingCache? listings = null)
    {
        listings ??= ListingCache.None;
        var files = new SectionLogFiles();
        foreach (var directory in Shown)
        {
            var list = new List<LogFile>();
            foreach (var entry in listings.List(section.DirectoryPath(directory)) ?? [])
            {
                if (!entry.IsDirectory && LogName.TryParse(entry.Name, out var name, out var version))
                    list.Add(new LogFile(directory, name, version, entry.Name, new DateTime(entry.ModifiedTicks, DateTimeKind.Utc)));
            }
            list.Sort((a, b) => a.Modified != b.Modified ? a.Modified.CompareTo(b.Modified) : string.CompareOrdinal(a.FileName, b.FileName));
            files._byDirectory[directory] = list;
        }
        return files;
    }

    public IReadOnlyList<LogFile> In(LogDirectory directory) =>
        _byDirectory.TryGetValue(directory, out var list) ? list : [];

    /// <summary>Drops logs that were moved away (archived) from every later step.</summary>
    public void Remove(LogDirectory directory, string fileName)
    {
        if (_byDirectory.TryGetValue(directory, out var list))
            list.RemoveAll(l => l.FileName == fileName);
    }
}
