using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Piuparts.Differential.Tests.Report;

/// <summary>
/// What a report's pages list, read the same way from Debian's HTML 4 markup and from ours:
/// both give each package of a state page a list item with an id (its nested dependency items
/// have none) whose first link has the binary package name as text, and both link each log of a
/// log list page as <c>&lt;dir&gt;/&lt;package&gt;_&lt;version&gt;.log</c>.
/// </summary>
public static class ReportPages
{
    private static readonly HtmlParser Parser = new();

    /// <summary>The binary packages a state-*.html page lists, in page order.</summary>
    public static IReadOnlyList<string> StatePackages(string page)
    {
        var document = Parse(page);
        return document.QuerySelectorAll("li[id]").Select(PackageName).ToList();
    }

    /// <summary>The logs a log list page (pass.html, fail.html, ...) links, as "dir/file.log".</summary>
    public static SortedSet<string> LogLinks(string page)
    {
        var document = Parse(page);
        return new SortedSet<string>(
            document.QuerySelectorAll("a[href]")
                .Select(a => a.GetAttribute("href")!)
                .Where(href => href.EndsWith(".log", StringComparison.Ordinal))
                .Select(href => string.Join('/', href.Split('/')[^2..])),
            StringComparer.Ordinal);
    }

    // The text of the item's own first link; an item without one starts with the name.
    private static string PackageName(IElement item)
    {
        var link = item.Children.FirstOrDefault(c => c.LocalName == "a");
        var text = link?.TextContent ?? item.ChildNodes.FirstOrDefault(n => n.NodeType == NodeType.Text)?.TextContent ?? "";
        return text.Trim().Split(' ', 2)[0];
    }

    private static IDocument Parse(string page) => Parser.ParseDocument(File.ReadAllText(page));
}
