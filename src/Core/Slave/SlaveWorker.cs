namespace Piuparts.Core.Slave;

/// <summary>
/// One slave instance (slave.md §3): its sections in &lt;slave-directory&gt;/&lt;n&gt;/, a first round
/// that only submits what a previous run left, then rounds by precedence until stopped. Lower
/// precedence first; among equals the section that has been due longest first; a section of
/// larger precedence only gets a turn in rounds where the earlier ones tested nothing; when no
/// normal work is left, sections are offered for recycling; with nothing at all to do the
/// worker sleeps until the first section is due again (at least a minute, at most idle-sleep).
/// </summary>
public sealed class SlaveWorker
{
    private static readonly TimeSpan MinimumSleep = TimeSpan.FromSeconds(60);

    private readonly WorkerContext _context;
    private readonly IReadOnlyList<string> _sectionNames;

    public SlaveWorker(WorkerContext context, IReadOnlyList<string> sectionNames)
    {
        _context = context;
        _sectionNames = sectionNames;
    }

    public int Number => _context.Number;

    public WorkerExit Run()
    {
        var log = _context.Log;
        _context.SetStatus("starting");
        Directory.CreateDirectory(_context.Directory);
        var sections = new List<SlaveSection>();
        foreach (var name in _sectionNames)
        {
            if (SlaveSection.Create(_context, name) is { } section)
                sections.Add(section);
        }
        try
        {
            if (sections.Count == 0)
            {
                log.Info("no sections found");
                return WorkerExit.Done;
            }
            // Logs a previous run left are submitted before anything else.
            foreach (var section in sections)
                section.Run(processing: false);
            var exit = Loop(sections);
            if (exit == WorkerExit.Stopped)
            {
                foreach (var section in sections)
                    section.FlushBeforeStop();
            }
            return exit;
        }
        finally
        {
            _context.Master.Close();
            _context.SetStatus("stopped");
        }
    }

    private WorkerExit Loop(List<SlaveSection> sections)
    {
        var control = _context.Control;
        var flags = _context.Flags;
        while (true)
        {
            if (control.Abort.IsCancellationRequested)
                return WorkerExit.Aborted;
            int tests = 0;
            foreach (var section in sections.OrderBy(s => s.Precedence).ThenBy(s => s.SleepUntil(recycle: false)).ToList())
                tests += section.Run(processing: tests == 0);
            if (control.Abort.IsCancellationRequested)
                return WorkerExit.Aborted;
            if (control.RestartRequested)
            {
                _context.Log.Info("Restarting...");
                return WorkerExit.Restart;
            }
            if (tests == 0 && flags.Hangup)
            {
                flags.Hangup = false;
                continue;
            }
            if (control.Stopping)
                return WorkerExit.Stopped;
            if (tests == 0)
            {
                var idleUntil = sections.Min(s => s.SleepUntil(recycle: false));
                foreach (var section in sections.OrderBy(s => s.SleepUntil(recycle: true)).ToList())
                {
                    tests += section.Run(recycle: true);
                    if (tests > 0 && idleUntil < _context.Now)
                        break;
                }
            }
            if (control.Stopping)
                return WorkerExit.Stopped;
            if (tests == 0 && !flags.Hangup)
            {
                var now = _context.Now;
                var globalIdle = _context.Config.Current.Piuparts.Global.Integer("idle-sleep");
                var target = now.AddSeconds(globalIdle);
                var due = sections.Min(s => s.SleepUntil(recycle: false));
                if (due < target)
                    target = due;
                if (target > now)
                {
                    _context.Master.Close();
                    if (_context.Options.Once && !sections.Any(s => s.WaitsOnError || s.HasPendingWork))
                    {
                        _context.Log.Info("Nothing to do, stopping (--once).");
                        return WorkerExit.Done;
                    }
                    var sleep = target - now < MinimumSleep ? MinimumSleep : target - now;
                    _context.Log.Info($"Nothing to do, sleeping for {(long)sleep.TotalSeconds} seconds.");
                    _context.SetStatus($"sleeping {(long)sleep.TotalSeconds} s, until {now + sleep:yyyy-MM-dd'T'HH:mm:ss'Z'}");
                    _context.Sleep(sleep);
                }
            }
        }
    }
}
