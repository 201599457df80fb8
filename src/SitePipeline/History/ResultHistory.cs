using Piuparts.Core.IO;
using Piuparts.Core.MasterDir;

namespace Piuparts.SitePipeline.History;

/// <summary>
/// Every recorded test of a section's packages: the lines of submissions.txt, and the logs in
/// the log directories and under archive/ (also when xz-compressed) that no line records
/// (tests from before submissions.txt was kept, or a file restored from a backup). Per package,
/// oldest first.
/// </summary>
public sealed class ResultHistory
{
    private static readonly (LogDirectory Directory, TestResult Result)[] Kept =
    [
        (LogDirectory.Pass, TestResult.Pass), (LogDirectory.Fail, TestResult.Fail), (LogDirectory.Bugged, TestResult.Fail),
        (LogDirectory.Affected, TestResult.Fail), (LogDirectory.Untestable, TestResult.Untestable),
    ];

    private readonly Dictionary<string, List<ResultEntry>> _byPackage;

    private ResultHistory(Dictionary<string, List<ResultEntry>> byPackage) => _byPackage = byPackage;

    public static readonly ResultHistory Empty = new(new Dictionary<string, List<ResultEntry>>(StringComparer.Ordinal));

    /// <summary>
    /// Reads the history of the section in <paramref name="directory"/>, its directories listed
    /// through <paramref name="listings"/> (the section's kept listings: a log directory that did
    /// not change is not stat-ed file by file again).
    /// </summary>
    public static ResultHistory Read(SectionDirectory directory, ListingCache? listings = null)
    {
        listings ??= ListingCache.None;
        var entries = SubmissionsFile.Read(Path.Combine(directory.Path, SubmissionsFile.FileName)).ToList();
        var recorded = entries.Select(e => (e.Package, e.Version, e.Result)).ToHashSet();
        foreach (var (logDirectory, result) in Kept)
        {
            var name = logDirectory.DirectoryName();
            foreach (var folder in new[] { directory.DirectoryPath(logDirectory), Path.Combine(directory.Path, "archive", name) })
            {
                foreach (var file in listings.List(folder) ?? [])
                {
                    if (file.IsDirectory)
                        continue;
                    var fileName = file.Name.EndsWith(".log.xz", StringComparison.Ordinal) ? file.Name[..^3] : file.Name;
                    if (!fileName.EndsWith(".log", StringComparison.Ordinal) || !LogName.TryParse(fileName, out var package, out var version))
                        continue;
                    if (recorded.Add((package, version, result)))
                        entries.Add(new ResultEntry(new DateTimeOffset(file.ModifiedTicks, TimeSpan.Zero), package, version, result, FromLog: true));
                }
            }
        }
        var byPackage = new Dictionary<string, List<ResultEntry>>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (!byPackage.TryGetValue(entry.Package, out var list))
                byPackage[entry.Package] = list = [];
            list.Add(entry);
        }
        foreach (var list in byPackage.Values)
            list.Sort((a, b) => a.Time != b.Time ? a.Time.CompareTo(b.Time) : string.CompareOrdinal(a.Version, b.Version));
        return new ResultHistory(byPackage);
    }

    /// <summary>The tests of a package, oldest first.</summary>
    public IReadOnlyList<ResultEntry> Of(string package) => _byPackage.TryGetValue(package, out var list) ? list : [];

    /// <summary>Every test of the section, in no particular order.</summary>
    public IEnumerable<ResultEntry> All => _byPackage.Values.SelectMany(l => l);

    /// <summary>
    /// When the package's current run of failures began: the time of the first of the failed
    /// tests that end its history, or null when its last test did not fail.
    /// </summary>
    public DateTimeOffset? FailingSince(string package)
    {
        var tests = Of(package);
        DateTimeOffset? since = null;
        for (int i = tests.Count - 1; i >= 0 && tests[i].Result == TestResult.Fail; i--)
            since = tests[i].Time;
        return since;
    }
}
