using Piuparts.Core.MasterDir;
using Piuparts.Core.Tests.Support;

namespace Piuparts.Cli.Tests.Verbs;

/// <summary>What every maintenance verb shares, shown on reschedule: dry run, locks, sections, summaries.</summary>
public sealed class RescheduleVerbTests : IDisposable
{
    private const string Now = "2026-11-24T03:00:00Z";
    private static readonly DateTime NowTime = new(2026, 11, 24, 3, 0, 0, DateTimeKind.Utc);
    private readonly TemporaryDirectory _dir = new();
    private readonly string _config;

    public RescheduleVerbTests()
    {
        _config = _dir.Write("piuparts.conf", System.Text.Encoding.UTF8.GetBytes(
            $"[global]\nsections = sid gone\nmaster-directory = {_dir.Combine("master")}\noutput-directory = {_dir.Combine("html")}\nreschedule-fail-days = 5\n[sid]\ndistro = sid\n[gone]\ndistro = sid\n"));
        Log("sid/fail/old_1.log", 40);
        Log("sid/fail/new_1.log", 1);
        Log("sid/recycle/orphan_1.log", 3);
    }

    public void Dispose() => _dir.Dispose();

    private void Log(string relative, double days)
    {
        var path = _dir.Write(Path.Combine("master", relative), "log\n"u8.ToArray());
        File.SetLastWriteTimeUtc(path, NowTime.AddDays(-days));
    }

    private CliRun Run(params string[] args) => CliRun.Of([.. args, "--config", _config, "--distros", _config, "--now", Now]);

    [Fact]
    public void A_dry_run_lists_the_changes_and_writes_nothing_not_even_a_lock()
    {
        var before = DirectoryTree.Of(_dir.Path).ToString();

        var run = Run("reschedule", "--dry-run");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Equal(
            "link sid/fail/old_1.log -> sid/recycle/old_1.log\n" +
            "delete sid/recycle/orphan_1.log\n" +
            "dry run: sid: 1 rescheduled, 0 expired, 1 obsolete, queued 1 not-idle\n" +
            "dry run: gone: no section directory, skipped\n", run.Output);
        Assert.Equal(before, DirectoryTree.Of(_dir.Path).ToString());
    }

    [Fact]
    public void A_run_prints_each_change_then_a_summary_per_section_and_a_second_run_changes_nothing()
    {
        var first = Run("reschedule");
        var after = DirectoryTree.Of(_dir.Path).ToString();
        var second = Run("reschedule");

        Assert.Equal(ExitCodes.Ok, first.ExitCode);
        Assert.StartsWith("link sid/fail/old_1.log -> sid/recycle/old_1.log\ndelete sid/recycle/orphan_1.log\nsid: 1 rescheduled", first.Output);
        Assert.True(File.Exists(_dir.Combine("master", "sid", "recycle", "old_1.log")));
        Assert.StartsWith("sid: 0 rescheduled, 0 expired, 0 obsolete, queued 1", second.Output);
        Assert.Equal(after, DirectoryTree.Of(_dir.Path).ToString());
    }

    [Fact]
    public void Publish_appends_the_output_to_the_days_log_below_the_output_directory()
    {
        var first = Run("reschedule", "--publish");
        Run("reschedule", "--publish");

        Assert.Equal("", first.Output);
        var published = File.ReadAllText(_dir.Combine("html", "logs", "2026", "11", "24", "reschedule.txt"));
        Assert.StartsWith("Tue Nov 24 03:00:00 UTC 2026\nlink sid/fail/old_1.log -> sid/recycle/old_1.log\n", published);
        Assert.Equal(2, published.Split("Tue Nov 24 03:00:00 UTC 2026").Length - 1);
    }

    [Fact]
    public void A_section_a_master_holds_is_skipped_and_the_run_fails()
    {
        using var held = new MasterDirectory(_dir.Combine("master")).Section("sid").TryLock();
        Assert.NotNull(held);

        var run = Run("reschedule", "--lock-wait", "0", "--section", "sid");

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.Contains("sid: busy (master.lock held for 0 s), skipped", run.Output);
        Assert.False(File.Exists(_dir.Combine("master", "sid", "recycle", "old_1.log")));
    }

    [Fact]
    public void A_section_piuparts_conf_does_not_have_is_bad_input()
    {
        var run = Run("expire", "--section", "experimental");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("piuparts.conf has no section [experimental]", run.Error);
    }
}
