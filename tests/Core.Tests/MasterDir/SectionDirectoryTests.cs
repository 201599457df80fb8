using Piuparts.Core.MasterDir;
using Piuparts.Core.Tests.Support;

namespace Piuparts.Core.Tests.MasterDir;

public class SectionDirectoryTests : IDisposable
{
    private readonly TemporaryDirectory _temp = new();
    private readonly SectionDirectory _section;

    public SectionDirectoryTests()
    {
        _section = new MasterDirectory(_temp.Path).Section("sid");
        _section.EnsureCreated();
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Master_lock_is_taken_by_one_holder_at_a_time_and_a_busy_one_is_given_up_after_the_wait()
    {
        using (var held = _section.TryLock())
        {
            Assert.NotNull(held);
            Assert.Null(_section.TryLock());
            Assert.Null(_section.Lock(TimeSpan.Zero));
        }

        using var again = _section.Lock(TimeSpan.FromSeconds(5));

        Assert.NotNull(again);
    }

    [Fact]
    public void A_new_section_has_the_seven_log_directories()
    {
        Assert.Equal(["affected", "bugged", "fail", "pass", "recycle", "reserved", "untestable"],
            Directory.GetDirectories(_section.Path).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void A_log_is_named_after_package_and_version_and_holds_its_content()
    {
        Assert.True(_section.TryCreateLog(LogDirectory.Pass, "hello", "2.10-3", "Start\nEnd\n"));

        Assert.Equal("Start\nEnd\n", File.ReadAllText(_temp.Combine("sid", "pass", "hello_2.10-3.log")));
        Assert.True(_section.Exists(LogDirectory.Pass, "hello", "2.10-3"));
        Assert.Equal([("hello", "2.10-3")], _section.ListLogs(LogDirectory.Pass));
    }

    [Fact]
    public void Creating_a_log_that_exists_fails_and_leaves_the_first_one_untouched()
    {
        Assert.True(_section.TryCreateLog(LogDirectory.Fail, "hello", "1", "first"));

        Assert.False(_section.TryCreateLog(LogDirectory.Fail, "hello", "1", "second"));

        Assert.Equal("first", File.ReadAllText(_section.LogPath(LogDirectory.Fail, "hello", "1")));
        Assert.Equal(["hello_1.log"], Directory.GetFiles(_section.DirectoryPath(LogDirectory.Fail)).Select(Path.GetFileName));
    }

    [Fact]
    public void Of_many_writers_racing_for_one_log_exactly_one_wins_and_no_temporary_file_stays()
    {
        var wins = Enumerable.Range(0, 32).AsParallel().WithDegreeOfParallelism(8)
            .Count(i => _section.TryCreateLog(LogDirectory.Reserved, "race", "1", $"writer {i}"));

        Assert.Equal(1, wins);
        Assert.StartsWith("writer ", File.ReadAllText(_section.LogPath(LogDirectory.Reserved, "race", "1")));
        Assert.Single(Directory.GetFiles(_section.DirectoryPath(LogDirectory.Reserved)));
    }

    [Theory]
    [InlineData("../evil", "1")]
    [InlineData("a/b", "1")]
    [InlineData("ok", "1/../../x")]
    [InlineData("ok", "..")]
    [InlineData("", "1")]
    [InlineData("ok", "1\n2")]
    public void Names_and_versions_that_could_leave_the_directory_are_refused(string name, string version)
    {
        Assert.NotNull(LogName.Check(name, version));
        Assert.Throws<ArgumentException>(() => _section.TryCreateLog(LogDirectory.Pass, name, version, ""));
        Assert.Empty(Directory.GetFiles(_temp.Path, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public void Submissions_are_appended_one_line_each_with_the_unix_time()
    {
        var when = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);

        _section.AppendSubmission(SubmissionKind.Pass, "hello", "1", when);
        _section.AppendSubmission(SubmissionKind.Untestable, "world", "2:3-4", when.AddSeconds(5));

        Assert.Equal("1700000000 pass hello 1\n1700000005 untestable world 2:3-4\n",
            File.ReadAllText(_temp.Combine("sid", "submissions.txt")));
    }

    [Fact]
    public void Deleting_a_log_removes_it_and_says_whether_there_was_one()
    {
        _section.TryCreateLog(LogDirectory.Recycle, "hello", "1", "");

        Assert.True(_section.DeleteLog(LogDirectory.Recycle, "hello", "1"));
        Assert.False(_section.DeleteLog(LogDirectory.Recycle, "hello", "1"));
        Assert.Empty(_section.ListLogs(LogDirectory.Recycle));
    }

    [Fact]
    public void Listing_skips_files_that_are_not_logs()
    {
        var pass = _section.DirectoryPath(LogDirectory.Pass);
        File.WriteAllText(Path.Combine(pass, "hello_1.kpr"), "");
        File.WriteAllText(Path.Combine(pass, "tmpabcdefgh"), "");
        File.WriteAllText(Path.Combine(pass, "noversion.log"), "");
        _section.TryCreateLog(LogDirectory.Pass, "zz", "1", "");
        _section.TryCreateLog(LogDirectory.Pass, "aa", "2", "");

        Assert.Equal([("aa", "2"), ("zz", "1")], _section.ListLogs(LogDirectory.Pass));
    }
}
