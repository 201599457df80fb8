using Piuparts.Core.Tests.Support;

namespace Piuparts.Cli.Tests.Verbs;

public sealed class DailyReportVerbTests : IDisposable
{
    private const string Now = "2026-11-24T23:15:00Z";
    private static readonly DateTime NowTime = new(2026, 11, 24, 23, 15, 0, DateTimeKind.Utc);
    private readonly TemporaryDirectory _dir = new();
    private readonly string _config;

    public DailyReportVerbTests()
    {
        _config = _dir.Write("piuparts.conf", System.Text.Encoding.UTF8.GetBytes(
            $"[global]\nsections = sid\nmaster-directory = {_dir.Combine("master")}\noutput-directory = {_dir.Combine("html")}\n" +
            "urlbase = https://qa.example.org\ntesting-suite = trixie\n[sid]\ndistro = sid\n"));
        Log("sid/fail/broken_1.log", 0.5);
        Log("sid/pass/fine_1.log", 0.5);
    }

    public void Dispose() => _dir.Dispose();

    private void Log(string relative, double days)
    {
        var path = _dir.Write(Path.Combine("master", relative), "log\n"u8.ToArray());
        File.SetLastWriteTimeUtc(path, NowTime.AddDays(-days));
    }

    private CliRun Run(params string[] args) => CliRun.Of([.. args, "--config", _config, "--distros", _config, "--now", Now]);

    [Fact]
    public void The_first_report_lists_every_failure_and_the_next_only_the_newer_ones()
    {
        var first = Run("daily-report");
        Log("sid/fail/later_1.log", -0.1);
        var second = CliRun.Of("daily-report", "--config", _config, "--distros", _config, "--now", "2026-11-25T23:15:00Z");

        Assert.Equal(ExitCodes.Ok, first.ExitCode);
        // The archive step's lines come first (here: its stamp), then the failure list, then the summaries.
        Assert.Contains("\n1 new failures in total, 1 new failures sid, trixie and testing2sid:\nhttps://qa.example.org/sid/fail/broken_1.log\n\n0 other new failures:\n", first.Output);
        Assert.Contains("sid/fail/later_1.log", second.Output);
        Assert.DoesNotContain("broken_1", second.Output);
        Assert.True(File.Exists(_dir.Combine("html", "logs", "2026", "11", "24", "dailyreport.txt")));
        Assert.Equal(new DateTime(2026, 11, 25, 23, 15, 0, DateTimeKind.Utc), File.GetLastWriteTimeUtc(_dir.Combine("html", "last-failure-report.stamp")));
        Assert.False(File.Exists(_dir.Combine("html", "daily.lock")));
    }

    [Fact]
    public void A_report_that_finds_daily_lock_held_fails_and_changes_nothing()
    {
        _dir.Write("html/daily.lock", "Tue Nov 24 23:15:00 UTC 2026\n"u8.ToArray());
        var before = DirectoryTree.Of(_dir.Path).ToString();

        var run = Run("daily-report");

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.Contains("daily.lock exists", run.Error);
        Assert.Equal(before, DirectoryTree.Of(_dir.Path).ToString());
    }

    [Fact]
    public void A_dry_run_lists_the_failures_and_writes_nothing()
    {
        var before = DirectoryTree.Of(_dir.Path).ToString();

        var run = Run("daily-report", "--dry-run");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("https://qa.example.org/sid/fail/broken_1.log", run.Output);
        Assert.Equal(before, DirectoryTree.Of(_dir.Path).ToString());
    }
}
