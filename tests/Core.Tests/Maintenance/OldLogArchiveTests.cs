using Piuparts.Core.IO;
using Piuparts.Core.Maintenance;
using Piuparts.Core.Tests.Support;

namespace Piuparts.Core.Tests.Maintenance;

public sealed class OldLogArchiveTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 23, 15, 0, TimeSpan.Zero);
    private readonly TemporaryDirectory _dir = new();
    private readonly SeededSection _section;

    public OldLogArchiveTests()
    {
        _section = new SeededSection(_dir.Combine("sid"), Now);
        // The example of maintenance.md §2.5.
        _section.File("bugged/multi_0.9.log", 40);
        _section.File("pass/multi_1.0.log", 30);
        _section.File("fail/multi_1.1.log", 20);
        _section.File("pass/multi_1.2.log", 1.0 / 24);
        _section.File("pass/single_1.log", 2);
        _section.File("fail/multiple_1.log", 3);
    }

    public void Dispose() => _dir.Dispose();

    private SectionPlan Plan() => OldLogArchive.Plan(_section.Path, "sid", Now);

    [Fact]
    public void Only_the_newest_log_of_a_package_stays_across_the_four_directories()
    {
        var plan = Plan();

        Assert.Equal("sid: 3 old logs archived, 3 compressed", plan.Summary);
        Assert.Equal(
        [
            "move bugged/multi_0.9.log -> archive/bugged/multi_0.9.log",
            "move pass/multi_1.0.log -> archive/pass/multi_1.0.log",
            "move fail/multi_1.1.log -> archive/fail/multi_1.1.log",
            "compress archive/bugged/multi_0.9.log -> archive/bugged/multi_0.9.log.xz",
            "compress archive/fail/multi_1.1.log -> archive/fail/multi_1.1.log.xz",
            "compress archive/pass/multi_1.0.log -> archive/pass/multi_1.0.log.xz",
            "touch archive/stamp 2026-11-23 23:15:00 UTC",
        ], plan.Changes.Select(c => c.Describe(_section.Path)));
    }

    [Fact]
    public void Archived_logs_are_compressed_as_xz_does_and_keep_their_time()
    {
        Assert.Empty(ChangeApplier.Apply(Plan().Changes));

        Assert.Equal(
        [
            "archive/bugged/multi_0.9.log.xz", "archive/fail/multi_1.1.log.xz", "archive/pass/multi_1.0.log.xz", "archive/stamp",
            "fail/multiple_1.log", "pass/multi_1.2.log", "pass/single_1.log",
        ], _section.Files());
        var xz = _section.Path + "/archive/pass/multi_1.0.log.xz";
        Assert.Equal(File.ReadAllBytes(xz), DebianTools.RunBytes("/usr/bin/xz", ["-c", "-6"], "pass/multi_1.0.log\n"u8.ToArray()));
        Assert.Equal((Now - TimeSpan.FromDays(30)).UtcDateTime, File.GetLastWriteTimeUtc(xz));
        Assert.Equal((Now - TimeSpan.FromDays(1)).UtcDateTime, File.GetLastWriteTimeUtc(_section.Path + "/archive/stamp"));
    }

    [Fact]
    public void A_second_run_changes_nothing()
    {
        ChangeApplier.Apply(Plan().Changes);
        var before = DirectoryTree.Of(_section.Path).ToString();

        var again = Plan();

        Assert.Empty(again.Changes);
        Assert.Equal("sid: 0 old logs archived, 0 compressed", again.Summary);
        Assert.Equal(before, DirectoryTree.Of(_section.Path).ToString());
    }

    [Fact]
    public void Packages_whose_logs_are_all_older_than_the_stamp_are_not_looked_at()
    {
        _section.File("archive/stamp", 10);

        var plan = Plan();

        // multi's newest log is an hour old, so it is looked at; an old pair alone would not be.
        Assert.Equal("sid: 3 old logs archived, 3 compressed", plan.Summary);
        _section.File("pass/multi_1.2.log", 11);
        Assert.Equal("sid: 0 old logs archived, 0 compressed", Plan().Summary);
    }

    [Fact]
    public void Xz_output_is_byte_identical_to_the_xz_program_at_preset_nine()
    {
        var text = string.Join('\n', Enumerable.Range(0, 20000).Select(i => $"line {i} of a master.log"));
        var path = _dir.Write("master.20261123.log", System.Text.Encoding.UTF8.GetBytes(text));

        XzFile.Compress(path, 9);

        Assert.False(File.Exists(path));
        Assert.Equal(DebianTools.RunBytes("/usr/bin/xz", ["-c", "-9"], System.Text.Encoding.UTF8.GetBytes(text)), File.ReadAllBytes(path + ".xz"));
    }
}
