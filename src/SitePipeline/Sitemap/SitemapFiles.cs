using System.Text;
using System.Xml;

namespace Piuparts.SitePipeline.Sitemap;

/// <summary>
/// sitemap.xml (sitemaps.org 0.9): every page of the site as an absolute URL under
/// https://{web-host}{doc-root}/, as the protocol requires. Up to 50,000 URLs it is one
/// urlset; a bigger site gets sitemap-1.xml, sitemap-2.xml, ... and sitemap.xml indexes them.
/// robots.txt allows every crawler and names sitemap.xml, as the robots exclusion protocol lets
/// it (crawlers read it at the host's root: with a doc-root, the operator copies it there).
/// </summary>
public static class SitemapFiles
{
    public const string FileName = "sitemap.xml";

    public const string RobotsFileName = "robots.txt";

    /// <summary>The protocol's limit of URLs per file.</summary>
    public const int MaxUrls = 50_000;

    private const string Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

    /// <summary>The files (name, text) for the pages given relative to the site root.</summary>
    public static IReadOnlyList<(string Name, string Text)> Build(string webHost, string docRoot, IEnumerable<string> pages, int maxUrls = MaxUrls)
    {
        var baseUrl = $"https://{webHost}{docRoot}/";
        var urls = pages.Order(StringComparer.Ordinal).Select(p => baseUrl + Escape(p)).ToArray();
        if (urls.Length <= maxUrls)
            return [(FileName, Write("urlset", "url", urls))];
        var files = urls.Chunk(maxUrls).Select((chunk, i) => ($"sitemap-{i + 1}.xml", Write("urlset", "url", chunk))).ToList();
        files.Insert(0, (FileName, Write("sitemapindex", "sitemap", files.Select(f => baseUrl + f.Item1).ToArray())));
        return files;
    }

    /// <summary>The names of the files <see cref="Build"/> makes for <paramref name="pageCount"/> pages, in its order.</summary>
    public static IReadOnlyList<string> Names(int pageCount, int maxUrls = MaxUrls) =>
        pageCount <= maxUrls
            ? [FileName]
            : [FileName, .. Enumerable.Range(1, (pageCount + maxUrls - 1) / maxUrls).Select(i => $"sitemap-{i}.xml")];

    /// <summary>robots.txt: everything may be crawled, and where the sitemap is.</summary>
    public static string Robots(string webHost, string docRoot) =>
        $"User-agent: *\nDisallow:\nSitemap: https://{webHost}{docRoot}/{FileName}\n";

    // Each path segment percent-encoded (RFC 3986), '/' kept.
    private static string Escape(string path) => string.Join('/', path.Split('/').Select(Uri.EscapeDataString));

    private static string Write(string root, string element, IReadOnlyList<string> locations)
    {
        var text = new StringBuilder();
        using (var xml = XmlWriter.Create(text, new XmlWriterSettings { Indent = true, Encoding = Encoding.UTF8, NewLineChars = "\n" }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement(root, Namespace);
            foreach (var location in locations)
            {
                xml.WriteStartElement(element, Namespace);
                xml.WriteElementString("loc", Namespace, location);
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        return text.Append('\n').ToString().Replace("encoding=\"utf-16\"", "encoding=\"UTF-8\"", StringComparison.Ordinal);
    }
}
