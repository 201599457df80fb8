using System.Globalization;
using System.Xml.Linq;

namespace Piuparts.SitePipeline.Tests.Support;

/// <summary>
/// Checks an Atom document against the rules of RFC 4287 that matter to feed readers: a feed
/// element in the Atom namespace with one id, title and updated; an author (of the feed or of
/// every entry); a self link; each entry with one id (an absolute IRI, unique in the feed),
/// title and updated, and an alternate link; dates in RFC 3339.
/// </summary>
public static class AtomChecks
{
    public static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    public static IReadOnlyList<string> Problems(string text)
    {
        var problems = new List<string>();
        XDocument document;
        try
        {
            document = XDocument.Parse(text);
        }
        catch (System.Xml.XmlException e)
        {
            return [$"not XML: {e.Message}"];
        }
        var feed = document.Root!;
        if (feed.Name != Atom + "feed")
            return [$"root is {feed.Name}, not atom:feed"];
        One(feed, "feed", problems);
        if (!feed.Elements(Atom + "link").Any(l => (string?)l.Attribute("rel") == "self" && Uri.IsWellFormedUriString((string?)l.Attribute("href"), UriKind.Absolute)))
            problems.Add("feed: no absolute self link");
        bool feedAuthor = feed.Elements(Atom + "author").Any(a => a.Element(Atom + "name") != null);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in feed.Elements(Atom + "entry"))
        {
            var id = (string?)entry.Element(Atom + "id") ?? "";
            One(entry, $"entry {id}", problems);
            if (!ids.Add(id))
                problems.Add($"entry {id}: id used twice");
            if (!feedAuthor && entry.Element(Atom + "author") == null)
                problems.Add($"entry {id}: no author");
            if (!entry.Elements(Atom + "link").Any(l => (string?)l.Attribute("rel") is null or "alternate"))
                problems.Add($"entry {id}: no alternate link");
        }
        return problems;
    }

    private static void One(XElement element, string what, List<string> problems)
    {
        foreach (var name in new[] { "id", "title", "updated" })
        {
            if (element.Elements(Atom + name).Count() != 1)
                problems.Add($"{what}: needs exactly one {name}");
        }
        if (element.Element(Atom + "id") is { } id && !Uri.IsWellFormedUriString(id.Value, UriKind.Absolute))
            problems.Add($"{what}: id {id.Value} is not an absolute IRI");
        if (element.Element(Atom + "updated") is { } updated
            && !DateTimeOffset.TryParseExact(updated.Value, ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"], CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            problems.Add($"{what}: updated {updated.Value} is not an RFC 3339 date");
    }
}
