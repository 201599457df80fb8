using Piuparts.Core.MasterDir;
using Piuparts.Core.States;
using Piuparts.SitePipeline.Model;
using Piuparts.SitePipeline.Pipeline;
using Piuparts.SitePipeline.Rendering;
using Piuparts.SitePipeline.Sources;

namespace Piuparts.SitePipeline.Modules;

/// <summary>
/// One page per source package and one per maintainer or uploader address (report.md §6.6,
/// §6.7), plus an index page of each (piuparts leaves those to the web server's listing). A
/// source's table is rendered once and reused on its maintainers' pages.
/// </summary>
public sealed class RenderSourcePages : IModule
{
    // Source and maintainer pages sit two directories below the section: section/source/a/apt.html.
    private const string ToSection = "../../";

    public IReadOnlyList<Document> Execute(SiteContext context, IReadOnlyList<Document> documents)
    {
        var output = documents.ToList();
        var maintainersBySection = context.Sections.ToDictionary(s => s.Name, Maintainers, StringComparer.Ordinal);
        foreach (var section in context.Sections)
        {
            var blocks = new Dictionary<string, Lazy<string>>(StringComparer.Ordinal);
            foreach (var result in section.SourceResults)
            {
                var block = new Lazy<string>(() => Block(context, section, result), LazyThreadSafetyMode.ExecutionAndPublication);
                blocks[result.Name] = block;
                if (!Naming.IsSafeFileName(result.Name))
                    continue;
                var destination = $"{section.Name}/{Naming.SourcePage(result.Name)}";
                output.Add(Document.Text(destination, () => PageFrame.Render(context, destination,
                    $"Status of source package {result.Name} in {section.Name}", section.Name,
                    context.Templates.Render("source", new { Name = result.Name, Section = section.Name, Block = block.Value }))));
            }
            output.Add(SourceIndex(context, section));

            var maintainers = maintainersBySection[section.Name];
            foreach (var (email, sources) in maintainers)
            {
                if (!Naming.IsSafeFileName(email))
                    continue;
                var destination = $"{section.Name}/{Naming.MaintainerPage(email)}";
                var others = context.Sections
                    .Where(s => s != section && maintainersBySection[s.Name].ContainsKey(email))
                    .Select(s => new { s.Name, Href = $"../../../{s.Name}/{Naming.MaintainerPage(email)}" })
                    .ToArray();
                output.Add(Document.Text(destination, () =>
                {
                    var groups = new[] { SourceVerdict.Fail, SourceVerdict.Unknown, SourceVerdict.Pass }.Select(verdict => new
                    {
                        Verdict = verdict.Word(),
                        Sources = sources.Where(s => s.Verdict == verdict)
                            .Select(s => new { s.Name, Id = Naming.HtmlId(s.Name), Block = blocks[s.Name].Value })
                            .ToArray(),
                    }).ToArray();
                    var body = context.Templates.Render("maintainer", new { Email = email, Section = section.Name, Others = others, Groups = groups });
                    return PageFrame.Render(context, destination, $"Status of {email} packages in {section.Name}", section.Name, body);
                }));
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

    private static string Block(SiteContext context, SectionModel section, SourceReport result)
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
        return context.Templates.Render("source-block", new
        {
            Name = result.Name,
            Id = Naming.HtmlId(result.Name),
            Section = section.Name,
            Root = root,
            Verdict = result.Verdict.Word(),
            Version = result.Version,
            Maintainer = Person(result.Source.Maintainer ?? ""),
            Uploaders = result.Source.Uploaders.Select(Person).ToArray(),
            Binaries = binaries,
        });
    }

    private static PersonLink Person(string text) =>
        Naming.Email(text) is { } email && Naming.IsSafeFileName(email)
            ? new PersonLink(text, ToSection + Naming.MaintainerPage(email))
            : new PersonLink(text, null);

    private static Document SourceIndex(SiteContext context, SectionModel section)
    {
        var destination = $"{section.Name}/source/index.html";
        return Document.Text(destination, () =>
        {
            var entries = section.SourceResults.Where(r => Naming.IsSafeFileName(r.Name))
                .Select(r => new { r.Name, Href = Naming.SourcePage(r.Name)["source/".Length..], Note = r.Verdict.Word() })
                .ToArray();
            var body = context.Templates.Render("directory-index", new { Heading = "Source packages", Section = section.Name, Entries = entries });
            return PageFrame.Render(context, destination, $"Source packages in {section.Name}", section.Name, body);
        });
    }

    private static Document MaintainerIndex(SiteContext context, SectionModel section, SortedDictionary<string, List<SourceReport>> maintainers)
    {
        var destination = $"{section.Name}/maintainer/index.html";
        return Document.Text(destination, () =>
        {
            var entries = maintainers.Where(m => Naming.IsSafeFileName(m.Key))
                .Select(m => new
                {
                    Name = m.Key,
                    Href = Naming.MaintainerPage(m.Key)["maintainer/".Length..],
                    Note = $"{m.Value.Count} source packages, {m.Value.Count(s => s.Verdict == SourceVerdict.Fail)} failing",
                })
                .ToArray();
            var body = context.Templates.Render("directory-index", new { Heading = "Maintainers and uploaders", Section = section.Name, Entries = entries });
            return PageFrame.Render(context, destination, $"Maintainers in {section.Name}", section.Name, body);
        });
    }

    public sealed record BinaryRow(string Name, bool Known, bool All, string State, string StateHref, string LabelClass,
        IReadOnlyList<LogRow> Logs, bool Na, bool Bug, string Version, bool Cruft);

    public sealed record LogRow(string Href, string Version, string Class);

    public sealed record PersonLink(string Text, string? Href);
}
