using ApprovalTests;
using ApprovalTests.Namers;
using ApprovalTests.Reporters;
using Piuparts.SitePipeline.Tests.Support;

namespace Piuparts.SitePipeline.Tests.Pipeline;

/// <summary>
/// Snapshots of every page kind of the sample site, rendered at a fixed date; the approved
/// files sit in Snapshots/. A change shows as a *.received.* file beside them: look at it,
/// and rename it to *.approved.* when the change is meant.
/// </summary>
[UseReporter(typeof(QuietReporter))]
[UseApprovalSubdirectory("Snapshots")]
public sealed class SampleSnapshotTests(SampleSite sample) : IClassFixture<SampleSite>
{
    [Theory]
    [InlineData("index.html")]
    [InlineData("overview.html")]
    [InlineData("news.html")]
    [InlineData("bookworm/index.html")]
    [InlineData("bookworm/state-failed-testing.html")]
    [InlineData("bookworm/state-waiting-for-dependency-to-be-tested.html")]
    [InlineData("bookworm/state-dependency-does-not-exist.html")]
    [InlineData("bookworm/fail.html")]
    [InlineData("bookworm/bugged.html")]
    [InlineData("bookworm/source/a/atlas.html")]
    [InlineData("bookworm/maintainer/g/gregoa@debian.org.html")]
    [InlineData("bookworm/source/index.html")]
    [InlineData("bookworm-security/index.html")]
    [InlineData("bookworm-security/state-outdated.html")]
    [InlineData("bookworm/owned_files_after_purge_error.html")]
    [InlineData("bookworm/broken_symlinks_issue.html")]
    [InlineData("bookworm/unclassified_failures.html")]
    [InlineData("summary.json")]
    [InlineData("bookworm-security/summary.json")]
    [InlineData("bookworm/sources.txt")]
    [InlineData("bookworm/sources.yaml")]
    [InlineData("sections.yaml")]
    [InlineData("search.html")]
    [InlineData("failures.html")]
    [InlineData("recent.html")]
    [InlineData("bookworm/source/liba/libasyncns.html")]
    [InlineData("bookworm/source/liba/libasyncns.json")]
    [InlineData("bookworm-security/source/e/expat.json")]
    [InlineData("bookworm-security/search-index.js")]
    public void A_page_of_the_sample_site_is_as_approved(string page)
    {
        Assert.True(sample.ExitCode == 0, sample.Error);
        using (ApprovalResults.ForScenario(page.Replace('/', '_').Replace('@', '_')))
        {
            var extension = Path.GetExtension(page);
            Approvals.VerifyWithExtension(File.ReadAllText(sample.Page(page)), extension);
        }
    }
}
