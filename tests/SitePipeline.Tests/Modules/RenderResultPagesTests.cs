using Piuparts.SitePipeline.Pipeline;
using Piuparts.SitePipeline.Tests.Support;

namespace Piuparts.SitePipeline.Tests.Modules;

/// <summary>failures.html and recent.html: the failed packages of every section by the age of their failure, and the tests of the last days.</summary>
public sealed class RenderResultPagesTests : IDisposable
{
    private readonly SmallArchive _archive = new();

    public void Dispose() => _archive.Dispose();

    private static string[] Rows(string page, string table) =>
        Html.Parse(page).QuerySelectorAll($"{table} tbody tr").Select(r => string.Join(" | ", r.QuerySelectorAll("td").Select(c => c.TextContent))).ToArray();

    [Fact]
    public void A_failure_is_dated_from_the_first_failed_test_of_its_current_run_of_failures()
    {
        // libbeta1 failed on day 1, passed on day 2, failed again on days 10 and 20.
        var day = SmallArchive.Now.AddDays(-30).ToUnixTimeSeconds();
        File.WriteAllText(_archive.Section("submissions.txt"),
            $"{day + 86400} fail libbeta1 2.0-1+b1\n{day + 2 * 86400} pass libbeta1 2.0-1+b1\n{day + 10 * 86400} fail libbeta1 2.0-1+b1\n{day + 20 * 86400} fail libbeta1 2.0-1+b1\n");

        _archive.Report();

        Assert.Equal(["2026-11-04 | 20 | sid | libbeta1 | 2.0-1+b1 | log"], Rows(_archive.Read("failures.html"), "table.failures"));
        Assert.Equal("sid/source/b/beta.html", Html.Parse(_archive.Read("failures.html")).QuerySelector("table.failures td:nth-child(4) a")!.GetAttribute("href"));
    }

    [Fact]
    public void Recent_results_show_the_tests_of_the_last_day_and_of_the_last_week_newest_first()
    {
        var now = SmallArchive.Now.ToUnixTimeSeconds();
        File.WriteAllText(_archive.Section("submissions.txt"),
            $"{now - 9 * 86400} pass alpha 0.9\n{now - 3 * 86400} fail libbeta1 2.0-1+b1\n{now - 3600} pass alpha 1.0\n{now - 60} pass c++pkg 1\n");

        _archive.Report();
        var page = _archive.Read("recent.html");

        Assert.Equal(["2026-11-24 05:59 | sid | c++pkg | 1 | pass", "2026-11-24 05:00 | sid | alpha | 1.0 | pass"], Rows(page, "#Day table"));
        Assert.Equal(3, Rows(page, "#Week table").Length);
        Assert.Contains("3 tests: 2 passed, 1 failed, 0 untestable.", page, StringComparison.Ordinal);
    }

    [Fact]
    public void Recent_results_list_only_the_newest_tests_and_count_them_all()
    {
        var now = SmallArchive.Now.ToUnixTimeSeconds();
        File.WriteAllText(_archive.Section("submissions.txt"),
            $"{now - 3 * 86400} fail libbeta1 2.0-1+b1\n{now - 3600} pass alpha 1.0\n{now - 60} pass c++pkg 1\n");

        var result = ReportPipeline.Run(_archive.Config(),
            new ReportOptions { Now = SmallArchive.Now, LockWait = TimeSpan.Zero, RecentTestsListed = 1 }, _ => { });
        var page = _archive.Read("recent.html");

        Assert.Empty(result.Errors);
        Assert.Equal(["2026-11-24 05:59 | sid | c++pkg | 1 | pass"], Rows(page, "#Week table"));
        Assert.Contains("3 tests: 2 passed, 1 failed, 0 untestable. The newest 1 are listed;", page, StringComparison.Ordinal);
        Assert.Contains("2 tests: 2 passed, 0 failed, 0 untestable. The newest 1 are listed;", page, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unchanged_section_contributes_its_recorded_failures_and_tests()
    {
        var now = SmallArchive.Now.ToUnixTimeSeconds();
        File.WriteAllText(_archive.Section("submissions.txt"), $"{now - 86400 * 2} fail libbeta1 2.0-1+b1\n{now - 60} pass c++pkg 1\n");
        _archive.Report();
        var log = new List<string>();

        ReportPipeline.Run(_archive.Config(), new ReportOptions { Now = SmallArchive.Now.AddHours(25), LockWait = TimeSpan.Zero }, log.Add);

        Assert.Contains("sid: nothing changed since its pages were written; only the dated pages are rendered", log);
        Assert.Equal(["2026-11-22 | 3 | sid | libbeta1 | 2.0-1+b1 | log"], Rows(_archive.Read("failures.html"), "table.failures"));
        Assert.Empty(Rows(_archive.Read("recent.html"), "#Day table")); // the pass of c++pkg is now more than a day old
        Assert.Equal(2, Rows(_archive.Read("recent.html"), "#Week table").Length);
    }

    [Fact]
    public void An_unchanged_section_counts_all_its_recorded_tests_though_its_record_keeps_only_the_listed_ones()
    {
        var now = SmallArchive.Now.ToUnixTimeSeconds();
        File.WriteAllText(_archive.Section("submissions.txt"),
            $"{now - 3 * 86400} fail libbeta1 2.0-1+b1\n{now - 3600} pass alpha 1.0\n{now - 60} pass c++pkg 1\n");
        var options = new ReportOptions { Now = SmallArchive.Now, LockWait = TimeSpan.Zero, RecentTestsListed = 1 };
        ReportPipeline.Run(_archive.Config(), options, _ => { });
        var log = new List<string>();

        ReportPipeline.Run(_archive.Config(), options with { Now = SmallArchive.Now.AddHours(23.5) }, log.Add);
        var page = _archive.Read("recent.html");

        Assert.Contains("sid: nothing changed since its pages were written; only the dated pages are rendered", log);
        Assert.Equal(["2026-11-24 05:59 | sid | c++pkg | 1 | pass"], Rows(page, "#Week table"));
        Assert.Contains("3 tests: 2 passed, 1 failed, 0 untestable. The newest 1 are listed;", page, StringComparison.Ordinal);
        Assert.Contains("1 test: 1 passed, 0 failed, 0 untestable.", page, StringComparison.Ordinal); // alpha's test left the last 24 hours
    }

    [Fact]
    public void A_record_listing_fewer_tests_than_the_page_now_lists_has_the_section_reported_again()
    {
        var now = SmallArchive.Now.ToUnixTimeSeconds();
        File.WriteAllText(_archive.Section("submissions.txt"),
            $"{now - 3 * 86400} fail libbeta1 2.0-1+b1\n{now - 3600} pass alpha 1.0\n{now - 60} pass c++pkg 1\n");
        ReportPipeline.Run(_archive.Config(), new ReportOptions { Now = SmallArchive.Now, LockWait = TimeSpan.Zero, RecentTestsListed = 1 }, _ => { });
        var log = new List<string>();

        ReportPipeline.Run(_archive.Config(), new ReportOptions { Now = SmallArchive.Now, LockWait = TimeSpan.Zero }, log.Add);

        Assert.DoesNotContain("sid: nothing changed since its pages were written; only the dated pages are rendered", log);
        Assert.Equal(3, Rows(_archive.Read("recent.html"), "#Week table").Length);
    }
}
