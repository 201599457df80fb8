using Piuparts.Core.MasterDir;
using Piuparts.Core.States;
using Piuparts.SitePipeline.History;
using Piuparts.SitePipeline.Model;
using Piuparts.SitePipeline.Pipeline;
using Piuparts.SitePipeline.Rendering;
using Piuparts.SitePipeline.Sources;

namespace Piuparts.SitePipeline.Modules;

/// <summary>
/// One page per source package and one per maintainer or uploader address (report.md §6.6,
/// §6.7), plus an index page of each (piuparts leaves those to the web server's listing). A
/// source's table is modelled once, only when a page showing it is rendered, and reused on its
/// maintainers' pages; until then its inputs' digest stands for it. A source page also
/// shows the history of its binaries' tests, and has its JSON twin beside it (SourceJson).
/// </summary>
public sealed class RenderSourcePages : IModule
{
    // Source and maintainer pages sit two directories below the section: section/source/a/apt.html.
    private const string ToSection = "../../";

    private const string ToRoot = "../../../";

    public IReadOnlyList<Document> Execute(SiteContext context, IReadOnlyList<Document> documents)
    {
        var output = documents.ToList();
        // A changed section's maintainer pages link the same address in the other sections: every
        // section's addresses are known, an unchanged one's from its record.
        var maintainersBySection = context.Sections.Where(s => !s.Unchanged).ToDictionary(s => s.Name, Maintainers, StringComparer.Ordinal);
        foreach (var section in context.Sections)
            section.MaintainerEmails = section.Previous?.Maintainers ?? [.. maintainersBySection[section.Name].Keys];
        var emailsBySection = context.Sections.ToDictionary(s => s.Name, s => s.MaintainerEmails!.ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var section in context.Sections.Where(s => !s.Unchanged))
        {
            // A source's pages are fingerprinted by the digest of their inputs (SourceInputs), so an
            // unchanged source is not modelled at all. Its table model is built only for rendering,
            // once, and shared by its page and its maintainers' pages.
            var digests = new Dictionary<string, Lazy<string>>(StringComparer.Ordinal);
            var blocks = new Dictionary<string, Lazy<BlockModel>>(StringComparer.Ordinal);
            foreach (var result in section.SourceResults)
            {
                var digest = new Lazy<string>(() => SourceInputs.Of(section, result, context.AcrossSections!.Of(result.Name)), LazyThreadSafetyMode.ExecutionAndPublication);
                digests[result.Name] = digest;
                var block = new Lazy<BlockModel>(() => Block(section, result), LazyThreadSafetyMode.ExecutionAndPublication);
                blocks[result.Name] = block;
                if (!Naming.IsSafeFileName(result.Name))
                    continue;
                var destination = $"{section.Name}/{Naming.SourcePage(result.Name)}";
                var history = new Lazy<IReadOnlyList<SourceHistory.Row>>(
                    () => SourceHistory.Rows(section, result.Binaries.Select(b => b.Name), ToSection), LazyThreadSafetyMode.ExecutionAndPublication);
                output.Add(PageFrame.Page(context, destination, $"Status of source package {result.Name} in {section.Name}", section.Name,
                    () => digest.Value, d => d,
                    _ => context.Templates.Render("source", new
                    {
                        Name = result.Name,
                        Section = section.Name,
                        Block = context.Templates.Render("source-block", block.Value),
                        Json = $"{result.Name}.json",
                        History = history.Value,
                    }),
                    "source"));
                // The page's machine-readable twin beside it.
                var json = Path.ChangeExtension(destination, ".json");
                output.Add(Document.FromModel(json, () => digest.Value, d => context.Fingerprints.Of(json, d),
                    _ => SourceJson.Serialize(SourceJson.Build(section, result, history.Value, ToSection, context.AcrossSections!.Of(result.Name)))));
            }
            output.Add(SourceIndex(context, section));

            var maintainers = maintainersBySection[section.Name];
            foreach (var (email, sources) in maintainers)
            {
                if (!Naming.IsSafeFileName(email))
                    continue;
                var destination = $"{section.Name}/{Naming.MaintainerPage(email)}";
                var others = context.Sections
                    .Where(s => s != section && emailsBySection[s.Name].Contains(email))
                    .Select(s => new OtherSection(s.Name, $"../../../{s.Name}/{Naming.MaintainerPage(email)}"))
                    .ToArray();
                output.Add(PageFrame.Page(context, destination, $"Status of {email} packages in {section.Name}", section.Name,
                    () => new MaintainerModel(email, section.Name, others, new[] { SourceVerdict.Fail, SourceVerdict.Unknown, SourceVerdict.Pass }
                        .Select(verdict => new MaintainerGroup(verdict.Word(), sources.Where(s => s.Verdict == verdict)
                            .Select(s => new MaintainerSource(s.Name, Naming.HtmlId(s.Name), digests[s.Name].Value)).ToArray()))
                        .ToArray()),
                    m => m,
                    m => context.Templates.Render("maintainer", new
                    {
                        m.Email,
                        Feed = ToRoot + RenderMaintainerFeeds.FeedOf(m.Email),
                        m.Section,
                        m.Others,
                        Groups = m.Groups.Select(g => new
                        {
                            g.Verdict,
                            Sources = g.Sources.Select(s => new { s.Name, s.Id, Block = context.Templates.Render("source-block", blocks[s.Name].Value) }).ToArray(),
                        }).ToArray(),
                    }),
                    "maintainer", feed: ToRoot + RenderMaintainerFeeds.FeedOf(email)));
            }
            output.Add(MaintainerIndex(context, section, maintainers));
        }
        return output;
    }

    /// <summary>E-mail address → its sources (each once, even when maintainer and uploader), addresses sorted.</summary>
    private static SortedDictionary<string, List<SourceReport>> Maintainers(SectionModel section)
    {
        var map = new SortedDictionary<string, List<SourceReport>>(StringComparer.Ordinal);
        foreach (var result in section.SourceResults)
        {
            var people = new List<string>();
            if (result.Source.Maintainer is { } maintainer)
                people.Add(maintainer);
            people.AddRange(result.Source.Uploaders);
            foreach (var email in people.Select(Naming.Email).OfType<string>().Distinct(StringComparer.Ordinal))
            {
                if (!map.TryGetValue(email, out var list))
                    map[email] = list = [];
                list.Add(result);
            }
        }
        return map;
    }

    private static BlockModel Block(SectionModel section, SourceReport result)
    {
        var root = "../../../";
        var binaries = result.Binaries.Select(b =>
        {
            if (b.Package == null)
                return new BinaryRow(b.Name, false, false, "", "", "", [], false, false, "", false);
            var state = b.State;
            var stateName = state.Name();
            var logs = new List<LogRow>();
            bool bug = false;
            foreach (var directory in StateDisplay.LogDirectories(state))
            {
                if (section.LatestLog(directory, b.Name) is not { } log)
                    continue;
                logs.Add(new LogRow(ToSection + log.RelativePath, log.Version, directory == LogDirectory.Fail ? "needs-bugging" : ""));
                bug |= directory is LogDirectory.Bugged or LogDirectory.Affected;
            }
            var labelClass = stateName.Contains("dependency", StringComparison.Ordinal) && !stateName.Contains("waiting", StringComparison.Ordinal)
                ? "dependency-error" : "";
            return new BinaryRow(b.Name, true, b.Package.Architecture == "all", stateName,
                $"{ToSection}state-{stateName}.html#{Naming.HtmlId(b.Name)}", labelClass, logs,
                StateDisplay.LogDirectories(state).Count == 0, bug, b.TestVersion ?? "", b.Package.SourceVersion != result.Version);
        }).ToArray();
        return new BlockModel(result.Name, Naming.HtmlId(result.Name), section.Name, root, result.Verdict.Word(), result.Version,
            Person(result.Source.Maintainer ?? ""), result.Source.Uploaders.Select(Person).ToArray(), binaries);
    }

    private static PersonLink Person(string text) =>
        Naming.Email(text) is { } email && Naming.IsSafeFileName(email)
            ? new PersonLink(text, ToSection + Naming.MaintainerPage(email))
            : new PersonLink(text, null);

    private static Document SourceIndex(SiteContext context, SectionModel section) =>
        DirectoryIndex(context, $"{section.Name}/source/index.html", $"Source packages in {section.Name}", section.Name, "Source packages", () =>
            section.SourceResults.Where(r => Naming.IsSafeFileName(r.Name))
                .Select(r => new IndexEntry(r.Name, Naming.SourcePage(r.Name)["source/".Length..], r.Verdict.Word()))
                .ToArray());

    private static Document MaintainerIndex(SiteContext context, SectionModel section, SortedDictionary<string, List<SourceReport>> maintainers) =>
        DirectoryIndex(context, $"{section.Name}/maintainer/index.html", $"Maintainers in {section.Name}", section.Name, "Maintainers and uploaders", () =>
            maintainers.Where(m => Naming.IsSafeFileName(m.Key))
                .Select(m => new IndexEntry(m.Key, Naming.MaintainerPage(m.Key)["maintainer/".Length..],
                    $"{m.Value.Count} source packages, {m.Value.Count(s => s.Verdict == SourceVerdict.Fail)} failing"))
                .ToArray());

    /// <summary>Entries per piece of an index page's list (see <see cref="ListPieces"/>), on average.</summary>
    public const int EntriesPerPiece = 256;

    // An index of a section's source or maintainer pages: 34,000 entries on full bookworm, cut into
    // pieces as a state page is, so a changed verdict renders the piece that lists its source.
    private static Document DirectoryIndex(SiteContext context, string destination, string title, string section, string heading,
        Func<IReadOnlyList<IndexEntry>> entries) =>
        PageFrame.Page(context, destination, title, section, () =>
        {
            var rows = entries();
            var (pieces, prints) = ListPieces.Cut(context.Fingerprints, rows, e => e.Name, (buffer, entry) => entry.WriteTo(buffer), EntriesPerPiece);
            return new PiecedIndex(new IndexPrint(heading, section, rows.Count, prints), pieces);
        },
        p => p.Print,
        p => IndexBody(context.Templates, p, PieceCache.Load(context.OutputDirectory, destination)), "directory-index");

    /// <summary>The body of an index page as UTF-8 parts, each piece of its list taken from <paramref name="cache"/> when its fingerprint is there.</summary>
    public static IReadOnlyList<ReadOnlyMemory<byte>> IndexBody(TemplateSet templates, PiecedIndex index, PieceCache? cache)
    {
        var print = index.Print;
        var rows = ListPieces.Render(index.Pieces, print.Pieces, cache, piece => templates.Render("directory-index-rows", new { Entries = piece }));
        return Splice.Around(templates.Render("directory-index", new { print.Heading, print.Section, print.Count, Rows = Splice.Hole }), rows);
    }

    /// <summary>An entry of an index page: the page's name, its link (relative to the index) and a note.</summary>
    public sealed record IndexEntry(string Name, string Href, string? Note)
    {
        /// <summary>Every field, for a piece's fingerprint.</summary>
        public void WriteTo(DigestBuffer buffer)
        {
            buffer.Write(Name);
            buffer.Write(Href);
            buffer.Write(Note);
        }
    }

    /// <summary>What an index page's fingerprint covers: its heading, its count and its pieces' fingerprints.</summary>
    public sealed record IndexPrint(string Heading, string Section, int Count, IReadOnlyList<string> Pieces);

    /// <summary>An index page's list cut into pieces, with what its fingerprint covers.</summary>
    public sealed record PiecedIndex(IndexPrint Print, IReadOnlyList<IndexEntry[]> Pieces);

    public sealed record BlockModel(string Name, string Id, string Section, string Root, string Verdict, string Version,
        PersonLink Maintainer, IReadOnlyList<PersonLink> Uploaders, IReadOnlyList<BinaryRow> Binaries);

    public sealed record MaintainerModel(string Email, string Section, IReadOnlyList<OtherSection> Others, IReadOnlyList<MaintainerGroup> Groups);

    public sealed record MaintainerGroup(string Verdict, IReadOnlyList<MaintainerSource> Sources);

    /// <summary>A source on a maintainer page: its table is fingerprinted by its inputs' digest, and built only to render.</summary>
    public sealed record MaintainerSource(string Name, string Id, string Inputs);

    public sealed record OtherSection(string Name, string Href);

    public sealed record BinaryRow(string Name, bool Known, bool All, string State, string StateHref, string LabelClass,
        IReadOnlyList<LogRow> Logs, bool Na, bool Bug, string Version, bool Cruft);

    public sealed record LogRow(string Href, string Version, string Class);

    public sealed record PersonLink(string Text, string? Href);
}
