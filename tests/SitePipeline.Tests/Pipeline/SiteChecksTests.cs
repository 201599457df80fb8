using Piuparts.SitePipeline.Tests.Support;

namespace Piuparts.SitePipeline.Tests.Pipeline;

/// <summary>The hand-made site is valid HTML5 and every internal link and anchor resolves.</summary>
public sealed class SiteChecksTests : IDisposable
{
    private readonly SmallArchive _archive = new();

    public void Dispose() => _archive.Dispose();

    [Fact]
    public void Every_page_is_valid_html5_with_unique_ids_and_alt_text_on_every_image()
    {
        _archive.Report();

        Assert.Empty(SiteChecks.HtmlProblems(_archive.Output));
    }

    [Fact]
    public void Every_internal_link_and_image_resolves_including_its_anchor()
    {
        _archive.Report();

        Assert.Empty(SiteChecks.BrokenLinks(_archive.Output));
    }

    [Fact]
    public void The_link_checker_finds_a_link_to_a_missing_page_and_to_a_missing_anchor()
    {
        _archive.Report();
        File.AppendAllText(_archive.Page("sid", "pass.html"), "<a href=\"nowhere.html\">x</a><a href=\"index.html#nothing\">y</a>");

        Assert.Equal(["sid/pass.html: nowhere.html", "sid/pass.html: index.html#nothing (no such id)"], SiteChecks.BrokenLinks(_archive.Output));
    }
}
