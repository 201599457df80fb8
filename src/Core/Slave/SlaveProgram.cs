using System.Runtime.InteropServices;
using Piuparts.Core.Archive;
using Piuparts.Core.Config;

namespace Piuparts.Core.Slave;

/// <summary>
/// What `piuparts-site slave` does: read the configuration, start slave-count workers, each in
/// &lt;slave-directory&gt;/&lt;n&gt;/ as piuparts' slave_run lays them out (the current directory when
/// slave-directory is unset), and wait for them. Signals reach every worker through one
/// <see cref="SlaveControl"/>.
/// </summary>
public static class SlaveProgram
{
    /// <summary>Linux's signal numbers; SIGUSR1 has no PosixSignal name but registers by number.</summary>
    private const int SIGUSR1 = 10;

    /// <summary>The outcome of a whole run: the exit status, and whether to start again (SIGUSR1).</summary>
    public sealed record Outcome(int ExitCode, bool Restart);

    /// <summary>The directory the workers live in: [global] slave-directory, else the current directory.</summary>
    public static string SlaveDirectory(PiupartsConf conf) =>
        Path.GetFullPath(conf.Global.NonEmpty("slave-directory") ?? Directory.GetCurrentDirectory());

    /// <summary>Runs the workers until they end; the caller re-executes the program when asked to restart.</summary>
    public static Outcome Run(SiteConfig config, string configPath, string? distrosPath, SlaveOptions options, SlaveControl control,
        TextWriter output, int? workerCount = null)
    {
        var conf = config.Piuparts;
        var log = new SlaveLog(output, options.Clock);
        var names = options.Sections ?? [.. conf.Global.Words("sections"), .. conf.Global.Words("basetgz-sections")];
        var root = SlaveDirectory(conf);
        Directory.CreateDirectory(root);
        int count = workerCount ?? (int)Math.Max(1, conf.Global.Integer("slave-count"));
        var proxy = conf.Global.NonEmpty("proxy") ?? Environment.GetEnvironmentVariable("http_proxy");
        var status = new StatusBoard(Path.Combine(root, StatusBoard.FileName), options.Clock);
        var source = new ConfigSource(config, configPath, distrosPath, log);
        using var fetcher = options.Fetcher == null ? new IndexFetcher(proxy) : null;
        var workers = new List<SlaveWorker>();
        for (int n = 1; n <= count; n++)
        {
            var workerLog = count > 1 ? log.ForWorker(n) : log;
            var flags = control.Register();
            int number = n;
            var runner = new CommandRunner
            {
                Timeout = options.TestTimeout,
                Grace = options.KillGrace,
                Progress = message => workerLog.Info(message),
                Started = pid => status.Set(number, $"{status.Get(number)?.Split(' ', 2)[1]} (pid {pid})"),
            };
            var context = new WorkerContext
            {
                Number = n,
                Directory = Path.Combine(root, n.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                Config = source,
                Options = options,
                Log = workerLog,
                Control = control,
                Flags = flags,
                Status = status,
                Master = new MasterClient(options.Connect ?? (address => SshLink.Start(options.Ssh, address)), workerLog),
                Fetcher = options.Fetcher ?? fetcher!,
                Runner = runner,
                Proxy = proxy,
            };
            workers.Add(new SlaveWorker(context, names));
        }
        var exits = new WorkerExit[count];
        var threads = workers.Select((worker, i) => new Thread(() => exits[i] = RunIsolated(worker, log))
        {
            Name = $"slave worker {worker.Number}",
        }).ToList();
        foreach (var thread in threads)
            thread.Start();
        foreach (var thread in threads)
            thread.Join();
        bool restart = exits.Contains(WorkerExit.Restart) && !control.Stopping;
        int code = exits.Contains(WorkerExit.Aborted) || exits.Contains(WorkerExit.Failed) ? 1 : 0;
        return new Outcome(code, restart);
    }

    // A worker that fails (a full disk, a spool directory gone wrong) ends alone, as one of
    // piuparts' slave instances would: the others go on, and the exit status says so. What it
    // left in its spool is submitted by the next start.
    private static WorkerExit RunIsolated(SlaveWorker worker, SlaveLog log)
    {
        try
        {
            return worker.Run();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            log.Error($"worker {worker.Number} failed and ends: {e.GetType().Name}: {e.Message}");
            return WorkerExit.Failed;
        }
    }

    /// <summary>
    /// Connects SIGINT and SIGTERM (stop, then abort), SIGHUP (flush) and SIGUSR1 (flush and
    /// restart) to the control; the registrations end with the returned object.
    /// </summary>
    public static IDisposable HandleSignals(SlaveControl control, TextWriter output)
    {
        var registrations = new List<PosixSignalRegistration>();
        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            int count = control.RequestStop();
            output.WriteLine(count switch
            {
                1 => "Slave interrupted: no new tests; the running ones finish, finished logs are submitted, the rest given back. " +
                     "Interrupt again to abort now.",
                2 => "Slave interrupted again: aborting the running tests; their reservations stay for the next start.",
                _ => "Slave interrupted a third time: exiting now.",
            });
            output.Flush();
            if (count >= 3)
                Environment.Exit(1);
        }
        registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop));
        registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop));
        registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGHUP, context =>
        {
            context.Cancel = true;
            output.WriteLine("SIGHUP: Will flush finished logs.");
            output.Flush();
            control.RequestFlush();
        }));
        if (OperatingSystem.IsLinux())
        {
            registrations.Add(PosixSignalRegistration.Create((PosixSignal)SIGUSR1, context =>
            {
                context.Cancel = true;
                output.WriteLine("SIGUSR1: Will restart.");
                output.Flush();
                control.RequestRestart();
            }));
        }
        return new Registrations(registrations);
    }

    private sealed class Registrations(List<PosixSignalRegistration> registrations) : IDisposable
    {
        public void Dispose()
        {
            foreach (var registration in registrations)
                registration.Dispose();
        }
    }

    [DllImport("libc", SetLastError = true, EntryPoint = "execv")]
    private static extern int Execv(string path, string?[] argv);

    /// <summary>Replaces this process with a fresh start of the same program and arguments; returns only on failure.</summary>
    public static string Reexecute()
    {
        var program = Environment.ProcessPath ?? "/proc/self/exe";
        var argv = File.ReadAllText("/proc/self/cmdline").Split('\0', StringSplitOptions.None);
        var words = argv.Length > 0 && argv[^1].Length == 0 ? argv[..^1] : argv;
        Execv(program, [.. words, null]);
        return $"cannot restart {program}: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}";
    }
}
