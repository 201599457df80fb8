using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace Piuparts.SitePipeline.Model;

/// <summary>The naming rules of the site's URLs (report.md §3), kept identical to piuparts' so links keep working.</summary>
public static partial class Naming
{
    /// <summary>source/&lt;subdir&gt;/&lt;source&gt;.html, relative to the section directory.</summary>
    public static string SourcePage(string source) => $"source/{Sources.SourcePage.Subdirectory(source)}/{source}.html";

    /// <summary>HTML id of a package or source: '+' is not safe in every fragment, piuparts uses '_'.</summary>
    public static string HtmlId(string name) => name.Replace('+', '_');

    [GeneratedRegex("(.*)<(.*@.*)>", RegexOptions.CultureInvariant)]
    private static partial Regex Address();

    /// <summary>The e-mail address of a "Name &lt;address&gt;" text, or null when it has none.</summary>
    /// <remarks>
    /// What piuparts' pattern <c>(.*)&lt;(.*@.*)&gt;</c> finds, found by searching back from the end:
    /// from the last '&lt;' before the last '@' before the last '&gt;', up to that '&gt;'. The pattern
    /// itself only for a text of several lines (its '.' stops at a line end). Asked for every
    /// maintainer and uploader of the archive at each run.
    /// </remarks>
    public static string? Email(string person)
    {
        if (person.Contains('\n'))
        {
            var match = Address().Match(person);
            return match.Success ? match.Groups[2].Value : null;
        }
        int close = person.LastIndexOf('>');
        int at = close < 0 ? -1 : person.LastIndexOf('@', close);
        int open = at < 0 ? -1 : person.LastIndexOf('<', at);
        return open < 0 ? null : person[(open + 1)..close];
    }

    /// <summary>maintainer/&lt;letter&gt;/&lt;email&gt;.html, relative to the section directory.</summary>
    public static string MaintainerPage(string email) => $"maintainer/{char.ToLowerInvariant(email[0])}/{email}.html";

    /// <summary>A name that is safe as one path component of the output tree.</summary>
    public static bool IsSafeFileName(string name) =>
        name.Length > 0 && name is not ("." or "..") && !name.Contains('/') && !name.Contains('\0');

    /// <summary>
    /// What the site itself puts at the top of the output directory, beside the sections: its
    /// pages, assets, machine-readable files, the feeds across sections (maintainer/) and the
    /// report's cache. A section directory of one of these names would mix with them.
    /// </summary>
    public static readonly FrozenSet<string> SiteRootNames = new[]
    {
        "index.html", "overview.html", "news.html", "bug_howto.html", "failures.html", "recent.html", "search.html",
        "search.js", "style.css", "favicon.ico", "favicon.svg", "images", "maintainer", Sitemap.SitemapFiles.RobotsFileName,
        Sitemap.SitemapFiles.FileName, Yaml.SectionsYaml.FileName, Summary.GlobalSummary.FileName, Pipeline.PageManifest.CacheDirectory,
    }.ToFrozenSet(StringComparer.Ordinal);

    [GeneratedRegex("^sitemap-[0-9]+\\.xml$", RegexOptions.CultureInvariant)]
    private static partial Regex SitemapPart();

    /// <summary>Whether a section named <paramref name="section"/> would have its directory among the site's own top-level files.</summary>
    public static bool IsSiteRootName(string section)
    {
        var top = section.Split('/')[0];
        return SiteRootNames.Contains(top) || SitemapPart().IsMatch(top);
    }
}
