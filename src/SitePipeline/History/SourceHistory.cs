using System.Globalization;
using Piuparts.Core.MasterDir;
using Piuparts.SitePipeline.Model;

namespace Piuparts.SitePipeline.History;

/// <summary>
/// The results of a source package's binaries over time, for its page and its JSON: newest
/// first, each marked when it differs from the package's test before it, linked to its log
/// while the section still shows that log.
/// </summary>
public static class SourceHistory
{
    /// <summary>How many tests a page shows at most (the newest).</summary>
    public const int MaxRows = 200;

    private static readonly Dictionary<TestResult, LogDirectory[]> Directories = new()
    {
        [TestResult.Pass] = [LogDirectory.Pass],
        [TestResult.Fail] = [LogDirectory.Fail, LogDirectory.Bugged, LogDirectory.Affected],
        [TestResult.Untestable] = [LogDirectory.Untestable],
    };

    /// <param name="toSection">The way from the page to the section directory ("../../").</param>
    public static IReadOnlyList<Row> Rows(SectionModel section, IEnumerable<string> binaries, string toSection)
    {
        var rows = new List<(ResultEntry Entry, bool Changed)>();
        foreach (var package in binaries.Distinct(StringComparer.Ordinal))
        {
            ResultEntry? previous = null;
            foreach (var entry in section.Results.Of(package))
            {
                rows.Add((entry, previous != null && previous.Result != entry.Result));
                previous = entry;
            }
        }
        rows.Sort((a, b) => a.Entry.Time != b.Entry.Time ? b.Entry.Time.CompareTo(a.Entry.Time) : string.CompareOrdinal(a.Entry.Package, b.Entry.Package));
        var linked = new HashSet<(string, string, TestResult)>();
        return rows.Take(MaxRows).Select(r =>
        {
            var e = r.Entry;
            string? log = null;
            // The newest test of a package, version and result links the log the section shows for them.
            if (linked.Add((e.Package, e.Version, e.Result)))
            {
                log = Directories[e.Result].Select(d => section.LatestLog(d, e.Package)).FirstOrDefault(l => l != null && l.Version == e.Version) is { } file
                    ? toSection + file.RelativePath : null;
            }
            return new Row(
                e.Time.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                e.Time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                e.Package, e.Version, e.Word, r.Changed, log);
        }).ToArray();
    }

    /// <summary>One test: date (UTC) for people and in ISO 8601, binary, version, result word, whether the result changed, the log (relative) or null.</summary>
    public sealed record Row(string Date, string Iso, string Package, string Version, string Result, bool Changed, string? Log);
}
