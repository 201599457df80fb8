using System.Diagnostics;
using System.Globalization;
using Piuparts.Core.Archive;
using Piuparts.Core.Config;
using Piuparts.Core.KnownProblems;
using Piuparts.Core.MasterDir;
using Piuparts.Core.States;
using Piuparts.SitePipeline.Modules;
using Piuparts.SitePipeline.Pipeline;
using Piuparts.SitePipeline.Rendering;

// Side-by-side benchmarks: each prints one key=value line that bench/*.sh compares with piuparts.
//   piuparts-site-bench packages-load URL [RUNS]
//   piuparts-site-bench states URL MASTER-DIRECTORY SECTION
//   piuparts-site-bench kpr CONFIG [detect|report]
//   piuparts-site-bench report-modules CONFIG OUTPUT NOW [without=MODULE,MODULE...]
return args switch
{
    ["packages-load", var url, .. var rest] => PackagesLoad(url, rest.Length > 0 ? int.Parse(rest[0]) : 3),
    ["states", var url, var master, var section] => States(url, master, section),
    ["kpr", var config, .. var rest] when rest is [] or ["detect" or "report"] => Kpr(config, rest is ["report"]),
    ["report-modules", var config, var output, var now] => ReportModules(config, output, now, []),
    ["report-modules", var config, var output, var now, var without] when without.StartsWith("without=", StringComparison.Ordinal) =>
        ReportModules(config, output, now, without["without=".Length..].Split(',')),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: piuparts-site-bench packages-load URL [RUNS] | states URL MASTER-DIRECTORY SECTION | " +
                            "kpr CONFIG [detect|report] | report-modules CONFIG OUTPUT NOW [without=MODULE,...]");
    return 2;
}

// Known-problem classification of every section of CONFIG, as the report's ClassifyLogs module
// does it (definitions from known-problem-directory minus the section's exclude-known-problems,
// KprRefresher under the section's master.lock). "detect" (the default) covers what
// detect_well_known_errors covers (pass bugged affected fail untestable, stale .bug files
// removed), so both sides do the same work; "report" covers piuparts-report's directories and
// also reads the failure list back, as ClassifyLogs does.
static int Kpr(string configPath, bool report)
{
    var (config, errors) = SiteConfig.Load(configPath, null);
    if (config == null)
        return Fail(errors);
    var clock = Stopwatch.StartNew();
    var directory = config.Piuparts.Global.NonEmpty("known-problem-directory") ?? ClassifyLogs.DefaultDirectory;
    var problems = ProblemSet.Load(directory);
    double load = clock.Elapsed.TotalSeconds;
    var master = new MasterDirectory(config.Piuparts.MasterDirectory ?? ".");
    int removed = 0, added = 0, failures = 0;
    double refresh = 0, read = 0;
    foreach (var name in config.Piuparts.Sections)
    {
        var section = master.Section(name);
        if (!Directory.Exists(section.Path))
            continue;
        using var held = section.TryLock();
        if (held == null)
            return Fail([new Piuparts.Core.InputError(section.Path, 0, "master.lock is held")]);
        var set = problems.Without(config.Piuparts.Section(name)?.Words("exclude-known-problems") ?? []);
        double start = clock.Elapsed.TotalSeconds;
        var result = new KprRefresher(set).Refresh(section.Path, report ? KprRefreshOptions.Report : KprRefreshOptions.DetectWellKnownErrors);
        refresh += clock.Elapsed.TotalSeconds - start;
        removed += result.Removed;
        added += result.Added;
        if (report)
        {
            start = clock.Elapsed.TotalSeconds;
            failures += SectionFailures.Read(section.Path).Failures.Count;
            read += clock.Elapsed.TotalSeconds - start;
        }
    }
    Console.WriteLine(FormattableString.Invariant(
        $"problems={problems.Problems.Count} removed={removed} added={added} failures={failures} load={load:F3} refresh={refresh:F3} read_failures={read:F3} gc_pause={GC.GetTotalPauseDuration().TotalSeconds:F3} peak_mb={PeakMb():F0}"));
    return 0;
}

// The report verb's pipeline, module by module, with the time and the memory after each: where
// a report run spends its time. Same modules and order as ReportPipeline.Run (without its
// report.lock and error reporting). Modules named in `without` are left out, to measure what
// they add (report.sh leaves out the search index and the feeds).
static int ReportModules(string configPath, string output, string now, string[] without)
{
    var total = Stopwatch.StartNew();
    var (config, errors) = SiteConfig.Load(configPath, null);
    if (config == null)
        return Fail(errors);
    var templates = TemplateSet.Start();
    if (templates.Wait() is { Set: null } invalid)
        return Fail(invalid.Errors);
    Directory.CreateDirectory(output);
    var options = new ReportOptions { Now = DateTimeOffset.Parse(now, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal) };
    var context = new SiteContext(config, options, output, templates, _ => { });
    var writer = new WriteFiles();
    Console.Error.WriteLine(FormattableString.Invariant($"{"start",-22} {total.Elapsed.TotalSeconds,7:F2} s"));
    try
    {
        IReadOnlyList<Document> documents = [];
        var modules = ReportPipeline.Modules(writer);
        var unknown = without.Where(w => modules.All(m => m.GetType().Name != w)).ToArray();
        if (unknown.Length > 0)
        {
            Console.Error.WriteLine($"piuparts-site-bench: no module {string.Join(", ", unknown)}");
            return 2;
        }
        foreach (var module in modules.Where(m => !without.Contains(m.GetType().Name)))
        {
            var clock = Stopwatch.StartNew();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            documents = module.Execute(context, documents);
            var used = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            Console.Error.WriteLine(FormattableString.Invariant(
                $"{module.GetType().Name,-22} {clock.Elapsed.TotalSeconds,7:F2} s  cpu {used.TotalSeconds,6:F2} s  documents {documents.Count,6}  managed {GC.GetTotalMemory(false) / 1048576.0,6:F0} MB  working set {Environment.WorkingSet / 1048576.0,6:F0} MB"));
        }
        // What the modules left running on another core (the manifest, the logs' links) is part of the run.
        foreach (var background in modules.Where(m => !without.Contains(m.GetType().Name)).OfType<IBackgroundModule>())
            background.Finish();
    }
    finally
    {
        foreach (var held in context.Locks.Values)
            held.Dispose();
    }
    Console.WriteLine(FormattableString.Invariant(
        $"seconds={total.Elapsed.TotalSeconds:F3} written={writer.Written} unchanged={writer.Unchanged} gc_pause={GC.GetTotalPauseDuration().TotalSeconds:F3} gc_count={GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)} peak_mb={PeakMb():F0}"));
    return 0;
}

static int PackagesLoad(string url, int runs)
{
    using var fetcher = new IndexFetcher();
    var loader = new IndexLoader(fetcher);
    var times = new List<double>();
    int count = 0;
    for (int run = 0; run < runs; run++)
    {
        var clock = Stopwatch.StartNew();
        var result = loader.LoadBinaries([url]);
        clock.Stop();
        if (result.Index == null)
            return Fail(result.Errors);
        count = result.Index.Count;
        times.Add(clock.Elapsed.TotalSeconds);
        GC.Collect();
    }
    Console.WriteLine(FormattableString.Invariant(
        $"packages={count} first={times[0]:F3} best={times.Min():F3} peak_mb={PeakMb():F0}"));
    return 0;
}

// Where the time of a master connection goes: index load, then the state computation, then
// the reservation order.
static int States(string url, string master, string section)
{
    using var fetcher = new IndexFetcher();
    var clock = Stopwatch.StartNew();
    var result = new IndexLoader(fetcher).LoadBinaries([url]);
    if (result.Index == null)
        return Fail(result.Errors);
    double load = clock.Elapsed.TotalSeconds;
    var directory = new MasterDirectory(master).Section(section);
    var db = new PackageDatabase(section, result.Index, null, new SectionLogs(directory), [], recycle: false);
    db.Compute();
    double compute = clock.Elapsed.TotalSeconds - load;
    var queue = new ReservationQueue(db, new Random(1));
    double order = clock.Elapsed.TotalSeconds - load - compute;
    Console.WriteLine(FormattableString.Invariant(
        $"packages={db.Count} load={load:F3} compute={compute:F3} order={order:F3} candidates={queue.Candidates.Count} gc_pause={GC.GetTotalPauseDuration().TotalSeconds:F3} peak_mb={PeakMb():F0}"));
    return 0;
}

static int Fail(IEnumerable<Piuparts.Core.InputError> errors)
{
    foreach (var error in errors)
        Console.Error.WriteLine(error);
    return 1;
}

static double PeakMb() => Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0;
