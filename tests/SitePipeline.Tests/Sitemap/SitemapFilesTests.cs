using System.Xml.Linq;
using Piuparts.SitePipeline.Sitemap;
using Piuparts.SitePipeline.Tests.Support;

namespace Piuparts.SitePipeline.Tests.Sitemap;

/// <summary>sitemap.xml: every page once, as an absolute URL under web-host and doc-root, split past the protocol's limit.</summary>
public sealed class SitemapFilesTests(SampleSite sample) : IClassFixture<SampleSite>
{
    private static readonly XNamespace Ns = "http://www.sitemaps.org/schemas/sitemap/0.9";

    private static string[] Locations(string text) =>
        XDocument.Parse(text).Root!.Elements().Select(e => e.Element(Ns + "loc")!.Value).ToArray();

    [Fact]
    public void Pages_are_listed_in_order_as_absolute_urls_with_each_segment_escaped()
    {
        var files = SitemapFiles.Build("qa.example.net", "/piuparts", ["sid/source/c/c++pkg.html", "index.html", "sid/maintainer/a/ann@example.org.html"]);

        var (name, text) = Assert.Single(files);
        Assert.Equal("sitemap.xml", name);
        Assert.Equal("urlset", XDocument.Parse(text).Root!.Name.LocalName);
        Assert.Equal(
            [
                "https://qa.example.net/piuparts/index.html",
                "https://qa.example.net/piuparts/sid/maintainer/a/ann%40example.org.html",
                "https://qa.example.net/piuparts/sid/source/c/c%2B%2Bpkg.html",
            ],
            Locations(text));
    }

    [Fact]
    public void More_pages_than_one_file_may_hold_are_split_and_indexed_by_sitemap_xml()
    {
        var pages = Enumerable.Range(0, 5).Select(i => $"p{i}.html");

        var files = SitemapFiles.Build("h", "", pages, maxUrls: 2);

        Assert.Equal(["sitemap.xml", "sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml"], files.Select(f => f.Name));
        Assert.Equal("sitemapindex", XDocument.Parse(files[0].Text).Root!.Name.LocalName);
        Assert.Equal(["https://h/sitemap-1.xml", "https://h/sitemap-2.xml", "https://h/sitemap-3.xml"], Locations(files[0].Text));
        Assert.Equal(["https://h/p4.html"], Locations(files[3].Text));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    public void The_names_of_the_files_are_known_before_they_are_built(int count)
    {
        var pages = Enumerable.Range(0, count).Select(i => $"p{i}.html");

        Assert.Equal(SitemapFiles.Build("h", "", pages, maxUrls: 2).Select(f => f.Name), SitemapFiles.Names(count, maxUrls: 2));
    }

    [Fact]
    public void The_sitemap_of_the_sample_site_lists_every_page_of_it()
    {
        Assert.True(sample.ExitCode == 0, sample.Error);

        var listed = Locations(File.ReadAllText(sample.Page("sitemap.xml")));
        var pages = Directory.EnumerateFiles(sample.Site, "*.html", SearchOption.AllDirectories)
            .Select(f => "https://piuparts.example.org/" + string.Join('/', Path.GetRelativePath(sample.Site, f).Split('/').Select(Uri.EscapeDataString)))
            .Order(StringComparer.Ordinal);

        Assert.Equal(pages, listed.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Robots_txt_allows_everything_and_names_the_sitemap_under_web_host_and_doc_root()
    {
        Assert.Equal("User-agent: *\nDisallow:\nSitemap: https://qa.example.net/piuparts/sitemap.xml\n", SitemapFiles.Robots("qa.example.net", "/piuparts"));
    }

    [Fact]
    public void The_sample_site_has_a_robots_txt_naming_its_sitemap()
    {
        Assert.True(sample.ExitCode == 0, sample.Error);

        var robots = File.ReadAllLines(sample.Page("robots.txt"));

        Assert.Contains("Sitemap: https://piuparts.example.org/sitemap.xml", robots);
        Assert.True(File.Exists(sample.Page("sitemap.xml")));
    }
}
