using System.Globalization;
using System.Text;
using Piuparts.Core.IO;

namespace Piuparts.Core.Slave;

/// <summary>
/// What each worker of a slave process is doing, kept in a status file (one line per worker,
/// replaced atomically at every change) that <c>piuparts-site slave --status</c> prints.
/// </summary>
public sealed class StatusBoard
{
    public const string FileName = "piuparts-site-slave.status";

    private readonly string? _path;
    private readonly TimeProvider _clock;
    private readonly SortedDictionary<int, string> _lines = [];
    private readonly DateTimeOffset _started;

    /// <param name="path">The status file; null keeps the status in memory only.</param>
    public StatusBoard(string? path, TimeProvider clock)
    {
        _path = path;
        _clock = clock;
        _started = clock.GetUtcNow();
    }

    /// <summary>Records what a worker does from now on ("testing sid/foo 1.0", "sleeping 300 s").</summary>
    public void Set(int worker, string activity)
    {
        var line = $"{Stamp(_clock.GetUtcNow())} {activity}";
        string text;
        lock (_lines)
        {
            _lines[worker] = line;
            text = Render();
        }
        if (_path == null)
            return;
        try
        {
            AtomicFile.Replace(_path, Encoding.UTF8.GetBytes(text), flushToDisk: false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The status is a courtesy; the work goes on without it.
        }
    }

    /// <summary>The activity of a worker, for tests and the log.</summary>
    public string? Get(int worker)
    {
        lock (_lines)
            return _lines.TryGetValue(worker, out var line) ? line : null;
    }

    private string Render()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"pid {Environment.ProcessId} since {Stamp(_started)}\n");
        foreach (var (worker, line) in _lines)
            text.Append(CultureInfo.InvariantCulture, $"worker {worker}: {line}\n");
        return text.ToString();
    }

    private static string Stamp(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>
    /// The status file for a person: its lines, preceded by whether the process that wrote it is
    /// still running; null when there is no status file.
    /// </summary>
    public static string? Describe(string path)
    {
        if (!File.Exists(path))
            return null;
        var text = File.ReadAllText(path);
        var first = text.Split('\n', 2)[0].Split(' ');
        bool running = first is ["pid", var pid, ..] && int.TryParse(pid, out int id) && ProcessGroup.IsAlive(id);
        return (running ? "running\n" : "not running (last status below)\n") + text;
    }
}
