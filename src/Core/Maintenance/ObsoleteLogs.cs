using Piuparts.Core.MasterDir;
using Piuparts.Core.States;

namespace Piuparts.Core.Maintenance;

/// <summary>
/// The report's archiving of logs that no longer describe a package of the section
/// (report.md §6.2): removed packages, other versions than the one under test, and packages
/// superseded by a depends-section. Each log is renamed into <c>archive/&lt;dir&gt;/</c>; its
/// .kpr and .bug stay behind for the known-problem pass to clean up.
/// </summary>
public static class ObsoleteLogs
{
    /// <summary>The directories whose logs can become obsolete (reserved markers never are).</summary>
    public static readonly IReadOnlyList<LogDirectory> Directories =
        [LogDirectory.Pass, LogDirectory.Fail, LogDirectory.Bugged, LogDirectory.Affected, LogDirectory.Untestable];

    public const string ArchiveDirectory = "archive";

    /// <summary>Which logs of the section would be archived, and why, in directory then name order.</summary>
    public static IReadOnlyList<ArchivedLog> Find(PackageDatabase db)
    {
        var found = new List<ArchivedLog>();
        foreach (var directory in Directories)
        {
            // The logs the states were computed from (the section is locked, so they are the ones on disk).
            foreach (var (name, version) in LogName.ParseAll(db.Logs.Files(directory)))
            {
                string? reason = null;
                if (!db.Contains(name))
                    reason = "package was removed";
                else if (db.TestVersion(name) is { } current && current != version)
                    reason = $"package is outdated ({current})";
                else if (db.IsSuperseded(name))
                    reason = "package is superseded";
                if (reason != null)
                    found.Add(new ArchivedLog(directory, name, version, reason));
            }
        }
        return found;
    }

    /// <summary>Moves the logs (rename, so each move is atomic); returns the errors of those that could not be moved.</summary>
    public static IReadOnlyList<string> Archive(SectionDirectory section, IEnumerable<ArchivedLog> logs)
    {
        var errors = new List<string>();
        foreach (var log in logs)
        {
            var target = Path.Combine(section.Path, ArchiveDirectory, log.Directory.DirectoryName());
            var source = section.LogPath(log.Directory, log.Name, log.Version);
            try
            {
                Directory.CreateDirectory(target);
                File.Move(source, Path.Combine(target, LogName.Log(log.Name, log.Version)), overwrite: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                errors.Add($"{source}: cannot archive: {e.Message}");
            }
        }
        return errors;
    }
}
