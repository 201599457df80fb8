using Piuparts.Core.IO;
using Piuparts.Core.MasterDir;

namespace Piuparts.Core.States;

/// <summary>
/// Which logs exist in a section, listed once when the states are computed and kept up to date
/// for the files this process creates or removes (package-states.md §5.5).
/// </summary>
public sealed class SectionLogs
{
    private readonly SectionDirectory _section;
    // Null in live mode: every question goes to the filesystem.
    private readonly HashSet<string>[]? _files;

    private SectionLogs(SectionDirectory section, bool snapshot)
    {
        _section = section;
        if (!snapshot)
            return;
        _files = new HashSet<string>[LogDirectories.All.Count];
        foreach (var directory in LogDirectories.All)
        {
            var set = new HashSet<string>(StringComparer.Ordinal);
            var path = section.DirectoryPath(directory);
            if (Directory.Exists(path))
            {
                foreach (var file in Directory.EnumerateFiles(path, "*.log"))
                    set.Add(Path.GetFileName(file));
            }
            _files[(int)directory] = set;
        }
        AtStart = LogDirectories.All.Select(d => (IReadOnlyList<string>)Files(d)).ToArray();
    }

    /// <summary>In snapshot mode, the sorted log names of each directory (by <see cref="LogDirectory"/>) as they were listed.</summary>
    public IReadOnlyList<IReadOnlyList<string>>? AtStart { get; }

    /// <summary>Lists the log directories once, as piuparts does when it computes states.</summary>
    public SectionLogs(SectionDirectory section)
        : this(section, snapshot: true)
    {
    }

    /// <summary>Answers from the filesystem every time (what the master needs before it computes states).</summary>
    public static SectionLogs Live(SectionDirectory section) => new(section, snapshot: false);

    public SectionDirectory Section => _section;

    /// <summary>The log file names of a directory, sorted: from the snapshot, or read now in live mode.</summary>
    public IReadOnlyList<string> Files(LogDirectory directory)
    {
        if (_files == null)
            return List(_section, directory);
        var names = _files[(int)directory].ToList();
        names.Sort(StringComparer.Ordinal);
        return names;
    }

    /// <summary>The log file names of a directory as they are on disk now, sorted.</summary>
    public static IReadOnlyList<string> List(SectionDirectory section, LogDirectory directory)
    {
        var path = section.DirectoryPath(directory);
        if (!Directory.Exists(path))
            return [];
        var names = Directory.EnumerateFiles(path, "*.log").Select(f => Path.GetFileName(f)!).ToList();
        names.Sort(StringComparer.Ordinal);
        return names;
    }

    public bool Exists(LogDirectory directory, string name, string version) => _files == null
        ? _section.Exists(directory, name, version)
        : _files[(int)directory].Contains(LogName.Log(name, version));

    /// <summary>The same by file name (name_version.log), for callers that keep it.</summary>
    internal bool Exists(LogDirectory directory, string logFileName) => _files == null
        ? File.Exists(Path.Combine(_section.DirectoryPath(directory), logFileName))
        : _files[(int)directory].Contains(logFileName);

    public bool ExistsInAny(IReadOnlyList<LogDirectory> directories, string name, string version) =>
        ExistsInAny(directories, LogName.Log(name, version));

    internal bool ExistsInAny(IReadOnlyList<LogDirectory> directories, string logFileName)
    {
        foreach (var directory in directories)
        {
            if (Exists(directory, logFileName))
                return true;
        }
        return false;
    }


    /// <summary>Creates a log exclusively (see <see cref="SectionDirectory.TryCreateLog"/>) and remembers it.</summary>
    public bool TryCreate(LogDirectory directory, string name, string version, string content)
    {
        bool created = _section.TryCreateLog(directory, name, version, content);
        _files?[(int)directory].Add(LogName.Log(name, version));
        return created;
    }

    /// <summary>Deletes a log if it exists on disk, and forgets it.</summary>
    public bool Delete(LogDirectory directory, string name, string version)
    {
        _files?[(int)directory].Remove(LogName.Log(name, version));
        return _section.DeleteLog(directory, name, version);
    }

    /// <summary>Modification and change time of a log, or zero for both when it does not exist.</summary>
    public (double ChangedSeconds, double ModifiedSeconds) Times(LogDirectory directory, string name, string version)
    {
        var path = _section.LogPath(directory, name, version);
        if (!File.Exists(path))
            return (0, 0);
        return NativeFile.Times(path);
    }
}
