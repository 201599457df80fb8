using System.Globalization;
using Piuparts.SitePipeline.Pipeline;

namespace Piuparts.SitePipeline.Rendering;

/// <summary>Puts a page body into the shared layout, with links relative to the page's own place in the tree.</summary>
public static class PageFrame
{
    /// <summary>"../../" for "sid/source/a/apt.html": the way back to the site root, so the tree works under any doc-root and from the file system.</summary>
    public static string RootOf(string destination) =>
        string.Concat(Enumerable.Repeat("../", destination.Count(c => c == '/')));

    public static string Render(SiteContext context, string destination, string title, string? section, string body, bool showTime = false)
    {
        var model = new FrameModel(
            title,
            RootOf(destination),
            context.Navigation(section),
            body,
            showTime ? context.Options.Now.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) : null,
            showTime ? context.Options.Now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) : null);
        return context.Templates.Render("layout", model);
    }

    public sealed record FrameModel(string Title, string Root, IReadOnlyList<NavSection> Sections, string Body, string? Updated, string? UpdatedIso);

    public sealed record NavSection(string Name, bool Current, bool Chart);
}
