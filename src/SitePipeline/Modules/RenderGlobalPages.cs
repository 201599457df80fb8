using Piuparts.Core.States;
using Piuparts.SitePipeline.Pipeline;
using Piuparts.SitePipeline.Rendering;

namespace Piuparts.SitePipeline.Modules;

/// <summary>The pages above the sections (report.md §7.2, §7.3): about (index.html), news, how to file bugs, and the overview of all suites' charts.</summary>
public sealed class RenderGlobalPages : IModule
{
    private static readonly (string Page, string Prose, string Title)[] ProsePages =
    [
        ("index.html", "index", "About piuparts"),
        ("news.html", "news", "News"),
        ("bug_howto.html", "bug_howto", "How to file bugs based on piuparts results"),
    ];

    public IReadOnlyList<Document> Execute(SiteContext context, IReadOnlyList<Document> documents)
    {
        var output = documents.ToList();
        foreach (var (page, prose, title) in ProsePages)
        {
            output.Add(PageFrame.Page(context, page, title, null, "prose", () =>
            {
                var sections = page == "index.html"
                    ? context.Sections.Select(s => new
                    {
                        s.Name,
                        Description = RenderSectionPages.Description(s),
                        Total = s.PackageCount,
                        Failed = s.StateCounts[(int)PackageState.FailedTesting],
                    }).ToArray()
                    : [];
                return new { Body = context.Templates.Prose(prose) ?? "", Sections = sections };
            }, showTime: true));
        }
        output.Add(PageFrame.Page(context, "overview.html", "Overview of the suites tested", null, "overview", () =>
        {
            var charted = context.Sections.Where(s => s.HasChart).Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
            return new
            {
                Sections = context.AllSections.Select(s => new { Name = s, Chart = charted.Contains(s) }).ToArray(),
            };
        }, showTime: true));
        return output;
    }
}
