using Piuparts.Core.MasterDir;
using Piuparts.Core.Protocol;
using Piuparts.Core.Tests.Support;

namespace Piuparts.Core.Tests.Protocol;

/// <summary>
/// What accepted submissions and unreserve do to the section (package-states.md §9.4, §9.5):
/// a reserved package's old results are replaced, a duplicate changes nothing, submissions.txt
/// gets one line per accepted log with the session clock's time.
/// </summary>
public sealed class MasterSessionSubmissionTests : IDisposable
{
    // 2026-11-24 05:44:43 UTC
    private static readonly DateTimeOffset s_now = DateTimeOffset.FromUnixTimeSeconds(1795499083);

    private readonly MasterSite _site = new MasterSite().Prepared();
    private readonly MasterOptions _options = new() { Clock = new FixedClock(s_now) };

    public void Dispose() => _site.Dispose();

    private string LogPath(LogDirectory directory, string name, string version) => _site.Section.LogPath(directory, name, version);

    private string[] Files(LogDirectory directory) =>
        [.. Directory.GetFiles(_site.Section.DirectoryPath(directory)).Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal)];

    [Theory]
    [InlineData("pass", LogDirectory.Pass)]
    [InlineData("fail", LogDirectory.Fail)]
    [InlineData("untestable", LogDirectory.Untestable)]
    public void A_result_for_a_reserved_package_replaces_every_old_result_of_that_version(string kind, LogDirectory target)
    {
        _site.WriteInSection("reserved/aa_1.log");
        foreach (var directory in LogDirectories.Results)
        {
            _site.WriteInSection($"{directory.DirectoryName()}/aa_1.log", $"old {directory}\n");
            _site.WriteInSection($"{directory.DirectoryName()}/aa_0.9.log", $"older version {directory}\n");
        }
        _site.WriteInSection("recycle/aa_1.log");

        var run = _site.Run($"section sid\n{kind} aa 1\n new result\n.\n", _options);

        Assert.Equal(["ok", "ok"], run.Replies);
        Assert.Equal("new result\n", File.ReadAllText(LogPath(target, "aa", "1")));
        foreach (var directory in LogDirectories.Results)
        {
            Assert.Equal(directory == target, File.Exists(LogPath(directory, "aa", "1")));
            Assert.Equal($"older version {directory}\n", File.ReadAllText(LogPath(directory, "aa", "0.9")));
            if (directory != target)
                Assert.Contains($"Recycled sid/{directory.DirectoryName()} aa 1\n", run.MasterLog);
        }
        Assert.Empty(Files(LogDirectory.Reserved));
        // The recycle mark stays: only reserve removes it.
        Assert.Equal(["aa_1.log"], Files(LogDirectory.Recycle));
        Assert.Equal($"1795499083 {kind} aa 1\n", _site.Submissions());
        Assert.Empty(DirectoryTree.TemporaryFiles(_site.Root));
    }

    [Fact]
    public void A_duplicate_submission_is_answered_ok_and_changes_nothing()
    {
        _site.Run("section sid\nfail aa 1\n first\n.\n", _options);
        _site.WriteInSection("fail/aa_1.kpr", "known problem\n");
        var before = _site.Tree();

        var run = _site.Run("section sid\nfail aa 1\n second\n.\n", _options);

        Assert.Equal(["ok", "ok"], run.Replies);
        Assert.Contains("Ignoring duplicate submission: fail aa 1\n", run.MasterLog);
        Assert.Equal("first\n", File.ReadAllText(LogPath(LogDirectory.Fail, "aa", "1")));
        Assert.Equal("1795499083 fail aa 1\n", _site.Submissions());
        Assert.Equal(before.ToString(), _site.Tree().ToString());
    }

    [Fact]
    public void A_result_of_another_kind_for_an_unreserved_package_is_kept_beside_the_first()
    {
        var run = _site.Run("section sid\npass aa 1\n passed\n.\nfail aa 1\n failed\n.\n", _options);

        Assert.Equal(["ok", "ok", "ok"], run.Replies);
        Assert.Equal("passed\n", File.ReadAllText(LogPath(LogDirectory.Pass, "aa", "1")));
        Assert.Equal("failed\n", File.ReadAllText(LogPath(LogDirectory.Fail, "aa", "1")));
    }

    [Fact]
    public void Submissions_txt_gets_one_line_per_accepted_log_with_the_clock_time()
    {
        File.WriteAllText(_site.SubmissionsPath, "1700000000 pass zz 1\n");
        var clock = new FixedClock(s_now);
        var options = _options with { Clock = clock };

        var first = _site.Run("section sid\npass aa 1\n a\n.\nfail bb 2\n b\n.\npass aa 1\n again\n.\n", options);
        clock.Now = s_now.AddSeconds(61.9);
        var second = _site.Run("section sid\nuntestable cc 3\n c\n.\nunreserve cc 3\n", options);

        Assert.Equal(["ok", "ok", "ok", "ok"], first.Replies);
        Assert.Equal(["ok", "ok", "ok"], second.Replies);
        Assert.Equal("1700000000 pass zz 1\n1795499083 pass aa 1\n1795499083 fail bb 2\n1795499144 untestable cc 3\n", _site.Submissions());
        Assert.StartsWith("[2026-11-24 05:44:43] connected\n", first.MasterLog);
        Assert.EndsWith("[2026-11-24 05:45:44] disconnected\n", second.MasterLog);
    }

    [Fact]
    public void A_known_problem_report_beside_the_new_log_is_removed()
    {
        _site.WriteInSection("fail/aa_1.kpr", "report of an older log\n");
        _site.WriteInSection("pass/aa_1.kpr", "another directory's report\n");
        _site.WriteInSection("fail/aa_0.9.kpr", "another version's report\n");

        var run = _site.Run("section sid\nfail aa 1\n log\n.\n", _options);

        Assert.Equal(["ok", "ok"], run.Replies);
        Assert.Equal(["aa_0.9.kpr", "aa_1.log"], Files(LogDirectory.Fail));
        Assert.Equal(["aa_1.kpr"], Files(LogDirectory.Pass));
    }

    [Fact]
    public void Unreserve_turns_a_reserved_package_with_a_result_back_into_a_recycle_mark()
    {
        _site.WriteInSection("reserved/aa_1.log");
        _site.WriteInSection("pass/aa_1.log", "passed\n");
        _site.WriteInSection("reserved/bb_2.log");

        var run = _site.Run("section sid\nunreserve aa 1\nunreserve bb 2\nunreserve cc 3\n", _options);

        Assert.Equal(["ok", "ok", "ok", "ok"], run.Replies);
        Assert.Empty(Files(LogDirectory.Reserved));
        Assert.Equal(["aa_1.log"], Files(LogDirectory.Recycle));
        Assert.Equal(0, new FileInfo(LogPath(LogDirectory.Recycle, "aa", "1")).Length);
        Assert.Equal("passed\n", File.ReadAllText(LogPath(LogDirectory.Pass, "aa", "1")));
        Assert.Equal("", _site.Submissions());
    }

    [Fact]
    public void Unreserve_keeps_an_existing_recycle_mark_as_it_was()
    {
        _site.WriteInSection("reserved/aa_1.log");
        _site.WriteInSection("fail/aa_1.log", "failed\n");
        var mark = _site.WriteInSection("recycle/aa_1.log", "older mark\n");

        var run = _site.Run("section sid\nunreserve aa 1\n", _options);

        Assert.Equal(["ok", "ok"], run.Replies);
        Assert.Empty(Files(LogDirectory.Reserved));
        Assert.Equal("older mark\n", File.ReadAllText(mark));
    }
}
