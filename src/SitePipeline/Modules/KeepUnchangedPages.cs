using Piuparts.SitePipeline.Pipeline;

namespace Piuparts.SitePipeline.Modules;

/// <summary>
/// Keeps the pages of the sections FingerprintSections found unchanged: each page recorded for
/// the section and not rendered this run is passed on as kept, so WriteFiles neither renders
/// nor removes it and the manifest keeps its entry.
/// </summary>
public sealed class KeepUnchangedPages : IModule
{
    public IReadOnlyList<Document> Execute(SiteContext context, IReadOnlyList<Document> documents)
    {
        var output = documents.ToList();
        var produced = documents.Select(d => d.Destination).ToHashSet(StringComparer.Ordinal);
        foreach (var section in context.Sections.Where(s => s.Unchanged))
        {
            foreach (var page in context.Manifest.PagesOf(section.Name))
            {
                if (!produced.Contains(page) && context.Manifest.Recorded(page) is { } fingerprint)
                    output.Add(Document.Kept(page, fingerprint));
            }
        }
        return output;
    }
}
