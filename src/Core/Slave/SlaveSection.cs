using Piuparts.Core.Archive;
using Piuparts.Core.Config;
using Piuparts.Core.MasterDir;

namespace Piuparts.Core.Slave;

/// <summary>
/// One section of a slave worker (slave.md §2–§5): its spool directory, its timers, and a run
/// that submits finished logs, reserves packages, tests them and submits the results. Each run
/// reads the configuration again.
/// </summary>
public sealed class SlaveSection
{
    private static readonly TimeSpan ErrorWait = TimeSpan.FromSeconds(900);
    private static readonly TimeSpan RecycleWait = TimeSpan.FromHours(1);
    private static readonly TimeSpan MetadataMaxAge = TimeSpan.FromHours(6);

    private readonly WorkerContext _worker;
    private SectionSettings _settings;
    private DistrosConf _distros;

    private DateTimeOffset _errorWaitUntil = DateTimeOffset.MinValue;
    private DateTimeOffset _idleWaitUntil = DateTimeOffset.MinValue;
    private DateTimeOffset _recycleWaitUntil = DateTimeOffset.MinValue;
    private DateTimeOffset _tarballWaitUntil = DateTimeOffset.MinValue;

    // With --once: the last run gave back what it could not test, so its error wait is no reason to stay.
    private bool _gaveBack;

    private SlaveSection(WorkerContext worker, SectionSettings settings, DistrosConf distros)
    {
        _worker = worker;
        _settings = settings;
        _distros = distros;
        Spool = new SectionSpool(Path.GetFullPath(Path.Combine(worker.Directory, settings.Name)));
    }

    /// <summary>
    /// The section object of slave.md §1.1: directories created, and a missing base tarball
    /// built at once when the section is enabled. Null when piuparts.conf has no such section.
    /// </summary>
    public static SlaveSection? Create(WorkerContext worker, string name)
    {
        var config = worker.Config.Current;
        if (config.Piuparts.Section(name) is not { } settings)
            return null;
        if (settings.Flag("debug"))
            worker.Log.EnableDebug();
        var section = new SlaveSection(worker, settings, config.Distros);
        section.Spool.EnsureCreated();
        if (settings.Integer("max-reserved") > 0 && worker.MayStartTests)
            section.CheckTarball();
        return section;
    }

    public string Name => _settings.Name;

    public SectionSpool Spool { get; }

    public int Precedence => (int)_settings.Integer("precedence");

    /// <summary>When the section wants to run next, normally or for recycling.</summary>
    public DateTimeOffset SleepUntil(bool recycle) =>
        Max(_errorWaitUntil, recycle ? _recycleWaitUntil : _idleWaitUntil);

    /// <summary>
    /// True when the last run ended waiting on an error (master busy or unreachable, no base
    /// tarball or Packages file) that --once waits out; not when it gave its reservations back.
    /// </summary>
    public bool WaitsOnError => _errorWaitUntil > _worker.Now && !_gaveBack;

    /// <summary>Finished logs wait for submission or reservations for a test.</summary>
    public bool HasPendingWork => Spool.FinishedLogs().Count > 0 || Spool.Reservations().Count > 0;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private DateTimeOffset Now => _worker.Now;

    private SlaveLog Log => _worker.Log;

    private TestPlan Plan => new(_settings, _distros, Spool.Path, _worker.Proxy);

    /// <summary>
    /// The last submission before the worker stops: finished logs are sent (and what was not
    /// tested given back) even when the section would still be waiting after an error.
    /// </summary>
    public void FlushBeforeStop()
    {
        _errorWaitUntil = DateTimeOffset.MinValue;
        Run(processing: false, recycle: false, ignoreWaits: true);
    }

    /// <summary>One run (slave.md §3.1); the number of packages tested.</summary>
    public int Run(bool processing = true, bool recycle = false) => Run(processing, recycle, ignoreWaits: false);

    private int Run(bool processing, bool recycle, bool ignoreWaits)
    {
        if (!ignoreWaits && Now < SleepUntil(recycle))
            return 0;
        _gaveBack = false;
        ThrottleIfOverloaded();
        var config = _worker.Config.Current;
        if (config.Piuparts.Section(Name) is not { } settings)
        {
            Log.Info($"unknown section {Name}");
            _errorWaitUntil = Now.AddHours(1);
            return 0;
        }
        (_settings, _distros) = (settings, config.Distros);
        if (!_worker.MayStartTests)
            processing = false;
        if (processing && Now > _tarballWaitUntil)
            CheckTarball();
        if (_settings.Distro == "None")
        {
            // A section that only keeps a base tarball fresh.
            _idleWaitUntil = _tarballWaitUntil.AddSeconds(60);
            _recycleWaitUntil = _tarballWaitUntil.AddHours(1);
            return 0;
        }
        if (!_worker.MayStartTests)
            processing = false;
        if (!processing && Spool.SubmittableCount(_worker.Control.Stopping) == 0)
            return 0;

        Log.Info("-------------------------------------------");
        var action = !processing ? "Flushing" : recycle ? "Recycling" : "Running";
        Log.Info($"{action} section {Name} (precedence={Precedence})");
        if (_settings.Integer("max-reserved") == 0)
        {
            Log.Info("disabled");
            _errorWaitUntil = Now.AddHours(12);
            return 0;
        }
        if (_settings.Distro == null)
        {
            Log.Error("neither 'distro' nor 'upgrade-test-distros' configured");
            _errorWaitUntil = Now.AddHours(1);
            return 0;
        }
        using var sectionLock = Spool.TryLock();
        if (sectionLock == null)
        {
            Log.Info("busy");
            _errorWaitUntil = Now + ErrorWait;
            return 0;
        }
        if (processing)
            CheckMetadata();
        var talk = TalkToMaster(fetch: processing, recycle: recycle, unreserve: _worker.Control.Stopping);
        if (talk == Talk.Done && processing && Spool.Reservations().Count == 0)
        {
            _idleWaitUntil = Now.AddSeconds(_settings.Integer("idle-sleep"));
            if (recycle)
                _recycleWaitUntil = _idleWaitUntil + RecycleWait;
        }
        if (processing && Spool.Reservations().Count > 0)
        {
            int tested = Process();
            if (_worker.Flags.Hangup && Spool.Reservations().Count > 0)
            {
                // Stay first in line for when work resumes.
                _idleWaitUntil = _recycleWaitUntil = DateTimeOffset.MinValue;
            }
            else
            {
                _idleWaitUntil = _recycleWaitUntil = Now;
            }
            return tested;
        }
        return 0;
    }

    /// <summary>How a conversation with the master ended (piuparts: True, False, or 0 for "idle").</summary>
    private enum Talk
    {
        Done,
        Failed,
        Idle,
    }

    private MasterAddress Address => new(_settings.NonEmpty("master-host"), _settings.NonEmpty("master-user"), _settings.NonEmpty("master-command"));

    // slave.md §4.1.
    private Talk TalkToMaster(bool fetch = false, bool unreserve = false, bool recycle = false)
    {
        bool flush = Spool.SubmittableCount(unreserve) > 0;
        fetch = fetch && Spool.Reservations().Count == 0;
        if (!flush && !fetch)
            return Talk.Done;
        var master = _worker.Master;
        _worker.SetStatus($"talking to the master about {Name}");
        switch (master.Open(Address, Name, recycle))
        {
            case SectionAnswer.Busy:
                Log.Error("master is busy");
                _errorWaitUntil = Now.AddSeconds(_worker.Options.Random.Next(60, 180));
                return Talk.Failed;
            case SectionAnswer.RecycleRefused:
                Log.Error("master has nothing to recycle");
                _recycleWaitUntil = Max(Now, _idleWaitUntil) + RecycleWait;
                return Talk.Failed;
            case SectionAnswer.Failed:
                Log.Error("connection to master failed");
                _errorWaitUntil = Now + ErrorWait;
                master.Close();
                return Talk.Failed;
        }
        var failure = Converse(fetch, unreserve, recycle, out var idle);
        if (failure != null)
        {
            Log.Error(failure);
            _errorWaitUntil = Now + ErrorWait;
            master.Close();
            return Talk.Failed;
        }
        return idle ? Talk.Idle : Talk.Done;
    }

    private const string NotOk = "master did not respond with 'ok'";
    private const string CommunicationFailed = "communication with master failed";

    // Submissions, give-backs, reservations; the reason of a failure, or null.
    private string? Converse(bool fetch, bool unreserve, bool recycle, out bool idle)
    {
        idle = false;
        var master = _worker.Master;
        foreach (var log in Spool.FinishedLogs())
        {
            Log.Info($"Sending log file {Name}/{log.Kind.Word()}/{LogName.Log(log.Name, log.Version)}");
            string text;
            try
            {
                text = File.ReadAllText(log.Path);
            }
            catch (FileNotFoundException)
            {
                continue;
            }
            switch (master.SendLog(log.Kind.Word(), log.Name, log.Version, text))
            {
                case null:
                    return CommunicationFailed;
                case false:
                    return NotOk;
            }
            File.Delete(log.Path);
            // Its reservation is over too (a crash may have left the marker behind).
            Spool.Forget(log.Name, log.Version);
        }
        if (unreserve)
        {
            var giveBack = Spool.Abandoned().Concat(Spool.Reservations()).Distinct().ToList();
            foreach (var package in giveBack)
            {
                Log.Info($"Unreserve: {package.Name} {package.Version}");
                switch (master.Unreserve(package.Name, package.Version))
                {
                    case null:
                        return CommunicationFailed;
                    case false:
                        return NotOk;
                }
                Spool.DeleteNewLog(package.Name, package.Version);
                Spool.Forget(package.Name, package.Version);
            }
        }
        if (!fetch)
            return null;
        if (master.Idle() is not { } seconds)
            return CommunicationFailed;
        if (seconds > 0)
        {
            var wait = Math.Min(seconds, _settings.Integer("idle-sleep"));
            Log.Info($"idle ({wait})");
            if (recycle)
                _recycleWaitUntil = Now.AddSeconds(wait);
            else
                _idleWaitUntil = Now.AddSeconds(wait);
            idle = true;
            return null;
        }
        long maxReserved = _settings.Integer("max-reserved");
        while (Spool.Reservations().Count < maxReserved)
        {
            var (reserved, answered) = master.Reserve();
            if (!answered)
                return CommunicationFailed;
            if (reserved is not { } package)
            {
                Log.Info("Master didn't reserve anything (more) for us");
                break;
            }
            if (LogName.Check(package.Name, package.Version) is { } problem)
            {
                // Never a file name outside the spool, whatever the master says.
                Log.Error($"master reserved an impossible name: {problem}");
                return CommunicationFailed;
            }
            Log.Info($"Reserved for us: {package.Name} {package.Version}");
            Spool.Remember(package);
        }
        if (master.Status() is not { } status)
            return CommunicationFailed;
        Log.Info($"Master {Name} status: {status}");
        return null;
    }

    // slave.md §4.2.
    private int Process()
    {
        var names = Spool.Reservations().Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
        var plan = Plan;
        var indexes = new Dictionary<string, ArchiveIndex<BinaryPackage>>(StringComparer.Ordinal);
        var layout = new ArchiveLayout(_settings, _distros);
        foreach (var distro in plan.CheckedDistros)
        {
            _worker.SetStatus($"reading the Packages files of {distro} for {Name}");
            var (urls, error) = layout.PackagesUrls(distro);
            var loaded = error == null ? new IndexLoader(_worker.Fetcher).LoadBinaries(urls) : null;
            if (loaded?.Index == null)
            {
                Log.Error($"failed to fetch packages file for {distro}" +
                          (error ?? (loaded!.Errors.Count > 0 ? $": {loaded.Errors[0]}" : "")));
                _errorWaitUntil = Now + ErrorWait;
                GiveBackUntestableWithOnce();
                return 0;
            }
            var kept = new ArchiveIndex<BinaryPackage>();
            foreach (var package in loaded.Index.InOrder)
            {
                if (names.Contains(package.Name))
                    kept.Add(package);
            }
            indexes[distro] = kept;
        }
        CheckTarball();
        if (!File.Exists(plan.TarballPath))
            _errorWaitUntil = Now.AddSeconds(300);
        CheckMetadata();
        var lastFlush = Now;
        long flushInterval = _settings.Integer("slave-flush-interval");
        int tests = 0;
        bool untestable = false;
        var tester = new PackageTester(_worker.Runner, _worker.Clock, Log);
        foreach (var package in Spool.Reservations())
        {
            ThrottleIfOverloaded();
            if (!_worker.MayStartTests)
                break;
            if (flushInterval > 0 && (Now - lastFlush).TotalSeconds > flushInterval)
            {
                lastFlush = lastFlush.AddSeconds(300);
                if (TalkToMaster() == Talk.Done)
                    lastFlush = Now;
            }
            if (!File.Exists(plan.TarballPath))
            {
                Log.Error($"Missing chroot-tgz {plan.Tarball}");
                untestable = true;
                break;
            }
            _worker.Master.Close();
            tests++;
            _worker.SetStatus($"testing {Name}/{package.Name} {package.Version}");
            var outcome = tester.Test(Spool, plan, _settings, package, indexes, _worker.Control.Abort);
            if (outcome.Aborted)
            {
                Log.Info($"{Name}/{package.Name} {package.Version}: aborted; the log stays in new/, the reservation is kept");
                break;
            }
            Spool.Forget(package.Name, package.Version);
            Log.Info($"{Name}/{package.Name} {package.Version}: {outcome.Kind.Word()} (ret={outcome.Ret}, {outcome.Duration.TotalSeconds:0} s)");
        }
        if (!_worker.Control.Abort.IsCancellationRequested)
        {
            if (untestable)
                GiveBackUntestableWithOnce();
            TalkToMaster(unreserve: _worker.Control.Stopping);
        }
        return tests;
    }

    // A slave that runs --once ends instead of waiting to try again: what it cannot test now
    // (no base tarball, no Packages file) goes back to the master, with the finished logs.
    // A slave that keeps running holds the reservations and tries again, as piuparts' does.
    private void GiveBackUntestableWithOnce()
    {
        if (!_worker.Options.Once || Spool.Reservations().Count == 0)
            return;
        Log.Info("cannot test the reserved packages now: giving them back (--once)");
        if (TalkToMaster(unreserve: true) == Talk.Done)
            _gaveBack = true;
    }

    // slave.md §5.2.
    private void CheckTarball()
    {
        var plan = Plan;
        var tarball = plan.TarballPath;
        var now = Now;
        TimeSpan? Age(string path) => File.Exists(path) ? now - new DateTimeOffset(File.GetLastWriteTimeUtc(path)) : null;
        var decision = TarballDecision.Decide(plan.Tarball, _settings.Integer("max-tgz-age"), _settings.Integer("min-tgz-retry-delay"),
            Age(tarball), Age(tarball + ".log"));
        if (decision == null)
            return;
        foreach (var message in decision.Messages)
            Log.Info(message);
        if (decision.Create)
        {
            _worker.Master.Close();
            _worker.SetStatus($"creating {plan.Tarball} for {Name}");
            new TarballBuilder(_worker.Runner, _worker.Clock, Log).Create(plan, Spool.Path, _worker.Control.Abort);
        }
        _tarballWaitUntil = Now + decision.LookAgainIn;
    }

    // slave.md §5.3: reference-chroot metadata older than six hours is made again.
    private void CheckMetadata()
    {
        var plan = Plan;
        if (plan.MetadataPath is not { } path)
            return;
        if (plan.Metadata is { } relative && _settings.NonEmpty("chroot-meta-directory") != null)
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        if (File.Exists(path) && Now - new DateTimeOffset(File.GetLastWriteTimeUtc(path)) > MetadataMaxAge)
        {
            File.Delete(path);
            Log.Info($"Deleting old {plan.Metadata}");
        }
    }

    // slave.md §8.
    private void ThrottleIfOverloaded()
    {
        if (!_worker.MayStartTests)
            return;
        if (_settings.Number("slave-load-max") is not { } max || max < 1.0)
            return;
        if (_worker.Options.LoadAverage() is not { } load || load <= max)
            return;
        double resume = Math.Max(max - 1.0, 0.9);
        var random = _worker.Options.Random;
        int delay = random.Next(30, 90);
        _worker.Master.Close();
        while (true)
        {
            load = _worker.Options.LoadAverage() ?? 0;
            if (load <= resume)
                break;
            Log.Info($"Sleeping due to high load ({load:0.00})");
            _worker.SetStatus($"sleeping {delay} s due to high load ({load:0.00})");
            _worker.Sleep(TimeSpan.FromSeconds(delay));
            if (!_worker.MayStartTests)
                break;
            if (delay < 300)
                delay += random.Next(30, 90);
        }
    }
}
