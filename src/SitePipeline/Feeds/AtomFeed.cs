using System.Globalization;
using System.Text;
using System.Xml;

namespace Piuparts.SitePipeline.Feeds;

/// <summary>
/// An Atom feed (RFC 4287) of state changes. Feed readers resolve links against the feed's own
/// address unreliably, so links here are absolute, under https://{web-host}{doc-root}/ as in
/// summary.json and the sitemap. The feed's updated time is its newest entry's, so a feed
/// without new entries keeps its bytes.
/// </summary>
public static class AtomFeed
{
    public const string Namespace = "http://www.w3.org/2005/Atom";

    /// <param name="baseUrl">https://{web-host}{doc-root}/, ending in '/'.</param>
    /// <param name="self">The feed's path under the site root.</param>
    /// <param name="page">The page the feed is about, under the site root.</param>
    public static byte[] Render(string baseUrl, string self, string page, string title, IReadOnlyList<FeedEntry> entries, DateTimeOffset empty)
    {
        var text = new StringBuilder();
        using (var xml = XmlWriter.Create(text, new XmlWriterSettings { Indent = true, NewLineChars = "\n", OmitXmlDeclaration = true }))
        {
            xml.WriteStartElement("feed", Namespace);
            xml.WriteElementString("id", Namespace, baseUrl + self);
            xml.WriteElementString("title", Namespace, title);
            xml.WriteElementString("updated", Namespace, Time(entries.Count > 0 ? entries.Max(e => e.Updated) : empty));
            Link(xml, "self", baseUrl + self, "application/atom+xml");
            Link(xml, "alternate", baseUrl + page, "text/html");
            xml.WriteStartElement("author", Namespace);
            xml.WriteElementString("name", Namespace, "piuparts-site");
            xml.WriteEndElement();
            xml.WriteElementString("generator", Namespace, "piuparts-site");
            foreach (var entry in entries)
            {
                xml.WriteStartElement("entry", Namespace);
                xml.WriteElementString("id", Namespace, entry.Id);
                var change = entry.IsFailure ? "fails" : "passes again";
                xml.WriteElementString("title", Namespace, $"{entry.Package} {entry.Version} {change} in {entry.Section}");
                xml.WriteElementString("updated", Namespace, Time(entry.Updated));
                Link(xml, "alternate", baseUrl + $"{entry.Section}/{Model.Naming.SourcePage(entry.Source)}", "text/html");
                xml.WriteStartElement("category", Namespace);
                xml.WriteAttributeString("term", entry.IsFailure ? "failure" : "fix");
                xml.WriteEndElement();
                xml.WriteElementString("summary", Namespace,
                    $"{entry.Package} {entry.Version} (source {entry.Source}) is {entry.State} in {entry.Section}, was {entry.Previous ?? "not in the section"}.");
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        return Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" + text + "\n");
    }

    private static void Link(XmlWriter xml, string rel, string href, string type)
    {
        xml.WriteStartElement("link", Namespace);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
