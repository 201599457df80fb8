using System.Globalization;
using Piuparts.Core.MasterDir;
using Piuparts.Core.States;
using Piuparts.SitePipeline.Model;
using Piuparts.SitePipeline.Pipeline;
using Piuparts.SitePipeline.Rendering;

namespace Piuparts.SitePipeline.Modules;

/// <summary>Each section's index page and its log list pages (report.md §6.4, §6.11); the state pages are RenderStatePages'.</summary>
public sealed class RenderSectionPages : IModule
{
    private static readonly (LogDirectory Directory, string Heading, string Description, bool Alert)[] LogLists =
    [
        (LogDirectory.Pass, "Passed logs", "Logs of packages that passed the test.", false),
        (LogDirectory.Fail, "Failed logs without a bug report", "Logs of packages that failed the test and have no bug reported yet.", true),
        (LogDirectory.Bugged, "Failed logs with a bug report", "Logs of packages that failed the test; a bug is reported and not yet fixed.", true),
        (LogDirectory.Affected, "Failed logs affected by a bug elsewhere", "Logs of packages that failed because of a bug in a dependency, reported and not yet fixed.", true),
        (LogDirectory.Reserved, "Reserved packages", "Packages a slave has reserved for testing.", false),
        (LogDirectory.Untestable, "Untestable packages", "Logs of packages that cannot be tested at the moment.", false),
    ];

    public IReadOnlyList<Document> Execute(SiteContext context, IReadOnlyList<Document> documents)
    {
        var output = documents.ToList();
        foreach (var section in context.Sections)
        {
            output.Add(Index(context, section));
            if (section.Unchanged)
                continue;
            foreach (var list in LogLists)
                output.Add(LogList(context, section, list.Directory, list.Heading, list.Description, list.Alert));
        }
        return output;
    }

    /// <summary>The description of report.md §6.9: the default sentence, or the configured one (a leading or trailing '+' adds to the default).</summary>
    public static string Description(SectionModel section)
    {
        var settings = section.Settings;
        var distros = settings.DistroList;
        string standard = distros.Count > 1
            ? $"Debian {settings.Area}: package installation in {distros[0]}" + string.Concat(distros.Skip(1).Select(d => $", dist-upgrade to {d}")) + ", removal, and purge test."
            : $"Debian {settings.Distro} / {settings.Area}: package installation, removal, and purge test.";
        var configured = settings["description"];
        if (string.IsNullOrEmpty(configured))
            return standard;
        if (configured.StartsWith('+'))
            return standard + " " + configured[1..];
        if (configured.EndsWith('+'))
            return configured[..^1] + " " + standard;
        return configured;
    }

    private static Document Index(SiteContext context, SectionModel section)
    {
        var destination = $"{section.Name}/index.html";
        return PageFrame.Page(context, destination, $"{section.Name} statistics", section.Name, "section-index", () =>
        {
            var counts = section.StateCounts;
            int total = counts.Sum();
            section.IndexRows = section.Previous?.Rows ?? Rows(section, counts, total);
            return new
            {
                Section = section.Name,
                Description = Description(section),
                Rows = section.IndexRows,
                Total = total,
                Chart = section.HasChart,
                Summary = section.HasSummary,
                Urls = section.IndexUrls,
            };
        }, showTime: true);
    }

    // One row per active state with packages or known-problem links.
    private static IndexRow[] Rows(SectionModel section, IReadOnlyList<int> counts, int total)
    {
        var rows = new List<IndexRow>();
        foreach (var state in PackageStates.ActiveStates)
        {
            var problems = section.ProblemLinks(state);
            int count = counts[(int)state];
            if (count == 0 && problems.Count == 0)
                continue;
            double percent = total == 0 ? 0 : 100.0 * count / total;
            rows.Add(new IndexRow(state.Name(), count, StateDisplay.IsBad(state),
                percent.ToString("0.##", CultureInfo.InvariantCulture),
                percent.ToString("0.0", CultureInfo.InvariantCulture) + "%",
                StateDisplay.LogDirectories(state).Select(d => d.DirectoryName()).ToArray(), problems));
        }
        return [.. rows];
    }

    public sealed record IndexRow(string State, int Count, bool Bad, string Percent, string PercentText, IReadOnlyList<string> Logs, IReadOnlyList<ProblemLink> Problems);

    private static Document LogList(SiteContext context, SectionModel section, LogDirectory directory, string heading, string description, bool alert)
    {
        var dir = directory.DirectoryName();
        var destination = $"{section.Name}/{dir}.html";
        return PageFrame.Page(context, destination, $"{heading} in {section.Name}", section.Name, "log-list", () =>
        {
            var packages = section.Logs.In(directory)
                .GroupBy(l => l.Package, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new LogListEntry(g.Key, g.Select(l =>
                {
                    var package = section.Db.Package(l.Package);
                    return new LogLink(l.RelativePath, l.Version, package != null && section.IsCruft(package, missingSource: false));
                }).ToArray()))
                .ToArray();
            return new
            {
                Section = section.Name,
                Heading = heading,
                Description = description,
                Alert = alert,
                Count = packages.Length,
                Packages = packages,
            };
        });
    }

    public sealed record LogListEntry(string Name, IReadOnlyList<LogLink> Logs);

    public sealed record LogLink(string Href, string Version, bool Cruft);
}
