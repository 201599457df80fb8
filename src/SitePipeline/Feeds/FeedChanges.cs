using System.Globalization;

namespace Piuparts.SitePipeline.Feeds;

/// <summary>The feed entries of one run: the packages that turned failed-testing (first), then those that turned from failed-testing to successfully-tested, each by name.</summary>
public static class FeedChanges
{
    public const string Failed = "failed-testing";
    public const string Passed = "successfully-tested";

    /// <param name="previous">The last run's "version state" per package.</param>
    /// <param name="current">This run's packages: name, version, state and source.</param>
    /// <param name="maintainers">A source's maintainer addresses (asked only for the packages that make an entry).</param>
    public static IReadOnlyList<FeedEntry> Between(string webHost, string section, DateTimeOffset now,
        IReadOnlyDictionary<string, string> previous, IEnumerable<(string Package, string Version, string State, string Source)> current,
        Func<string, IReadOnlyList<string>> maintainers)
    {
        var failures = new List<FeedEntry>();
        var fixes = new List<FeedEntry>();
        foreach (var (package, version, state, source) in current)
        {
            var before = previous.TryGetValue(package, out var value) ? value.AsSpan(value.IndexOf(' ') + 1) : null;
            var target = state == Failed && !before.SequenceEqual(Failed) ? failures
                : state == Passed && before.SequenceEqual(Failed) ? fixes
                : null;
            target?.Add(new FeedEntry(Id(webHost, section, package, version, state, now), section, package, version, source, state,
                previous.ContainsKey(package) ? before.ToString() : null, now, maintainers(source)));
        }
        // Only the few entries are put in name order, not every package of the section.
        failures.Sort((a, b) => string.CompareOrdinal(a.Package, b.Package));
        fixes.Sort((a, b) => string.CompareOrdinal(a.Package, b.Package));
        return [.. failures, .. fixes];
    }

    /// <summary>
    /// A tag URI (RFC 4151) of the change, made of the section, package, version, new state and
    /// the run's time: tag:&lt;web-host&gt;,&lt;date&gt;:&lt;section&gt;/&lt;package&gt;/&lt;version&gt;/&lt;state&gt;/&lt;time&gt;
    /// (the time too, so a package failing, passing and failing again on one day has three ids).
    /// </summary>
    public static string Id(string webHost, string section, string package, string version, string state, DateTimeOffset now) =>
        $"tag:{webHost},{now.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}:{Uri.EscapeDataString(section)}/{Uri.EscapeDataString(package)}/{Uri.EscapeDataString(version)}/{state}/{now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}";
}
