using Piuparts.SitePipeline.Tests.Support;

namespace Piuparts.SitePipeline.Tests.Pipeline;

/// <summary>The report of samples/master-dir: it runs cleanly, is valid HTML5 and has no broken link.</summary>
public sealed class SampleSiteTests(SampleSite sample) : IClassFixture<SampleSite>
{
    [Fact]
    public void The_sample_is_reported_without_an_error()
    {
        Assert.True(sample.ExitCode == 0, sample.Error);
        Assert.True(File.Exists(sample.Page("index.html")));
        Assert.True(File.Exists(sample.Page("bookworm/index.html")));
        Assert.True(File.Exists(sample.Page("bookworm-security/index.html")));
    }

    [Fact]
    public void Every_page_of_the_sample_site_is_valid_html5()
    {
        Assert.Empty(SiteChecks.HtmlProblems(sample.Site));
    }

    [Fact]
    public void Every_internal_link_and_image_of_the_sample_site_resolves()
    {
        Assert.Empty(SiteChecks.BrokenLinks(sample.Site));
    }
}
