using Piuparts.Core.States;
using Piuparts.SitePipeline.Pipeline;
using Piuparts.SitePipeline.Tests.Support;

namespace Piuparts.SitePipeline.Tests.Pipeline;

/// <summary>A whole report run on the hand-made archive: which pages exist and what they say.</summary>
public sealed class ReportPipelineTests : IDisposable
{
    private readonly SmallArchive _archive = new();

    public void Dispose() => _archive.Dispose();

    [Fact]
    public void A_page_that_cannot_be_written_stops_the_run_with_an_error_naming_it_and_the_next_run_recovers()
    {
        // A directory where the early writer puts a state page: replacing it fails.
        var blocked = _archive.Page("sid", "state-successfully-tested.html");
        Directory.CreateDirectory(Path.Combine(blocked, "in-the-way"));

        var result = ReportPipeline.Run(_archive.Config(), new ReportOptions { Now = SmallArchive.Now, LockWait = TimeSpan.Zero }, _ => { });

        Assert.True(result.Ran);
        var error = Assert.Single(result.Errors).ToString();
        Assert.StartsWith("WriteFiles: stopped: ", error);
        Assert.Contains(blocked, error);
        // The locks were given back and nothing is left half done: once the way is clear, a run succeeds.
        Directory.Delete(blocked, recursive: true);
        _archive.Report();
        Assert.Contains("alpha", _archive.Read("sid", "state-successfully-tested.html"));
    }

    [Fact]
    public void A_log_directory_that_cannot_be_made_stops_the_run_with_an_error_naming_LinkLogs_after_the_modules_beside_it()
    {
        // A file where the copies of the failed logs go: LinkLogs, working in the background, cannot make the directory.
        var blocked = _archive.Page("sid", "fail");
        Directory.CreateDirectory(Path.GetDirectoryName(blocked)!);
        File.WriteAllText(blocked, "in the way");

        var result = ReportPipeline.Run(_archive.Config(), new ReportOptions { Now = SmallArchive.Now, LockWait = TimeSpan.Zero }, _ => { });

        Assert.True(result.Ran);
        var error = Assert.Single(result.Errors).ToString();
        Assert.StartsWith("LinkLogs: stopped: ", error);
        Assert.Contains(blocked, error);
        // The modules that ran beside it did their work: the global summary is written.
        Assert.True(File.Exists(_archive.Page("summary.json")));
        File.Delete(blocked);
        _archive.Report();
        Assert.True(Directory.Exists(blocked));
    }

    [Fact]
    public void Every_active_state_gets_a_page_even_when_it_is_empty()
    {
        _archive.Report();

        foreach (var state in PackageStates.ActiveStates)
            Assert.True(File.Exists(_archive.Page("sid", $"state-{state.Name()}.html")), state.Name());
        Assert.False(File.Exists(_archive.Page("sid", "state-circular-dependency.html")));
    }

    [Fact]
    public void A_state_page_lists_each_package_with_the_state_of_every_dependency_provider_and_alternative()
    {
        _archive.Report();

        var page = Html.Parse(_archive.Read("sid", "state-successfully-tested.html"));
        var alpha = page.GetElementById("alpha")!;
        var text = alpha.TextContent;
        Assert.Contains("dependency libbeta1 is failed-testing", text);
        Assert.Contains("alternative dependency gamma is waiting-for-dependency-to-be-tested", text);
        Assert.Equal("failed-testing", alpha.QuerySelector("em")!.TextContent);
        Assert.Equal("state-failed-testing.html#libbeta1", alpha.QuerySelector("a[href^='state-']")!.GetAttribute("href"));

        var waiting = Html.Parse(_archive.Read("sid", "state-waiting-for-dependency-to-be-tested.html"));
        var gamma = waiting.GetElementById("gamma")!.TextContent;
        Assert.Contains("gamma:all", gamma);
        Assert.Contains("dependency virt-x is virtual", gamma);
        Assert.Contains("provider delta is waiting-to-be-tested", gamma);

        var missing = Html.Parse(_archive.Read("sid", "state-dependency-does-not-exist.html"));
        Assert.Contains("dependency missing-pkg is does-not-exist", missing.GetElementById("zeta")!.TextContent);
    }

    [Fact]
    public void Error_state_pages_show_reverse_dependencies_and_blocked_packages_and_cruft()
    {
        _archive.Report();

        var failed = Html.Parse(_archive.Read("sid", "state-failed-testing.html"));
        var libbeta = failed.GetElementById("libbeta1")!.TextContent;
        // alpha (first alternative) and epsilon depend on libbeta1; only epsilon is blocked by it
        // (alpha passed). The source's version 2.0-2 differs from the binary's 2.0-1: cruft.
        Assert.Contains("[cruft] (2, 1)", libbeta);
        Assert.Contains("(Bob Example <bob@example.org>)", libbeta);
    }

    [Fact]
    public void Logs_of_removed_packages_and_of_other_versions_are_archived_and_vanish_from_the_pages()
    {
        var log = new List<string>();
        _archive.Report(log);

        Assert.True(File.Exists(_archive.Section("archive", "pass", "alpha_0.9.log")));
        Assert.True(File.Exists(_archive.Section("archive", "pass", "oldpkg_0.1.log")));
        Assert.False(File.Exists(_archive.Section("pass", "alpha_0.9.log")));
        Assert.Contains(log, l => l.Contains("oldpkg_0.1.log: package was removed"));
        Assert.Contains(log, l => l.Contains("alpha_0.9.log: package is outdated (1.0)"));

        var pass = Html.Parse(_archive.Read("sid", "pass.html"));
        Assert.Contains("The list has 2 packages.", pass.Body!.TextContent);
        Assert.Equal(["pass/alpha_1.0.log", "pass/c++pkg_1.log"], pass.QuerySelectorAll("td a").Select(a => a.GetAttribute("href")));
        Assert.False(File.Exists(_archive.Page("sid", "pass", "alpha_0.9.log")));
    }

    [Fact]
    public void Current_logs_are_hard_links_to_the_master_files_and_copies_of_gone_logs_are_removed()
    {
        Directory.CreateDirectory(_archive.Page("sid", "fail"));
        File.WriteAllText(_archive.Page("sid", "fail", "gone_1.log"), "old copy");

        _archive.Report();

        var copy = new FileInfo(_archive.Page("sid", "fail", "libbeta1_2.0-1+b1.log"));
        Assert.True(copy.Exists);
        File.AppendAllText(_archive.Section("fail", "libbeta1_2.0-1+b1.log"), "appended through the master's name\n");
        Assert.Contains("appended through the master's name", File.ReadAllText(copy.FullName));
        Assert.False(File.Exists(_archive.Page("sid", "fail", "gone_1.log")));
    }

    [Fact]
    public void A_source_page_shows_each_binary_with_its_state_log_and_version_and_the_verdict()
    {
        _archive.Report();

        var alpha = Html.Parse(_archive.Read("sid", "source", "a", "alpha.html"));
        var rows = alpha.QuerySelectorAll("tr.binary").Select(r => r.TextContent).ToArray();
        Assert.Equal(2, rows.Length);
        Assert.Contains("alpha-udeb", rows[1]);
        Assert.Contains("unknown package", rows[1]);
        Assert.Equal("../../pass/alpha_1.0.log", alpha.QuerySelector("a.log")!.GetAttribute("href"));
        Assert.Equal("pass", alpha.QuerySelector("td.verdict img")!.GetAttribute("alt"));

        var beta = Html.Parse(_archive.Read("sid", "source", "b", "beta.html"));
        Assert.Equal("fail", beta.QuerySelector("td.verdict img")!.GetAttribute("alt"));
        Assert.Equal("needs-bugging", beta.QuerySelector("a.log")!.ClassList.Last());
        Assert.Contains("[cruft]", beta.QuerySelector("tr.binary")!.TextContent);

        // A source none of whose binaries is in the index counts as passed, as piuparts (and sources.txt) say.
        var elsewhere = Html.Parse(_archive.Read("sid", "source", "e", "elsewhere.html"));
        Assert.Equal("pass", elsewhere.QuerySelector("td.verdict img")!.GetAttribute("alt"));
        Assert.True(File.Exists(_archive.Page("sid", "source", "c", "c++pkg.html")));
    }

    [Fact]
    public void A_maintainer_page_lists_each_source_once_grouped_by_verdict()
    {
        _archive.Report();

        var bob = Html.Parse(_archive.Read("sid", "maintainer", "b", "bob@example.org.html"));
        Assert.Equal(["beta", "alpha"], bob.QuerySelectorAll("table.source").Select(t => t.Id));
        var ann = Html.Parse(_archive.Read("sid", "maintainer", "a", "ann@example.org.html"));
        // Maintainer and uploader of alpha: listed once (piuparts lists it twice).
        Assert.Single(ann.QuerySelectorAll("table.source"));
    }

    [Fact]
    public void The_section_index_counts_packages_per_state_and_links_the_log_lists()
    {
        _archive.Report();

        var index = Html.Parse(_archive.Read("sid", "index.html"));
        var counts = index.QuerySelectorAll("table.counts tbody tr")
            .ToDictionary(r => r.QuerySelector("td a")!.TextContent, r => r.QuerySelector("td.num")!.TextContent);
        Assert.Equal("2", counts["successfully-tested"]);
        Assert.Equal("1", counts["failed-testing"]);
        Assert.Equal("1", counts["waiting-to-be-tested"]);
        Assert.Equal("7", index.QuerySelector("table.counts tfoot td.num")!.TextContent);
        // "+ Hand-made." adds to the default text, its space kept as piuparts keeps it.
        Assert.Equal("Debian sid / main: package installation, removal, and purge test.  Hand-made.", index.QuerySelector("p.description")!.TextContent);
        Assert.EndsWith("/mirror/dists/sid/main/binary-amd64/Packages", index.QuerySelector("ul.urls code")!.TextContent);
    }

    [Fact]
    public void A_second_run_on_unchanged_input_rewrites_no_file_and_removes_pages_nothing_produces()
    {
        var first = _archive.Report();
        var stale = _archive.Page("sid", "source", "z", "zombie.html");
        Directory.CreateDirectory(Path.GetDirectoryName(stale)!);
        File.WriteAllText(stale, "a source that left the archive");
        var before = File.GetLastWriteTimeUtc(_archive.Page("sid", "source", "a", "alpha.html"));

        var second = _archive.Report();

        Assert.Equal(0, second.FilesWritten);
        Assert.True(first.FilesWritten > 0);
        Assert.True(File.Exists(_archive.Page("sid", "sources.txt")));
        Assert.Equal(before, File.GetLastWriteTimeUtc(_archive.Page("sid", "source", "a", "alpha.html")));
        Assert.False(File.Exists(stale));
    }

    [Fact]
    public void The_cached_pieces_of_a_page_this_run_does_not_make_go_and_those_of_its_pages_stay()
    {
        _archive.Report();
        var pieces = Path.Combine(_archive.Output, PageManifest.CacheDirectory, "pieces", "sid");
        var kept = Directory.GetFiles(pieces, "*.pieces");
        var stale = Path.Combine(pieces, "state-zombie.html.pieces");
        File.WriteAllText(stale, "a state that emptied");

        _archive.Report();

        Assert.NotEmpty(kept);
        Assert.All(kept, file => Assert.True(File.Exists(file), file));
        Assert.False(File.Exists(stale));
        Assert.False(File.Exists(_archive.Page("sid", "state-zombie.html")));
    }

    [Fact]
    public void The_same_input_gives_byte_identical_pages()
    {
        using var other = new SmallArchive();
        _archive.Report();
        other.Report();

        // .piuparts-site/ is the run's cache (file times, the fixture's paths), not part of the site.
        var ours = Directory.EnumerateFiles(_archive.Output, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(_archive.Output, f)).Where(f => !f.StartsWith(PageManifest.CacheDirectory + "/", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray();
        var theirs = Directory.EnumerateFiles(other.Output, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(other.Output, f)).Where(f => !f.StartsWith(PageManifest.CacheDirectory + "/", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(ours, theirs);
        foreach (var file in ours)
        {
            // The index shows the mirror's URL, which names each fixture's own directory.
            var a = File.ReadAllText(Path.Combine(_archive.Output, file)).Replace(_archive.Root, "ROOT");
            var b = File.ReadAllText(Path.Combine(other.Output, file)).Replace(other.Root, "ROOT");
            Assert.True(a == b, file);
        }
    }
}
