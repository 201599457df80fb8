using System.Text;
using System.Text.Unicode;
using Piuparts.Core.IO;
using Piuparts.Core.MasterDir;
using Piuparts.Core.States;

namespace Piuparts.Core.Protocol;

// The commands of protocol.md §3.
public sealed partial class MasterSession
{
    private SectionDirectory SectionDir => _master.Section(_section!);

    private void ReleaseSection()
    {
        _lock?.Dispose();
        _lock = null;
        _log?.Dispose();
        _log = null;
    }

    private void SelectSection(string name)
    {
        if (_log != null)
            _log.Stamped("switching logfile");
        ReleaseSection();
        _section = null;
        _logs = null;
        _db = null;
        _queue = null;
        _cached = null;
        _cacheTried = false;
        _recycle = false;
        _stampName = "idle.stamp";
        _lastReserveFailed = null;

        var settings = _config.Piuparts.Section(name);
        if (settings == null || MasterDirectory.CheckSectionName(name) != null)
        {
            Send("error");
            return;
        }
        var directory = _master.Section(name);
        Directory.CreateDirectory(directory.Path);
        _lock = directory.TryLock();
        if (_lock == null)
        {
            Send("busy");
            return;
        }
        _lock.SetLength(0);
        _section = name;
        var logFile = settings.NonEmpty("log-file") ?? Path.Combine(name, "master.log");
        _log = new SectionLog(Path.Combine(_master.Root, logFile), _options.Clock);
        _log.Stamped("connected");
        directory.EnsureCreated();
        _logs = SectionLogs.Live(directory);
        Send("ok");
    }

    private void Recycle()
    {
        if (_recycle)
        {
            Send("ok");
            return;
        }
        if (_db != null)
        {
            _log?.Write("too late for recycling");
            Send("error");
            return;
        }
        if (!HasRecycleLogs())
        {
            _log?.Write("nothing to recycle");
            Send("error");
            return;
        }
        _recycle = true;
        _stampName = "recycle.stamp";
        Send("ok");
    }

    private bool HasRecycleLogs() =>
        Directory.EnumerateFiles(SectionDir.DirectoryPath(LogDirectory.Recycle), "*.log").Any();

    private bool RecycleNow => _recycle && HasRecycleLogs();

    // The states as a connection that changed nothing left them, if the cache still holds.
    private CachedStates? TryCache()
    {
        if (_db != null || _options.NoCache)
            return null;
        if (!_cacheTried)
        {
            _cacheTried = true;
            _stamp = _options.Clock.GetUtcNow();
            _cached = _cache.TryLoad(_section!, RecycleNow);
            if (_cached != null)
                _log?.Write($"States from {StateCache.FileName}: index, configuration and logs unchanged");
        }
        return _cached;
    }

    private PackageDatabase LoadDatabase()
    {
        if (_db != null)
            return _db;
        var (db, errors) = _loader.Load(_section!, RecycleNow);
        if (db == null)
            throw new ProtocolAbort(string.Join("; ", errors.Select(e => e.ToString())), 0);
        try
        {
            db.Compute(_options.Clock);
        }
        catch (PackageDataException e)
        {
            throw ProtocolAbort.Fatal(e.Message);
        }
        _logs = db.Logs;
        _stamp = db.Stamp;
        return _db = db;
    }

    private ReservationQueue Queue()
    {
        if (_queue != null)
            return _queue;
        if (TryCache() is { } cached)
            return _queue = new ReservationQueue(cached.Order, _logs!, RecycleNow, _section!, line => _log?.Write(line));
        var db = LoadDatabase();
        _queue = new ReservationQueue(db, _options.Random, line => _log?.Write(line));
        if (!_options.NoCache)
            _cache.Save(db, _queue);
        return _queue;
    }

    private void Reserve()
    {
        var reserved = Queue().Reserve();
        var stamp = Path.Combine(SectionDir.Path, _stampName);
        if (reserved is { } package)
        {
            if (_lastReserveFailed != false && File.Exists(stamp))
                File.Delete(stamp);
            _lastReserveFailed = false;
            Send($"ok {package.Name} {package.Version}");
            return;
        }
        if (_lastReserveFailed != true)
        {
            AtomicFile.Replace(stamp, []);
            File.SetLastWriteTimeUtc(stamp, _stamp.UtcDateTime);
            File.SetLastAccessTimeUtc(stamp, DateTime.UnixEpoch.AddSeconds(-1));
        }
        _lastReserveFailed = true;
        Send("error");
    }

    // protocol.md §3.3: seconds until the master wants to compute again, 0 when unknown.
    private long IdleSeconds()
    {
        var stamp = Path.Combine(SectionDir.Path, _stampName);
        if (!File.Exists(stamp))
            return 0;
        double modified = NativeFile.Times(stamp).Modified;
        double now = _options.Clock.GetUtcNow().ToUnixTimeMilliseconds() / 1000.0;
        double ttl = modified + 3600 - now;
        if (ttl <= 0)
            return 0;
        double newest = LogDirectories.All.Max(d => NativeFile.Times(SectionDir.DirectoryPath(d)).Modified);
        if (modified < newest)
            return 0;
        return (long)(ttl + _options.Random.Next(0, 120));
    }

    private void Unreserve(string name, string version)
    {
        CheckNames(name, version);
        new ResultRecorder(_logs!, _options.Clock, line => _log?.Write(line)).Unreserve(name, version);
        Send("ok");
    }

    private void Submit(SubmissionKind kind, string name, string version)
    {
        var content = ReadLongPart();
        CheckNames(name, version);
        new ResultRecorder(_logs!, _options.Clock, line => _log?.Write(line)).Submit(kind, name, version, content);
        Send("ok");
    }

    // protocol.md §2.1: lines starting with a space, up to a line that is exactly ".".
    private string ReadLongPart()
    {
        var text = new MemoryStream();
        while (true)
        {
            // A line adds its own length to the log (the space goes, the newline comes), so the
            // room left is the longest line that fits; "." must still be read when none is left.
            int room = _options.MaxLogBytes - (int)text.Length;
            var line = _input.ReadLine(Math.Max(room, 1), out bool complete, out bool tooLong);
            if (tooLong)
                throw ProtocolAbort.Fatal($"log larger than {_options.MaxLogBytes} bytes");
            if (line == null || !complete)
                throw ProtocolAbort.Fatal("EOF, missing space in long part, or other protocol error");
            if (line is [(byte)'.'])
                break;
            if (line.Length == 0 || line[0] != (byte)' ')
                throw ProtocolAbort.Fatal("EOF, missing space in long part, or other protocol error");
            if (line.Length > room)
                throw ProtocolAbort.Fatal($"log larger than {_options.MaxLogBytes} bytes");
            text.Write(line, 1, line.Length - 1);
            text.WriteByte((byte)'\n');
        }
        var bytes = text.ToArray();
        if (!Utf8.IsValid(bytes))
            throw ProtocolAbort.Fatal("the log is not valid UTF-8");
        return Encoding.UTF8.GetString(bytes);
    }

    private void Status()
    {
        bool recycle;
        IReadOnlyList<(PackageState State, int Count)> counts;
        if (TryCache() is { } cached)
        {
            (counts, recycle) = (cached.Counts, RecycleNow);
        }
        else
        {
            var db = LoadDatabase();
            (counts, recycle) = (db.Counts(), db.Recycle);
        }
        var text = new StringBuilder("ok ");
        if (recycle)
            text.Append("(recycle) ");
        foreach (var (state, count) in counts)
            text.Append(state.Name()).Append('=').Append(count).Append(' ');
        text.Append("total=").Append(counts.Sum(c => c.Count));
        Send(text.ToString());
    }

    // The debug commands answer from the loaded database only; before status or reserve there
    // is none (piuparts' empty placeholder), and _state of a non-package is an error here
    // where piuparts dies.
    // A status or reserve answered from the cache stands for a loaded database.
    private PackageDatabase? Loaded() => _db ?? (_cached != null ? LoadDatabase() : null);

    private void DebugState(string name)
    {
        if (Loaded()?.StateOfPackage(name) is not { } state)
        {
            Send("error");
            return;
        }
        Send($"ok {state.Name()} {_db!.TestVersion(name)}");
    }

    private void DebugList(string name, Func<PackageDatabase, IReadOnlyList<string>?> query)
    {
        var names = Loaded() is { } db ? query(db) : null;
        Send(names == null ? "error" : string.Join(' ', ["ok", .. names]));
    }

    private void DebugListState(string stateName)
    {
        if (!PackageStates.TryParseListState(stateName, out var state))
        {
            Send("error");
            return;
        }
        Send(Loaded() is { } db ? string.Join(' ', ["ok", .. db.InState(state)]) : "ok");
    }
}
