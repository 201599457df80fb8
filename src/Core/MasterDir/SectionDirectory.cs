using System.Globalization;
using System.Text;
using Piuparts.Core.IO;

namespace Piuparts.Core.MasterDir;

/// <summary>
/// One section's directory under the master directory: its seven log directories, log files
/// created atomically and exclusively, and the submissions.txt record.
/// </summary>
public sealed class SectionDirectory
{
    public const string SubmissionsFile = "submissions.txt";

    internal SectionDirectory(string path, string name)
    {
        Path = path;
        Name = name;
    }

    public string Name { get; }

    /// <summary>Absolute path of the section directory.</summary>
    public string Path { get; }

    public string DirectoryPath(LogDirectory directory) => System.IO.Path.Combine(Path, directory.DirectoryName());

    public const string LockFile = "master.lock";

    /// <summary>
    /// Takes the section's master.lock, the lock piuparts' master, report and cron scripts take:
    /// FileShare.None is a non-blocking flock(LOCK_EX) on Unix. Null when another process holds it.
    /// </summary>
    public FileStream? TryLock()
    {
        try
        {
            return new FileStream(System.IO.Path.Combine(Path, LockFile), FileMode.OpenOrCreate, FileAccess.Write, FileShare.None);
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>
    /// <see cref="TryLock"/>, tried once a second until <paramref name="wait"/> has passed (a
    /// master holds the lock for one slave connection); null when it stayed busy.
    /// </summary>
    public FileStream? Lock(TimeSpan wait)
    {
        var deadline = DateTime.UtcNow + wait;
        while (true)
        {
            if (TryLock() is { } held)
                return held;
            if (DateTime.UtcNow >= deadline)
                return null;
            Thread.Sleep(TimeSpan.FromSeconds(1));
        }
    }

    /// <summary>Creates the section directory and its seven log directories when missing.</summary>
    public void EnsureCreated()
    {
        foreach (var directory in LogDirectories.All)
            System.IO.Directory.CreateDirectory(DirectoryPath(directory));
    }

    /// <summary>Path of a log; the name and version must have passed <see cref="LogName.Check(string, string)"/>.</summary>
    public string LogPath(LogDirectory directory, string name, string version)
    {
        ThrowIfUnsafe(name, version);
        return System.IO.Path.Combine(DirectoryPath(directory), LogName.Log(name, version));
    }

    public bool Exists(LogDirectory directory, string name, string version) => File.Exists(LogPath(directory, name, version));

    /// <summary>
    /// Creates the log with its content unless one of that name exists (temporary file, then
    /// link, as piuparts does); false when it existed, and then nothing was changed.
    /// </summary>
    public bool TryCreateLog(LogDirectory directory, string name, string version, string content) =>
        AtomicFile.TryCreate(LogPath(directory, name, version), content);

    /// <summary>Removes a log; false when there was none.</summary>
    public bool DeleteLog(LogDirectory directory, string name, string version)
    {
        var path = LogPath(directory, name, version);
        if (!File.Exists(path))
            return false;
        File.Delete(path);
        return true;
    }

    /// <summary>Removes the known-problem report that belongs to a log, if any.</summary>
    public void DeleteKpr(LogDirectory directory, string name, string version)
    {
        ThrowIfUnsafe(name, version);
        File.Delete(System.IO.Path.Combine(DirectoryPath(directory), LogName.Kpr(name, version)));
    }

    /// <summary>The logs of a directory as (name, version) pairs, sorted by file name.</summary>
    public IReadOnlyList<(string Name, string Version)> ListLogs(LogDirectory directory)
    {
        var path = DirectoryPath(directory);
        if (!System.IO.Directory.Exists(path))
            return [];
        // A log's file name is name_version.log exactly, so sorting the names sorts the logs.
        var files = System.IO.Directory.EnumerateFiles(path, "*.log").Select(f => System.IO.Path.GetFileName(f)).ToList();
        files.Sort(StringComparer.Ordinal);
        return LogName.ParseAll(files);
    }

    /// <summary>
    /// Appends "&lt;unix time&gt; &lt;kind&gt; &lt;name&gt; &lt;version&gt;" to submissions.txt in one
    /// write, so concurrent masters and a crash never leave a mixed or partial line.
    /// </summary>
    public void AppendSubmission(SubmissionKind kind, string name, string version, DateTimeOffset when)
    {
        ThrowIfUnsafe(name, version);
        var line = string.Create(CultureInfo.InvariantCulture, $"{when.ToUnixTimeSeconds()} {kind.Word()} {name} {version}\n");
        using var stream = new FileStream(System.IO.Path.Combine(Path, SubmissionsFile), FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
        stream.Write(Encoding.UTF8.GetBytes(line));
        stream.Flush(flushToDisk: true);
    }

    // Callers check names from the wire first and answer the slave; reaching here with an
    // unsafe name is a programming error, never a way out of the directory.
    private static void ThrowIfUnsafe(string name, string version)
    {
        if (LogName.Check(name, version) is { } problem)
            throw new ArgumentException(problem);
    }
}
