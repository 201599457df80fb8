using Piuparts.Core.IO;
using Piuparts.Core.KnownProblems;
using Piuparts.Core.Tests.Support;

namespace Piuparts.Core.Tests.KnownProblems;

public sealed class KprRefresherTests : IDisposable
{
    private const string Stamp = "0m0.0s INFO: ";
    private readonly TemporaryDirectory _dir = new();
    private readonly ProblemSet _problems;

    public KprRefresherTests()
    {
        var definitions = _dir.Combine("known_problems");
        Directory.CreateDirectory(definitions);
        File.WriteAllText(Path.Combine(definitions, "owned_error.conf"), ProblemSetTests.Definition("owned by:", exclude: ","));
        File.WriteAllText(Path.Combine(definitions, "owned_issue.conf"), ProblemSetTests.Definition("owned by:", where: "pass"));
        File.WriteAllText(Path.Combine(definitions, "symlink_error.conf"), ProblemSetTests.Definition("Broken symlink"));
        File.WriteAllText(Path.Combine(definitions, "unclassified_failures.conf"), ProblemSetTests.Definition("QQQ_never_QQQ"));
        _problems = ProblemSet.Load(definitions);
        Assert.Empty(_problems.Errors);
    }

    public void Dispose() => _dir.Dispose();

    private string Section => _dir.Combine("sid");

    private string Log(string where, string pkgSpec, string text)
    {
        var path = _dir.Combine("sid", where, pkgSpec + ".log");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, Stamp + text);
        return path;
    }

    private string? Kpr(string where, string pkgSpec)
    {
        var path = _dir.Combine("sid", where, pkgSpec + ".kpr");
        return File.Exists(path) ? File.ReadAllText(path) : null;
    }

    private KprRefreshResult Refresh(KprRefreshOptions? options = null, ProblemSet? problems = null) =>
        new KprRefresher(problems ?? _problems).Refresh(Section, options ?? KprRefreshOptions.Report);

    private static void Age(string path, int seconds) => File.SetLastWriteTimeUtc(path, File.GetLastWriteTimeUtc(path).AddSeconds(-seconds));

    [Fact]
    public void Every_log_without_a_report_is_classified()
    {
        Log("pass", "clean_1", "all fine\n");
        Log("pass", "leftover_1", "/etc/x owned by: leftover\n");
        Log("fail", "broken_2", "/etc/x owned by: broken\nWARN: Broken symlink /usr/x\n");
        Log("fail", "mystery_1", "something else\n");
        Log("bugged", "shared_1", "/etc/x owned by: a, b\n");

        var result = Refresh();

        Assert.Equal("", Kpr("pass", "clean_1"));
        Assert.Equal("pass/leftover_1.log owned_issue.conf\n", Kpr("pass", "leftover_1"));
        Assert.Equal("fail/broken_2.log owned_error.conf\nfail/broken_2.log symlink_error.conf\n", Kpr("fail", "broken_2"));
        Assert.Equal("fail/mystery_1.log unclassified_failures.conf\n", Kpr("fail", "mystery_1"));
        Assert.Equal("bugged/shared_1.log unclassified_failures.conf\n", Kpr("bugged", "shared_1"));
        Assert.Equal((0, 5), (result.Removed, result.Added));
        Assert.Equal(new Dictionary<string, int>
        {
            ["owned_error.conf"] = 1,
            ["owned_issue.conf"] = 1,
            ["symlink_error.conf"] = 1,
            ["unclassified_failures.conf"] = 2,
        }, result.Hits);
        Assert.Empty(result.Errors);
    }

    [Fact]
    public void A_second_run_changes_nothing()
    {
        Log("pass", "a_1", "owned by: x\n");
        Log("fail", "b_1", "nothing\n");
        Refresh();
        var before = Directory.EnumerateFiles(Section, "*", SearchOption.AllDirectories)
            .ToDictionary(f => f, f => (File.GetLastWriteTimeUtc(f), File.ReadAllText(f)));

        var result = Refresh();

        var after = Directory.EnumerateFiles(Section, "*", SearchOption.AllDirectories)
            .ToDictionary(f => f, f => (File.GetLastWriteTimeUtc(f), File.ReadAllText(f)));
        Assert.Equal((0, 0), (result.Removed, result.Added));
        Assert.Empty(result.Hits);
        Assert.Equal(before, after);
    }

    [Fact]
    public void A_report_older_than_its_log_is_recomputed()
    {
        var log = Log("fail", "a_1", "nothing\n");
        Refresh();
        File.WriteAllText(log, Stamp + "WARN: Broken symlink\n");
        Age(_dir.Combine("sid", "fail", "a_1.kpr"), 10);

        var result = Refresh();

        Assert.Equal((1, 1), (result.Removed, result.Added));
        Assert.Equal("fail/a_1.log symlink_error.conf\n", Kpr("fail", "a_1"));
    }

    [Fact]
    public void A_report_as_old_as_its_log_is_kept()
    {
        var log = Log("fail", "a_1", "nothing\n");
        Refresh();
        File.SetLastWriteTimeUtc(log, File.GetLastWriteTimeUtc(_dir.Combine("sid", "fail", "a_1.kpr")));

        Assert.Equal((0, 0), (Refresh().Removed, Refresh().Added));
    }

    [Fact]
    public void A_report_older_than_a_definition_is_recomputed_when_asked()
    {
        var log = Log("fail", "a_1", "WARN: Broken symlink /usr/x\n");
        Refresh();
        var kpr = Path.ChangeExtension(log, ".kpr");
        File.WriteAllText(kpr, "fail/a_1.log old_error.conf\n");
        var definitions = _dir.Combine("known_problems");
        File.SetLastWriteTimeUtc(Path.Combine(definitions, "symlink_error.conf"), File.GetLastWriteTimeUtc(kpr).AddSeconds(1));

        var kept = Refresh(KprRefreshOptions.DetectWellKnownErrors);
        var redone = Refresh(KprRefreshOptions.DetectWellKnownErrors with { DefinitionsModified = ProblemSet.LastModified(definitions) });

        Assert.Equal((0, 0), (kept.Removed, kept.Added));
        Assert.Equal((1, 1), (redone.Removed, redone.Added));
        Assert.Equal("fail/a_1.log symlink_error.conf\n", Kpr("fail", "a_1"));
    }

    [Fact]
    public void Pending_lists_what_a_refresh_would_do_and_changes_nothing()
    {
        Log("pass", "a_1", "fine\n");
        var b = Log("fail", "b_1", "fine\n");
        Refresh();
        File.SetLastWriteTimeUtc(b, File.GetLastWriteTimeUtc(b).AddSeconds(5));
        Log("fail", "c_1", "new\n");
        var before = DirectoryTree.Of(Section).ToString();

        var pending = KprRefresher.Pending(Section, KprRefreshOptions.Report);

        Assert.Equal([Path.ChangeExtension(b, ".kpr")], pending.StaleKprs);
        Assert.Equal([b, _dir.Combine("sid", "fail", "c_1.log")], pending.LogsToClassify);
        Assert.Equal(before, DirectoryTree.Of(Section).ToString());
    }

    [Fact]
    public void A_log_moved_from_fail_to_bugged_gets_a_new_report_there()
    {
        var log = Log("fail", "a_1", "WARN: Broken symlink\n");
        Refresh();
        Directory.CreateDirectory(_dir.Combine("sid", "bugged"));
        File.Move(log, _dir.Combine("sid", "bugged", "a_1.log"));
        // Moving keeps the log's time: only the directory tells the report is stale.
        Age(_dir.Combine("sid", "bugged", "a_1.log"), 10);

        var result = Refresh();

        Assert.Equal((1, 1), (result.Removed, result.Added));
        Assert.Null(Kpr("fail", "a_1"));
        Assert.Equal("bugged/a_1.log symlink_error.conf\n", Kpr("bugged", "a_1"));
    }

    [Fact]
    public void A_report_without_its_log_is_deleted()
    {
        var log = Log("pass", "a_1", "fine\n");
        Refresh();
        File.Delete(log);

        var result = Refresh();

        Assert.Equal((1, 0), (result.Removed, result.Added));
        Assert.Null(Kpr("pass", "a_1"));
    }

    [Fact]
    public void Recheck_recomputes_every_report()
    {
        Log("pass", "a_1", "fine\n");
        Log("fail", "b_1", "bad\n");
        Refresh();

        var result = Refresh(KprRefreshOptions.Report with { Recheck = true });

        Assert.Equal((2, 2), (result.Removed, result.Added));
    }

    [Fact]
    public void Recheck_failed_recomputes_the_reports_outside_pass()
    {
        Log("pass", "a_1", "fine\n");
        Log("fail", "b_1", "bad\n");
        Log("bugged", "c_1", "bad\n");
        Refresh();
        // A definition changed: only a recheck brings it into existing reports.
        File.WriteAllText(_dir.Combine("known_problems", "bad_error.conf"), ProblemSetTests.Definition("bad"));
        File.WriteAllText(_dir.Combine("known_problems", "fine_issue.conf"), ProblemSetTests.Definition("fine", where: "pass"));
        var changed = ProblemSet.Load(_dir.Combine("known_problems"));

        var result = Refresh(KprRefreshOptions.Report with { RecheckFailed = true }, changed);

        Assert.Equal((2, 2), (result.Removed, result.Added));
        Assert.Equal("", Kpr("pass", "a_1"));
        Assert.Equal("fail/b_1.log bad_error.conf\n", Kpr("fail", "b_1"));
        Assert.Equal("bugged/c_1.log bad_error.conf\n", Kpr("bugged", "c_1"));
    }

    [Fact]
    public void Excluded_problems_are_not_reported()
    {
        Log("fail", "a_1", "WARN: Broken symlink\n");
        Log("fail", "b_1", "WARN: Broken symlink\nowned by: x\n");

        Refresh(problems: _problems.Without(["symlink_error.conf"]));

        Assert.Equal("fail/a_1.log unclassified_failures.conf\n", Kpr("fail", "a_1"));
        Assert.Equal("fail/b_1.log owned_error.conf\n", Kpr("fail", "b_1"));
    }

    [Fact]
    public void The_directory_scanned_last_wins_a_pkgspec()
    {
        Log("pass", "a_1", "fine\n");
        Log("fail", "a_1", "bad\n");

        var result = Refresh();

        Assert.Equal(1, result.Added);
        Assert.Null(Kpr("pass", "a_1"));
        Assert.Equal("fail/a_1.log unclassified_failures.conf\n", Kpr("fail", "a_1"));
    }

    [Fact]
    public void Untestable_logs_are_classified_only_in_detect_mode()
    {
        Log("untestable", "a_1", "owned by: x\n");

        Assert.Equal(0, Refresh().Added);
        Assert.Null(Kpr("untestable", "a_1"));

        Assert.Equal(1, Refresh(KprRefreshOptions.DetectWellKnownErrors).Added);
        Assert.Equal("untestable/a_1.log unclassified_failures.conf\n", Kpr("untestable", "a_1"));
    }

    [Fact]
    public void Detect_mode_deletes_bug_files_whose_log_is_gone_or_elsewhere()
    {
        Log("bugged", "kept_1", "bad\n");
        Log("fail", "moved_1", "bad\n");
        var kept = _dir.Write("sid/bugged/kept_1.bug", "<a>#1</a>"u8.ToArray());
        var moved = _dir.Write("sid/bugged/moved_1.bug", "<a>#2</a>"u8.ToArray());
        var orphan = _dir.Write("sid/affected/orphan_1.bug", "<a>#3</a>"u8.ToArray());
        // Age does not matter for .bug files.
        Age(kept, 100);

        var report = Refresh();
        Assert.Equal(0, report.BugsRemoved);
        Assert.True(File.Exists(moved) && File.Exists(orphan));

        var result = Refresh(KprRefreshOptions.DetectWellKnownErrors);

        Assert.Equal(2, result.BugsRemoved);
        Assert.True(File.Exists(kept));
        Assert.False(File.Exists(moved));
        Assert.False(File.Exists(orphan));
    }

    [Fact]
    public void With_a_listing_cache_a_section_left_up_to_date_is_known_so_without_reading_a_listing()
    {
        Log("pass", "a_1", "fine\n");
        var failed = Log("fail", "b_1", "owned by: x\n");
        // Older than the .kpr about to be written: a log and its .kpr written within one tick of
        // the kernel's coarse clock have the same time, and then a listing's times do not decide
        // (the files are stat-ed again, as they should be), so the log changed below would be seen.
        Age(failed, 10);
        var first = ListingCache.Of(Section);
        Assert.Equal(2, new KprRefresher(_problems).Refresh(Section, KprRefreshOptions.Report, listings: first).Added);
        first.Save();

        // The definitions are not even read, and a log changed in place (its directory did not
        // change) is not seen: what the kept listings and the mark answer for.
        Age(failed, -60);
        var again = new KprRefresher(() => throw new InvalidOperationException("definitions read"))
            .Refresh(Section, KprRefreshOptions.Report, listings: ListingCache.Of(Section));
        Assert.Equal((0, 0), (again.Removed, again.Added));

        // A new log changes its directory: pass is read again, fail still answered from its listing.
        Log("pass", "c_1", "fine\n");
        var afterNewLog = new KprRefresher(_problems).Refresh(Section, KprRefreshOptions.Report, listings: ListingCache.Of(Section));
        Assert.Equal((0, 1), (afterNewLog.Removed, afterNewLog.Added));
        Assert.Equal("", Kpr("pass", "c_1"));
    }

    [Fact]
    public void With_a_listing_cache_a_report_written_again_is_not_taken_for_the_old_one_that_had_its_inode_number()
    {
        var log = Log("fail", "b_1", "owned by: x\n");
        File.WriteAllText(_dir.Combine("sid", "fail", "b_1.kpr"), "");
        Age(_dir.Combine("sid", "fail", "b_1.kpr"), 10);
        // A minute ahead: every listing is old enough to be kept, so the refresh reads the
        // directory again (it changed) with the listing it kept before the report was replaced.
        var clock = new SetClock(DateTimeOffset.UtcNow.AddMinutes(1));
        var listings = ListingCache.Of(Section, clock);
        Assert.NotNull(listings.List(Path.GetDirectoryName(log)!));

        var first = new KprRefresher(_problems).Refresh(Section, KprRefreshOptions.Report, listings: listings);
        listings.Save();
        // The new report often gets the inode number the deleted one had (ext4 gives it back at once).
        var again = new KprRefresher(_problems).Refresh(Section, KprRefreshOptions.Report, listings: ListingCache.Of(Section, clock));

        Assert.Equal((1, 1), (first.Removed, first.Added));
        Assert.Equal((0, 0), (again.Removed, again.Added));
    }

    [Fact]
    public void With_a_listing_cache_a_definition_changed_since_the_section_was_found_up_to_date_still_has_the_reports_recomputed()
    {
        Log("fail", "b_1", "owned by: x\n");
        var before = KprRefreshOptions.DetectWellKnownErrors with { DefinitionsModified = DateTime.UnixEpoch };
        var first = ListingCache.Of(Section);
        Assert.Equal(1, new KprRefresher(_problems).Refresh(Section, before, listings: first).Added);
        first.Save();

        var changed = before with { DefinitionsModified = File.GetLastWriteTimeUtc(_dir.Combine("sid", "fail", "b_1.kpr")).AddMinutes(1) };
        var again = new KprRefresher(_problems).Refresh(Section, changed, listings: ListingCache.Of(Section));

        Assert.Equal((1, 1), (again.Removed, again.Added));
    }

    [Fact]
    public void Missing_log_directories_are_skipped()
    {
        Log("pass", "a_1", "fine\n");

        var result = Refresh(KprRefreshOptions.DetectWellKnownErrors);

        Assert.Equal(1, result.Added);
    }

    [Fact]
    public void Many_logs_are_classified_in_parallel_with_the_same_result()
    {
        for (int i = 0; i < 300; i++)
            Log(i % 3 == 0 ? "pass" : "fail", $"p{i}_1", i % 2 == 0 ? "owned by: x\n" : "WARN: Broken symlink\n");

        var result = Refresh(KprRefreshOptions.Report with { MaxParallelism = 4 });

        Assert.Equal(300, result.Added);
        for (int i = 0; i < 300; i++)
        {
            var where = i % 3 == 0 ? "pass" : "fail";
            var problem = (i % 3 == 0, i % 2 == 0) switch
            {
                (true, true) => "owned_issue.conf",
                (true, false) => null,
                (false, true) => "owned_error.conf",
                (false, false) => "symlink_error.conf",
            };
            Assert.Equal(problem == null ? "" : $"{where}/p{i}_1.log {problem}\n", Kpr(where, $"p{i}_1"));
        }
    }
}
