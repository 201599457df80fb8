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

    /// <summary>Packages per piece of a log list (see <see cref="ListPieces"/>), on average.</summary>
    public const int RowsPerPiece = 256;

    // A log list has as many rows as its directory has packages (pass: most of the section), so
    // it is cut into pieces as a state page is: one new log renders the piece that holds it.
    private static Document LogList(SiteContext context, SectionModel section, LogDirectory directory, string heading, string description, bool alert)
    {
        var dir = directory.DirectoryName();
        var destination = $"{section.Name}/{dir}.html";
        return PageFrame.Page(context, destination, $"{heading} in {section.Name}", section.Name, () =>
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
            return Pieced(context.Fingerprints, new LogListModel(section.Name, heading, description, alert, packages));
        },
        p => new LogListPrint(p.Model.Section, p.Model.Heading, p.Model.Description, p.Model.Alert, p.Model.Packages.Count, p.Prints),
        p => LogListBody(context.Templates, p, PieceCache.Load(context.OutputDirectory, destination)), "log-list");
    }

    /// <summary>A log list's packages cut into pieces (<see cref="ListPieces"/>), each with its fingerprint.</summary>
    public static PiecedLogList Pieced(Fingerprints fingerprints, LogListModel model, int rowsPerPiece = RowsPerPiece)
    {
        var (pieces, prints) = ListPieces.Cut(fingerprints, model.Packages, p => p.Name, (buffer, entry) => entry.WriteTo(buffer), rowsPerPiece);
        return new PiecedLogList(model, pieces, prints);
    }

    /// <summary>
    /// The body of a log list as UTF-8 parts: each piece taken from <paramref name="cache"/> when
    /// its fingerprint is there, else rendered; the bytes do not depend on how the list was cut.
    /// </summary>
    public static IReadOnlyList<ReadOnlyMemory<byte>> LogListBody(TemplateSet templates, PiecedLogList list, PieceCache? cache)
    {
        var model = list.Model;
        var rows = ListPieces.Render(list.Pieces, list.Prints, cache, piece => templates.Render("log-list-rows", new { Packages = piece }));
        return Splice.Around(templates.Render("log-list", new { model.Section, model.Heading, model.Description, model.Alert, model.Packages.Count, Rows = Splice.Hole }), rows);
    }

    public sealed record LogListModel(string Section, string Heading, string Description, bool Alert, IReadOnlyList<LogListEntry> Packages);

    /// <summary>A log list's model with its packages cut into pieces, and each piece's fingerprint.</summary>
    public sealed record PiecedLogList(LogListModel Model, IReadOnlyList<LogListEntry[]> Pieces, IReadOnlyList<string> Prints);

    /// <summary>What a log list's fingerprint covers: its heading and its pieces' fingerprints.</summary>
    public sealed record LogListPrint(string Section, string Heading, string Description, bool Alert, int Count, IReadOnlyList<string> Pieces);

    public sealed record LogListEntry(string Name, IReadOnlyList<LogLink> Logs)
    {
        /// <summary>Every field, for a piece's fingerprint.</summary>
        public void WriteTo(DigestBuffer buffer)
        {
            buffer.Write(Name);
            buffer.Write(Logs.Count);
            foreach (var log in Logs)
            {
                buffer.Write(log.Href);
                buffer.Write(log.Version);
                buffer.Write(log.Cruft);
            }
        }
    }

    public sealed record LogLink(string Href, string Version, bool Cruft);
}
