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
    public void Everything_at_the_top_of_the_site_but_the_sections_is_a_name_no_section_may_take()
    {
        var top = Directory.EnumerateFileSystemEntries(sample.Site).Select(Path.GetFileName).OfType<string>()
            .Except(["bookworm", "bookworm-security"]);

        Assert.All(top, name => Assert.True(Piuparts.SitePipeline.Model.Naming.IsSiteRootName(name), $"{name} is not in Naming.SiteRootNames"));
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

    [Fact]
    public void Each_section_gets_its_history_chart_as_a_1600_by_900_png()
    {
        foreach (var section in new[] { "bookworm", "bookworm-security" })
        {
            var png = File.ReadAllBytes(sample.Page($"{section}/states.png"));
            Assert.Equal("\x89PNG", System.Text.Encoding.Latin1.GetString(png, 0, 4));
            // IHDR: width and height, big-endian, at bytes 16 and 20.
            Assert.Equal(1600, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)));
            Assert.Equal(900, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
        }
    }

    [Fact]
    public void Each_section_gets_its_history_and_its_last_30_days_as_scalable_svg()
    {
        foreach (var section in new[] { "bookworm", "bookworm-security" })
        {
            var whole = System.Xml.Linq.XDocument.Load(sample.Page($"{section}/states.svg")).Root!;
            var recent = System.Xml.Linq.XDocument.Load(sample.Page($"{section}/states-30d.svg")).Root!;

            Assert.Equal("{http://www.w3.org/2000/svg}svg", whole.Name.ToString());
            Assert.Equal("0 0 1600 900", whole.Attribute("viewBox")?.Value);
            Assert.Equal("0 0 1600 900", recent.Attribute("viewBox")?.Value);
            Assert.Contains(recent.Descendants(), e => e.Value.Trim() == $"Binary packages per state in {section}, last 30 days");
            // One bar segment per state and day: the last 30 days draw far fewer than the year.
            Assert.True(recent.ToString().Length < whole.ToString().Length / 3);
        }
        var index = Html.Parse(File.ReadAllText(sample.Page("bookworm/index.html")));
        Assert.NotNull(index.QuerySelector("#history img[src='states-30d.svg']"));
    }

    [Fact]
    public void Counts_txt_gets_the_row_of_the_report_day_and_is_published()
    {
        var counts = File.ReadAllLines(Path.Combine(sample.Master, "bookworm", "counts.txt"));
        Assert.StartsWith("20261124, 173, 40, 9, 0, 65, 7, 17, 2, 1, 0, 0, 0, 0, 0", counts[^1]);
        Assert.Equal(counts, File.ReadAllLines(sample.Page("bookworm/counts.txt")));
    }

    [Fact]
    public void The_known_problem_classifier_wrote_a_kpr_beside_every_classified_log()
    {
        var fail = Path.Combine(sample.Master, "bookworm", "fail");
        foreach (var log in Directory.EnumerateFiles(fail, "*.log"))
            Assert.True(File.Exists(Path.ChangeExtension(log, ".kpr")), log);
    }
}
