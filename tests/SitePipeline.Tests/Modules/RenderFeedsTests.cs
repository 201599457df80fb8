using System.Xml.Linq;
using ApprovalTests;
using ApprovalTests.Namers;
using ApprovalTests.Reporters;
using Piuparts.SitePipeline.Tests.Support;

namespace Piuparts.SitePipeline.Tests.Modules;

/// <summary>The Atom feeds of state changes between report runs, on a copy of the sample directory.</summary>
[UseReporter(typeof(QuietReporter))]
[UseApprovalSubdirectory("Snapshots")]
public sealed class RenderFeedsTests
{
    private const string Later = "2026-11-24T09:00:00Z";

    private static XElement[] Entries(string file) =>
        XDocument.Load(file).Root!.Elements(AtomChecks.Atom + "entry").ToArray();

    private static (int Code, string Error) Report(SampleSite sample, string now) =>
        sample.Run("report", "--config", "piuparts.conf", "--output", sample.Site, "--now", now, "--lock-wait", "0");

    [Fact]
    public void A_new_failure_and_a_fix_between_two_runs_are_entries_of_the_section_feed_and_a_rerun_without_changes_adds_none()
    {
        using var sample = new SampleSite();
        Assert.True(sample.ExitCode == 0, sample.Error);
        var feed = sample.Page("bookworm/feed.atom");
        Assert.Empty(Entries(feed)); // the first run only records the states
        var bookworm = Path.Combine(sample.Master, "bookworm");
        File.Move(Path.Combine(bookworm, "pass", "coreutils_9.1-1.log"), Path.Combine(bookworm, "fail", "coreutils_9.1-1.log"));
        File.Move(Path.Combine(bookworm, "fail", "apel_10.8+0.20220720-1.log"), Path.Combine(bookworm, "pass", "apel_10.8+0.20220720-1.log"));

        Assert.Equal(0, Report(sample, Later).Code);
        var entries = Entries(feed);
        var after = File.ReadAllBytes(feed);
        Assert.Equal(0, Report(sample, "2026-11-24T12:00:00Z").Code);

        Assert.Equal(
            [
                "tag:piuparts.example.org,2026-11-24:bookworm/coreutils/9.1-1/failed-testing/2026-11-24T09:00:00Z",
                "tag:piuparts.example.org,2026-11-24:bookworm/apel/10.8%2B0.20220720-1/successfully-tested/2026-11-24T09:00:00Z",
            ],
            entries.Select(e => e.Element(AtomChecks.Atom + "id")!.Value));
        Assert.Equal("coreutils 9.1-1 fails in bookworm", entries[0].Element(AtomChecks.Atom + "title")!.Value);
        Assert.Equal("https://piuparts.example.org/bookworm/source/c/coreutils.html",
            entries[0].Element(AtomChecks.Atom + "link")!.Attribute("href")!.Value);
        Assert.Equal(after, File.ReadAllBytes(feed));
        Assert.Empty(AtomChecks.Problems(File.ReadAllText(feed)));
        Approvals.VerifyXml(File.ReadAllText(feed));
    }

    [Fact]
    public void Earlier_entries_stay_in_the_feed_and_a_maintainer_feed_has_the_entries_of_their_sources()
    {
        using var sample = new SampleSite();
        var bookworm = Path.Combine(sample.Master, "bookworm");
        File.Move(Path.Combine(bookworm, "pass", "coreutils_9.1-1.log"), Path.Combine(bookworm, "fail", "coreutils_9.1-1.log"));
        Assert.Equal(0, Report(sample, Later).Code);
        File.Move(Path.Combine(bookworm, "fail", "coreutils_9.1-1.log"), Path.Combine(bookworm, "pass", "coreutils_9.1-1.log"));

        Assert.Equal(0, Report(sample, "2026-11-25T09:00:00Z").Code);

        var titles = Entries(sample.Page("bookworm/feed.atom")).Select(e => e.Element(AtomChecks.Atom + "title")!.Value);
        Assert.Equal(["coreutils 9.1-1 passes again in bookworm", "coreutils 9.1-1 fails in bookworm"], titles);
        var maintainer = Entries(sample.Page("maintainer/m/mstone@debian.org.atom")).Select(e => e.Element(AtomChecks.Atom + "title")!.Value);
        Assert.Equal(titles, maintainer);
        Assert.Empty(Entries(sample.Page("maintainer/g/gregoa@debian.org.atom")));
    }

    [Fact]
    public void A_maintainers_feed_across_sections_has_each_change_of_their_sources_in_every_section_once()
    {
        using var sample = new SampleSite();
        Assert.True(sample.ExitCode == 0, sample.Error);
        var all = sample.Page("maintainer/g/gcs@debian.org.atom");
        Assert.Empty(Entries(all));
        // gcs@debian.org maintains expat, in both sections: it fails in bookworm-security only; bookworm is unchanged.
        sample.MoveLog("bookworm-security", "libexpat1", "pass", "fail");
        Assert.Equal(0, Report(sample, Later).Code);
        // Then a change in bookworm alone, of another maintainer's package.
        var bookworm = Path.Combine(sample.Master, "bookworm");
        File.Move(Path.Combine(bookworm, "pass", "coreutils_9.1-1.log"), Path.Combine(bookworm, "fail", "coreutils_9.1-1.log"));
        Assert.Equal(0, Report(sample, "2026-11-25T09:00:00Z").Code);
        Assert.Equal(0, Report(sample, "2026-11-25T12:00:00Z").Code);

        Assert.Equal(["libexpat1 2.5.0-1+deb12u5 fails in bookworm-security"],
            Entries(all).Select(e => e.Element(AtomChecks.Atom + "title")!.Value));
        Assert.Equal(["coreutils 9.1-1 fails in bookworm"],
            Entries(sample.Page("maintainer/m/mstone@debian.org.atom")).Select(e => e.Element(AtomChecks.Atom + "title")!.Value));
        Assert.Empty(AtomChecks.Problems(File.ReadAllText(all)));
        var page = Html.Parse(File.ReadAllText(sample.Page("bookworm/maintainer/g/gcs@debian.org.html")));
        Assert.Contains("../../../maintainer/g/gcs@debian.org.atom", page.QuerySelectorAll("link[rel=alternate][type='application/atom+xml']").Select(a => a.GetAttribute("href")));
        Assert.Empty(Directory.GetFiles(Path.Combine(sample.Site, "bookworm", "maintainer"), "*.atom", SearchOption.AllDirectories));
    }

    [Fact]
    public void Every_feed_of_the_sample_site_is_valid_atom_and_linked_from_its_pages()
    {
        using var sample = new SampleSite();
        var feeds = Directory.GetFiles(sample.Site, "*.atom", SearchOption.AllDirectories);

        Assert.NotEmpty(feeds);
        Assert.All(feeds, feed => Assert.Empty(AtomChecks.Problems(File.ReadAllText(feed))));
        var page = Html.Parse(File.ReadAllText(sample.Page("bookworm/maintainer/g/gregoa@debian.org.html")));
        Assert.Equal(["../../../bookworm/feed.atom", "../../../maintainer/g/gregoa@debian.org.atom"],
            page.QuerySelectorAll("link[rel=alternate][type='application/atom+xml']").Select(l => l.GetAttribute("href")));
    }
}
