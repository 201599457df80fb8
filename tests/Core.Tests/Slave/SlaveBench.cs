using Piuparts.Core.Archive;
using Piuparts.Core.Config;
using Piuparts.Core.Slave;

namespace Piuparts.Core.Tests.Slave;

/// <summary>
/// One slave worker on a <see cref="SlaveSite"/> with everything time-related in the test's
/// hands: a clock that moves only when the worker sleeps or a command runs (each command takes
/// <see cref="CommandTime"/>), the sleeps it asked for, the load average it sees, and a
/// <see cref="ScriptedMaster"/>. A worker that sleeps more than <see cref="MaxSleeps"/> times is
/// stopped, so a test never loops for ever.
/// </summary>
public sealed class SlaveBench : IDisposable
{
    private readonly StringWriter _output = new();
    private readonly IndexFetcher _fetcher = new();

    public SlaveBench(SlaveSite site)
    {
        Site = site;
        Master = new ScriptedMaster(Clock);
    }

    public SlaveSite Site { get; }

    public ManualClock Clock { get; } = new();

    public ScriptedMaster Master { get; }

    public SlaveControl Control { get; } = new();

    public List<TimeSpan> Sleeps { get; } = [];

    /// <summary>The clock's time when each command (test or tarball creation) started.</summary>
    public List<DateTimeOffset> CommandStarts { get; } = [];

    public TimeSpan CommandTime { get; set; } = TimeSpan.FromSeconds(10);

    public Func<double?> Load { get; set; } = () => 0.1;

    public int MaxSleeps { get; set; } = 20;

    public string Log => _output.ToString();

    /// <summary>The log lines without their time.</summary>
    public IEnumerable<string> LogLines => Log.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line[9..]);

    /// <summary>Puts a fresh base tarball where the section expects it (no creation at start).</summary>
    public string MakeTarball(string section = SlaveSite.Section)
    {
        var path = Path.Combine(Site.SlavePath, "1", section, "sid_amd64.tar.gz");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "old tarball\n");
        File.SetLastWriteTimeUtc(path, Clock.GetUtcNow().UtcDateTime);
        return path;
    }

    public WorkerContext Context(bool once = false)
    {
        var (config, errors) = SiteConfig.Load(Site.ConfigPath, Site.DistrosPath);
        Assert.True(config != null, string.Join("\n", errors));
        var log = new SlaveLog(_output, Clock);
        var options = new SlaveOptions
        {
            Clock = Clock,
            Sleep = (time, _) =>
            {
                Sleeps.Add(time);
                Clock.Advance(time);
                if (Sleeps.Count >= MaxSleeps)
                    Control.RequestStop();
            },
            Random = new Random(3),
            LoadAverage = () => Load(),
            Once = once,
            Connect = Master.Connect,
            Fetcher = _fetcher,
        };
        return new WorkerContext
        {
            Number = 1,
            Directory = Path.Combine(Site.SlavePath, "1"),
            Config = new ConfigSource(config, Site.ConfigPath, Site.DistrosPath, log),
            Options = options,
            Log = log,
            Control = Control,
            Flags = Control.Register(),
            Status = new StatusBoard(null, Clock),
            Master = new MasterClient(Master.Connect, log),
            Fetcher = _fetcher,
            Runner = new CommandRunner
            {
                Timeout = TimeSpan.FromSeconds(30),
                Grace = TimeSpan.FromSeconds(1),
                Started = _ =>
                {
                    CommandStarts.Add(Clock.GetUtcNow());
                    Clock.Advance(CommandTime);
                },
            },
        };
    }

    /// <summary>Runs the worker until it ends (with --once: when it has nothing left to do).</summary>
    public WorkerExit Run(bool once = true, params string[] sections) =>
        new SlaveWorker(Context(once), sections.Length > 0 ? sections : [SlaveSite.Section]).Run();

    public void Dispose()
    {
        Control.Dispose();
        _fetcher.Dispose();
    }
}
