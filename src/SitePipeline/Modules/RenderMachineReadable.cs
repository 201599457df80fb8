using Piuparts.SitePipeline.History;
using Piuparts.SitePipeline.Pipeline;
using Piuparts.SitePipeline.Sources;
using Piuparts.SitePipeline.Summary;
using Piuparts.SitePipeline.Yaml;

namespace Piuparts.SitePipeline.Modules;

/// <summary>
/// The files other programs read (summary.md): per section summary.json (unless json-sections
/// is none), sources.txt (tracker.debian.org), sources.yaml and a copy of counts.txt; and
/// sections.yaml at the top.
/// </summary>
public sealed class RenderMachineReadable : IModule
{
    public IReadOnlyList<Document> Execute(SiteContext context, IReadOnlyList<Document> documents)
    {
        var output = documents.ToList();
        var date = SummaryDate.Format(context.Options.Now);
        var table = DebianReleaseTable.Load(DebianReleaseTable.DefaultPath);
        foreach (var error in table.Errors)
            context.Log($"{error}");
        var standard = new StandardDistribution(table, DateOnly.FromDateTime(context.Options.Now.UtcDateTime));
        output.Add(Document.Text(SectionsYaml.FileName, () => SectionsYaml.Render(context.AllSections)));
        foreach (var section in context.Sections)
        {
            // An unchanged section's sources.txt and sources.yaml are as the last run wrote them.
            if (!section.Unchanged)
            {
                var verdicts = section.SourceResults.Select(r => new SourceResult(r.Name, r.Verdict, r.Version)).ToArray();
                output.Add(Document.Text($"{section.Name}/{SourcesTxt.FileName}", () => SourcesTxt.Render(verdicts)));
                output.Add(Document.Text($"{section.Name}/{SourcesYaml.FileName}", () => SourcesYaml.Render(verdicts)));
            }
            var counts = Path.Combine(section.Directory.Path, CountsFile.FileName);
            if (File.Exists(counts))
                output.Add(new Document($"{section.Name}/{CountsFile.FileName}", () => File.ReadAllBytes(counts)));
            if (!section.HasSummary)
                continue;
            var settings = section.Settings;
            var names = ReportingNames.FromJsonSections(settings["json-sections"], () => standard.Name(settings.Distro, settings.DistroList));
            section.SummaryNames = names;
            var destination = $"{section.Name}/{GlobalSummary.FileName}";
            output.Add(new Document(destination, () =>
            {
                // Unchanged, and reported under the same names: the last summary with today's date.
                if (section.Previous?.SummaryNames is { } previous && previous.SequenceEqual(names, StringComparer.Ordinal)
                    && ReadIfExists(Path.Combine(context.OutputDirectory, destination)) is { } written
                    && SummaryJson.WithDate(written, date) is { } redated)
                    return redated;
                var db = section.Db;
                // In name order: a source's binaries share its URL, so their order does not change the summary.
                var binaries = db.PackagesByName().Select(p => new SummaryBinary(p.Package.Name, p.Package.SourceName, p.Resolved)).ToArray();
                var summary = SectionSummary.Build(section.Name, names, binaries, n => db.Reverse(n).BlockCount,
                    context.WebHost, context.DocRoot, date, out var warnings);
                foreach (var warning in warnings)
                    context.Log($"{section.Name}: {warning}");
                var bytes = SummaryJson.Serialize(summary);
                section.BuiltSummary = summary;
                return bytes;
            }));
        }
        return output;
    }

    private static byte[]? ReadIfExists(string path)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
