using System.Globalization;
using Piuparts.Core.MasterDir;
using Piuparts.Core.States;
using Piuparts.SitePipeline.History;
using Piuparts.SitePipeline.Model;
using Piuparts.SitePipeline.Pipeline;
using Piuparts.SitePipeline.Rendering;

namespace Piuparts.SitePipeline.Modules;

/// <summary>
/// Two pages across all sections: failures.html, every package in failed-testing with the day
/// its failure began and how long it has lasted, oldest first; and recent.html, the tests of the
/// last 24 hours and of the last 7 days (the newest of them, as many as RecentTestsListed). An unchanged section contributes what its record keeps.
/// </summary>
public sealed class RenderResultPages : IModule
{
    public const int RecentDays = 7;

    private static readonly LogDirectory[] FailedLogs = [LogDirectory.Fail, LogDirectory.Bugged, LogDirectory.Affected];

    public IReadOnlyList<Document> Execute(SiteContext context, IReadOnlyList<Document> documents)
    {
        var output = documents.ToList();
        var now = context.Options.Now;
        foreach (var section in context.Sections)
        {
            section.FailedPackages = section.Previous?.Failures ?? Failures(section);
            section.RecentTests = section.Previous?.Recent ?? Recent(section, now, context.Options.RecentTestsListed);
        }
        output.Add(PageFrame.Page(context, "failures.html", "Failed packages by age", null, "failures", () =>
        {
            var failures = context.Sections.SelectMany(s => s.FailedPackages!)
                .OrderBy(f => f.Since ?? DateTimeOffset.MaxValue).ThenBy(f => f.Section, StringComparer.Ordinal).ThenBy(f => f.Package, StringComparer.Ordinal)
                .Select(f => new
                {
                    f.Section,
                    f.Package,
                    f.Version,
                    Since = f.Since is { } since ? Day(since) : "unknown",
                    SinceIso = f.Since is { } iso ? Iso(iso) : null,
                    Days = f.Since is { } start ? (int?)Math.Max(0, (int)(now - start).TotalDays) : null,
                    f.Page,
                    f.Log,
                }).ToArray();
            return new { Count = failures.Length, Failures = failures };
        }, showTime: true));
        output.Add(PageFrame.Page(context, "recent.html", "Recent results", null, "recent", () =>
        {
            var recent = context.Sections.Select(s => s.RecentTests!).ToArray();
            return new
            {
                Periods = new[]
                {
                    Period("The last 24 hours", "Day", recent, now.AddDays(-1), now, context.Options.RecentTestsListed),
                    Period($"The last {RecentDays} days", "Week", recent, now.AddDays(-RecentDays), now, context.Options.RecentTestsListed),
                },
            };
        }, showTime: true));
        return output;
    }

    // The tests after from and until now: counted from every test's time, the newest of them listed.
    private static object Period(string heading, string id, IReadOnlyList<RecentTests> recent, DateTimeOffset from, DateTimeOffset now, int listed) => new
    {
        Heading = heading,
        Id = id,
        Count = recent.Sum(r => r.Count(null, from, now)),
        Passed = recent.Sum(r => r.Count("pass", from, now)),
        Failed = recent.Sum(r => r.Count("fail", from, now)),
        Untestable = recent.Sum(r => r.Count("untestable", from, now)),
        // A section's newest tests, as many as listed, hold every one of its tests that the page lists.
        Tests = recent.SelectMany(r => r.Newest)
            .Where(t => t.Time > from && t.Time <= now)
            .OrderByDescending(t => t.Time).ThenBy(t => t.Section, StringComparer.Ordinal).ThenBy(t => t.Package, StringComparer.Ordinal)
            .Take(Math.Max(0, listed))
            .Select(t => new { t.Section, Date = Minute(t.Time), Iso = Iso(t.Time), t.Package, t.Version, t.Result, t.Page }).ToArray(),
    };

    private static IReadOnlyList<Failure> Failures(SectionModel section)
    {
        var db = section.Db;
        return db.InState(PackageState.FailedTesting).Order(StringComparer.Ordinal).Select(name =>
        {
            var log = FailedLogs.Select(d => section.LatestLog(d, name)).FirstOrDefault(l => l != null);
            DateTimeOffset? since = section.Results.FailingSince(name)
                ?? (log != null ? new DateTimeOffset(log.Modified, TimeSpan.Zero) : null);
            return new Failure(section.Name, name, db.TestVersion(name) ?? "", since,
                PageOf(section, name) ?? $"{section.Name}/state-failed-testing.html#{Naming.HtmlId(name)}",
                log != null ? $"{section.Name}/{log.RelativePath}" : null);
        }).ToArray();
    }

    private static RecentTests Recent(SectionModel section, DateTimeOffset now, int listed)
    {
        var week = section.Results.All.Where(t => t.Time > now.AddDays(-RecentDays) && t.Time <= now)
            .OrderByDescending(t => t.Time).ThenBy(t => t.Package, StringComparer.Ordinal)
            .ToArray();
        return RecentTests.Of(week, listed, t => new RecentTest(section.Name, t.Time, t.Package, t.Version, t.Word, PageOf(section, t.Package)));
    }

    // The page of a package's source, relative to the site root, when the section has it.
    private static string? PageOf(SectionModel section, string package) =>
        section.Db.Package(package) is { } binary && section.Sources[binary.SourceName] != null && Naming.IsSafeFileName(binary.SourceName)
            ? $"{section.Name}/{Naming.SourcePage(binary.SourceName)}" : null;

    private static string Day(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Minute(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
