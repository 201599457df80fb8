using Piuparts.SitePipeline.Pipeline;
using Piuparts.SitePipeline.Sitemap;

namespace Piuparts.SitePipeline.Modules;

/// <summary>sitemap.xml of every page of the site, the kept pages of unchanged sections included (so it runs after KeepUnchangedPages), and robots.txt naming it.</summary>
public sealed class RenderSitemap : IModule
{
    public IReadOnlyList<Document> Execute(SiteContext context, IReadOnlyList<Document> documents)
    {
        var output = documents.ToList();
        var pages = documents.Select(d => d.Destination).Where(d => d.EndsWith(".html", StringComparison.Ordinal)).ToArray();
        foreach (var (name, text) in SitemapFiles.Build(context.WebHost, context.DocRoot, pages))
            output.Add(Document.Text(name, () => text));
        var robots = SitemapFiles.Robots(context.WebHost, context.DocRoot);
        output.Add(Document.Text(SitemapFiles.RobotsFileName, () => robots));
        return output;
    }
}
