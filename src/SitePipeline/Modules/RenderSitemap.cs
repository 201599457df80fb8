using Piuparts.SitePipeline.Pipeline;
using Piuparts.SitePipeline.Sitemap;

namespace Piuparts.SitePipeline.Modules;

/// <summary>
/// sitemap.xml of every page of the site, the kept pages of unchanged sections included (so it
/// runs after KeepUnchangedPages), and robots.txt naming it. The sitemap files are fingerprinted
/// by a digest of the list of pages, so that they are built only when a page came or went.
/// </summary>
public sealed class RenderSitemap : IModule
{
    public IReadOnlyList<Document> Execute(SiteContext context, IReadOnlyList<Document> documents)
    {
        var output = documents.ToList();
        var pages = documents.Select(d => d.Destination).Where(d => d.EndsWith(".html", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray();
        var inputs = context.Fingerprints.OfFields(buffer =>
        {
            buffer.Write(context.WebHost);
            buffer.Write(context.DocRoot);
            buffer.Write(pages.Length);
            foreach (var page in pages)
                buffer.Write(page);
        });
        var files = new Lazy<IReadOnlyList<(string Name, string Text)>>(() => SitemapFiles.Build(context.WebHost, context.DocRoot, pages),
            LazyThreadSafetyMode.ExecutionAndPublication);
        var names = SitemapFiles.Names(pages.Length);
        for (int i = 0; i < names.Count; i++)
        {
            var (name, index) = (names[i], i);
            output.Add(Document.FromModel(name, () => inputs, d => context.Fingerprints.Of(name, d), _ => files.Value[index].Text));
        }
        var robots = SitemapFiles.Robots(context.WebHost, context.DocRoot);
        output.Add(Document.Text(SitemapFiles.RobotsFileName, () => robots));
        return output;
    }
}
