using System.CommandLine;
using Piuparts.Cli.Verbs;
using Piuparts.Core.Config;
using Piuparts.Core.IO;
using Piuparts.Core.Maintenance;
using Piuparts.Core.MasterDir;

namespace Piuparts.Cli.Maintenance;

/// <summary>
/// One run of a maintenance verb: the configuration, the sections to work on, each taken under
/// its master.lock (so a run never races a master), the changes listed (--dry-run) or applied
/// with a progress bar on a terminal and plain lines otherwise, and one summary line per
/// section at the end.
/// </summary>
public sealed class MaintenanceRun
{
    private readonly List<string> _summaries = [];
    private readonly string _verb;
    private bool _failed;

    private MaintenanceRun(string verb, SiteConfig config, IReadOnlyList<string> sections, bool dryRun, DateTimeOffset now,
        TimeSpan lockWait, TextWriter output, TextWriter error)
    {
        _verb = verb;
        Config = config;
        Sections = sections;
        DryRun = dryRun;
        Now = now;
        LockWait = lockWait;
        Output = output;
        Error = error;
        Master = new MasterDirectory(config.Piuparts.MasterDirectory!);
    }

    public SiteConfig Config { get; }

    public MasterDirectory Master { get; }

    public IReadOnlyList<string> Sections { get; }

    public bool DryRun { get; }

    public DateTimeOffset Now { get; }

    public TimeSpan LockWait { get; }

    public TextWriter Output { get; }

    public TextWriter Error { get; }

    /// <summary>True when the output is a terminal: progress bars instead of one line per change.</summary>
    public bool Interactive => ReferenceEquals(Output, Console.Out) && !Console.IsOutputRedirected;

    /// <summary>
    /// Reads the configuration and the common options; null (with <paramref name="exit"/> set and
    /// the reason printed) on bad input.
    /// </summary>
    public static MaintenanceRun? Start(ParseResult result, string verb,
        MaintenanceOptions.Set options, out int exit,
        params string[] requiredGlobalKeys)
    {
        var error = result.InvocationConfiguration.Error;
        exit = ExitCodes.BadInput;
        var (config, errors) = SiteConfig.Load(result.GetValue(CommonOptions.Config), result.GetValue(CommonOptions.Distros),
            ["master-directory", "sections", .. requiredGlobalKeys]);
        if (config == null)
        {
            Report.Errors(error, errors);
            return null;
        }
        if (!ReportVerb.TryParseNow(result.GetValue(options.Now), out var now, out var nowError))
        {
            error.WriteLine($"piuparts-site {verb}: {nowError}");
            return null;
        }
        var sections = result.GetValue(options.Sections) is { Length: > 0 } chosen ? chosen : config.Piuparts.Sections.ToArray();
        foreach (var section in sections)
        {
            var problem = MasterDirectory.CheckSectionName(section)
                          ?? (config.Piuparts.HasSection(section) ? null : $"piuparts.conf has no section [{section}]");
            if (problem != null)
            {
                error.WriteLine($"piuparts-site {verb}: {problem}");
                return null;
            }
        }
        var output = result.InvocationConfiguration.Output;
        string? publishTo = null;
        if (result.GetValue(options.Publish))
        {
            if (config.Piuparts.OutputDirectory is not { } html)
            {
                error.WriteLine($"piuparts-site {verb}: --publish needs [global] output-directory");
                return null;
            }
            publishTo = Path.Combine(html, "logs", now.UtcDateTime.ToString("yyyy/MM/dd", System.Globalization.CultureInfo.InvariantCulture), verb + ".txt");
            output = new StringWriter();
        }
        exit = ExitCodes.Ok;
        return new MaintenanceRun(verb, config, sections, result.GetValue(options.DryRun), now,
            TimeSpan.FromSeconds(Math.Max(0, result.GetValue(options.LockWait))), output, error) { _publishTo = publishTo };
    }

    // --publish: the output is collected and appended here at the end, as piuparts' publish_logs does.
    private string? _publishTo;

    /// <summary>
    /// The directory listings kept in the section <see cref="ForEachSection"/> is working on
    /// (<see cref="ListingCache"/>), saved after its work unless this is a dry run.
    /// </summary>
    public ListingCache Listings { get; private set; } = ListingCache.None;

    /// <summary>
    /// Runs <paramref name="work"/> for every section that has a directory, holding its
    /// master.lock; a section whose lock stays busy for the lock wait is skipped (and the run fails).
    /// </summary>
    public void ForEachSection(Action<SectionDirectory, SectionSettings> work)
    {
        foreach (var name in Sections)
        {
            var section = Master.Section(name);
            if (!Directory.Exists(section.Path))
            {
                _summaries.Add($"{name}: no section directory, skipped");
                continue;
            }
            using var held = TakeLock(section);
            if (held == null)
            {
                _summaries.Add($"{name}: busy (master.lock held for {LockWait.TotalSeconds:0} s), skipped");
                _failed = true;
                continue;
            }
            Listings = ListingCache.Of(section.Path);
            try
            {
                work(section, Config.Piuparts.Section(name)!);
                if (!DryRun)
                {
                    // Left as this run leaves them, so the next run with nothing to do reads no
                    // directory; one this run changed a moment ago is left to the next run, which
                    // stats only its new files (detect-problems waits for its own, to mark them).
                    Listings.RefreshChanged(wait: false);
                    Listings.Save();
                }
            }
            finally
            {
                Listings = ListingCache.None;
            }
        }
    }

    /// <summary>Lists or applies a plan and records its summary.</summary>
    public void Carry(SectionPlan plan)
    {
        foreach (var warning in plan.Warnings)
            Error.WriteLine($"piuparts-site {_verb}: {warning}");
        if (DryRun)
        {
            foreach (var change in plan.Changes)
                Output.WriteLine(change.Describe(Master.Root));
            Summary(plan.Summary);
            return;
        }
        var errors = Progress.Apply(this, plan);
        foreach (var problem in errors)
            Error.WriteLine($"piuparts-site {_verb}: {problem}");
        if (errors.Count > 0)
            _failed = true;
        Summary(errors.Count == 0 ? plan.Summary : $"{plan.Summary}; {errors.Count} changes failed");
    }

    /// <summary>Records a summary line (printed by <see cref="Finish"/>).</summary>
    public void Summary(string line) => _summaries.Add(line);

    public void Fail(string problem)
    {
        Error.WriteLine($"piuparts-site {_verb}: {problem}");
        _failed = true;
    }

    /// <summary>Prints the summaries and returns the exit status.</summary>
    public int Finish()
    {
        foreach (var line in _summaries)
            Output.WriteLine(DryRun ? $"dry run: {line}" : line);
        if (_publishTo != null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(_publishTo)!);
            File.AppendAllText(_publishTo, $"{Now.UtcDateTime:ddd MMM d HH:mm:ss} UTC {Now.UtcDateTime:yyyy}\n{Output}\n");
        }
        return _failed ? ExitCodes.Failed : ExitCodes.Ok;
    }

    private IDisposable? TakeLock(SectionDirectory section)
    {
        // A dry run writes nothing, not even a lock file; without one no master is running.
        if (DryRun && !File.Exists(Path.Combine(section.Path, SectionDirectory.LockFile)))
            return new NoLock();
        return section.Lock(LockWait);
    }

    private sealed class NoLock : IDisposable
    {
        public void Dispose()
        {
        }
    }
}
