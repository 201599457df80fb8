using System.Text.RegularExpressions;

namespace Piuparts.Differential.Tests.Report;

/// <summary>
/// report.md: Debian's piuparts-report and <c>piuparts-site report</c> on the same small master
/// directory (samples/master-dir, see <see cref="ReportRuns"/>) write the same pages, list the
/// same packages on every state page and the same logs on every log list and known-problem
/// page, and leave the master directory the same: the same logs archived, the same .kpr files,
/// the same numbers in the day's counts.txt row.
/// </summary>
public sealed class ReportDifferentialTests(ReportRuns runs) : IClassFixture<ReportRuns>
{
    private static readonly string[] LogDirectories = ["pass", "fail", "bugged", "affected", "reserved", "untestable"];

    // Pages ours writes and piuparts-report does not, on purpose. Each must match a page, or it is stale.
    private static readonly (Regex Page, string Reason)[] OurExtraPages =
    [
        // piuparts-report writes no index of source/ and maintainer/ and relies on the web
        // server's directory listing (report.md §3, weakness 4); ours links these pages from
        // every section's navigation.
        (new Regex(@"^[^/]+/source/index\.html$"), "index of a section's source pages"),
        (new Regex(@"^[^/]+/maintainer/index\.html$"), "index of a section's maintainer pages"),
        // The website beyond piuparts (README, "The website"): the search results page, the
        // failures across sections by age, the tests of the last days.
        (new Regex(@"^search\.html$"), "search results"),
        (new Regex(@"^failures\.html$"), "failed packages by age"),
        (new Regex(@"^recent\.html$"), "recent results"),
    ];

    // Files of the master directory only ours writes: the cache of the Packages fields the master
    // uses, shared with the master verb (README, "Running the master"), and each section's
    // listing cache (README, "Maintenance").
    private const string OurIndexCache = ".piuparts-site-index/";

    [Fact]
    public void Both_reports_write_the_same_html_pages_apart_from_the_ones_ours_adds_on_purpose()
    {
        var theirs = Pages(runs.Debian);
        var ours = Pages(runs.Ours);
        Assert.Contains("bookworm/index.html", theirs);
        Assert.True(theirs.Count > 500, $"Debian's report wrote only {theirs.Count} pages:\n{runs.DebianLog}");

        var missing = theirs.Except(ours).ToList();
        var extra = ours.Except(theirs).ToList();
        var unexplained = extra.Where(page => !OurExtraPages.Any(e => e.Page.IsMatch(page))).ToList();
        var stale = OurExtraPages.Where(e => !extra.Any(e.Page.IsMatch)).Select(e => $"{e.Page} ({e.Reason})").ToList();

        Assert.True(missing.Count == 0, "pages Debian's report writes and ours does not:\n" + string.Join('\n', missing));
        Assert.True(unexplained.Count == 0, "pages ours writes and Debian's report does not:\n" + string.Join('\n', unexplained));
        Assert.True(stale.Count == 0, "allowed extra pages that ours does not write any more:\n" + string.Join('\n', stale));
    }

    [Fact]
    public void Every_state_page_lists_the_same_binary_packages()
    {
        var differences = new List<string>();
        foreach (var section in ReportRuns.Sections)
        {
            var statePages = Pages(runs.Debian).Where(p => p.StartsWith($"{section}/state-", StringComparison.Ordinal)).ToList();
            Assert.Equal(10, statePages.Count); // one per active state (report.md §2.3)
            int listed = 0;
            foreach (var page in statePages)
            {
                var theirs = ReportPages.StatePackages(Path.Combine(runs.Debian.Output, page));
                listed += theirs.Count;
                var ourPage = Path.Combine(runs.Ours.Output, page);
                if (!File.Exists(ourPage))
                {
                    differences.Add($"{page}: ours has no such page");
                    continue;
                }
                var ours = ReportPages.StatePackages(ourPage);
                var missing = theirs.Except(ours, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
                var extra = ours.Except(theirs, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
                if (missing.Count > 0)
                    differences.Add($"{page}: ours does not list {string.Join(", ", missing)}");
                if (extra.Count > 0)
                    differences.Add($"{page}: ours also lists {string.Join(", ", extra)}");
                if (ours.Count != ours.Distinct(StringComparer.Ordinal).Count())
                    differences.Add($"{page}: ours lists a package twice");
            }
            // The reading of Debian's pages finds every package of the section once.
            Assert.Equal(CountsRow(runs.Debian, section).Skip(1).Sum(int.Parse), listed);
        }
        Assert.True(differences.Count == 0, string.Join('\n', differences));
    }

    [Fact]
    public void Every_log_list_page_links_the_same_logs()
    {
        var differences = new List<string>();
        int links = 0;
        foreach (var section in ReportRuns.Sections)
        {
            foreach (var directory in LogDirectories)
            {
                var page = $"{section}/{directory}.html";
                var theirs = ReportPages.LogLinks(Path.Combine(runs.Debian.Output, page));
                var ours = ReportPages.LogLinks(Path.Combine(runs.Ours.Output, page));
                links += theirs.Count;
                if (!theirs.SetEquals(ours))
                    differences.Add($"{page}: Debian only {Show(theirs.Except(ours))}; ours only {Show(ours.Except(theirs))}");
            }
        }
        Assert.True(links > 200, $"Debian's log list pages link only {links} logs");
        Assert.True(differences.Count == 0, string.Join('\n', differences));
    }

    [Fact]
    public void Every_known_problem_page_links_the_same_logs()
    {
        var problems = Directory.EnumerateFiles(Path.Combine(runs.Debian.Master, "known-problems"), "*.conf")
            .Select(Path.GetFileNameWithoutExtension).ToList();
        var differences = new List<string>();
        int pages = 0;
        foreach (var section in ReportRuns.Sections)
        {
            foreach (var problem in problems)
            {
                var page = $"{section}/{problem}.html";
                if (!File.Exists(Path.Combine(runs.Debian.Output, page)))
                    continue; // no hits in the section: neither writes a page (the page test compares which exist)
                pages++;
                var theirs = ReportPages.LogLinks(Path.Combine(runs.Debian.Output, page));
                var ours = ReportPages.LogLinks(Path.Combine(runs.Ours.Output, page));
                if (theirs.Count == 0 || !theirs.SetEquals(ours))
                    differences.Add($"{page}: Debian only {Show(theirs.Except(ours))}; ours only {Show(ours.Except(theirs))}");
            }
        }
        Assert.True(pages >= 10, $"Debian's report wrote only {pages} known-problem pages");
        Assert.True(differences.Count == 0, string.Join('\n', differences));
    }

    [Fact]
    public void Both_output_directories_hold_copies_of_the_same_logs()
    {
        var theirs = LogCopies(runs.Debian);
        var ours = LogCopies(runs.Ours);
        Assert.NotEmpty(theirs);
        Assert.Equal(theirs, ours);
    }

    [Fact]
    public void Both_reports_archive_the_same_obsolete_logs_and_keep_the_same_current_ones()
    {
        static bool Archived(string path) => path.Split('/') is [_, "archive", ..];
        static bool Current(string path) => path.Split('/') is [_, var directory, _] && LogDirectories.Contains(directory) && path.EndsWith(".log", StringComparison.Ordinal);

        var theirs = ReportSide.Files(runs.Debian.Master, Archived);
        // The sample has three obsolete logs (samples/README.md).
        Assert.Equal(3, theirs.Count);
        Assert.Equal(theirs, ReportSide.Files(runs.Ours.Master, Archived));
        Assert.Empty(DifferentBytes(theirs));
        Assert.Equal(ReportSide.Files(runs.Debian.Master, Current), ReportSide.Files(runs.Ours.Master, Current));
    }

    [Fact]
    public void Both_reports_leave_the_same_kpr_files_byte_for_byte()
    {
        static bool Kpr(string path) => path.EndsWith(".kpr", StringComparison.Ordinal);

        var theirs = ReportSide.Files(runs.Debian.Master, Kpr);
        Assert.True(theirs.Count > 200, $"Debian's report left only {theirs.Count} .kpr files");
        Assert.Equal(theirs, ReportSide.Files(runs.Ours.Master, Kpr));
        Assert.Empty(DifferentBytes(theirs));
    }

    [Fact]
    public void Both_reports_add_a_counts_row_with_the_same_numbers()
    {
        foreach (var section in ReportRuns.Sections)
        {
            var theirs = File.ReadAllLines(Path.Combine(runs.Debian.Master, section, "counts.txt"));
            var ours = File.ReadAllLines(Path.Combine(runs.Ours.Master, section, "counts.txt"));
            var sample = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "samples", "master-dir", section, "counts.txt"));
            // Debian's row carries the clock's date: on 2026-11-23 (the sample's last row) it would add none.
            Assert.True(theirs.Length == sample.Length + 1, $"Debian's report added {theirs.Length - sample.Length} rows to {section}/counts.txt");
            Assert.Equal(sample.Length + 1, ours.Length);
            Assert.Equal(theirs[..^1], ours[..^1]);
            Assert.Equal("20261124", CountsRow(runs.Ours, section)[0]);
            Assert.Equal(CountsRow(runs.Debian, section)[1..], CountsRow(runs.Ours, section)[1..]);
        }
    }

    [Fact]
    public void Nothing_else_in_the_master_directory_differs()
    {
        static bool Compared(string path) =>
            !path.StartsWith(OurIndexCache, StringComparison.Ordinal) && !path.EndsWith("/counts.txt", StringComparison.Ordinal)
            && Path.GetFileName(path) != Core.IO.ListingCache.FileName;

        var theirs = ReportSide.Files(runs.Debian.Master, Compared);
        var ours = ReportSide.Files(runs.Ours.Master, Compared);
        Assert.True(theirs.SetEquals(ours), $"Debian only: {Show(theirs.Except(ours))}\nours only: {Show(ours.Except(theirs))}");
        Assert.Empty(DifferentBytes(theirs));
    }

    private static SortedSet<string> Pages(ReportSide side) =>
        ReportSide.Files(side.Output, f => f.EndsWith(".html", StringComparison.Ordinal));

    private static SortedSet<string> LogCopies(ReportSide side) =>
        ReportSide.Files(side.Output, f => f.Split('/') is [_, var directory, _] && LogDirectories.Contains(directory));

    /// <summary>The last row of a section's counts.txt in the master directory, split into date and counts.</summary>
    private static string[] CountsRow(ReportSide side, string section) =>
        File.ReadAllLines(Path.Combine(side.Master, section, "counts.txt"))[^1].Split(", ");

    /// <summary>The master-directory files (relative paths) whose bytes differ between the sides.</summary>
    private List<string> DifferentBytes(IEnumerable<string> files) =>
        files.Where(f => !File.ReadAllBytes(Path.Combine(runs.Debian.Master, f)).AsSpan()
                .SequenceEqual(File.ReadAllBytes(Path.Combine(runs.Ours.Master, f)))).ToList();

    private static string Show(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count == 0 ? "(none)" : string.Join(", ", list);
    }
}
