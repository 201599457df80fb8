using Piuparts.SitePipeline.Pipeline;
using Piuparts.SitePipeline.Rendering;
using Piuparts.SitePipeline.Search;

namespace Piuparts.SitePipeline.Modules;

/// <summary>
/// The search: each changed section's index (search-index.js; an unchanged section's stays as
/// the last run wrote it) and search.html, the page that shows the results of ?q=. The box on
/// every page and its script (search.js) are part of the layout and the assets.
/// </summary>
public sealed class RenderSearch : IModule
{
    public IReadOnlyList<Document> Execute(SiteContext context, IReadOnlyList<Document> documents)
    {
        var output = documents.ToList();
        foreach (var section in context.Sections.Where(s => !s.Unchanged))
        {
            output.Add(new Document($"{section.Name}/{SearchIndex.FileName}", () =>
            {
                var binaries = section.Db.PackagesByName().Select(p => (p.Package.Name, p.Package.SourceName, p.Own));
                return SearchIndex.Script(SearchIndex.Json(section.Name, section.SourceResults, binaries, section.MaintainerEmails ?? []));
            }));
        }
        output.Add(PageFrame.Page(context, "search.html", "Search", null, "search", () => new { Sections = context.AllSections }));
        return output;
    }
}
