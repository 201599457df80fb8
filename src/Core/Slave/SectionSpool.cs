using Piuparts.Core.MasterDir;

namespace Piuparts.Core.Slave;

/// <summary>
/// One section's directory in a slave instance (slave.md §1.2): the log of the test in progress
/// in <c>new/</c>, finished logs in <c>pass/</c>, <c>fail/</c>, <c>untestable/</c> until the master
/// has acknowledged them, and an empty marker in <c>reserved/</c> per reservation held. The
/// directories are the whole state: a restarted slave continues from them.
/// </summary>
public sealed class SectionSpool
{
    public const string LockFile = "slave.lock";

    public SectionSpool(string path) => Path = path;

    /// <summary>Absolute path of the section directory.</summary>
    public string Path { get; }

    public string NewDirectory => System.IO.Path.Combine(Path, "new");

    public string ReservedDirectory => System.IO.Path.Combine(Path, "reserved");

    public string ResultDirectory(ResultKind kind) => System.IO.Path.Combine(Path, kind.Word());

    public void EnsureCreated()
    {
        Directory.CreateDirectory(NewDirectory);
        Directory.CreateDirectory(ReservedDirectory);
        foreach (var kind in ResultKinds.SubmissionOrder)
            Directory.CreateDirectory(ResultDirectory(kind));
    }

    /// <summary>
    /// Takes the section's slave.lock without waiting (flock, as piuparts' slave); null when
    /// another slave process works in this directory.
    /// </summary>
    public FileStream? TryLock()
    {
        try
        {
            return new FileStream(System.IO.Path.Combine(Path, LockFile), FileMode.Create, FileAccess.Write, FileShare.None);
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>
    /// The reservations held, sorted by file name. A marker whose package already has a finished
    /// log was tested before a crash let the marker be removed: it is removed now, so the
    /// package is not tested and submitted a second time.
    /// </summary>
    public IReadOnlyList<Reservation> Reservations()
    {
        var held = new List<Reservation>();
        foreach (var (name, version) in Markers(ReservedDirectory))
        {
            if (FinishedLogExists(name, version))
            {
                Forget(name, version);
                continue;
            }
            held.Add(new Reservation(name, version));
        }
        return held;
    }

    public void Remember(Reservation reservation) =>
        File.WriteAllBytes(MarkerPath(reservation.Name, reservation.Version), []);

    public void Forget(string name, string version) => File.Delete(MarkerPath(name, version));

    /// <summary>Finished logs in submission order: pass, fail, untestable, each by file name.</summary>
    public IReadOnlyList<FinishedLog> FinishedLogs()
    {
        var logs = new List<FinishedLog>();
        foreach (var kind in ResultKinds.SubmissionOrder)
        {
            foreach (var (name, version) in Markers(ResultDirectory(kind)))
                logs.Add(new FinishedLog(kind, name, version, System.IO.Path.Combine(ResultDirectory(kind), LogName.Log(name, version))));
        }
        return logs;
    }

    /// <summary>Logs of abandoned tests in new/ (a test killed with the slave).</summary>
    public IReadOnlyList<Reservation> Abandoned() =>
        Markers(NewDirectory).Select(m => new Reservation(m.Name, m.Version)).ToList();

    /// <summary>
    /// Logs to send: the finished ones, and when interrupted also the reservations and
    /// abandoned tests that are to be given back (slave.md §2).
    /// </summary>
    public int SubmittableCount(bool interrupted)
    {
        int count = FinishedLogs().Count;
        if (interrupted)
            count += Markers(ReservedDirectory).Count + Markers(NewDirectory).Count;
        return count;
    }

    public string NewLogPath(string name, string version) => System.IO.Path.Combine(NewDirectory, LogName.Log(name, version));

    /// <summary>Moves the finished log of the test in progress to its result directory.</summary>
    public string Finish(string name, string version, ResultKind kind)
    {
        var target = System.IO.Path.Combine(ResultDirectory(kind), LogName.Log(name, version));
        File.Move(NewLogPath(name, version), target, overwrite: true);
        return target;
    }

    public void DeleteNewLog(string name, string version) => File.Delete(NewLogPath(name, version));

    private bool FinishedLogExists(string name, string version) =>
        ResultKinds.SubmissionOrder.Any(kind => File.Exists(System.IO.Path.Combine(ResultDirectory(kind), LogName.Log(name, version))));

    private string MarkerPath(string name, string version) => System.IO.Path.Combine(ReservedDirectory, LogName.Log(name, version));

    // Entries "name_version.log" of a directory, sorted by file name (piuparts takes the
    // directory's order; a fixed order makes runs repeatable).
    private static List<(string Name, string Version)> Markers(string directory)
    {
        if (!Directory.Exists(directory))
            return [];
        var files = Directory.EnumerateFiles(directory, "*.log").Select(System.IO.Path.GetFileName).ToList();
        files.Sort(StringComparer.Ordinal);
        var markers = new List<(string, string)>();
        foreach (var file in files)
        {
            if (LogName.TryParse(file!, out var name, out var version))
                markers.Add((name, version));
        }
        return markers;
    }
}
