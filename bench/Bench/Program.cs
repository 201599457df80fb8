using System.Diagnostics;
using Piuparts.Core.Archive;

// Side-by-side benchmarks: each prints one "ours" line that bench/*.sh compares with piuparts.
// Usage: piuparts-site-bench packages-load URL [RUNS]
if (args.Length < 2 || args[0] != "packages-load")
{
    Console.Error.WriteLine("usage: piuparts-site-bench packages-load URL [RUNS]");
    return 2;
}

var url = args[1];
int runs = args.Length > 2 ? int.Parse(args[2]) : 3;
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
    {
        foreach (var error in result.Errors)
            Console.Error.WriteLine(error);
        return 1;
    }
    count = result.Index.Count;
    times.Add(clock.Elapsed.TotalSeconds);
    result = null;
    GC.Collect();
}

// One line, key=value, for the shell script to read.
Console.WriteLine(FormattableString.Invariant(
    $"packages={count} first={times[0]:F3} best={times.Min():F3} peak_mb={Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F0}"));
return 0;
