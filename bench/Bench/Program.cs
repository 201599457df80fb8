using System.Diagnostics;
using Piuparts.Core.Archive;
using Piuparts.Core.MasterDir;
using Piuparts.Core.States;

// Side-by-side benchmarks: each prints one key=value line that bench/*.sh compares with piuparts.
//   piuparts-site-bench packages-load URL [RUNS]
//   piuparts-site-bench states URL MASTER-DIRECTORY SECTION
return args switch
{
    ["packages-load", var url, .. var rest] => PackagesLoad(url, rest.Length > 0 ? int.Parse(rest[0]) : 3),
    ["states", var url, var master, var section] => States(url, master, section),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: piuparts-site-bench packages-load URL [RUNS] | states URL MASTER-DIRECTORY SECTION");
    return 2;
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
