using System.Text;
using System.Text.RegularExpressions;
using Piuparts.Core.MasterDir;

namespace Piuparts.Core.Maintenance;

/// <summary>
/// The failure list of generate_daily_report (maintenance.md §2.9 steps 3–5): every log in
/// fail, bugged, affected and untestable newer than the last report's stamp, as URLs below
/// urlbase, release sections (sid, the testing suite, testing2sid) first.
/// </summary>
public static class NewFailures
{
    /// <summary>In output-directory: its time is when the last daily report began.</summary>
    public const string StampFile = "last-failure-report.stamp";

    public const string DefaultUrlBase = "https://piuparts.debian.org";

    public static readonly IReadOnlyList<LogDirectory> Directories =
        [LogDirectory.Fail, LogDirectory.Bugged, LogDirectory.Affected, LogDirectory.Untestable];

    /// <summary>
    /// The URLs of the logs newer than <paramref name="since"/> (strictly, as find -newer), per
    /// section in the order given, each section's sorted by path (as ls sorts them).
    /// </summary>
    public static IReadOnlyList<string> Since(MasterDirectory master, IEnumerable<string> sections, DateTime since, string urlBase)
    {
        var urls = new List<string>();
        foreach (var name in sections)
        {
            var section = master.Section(name);
            if (!Directory.Exists(section.Path))
                continue;
            var paths = new List<string>();
            foreach (var directory in Directories)
            {
                var path = section.DirectoryPath(directory);
                if (!Directory.Exists(path))
                    continue;
                foreach (var file in new DirectoryInfo(path).EnumerateFiles("*.log"))
                {
                    if (file.LastWriteTimeUtc > since)
                        paths.Add($"{name}/{directory.DirectoryName()}/{file.Name}");
                }
            }
            paths.Sort(StringComparer.Ordinal);
            urls.AddRange(paths.Select(p => $"{urlBase.TrimEnd('/')}/{p}"));
        }
        return urls;
    }

    /// <summary>
    /// The report's text: the counts and the release sections' URLs, a blank line, the others'.
    /// Unlike piuparts (which counts one release failure when there is none), the counts are exact.
    /// </summary>
    public static string Report(IReadOnlyList<string> urls, string? testingSuite)
    {
        var suites = new[] { "sid", testingSuite, "testing2sid" }.Where(s => !string.IsNullOrEmpty(s)).Select(s => Regex.Escape(s!));
        var release = new Regex($"/({string.Join('|', suites)})/", RegexOptions.CultureInvariant);
        var inRelease = urls.Where(u => release.IsMatch(u)).ToList();
        var others = urls.Where(u => !release.IsMatch(u)).ToList();
        var text = new StringBuilder();
        text.Append($"{urls.Count} new failures in total, {inRelease.Count} new failures sid, {testingSuite} and testing2sid:\n");
        foreach (var url in inRelease)
            text.Append(url).Append('\n');
        text.Append('\n');
        text.Append($"{others.Count} other new failures:\n");
        foreach (var url in others)
            text.Append(url).Append('\n');
        return text.ToString();
    }
}
