using Piuparts.SitePipeline.Pipeline;
using Piuparts.SitePipeline.Tests.Support;

namespace Piuparts.SitePipeline.Tests.Pipeline;

/// <summary>
/// Reruns skip what did not change (a section whose inputs are the same, a page whose model is
/// the same) and still give exactly the site a report from scratch gives.
/// </summary>
public sealed class IncrementalReportTests : IDisposable
{
    private readonly SmallArchive _archive = new();

    public void Dispose() => _archive.Dispose();

    [Fact]
    public void A_rerun_with_nothing_changed_renders_only_the_dated_pages()
    {
        var first = _archive.Report();
        var log = new List<string>();

        var second = ReportPipeline.Run(_archive.Config(),
            new ReportOptions { Now = SmallArchive.Now.AddMinutes(30), LockWait = TimeSpan.Zero }, log.Add);

        Assert.Equal(0, first.FilesNotRendered);
        Assert.Contains("sid: nothing changed since its pages were written; only the dated pages are rendered", log);
        // Written with the new time: the section index, the six global pages and summary.json (its _date).
        Assert.Equal(8, second.FilesWritten);
        // The sitemap is among the files not rendered: no page came or went.
        Assert.Equal(SitePages(_archive.Output).Length - 6, second.FilesNotRendered);
    }

    [Fact]
    public void An_unchanged_section_reported_the_next_day_gives_the_same_site_as_a_report_from_scratch()
    {
        _archive.Report();
        var nextDay = SmallArchive.Now.AddDays(1);
        var log = new List<string>();

        var rerun = ReportPipeline.Run(_archive.Config(), new ReportOptions { Now = nextDay, LockWait = TimeSpan.Zero }, log.Add);
        var scratch = Path.Combine(_archive.Root, "scratch");
        ReportPipeline.Run(_archive.Config(), new ReportOptions { Now = nextDay, OutputDirectory = scratch, LockWait = TimeSpan.Zero }, _ => { });

        Assert.Empty(rerun.Errors);
        Assert.Contains("sid: nothing changed since its pages were written; only the dated pages are rendered", log);
        Assert.DoesNotContain(log, line => line.Contains("binary packages", StringComparison.Ordinal)); // the indexes were not loaded
        Assert.Equal(2, File.ReadAllLines(_archive.Section("counts.txt")).Length - 1); // a row for each day
        AssertSameSite(scratch, _archive.Output);
    }

    [Fact]
    public void A_lost_page_manifest_makes_the_next_run_render_every_page_again()
    {
        _archive.Report();
        File.Delete(Path.Combine(_archive.Output, PageManifest.CacheDirectory, PageManifest.FileName));
        var log = new List<string>();

        var rerun = _archive.Report(log);

        Assert.DoesNotContain(log, line => line.Contains("nothing changed", StringComparison.Ordinal));
        Assert.Equal(0, rerun.FilesNotRendered);
        Assert.Equal(0, rerun.FilesWritten);
    }

    [Fact]
    public void A_new_log_gives_the_same_site_as_a_report_from_scratch()
    {
        _archive.Report();
        _archive.Log("pass", "zeta_3.log", "PASS: All tests.\n", 5);
        _archive.Log("fail", "delta_3.log", "ERROR: FAIL: Installation and purging test.\n", 6);

        var rerun = _archive.Report();
        var scratch = Path.Combine(_archive.Root, "scratch");
        ReportPipeline.Run(_archive.Config(), new ReportOptions { Now = SmallArchive.Now, OutputDirectory = scratch, LockWait = TimeSpan.Zero }, _ => { });

        Assert.True(rerun.FilesWritten > 0, $"{rerun.FilesWritten} files written");
        Assert.True(rerun.FilesNotRendered > 0, "pages whose models did not change are not rendered");
        AssertSameSite(scratch, _archive.Output);
    }

    [Fact]
    public void A_new_test_in_submissions_txt_changes_its_source_pages_as_a_report_from_scratch_does()
    {
        _archive.Report();
        var page = _archive.Page("sid", "source", "g", "gamma.html");
        var before = File.ReadAllText(page);
        // Only the history: the test of epsilon is recorded, no log changes.
        File.AppendAllText(_archive.Section("submissions.txt"), "1795000000 untestable epsilon 3\n");

        var rerun = _archive.Report();

        Assert.NotEqual(before, File.ReadAllText(page));
        Assert.True(rerun.FilesNotRendered > 0, "the other sources' pages are not rendered");
        AssertSameAsScratch();
    }

    [Fact]
    public void Changed_uploaders_in_the_sources_index_change_the_source_and_maintainer_pages_as_a_report_from_scratch_does()
    {
        _archive.Report();
        var sources = Path.Combine(_archive.Root, "mirror", "dists", "sid", "main", "source", "Sources");
        File.WriteAllText(sources, File.ReadAllText(sources).Replace("Uploaders: Bob Example <bob@example.org>, Ann Example", "Uploaders: Fay Example <fay@example.org>, Ann Example", StringComparison.Ordinal));

        var rerun = _archive.Report();

        Assert.Contains("Fay Example", _archive.Read("sid", "source", "a", "alpha.html"));
        Assert.Contains("Fay Example", _archive.Read("sid", "maintainer", "a", "ann@example.org.html"));
        Assert.True(rerun.FilesNotRendered > 0, "the other sources' pages are not rendered");
        AssertSameAsScratch();
    }

    [Fact]
    public void A_page_removed_or_edited_in_the_output_is_written_again()
    {
        _archive.Report();
        var removed = _archive.Page("sid", "source", "a", "alpha.html");
        var edited = _archive.Page("sid", "state-failed-testing.html");
        var original = File.ReadAllText(edited);
        File.Delete(removed);
        File.WriteAllText(edited, "edited by hand");

        var rerun = _archive.Report();

        Assert.Equal(2, rerun.FilesWritten);
        Assert.True(File.Exists(removed));
        Assert.Equal(original, File.ReadAllText(edited));
    }

    [Fact]
    public void A_page_edited_in_place_is_written_again_though_its_directory_did_not_change()
    {
        _archive.Report();
        var edited = _archive.Page("sid", "source", "b", "beta.html");
        var original = File.ReadAllText(edited);
        // Truncated and rewritten under the same name: the directory's change time stays.
        File.WriteAllText(edited, "edited by hand");

        var rerun = _archive.Report();

        Assert.Equal(1, rerun.FilesWritten);
        Assert.Equal(original, File.ReadAllText(edited));
    }

    [Fact]
    public void Changed_templates_render_every_page_again()
    {
        _archive.Report();
        var templates = Path.Combine(_archive.Root, "templates");
        Directory.CreateDirectory(Path.Combine(templates, "assets"));
        File.WriteAllText(Path.Combine(templates, "assets", "extra.txt"), "a new asset changes the template set");

        var rerun = ReportPipeline.Run(_archive.Config(),
            new ReportOptions { Now = SmallArchive.Now, LockWait = TimeSpan.Zero, TemplatesDirectory = templates }, _ => { });

        Assert.Equal(0, rerun.FilesNotRendered);
    }

    [Fact]
    public void A_damaged_page_manifest_only_costs_a_full_rendering()
    {
        _archive.Report();
        var before = SitePages(_archive.Output).ToDictionary(p => p, p => File.ReadAllText(Path.Combine(_archive.Output, p)));
        File.WriteAllText(Path.Combine(_archive.Output, PageManifest.CacheDirectory, PageManifest.FileName), "piuparts-site pages 1\nnot\ta\tvalid line\n");

        var rerun = _archive.Report();

        Assert.Equal(0, rerun.FilesNotRendered);
        Assert.Equal(0, rerun.FilesWritten);
        Assert.All(before, page => Assert.Equal(page.Value, File.ReadAllText(Path.Combine(_archive.Output, page.Key))));
    }

    [Fact]
    public void Logs_changed_in_a_depends_section_change_the_pages_of_the_section_that_depends_on_it()
    {
        using var sample = new SampleSite();
        Assert.Equal(0, sample.ExitCode);
        var security = sample.Page("bookworm-security/state-successfully-tested.html");
        var before = File.ReadAllText(security);
        // bookworm-security's packages depend on bookworm's: failing them all changes their states.
        var bookworm = Path.Combine(sample.Master, "bookworm");
        foreach (var log in Directory.GetFiles(Path.Combine(bookworm, "pass"), "*.log"))
            File.Move(log, Path.Combine(bookworm, "fail", Path.GetFileName(log)));

        var rerun = sample.Run("report", "--config", "piuparts.conf", "--output", sample.Site, "--now", SampleSite.Now, "--lock-wait", "0");
        var scratch = Path.Combine(Path.GetDirectoryName(sample.Site)!, "scratch");
        var fresh = sample.Run("report", "--config", "piuparts.conf", "--output", scratch, "--now", SampleSite.Now, "--lock-wait", "0");

        Assert.Equal(0, rerun.Code);
        Assert.Equal(0, fresh.Code);
        Assert.NotEqual(before, File.ReadAllText(security));
        AssertSameSite(scratch, sample.Site);
    }

    [Fact]
    public void A_change_in_one_section_reaches_the_json_files_of_an_unchanged_section_without_loading_it()
    {
        using var sample = new SampleSite();
        Assert.Equal(0, sample.ExitCode);
        // libexpat1 fails in bookworm-security; bookworm, which does not depend on it, is unchanged.
        sample.MoveLog("bookworm-security", "libexpat1", "pass", "fail");

        var rerun = sample.Run("report", "--config", "piuparts.conf", "--output", sample.Site, "--now", SampleSite.Now, "--lock-wait", "0");
        var scratch = Path.Combine(Path.GetDirectoryName(sample.Site)!, "scratch");
        var fresh = sample.Run("report", "--config", "piuparts.conf", "--output", scratch, "--now", SampleSite.Now, "--lock-wait", "0");

        Assert.Equal(0, rerun.Code);
        Assert.Equal(0, fresh.Code);
        Assert.Contains("bookworm: nothing changed since its pages were written", rerun.Error);
        Assert.DoesNotContain("bookworm: ", rerun.Error.Replace("bookworm: nothing changed", "", StringComparison.Ordinal));
        var expat = System.Text.Json.JsonDocument.Parse(File.ReadAllText(sample.Page("bookworm/source/e/expat.json"))).RootElement;
        var inSecurity = expat.GetProperty("sections").EnumerateArray().Single(s => s.GetProperty("section").GetString() == "bookworm-security");
        Assert.Equal("fail", inSecurity.GetProperty("verdict").GetString());
        AssertSameSite(scratch, sample.Site);
    }

    [Fact]
    public void An_unreadable_json_file_of_an_unchanged_section_is_kept_and_the_next_run_renders_that_section_again()
    {
        using var sample = new SampleSite();
        Assert.Equal(0, sample.ExitCode);
        // Damaged in place, with its length and time, so that the page manifest still takes it for the file it wrote.
        var json = sample.Page("bookworm/source/e/expat.json");
        var info = new FileInfo(json);
        var time = info.LastWriteTimeUtc;
        File.WriteAllBytes(json, Enumerable.Repeat((byte)'x', (int)info.Length).ToArray());
        File.SetLastWriteTimeUtc(json, time);
        sample.MoveLog("bookworm-security", "libexpat1", "pass", "fail");

        var damaged = sample.Run("report", "--config", "piuparts.conf", "--output", sample.Site, "--now", SampleSite.Now, "--lock-wait", "0");
        var kept = File.ReadAllText(json);
        var next = sample.Run("report", "--config", "piuparts.conf", "--output", sample.Site, "--now", SampleSite.Now, "--lock-wait", "0");
        var scratch = Path.Combine(Path.GetDirectoryName(sample.Site)!, "scratch");
        sample.Run("report", "--config", "piuparts.conf", "--output", scratch, "--now", SampleSite.Now, "--lock-wait", "0");

        Assert.Equal(0, damaged.Code);
        Assert.Contains("bookworm/source/e/expat.json: cannot be read back to list the other sections; the next run renders bookworm again", damaged.Error);
        Assert.Equal(new string('x', kept.Length), kept);
        Assert.Equal(0, next.Code);
        Assert.DoesNotContain("bookworm: nothing changed", next.Error);
        AssertSameSite(scratch, sample.Site);
    }

    private void AssertSameAsScratch()
    {
        var scratch = Path.Combine(_archive.Root, "scratch");
        ReportPipeline.Run(_archive.Config(), new ReportOptions { Now = SmallArchive.Now, OutputDirectory = scratch, LockWait = TimeSpan.Zero }, _ => { });
        AssertSameSite(scratch, _archive.Output);
    }

    // The files made from fingerprinted models: pages, charts, feeds and the sources' JSON files.
    private static string[] SitePages(string output) =>
        Directory.EnumerateFiles(output, "*.html", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(output, "*.png", SearchOption.AllDirectories))
            .Concat(Directory.EnumerateFiles(output, "states*.svg", SearchOption.AllDirectories))
            .Concat(Directory.EnumerateFiles(output, "*.atom", SearchOption.AllDirectories))
            .Concat(Directory.EnumerateFiles(Path.Combine(output, "sid", "source"), "*.json", SearchOption.AllDirectories))
            .Select(f => Path.GetRelativePath(output, f)).Order(StringComparer.Ordinal).ToArray();

    private static void AssertSameSite(string expected, string actual)
    {
        string[] Files(string root) => Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f)).Where(f => !f.StartsWith(PageManifest.CacheDirectory + "/", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray();
        var files = Files(expected);
        Assert.Equal(files, Files(actual));
        // A feed holds the changes between runs, which a report from scratch has not seen.
        foreach (var file in files.Where(f => !f.EndsWith(".atom", StringComparison.Ordinal)))
            Assert.True(File.ReadAllBytes(Path.Combine(expected, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(actual, file))), file);
    }
}
