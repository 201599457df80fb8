using Piuparts.Core.Tests.Support;

namespace Piuparts.Differential.Tests.Maintenance;

/// <summary>
/// maintenance.md §2.9: generate_daily_report and piuparts-site daily-report on identical
/// copies archive the same logs and list the same new failures, and both move the stamp on.
/// </summary>
public sealed class DailyReportDifferentialTests
{
    private const string Script = "generate_daily_report";

    [Fact]
    public void Daily_report_archives_and_lists_the_same_new_failures_as_piuparts()
    {
        DebianScript.Require(Script);
        using var master = new MaintenanceMaster("""
            [global]
            sections = sid trixie bookworm-pu nodir
            master-directory = {master}
            output-directory = {output}
            urlbase = https://qa.example.org/piuparts
            testing-suite = trixie

            [sid]
            [trixie]
            [bookworm-pu]
            [nodir]
            """);
        // New since the stamp (a day old): sid and trixie count as release failures.
        master.File("sid/fail/newfail_1.log", 0.2);
        master.File("sid/bugged/newbug_2.log", 0.3);
        master.File("sid/untestable/newun_1.log", 0.4);
        master.File("trixie/affected/aff_1.log", 0.1);
        master.File("bookworm-pu/fail/other_1.log", 0.2);
        master.File("bookworm-pu/fail/other_1.kpr", 0.2, "");
        // Older than the stamp, passed, or not a log: not listed.
        master.File("sid/fail/oldfail_1.log", 3.5);
        master.File("sid/pass/newpass_1.log", 0.2);
        master.File("trixie/fail/notes.txt", 0.2);
        // An older version to archive.
        master.File("sid/pass/multi_1.0.log", 30.5);
        master.File("sid/fail/multi_1.1.log", 0.5);
        var debian = master.Copy("debian");
        var ours = master.Copy("ours");
        foreach (var copy in new[] { debian, ours })
        {
            Directory.CreateDirectory(copy.Output);
            var stamp = Path.Combine(copy.Output, "last-failure-report.stamp");
            File.WriteAllText(stamp, "");
            File.SetLastWriteTimeUtc(stamp, (master.Now - TimeSpan.FromDays(1)).UtcDateTime);
        }
        using var bin = new TemporaryDirectory();
        var mail = bin.Write("mail", "#!/bin/sh\ncat > /dev/null\n"u8.ToArray());
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(mail, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        DebianTools.Run("/usr/bin/env", ["LC_ALL=C.UTF-8", "LOGNAME=piuparts", $"PATH={bin.Path}:/usr/bin:/bin",
            $"PIUPARTS_CONF={debian.Config}", "/bin/sh", Path.Combine(DebianScript.Directory, Script)]);
        var printed = ours.RunOurs("daily-report", "--now", master.Now.ToUnixTimeSeconds().ToString());

        var theirs = Directory.GetFiles(Path.Combine(debian.Output, "logs"), "dailyreport.txt", SearchOption.AllDirectories).Single();
        // Theirs goes on with the date and the expiry of old pages, which piuparts-site leaves to the report.
        var theirFailures = File.ReadAllText(theirs).Split("\nExpiring old .html files:\n")[0];
        theirFailures = theirFailures[..(theirFailures.TrimEnd('\n').LastIndexOf('\n') + 1)];
        var ourReport = File.ReadAllText(Directory.GetFiles(Path.Combine(ours.Output, "logs"), "dailyreport.txt", SearchOption.AllDirectories).Single());
        Assert.Equal(theirFailures.TrimEnd('\n'), ourReport.TrimEnd('\n'));
        Assert.StartsWith("6 new failures in total, 5 new failures sid, trixie and testing2sid:\nhttps://qa.example.org/piuparts/sid/bugged/newbug_2.log\n", ourReport);
        Assert.Contains(ourReport, printed);

        Assert.Equal(FileTree.Of(debian.Master).ToString(), FileTree.Of(ours.Master).ToString());
        Assert.Contains("sid/archive/pass/multi_1.0.log.xz", FileTree.Of(ours.Master).Files.Keys);
        foreach (var copy in new[] { debian, ours })
        {
            Assert.False(File.Exists(Path.Combine(copy.Output, "daily.lock")));
            Assert.True(File.GetLastWriteTimeUtc(Path.Combine(copy.Output, "last-failure-report.stamp")) >= master.Now.UtcDateTime);
        }
    }
}
