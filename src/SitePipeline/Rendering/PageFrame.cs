using System.Globalization;
using Piuparts.SitePipeline.Pipeline;

namespace Piuparts.SitePipeline.Rendering;

/// <summary>Puts a page body into the shared layout, with links relative to the page's own place in the tree.</summary>
public static class PageFrame
{
    /// <summary>"../../" for "sid/source/a/apt.html": the way back to the site root, so the tree works under any doc-root and from the file system.</summary>
    public static string RootOf(string destination) =>
        string.Concat(Enumerable.Repeat("../", destination.Count(c => c == '/')));

    /// <param name="feed">An Atom feed of the page's own (relative to it), linked besides the section's.</param>
    public static string Render(SiteContext context, string destination, string title, string? section, string body, bool showTime = false, string? feed = null)
    {
        var root = RootOf(destination);
        var feeds = new List<FeedLink>();
        if (section != null)
            feeds.Add(new FeedLink($"{root}{section}/{Modules.RenderFeeds.FileName}", $"State changes in {section}"));
        if (feed != null)
            feeds.Add(new FeedLink(feed, "State changes of these packages"));
        var model = new FrameModel(
            title,
            root,
            feeds,
            context.Navigation(section),
            body,
            showTime ? context.Options.Now.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) : null,
            showTime ? context.Options.Now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) : null);
        return context.Templates.Render("layout", model);
    }

    /// <summary>
    /// A page whose body is <paramref name="template"/> rendered with the model
    /// <paramref name="model"/> builds; its fingerprint covers the model, the frame and the
    /// navigation, so it is rendered only when one of them changed.
    /// </summary>
    public static Document Page<TModel>(SiteContext context, string destination, string title, string? section, string template, Func<TModel> model, bool showTime = false)
        where TModel : notnull =>
        Page(context, destination, title, section, model, m => m, m => context.Templates.Render(template, m), template, showTime);

    /// <summary>
    /// A page whose body <paramref name="body"/> renders from the model; <paramref name="inputs"/>
    /// gives what the fingerprint covers (the model, or a smaller equivalent of it).
    /// </summary>
    public static Document Page<TModel>(SiteContext context, string destination, string title, string? section,
        Func<TModel> model, Func<TModel, object> inputs, Func<TModel, string> body, string kind, bool showTime = false, string? feed = null) =>
        Document.FromModel(destination, model,
            m => Fingerprint(context, destination, title, section, kind, showTime, feed, inputs(m)),
            m => Render(context, destination, title, section, body(m), showTime, feed));

    /// <summary>
    /// Like <see cref="Page{TModel}(SiteContext, string, string, string?, Func{TModel}, Func{TModel, object}, Func{TModel, string}, string, bool, string?)"/>
    /// for a big page whose body comes as UTF-8 parts (see <see cref="Splice"/>).
    /// </summary>
    public static Document Page<TModel>(SiteContext context, string destination, string title, string? section,
        Func<TModel> model, Func<TModel, object> inputs, Func<TModel, IReadOnlyList<ReadOnlyMemory<byte>>> body, string kind) =>
        Document.FromModel(destination, model,
            m => Fingerprint(context, destination, title, section, kind, showTime: false, feed: null, inputs(m)),
            m => Splice.Join(Splice.Around(Render(context, destination, title, section, Splice.Hole), body(m))));

    // What a page's fingerprint covers besides its model's inputs: the frame and the navigation.
    private static string Fingerprint(SiteContext context, string destination, string title, string? section, string kind, bool showTime, string? feed, object inputs) =>
        context.Fingerprints.Of(destination, title, section, kind, showTime ? context.Options.Now : null, context.NavigationPrint(section), feed, inputs);

    public sealed record FrameModel(string Title, string Root, IReadOnlyList<FeedLink> Feeds, IReadOnlyList<NavSection> Sections, string Body, string? Updated, string? UpdatedIso);

    public sealed record FeedLink(string Href, string Title);

    public sealed record NavSection(string Name, bool Current, bool Chart);
}
