using System.CommandLine;
using System.Globalization;
using Piuparts.Cli.Maintenance;
using Piuparts.Core.IO;
using Piuparts.Core.Maintenance;

namespace Piuparts.Cli.Verbs;

/// <summary>piuparts-site daily-report: generate_daily_report's order of work.</summary>
public static class DailyReportVerb
{
    public static Command Create()
    {
        var command = new Command("daily-report",
            "The daily job of piuparts' generate_daily_report, in its order: take <output-directory>/daily.lock (exit 1 when " +
            "another holds it), archive old logs as the archive verb does, then print the logs of fail, bugged, affected and " +
            "untestable that are newer than last-failure-report.stamp as URLs below [global] urlbase (sid, testing-suite and " +
            "testing2sid first), keep that list in logs/YYYY/MM/DD/dailyreport.txt and move the stamp to the start of this run. " +
            "Cron mails what it prints. Unlike piuparts it expires no pages: the report removes pages that are gone itself.");
        var options = MaintenanceOptions.AddTo(command);
        command.SetAction(result =>
        {
            var run = MaintenanceRun.Start(result, "daily-report", options, out int exit, "output-directory");
            if (run == null)
                return exit;
            var output = run.Config.Piuparts.OutputDirectory!;
            var lockPath = Path.Combine(output, DailyLock.FileName);
            if (!run.DryRun)
            {
                Directory.CreateDirectory(output);
                var stamp = run.Now.UtcDateTime.ToString("ddd MMM d HH:mm:ss 'UTC' yyyy", CultureInfo.InvariantCulture) + "\n";
                if (!AtomicFile.TryCreate(lockPath, stamp))
                {
                    var holder = File.Exists(lockPath) ? File.ReadAllText(lockPath).Trim() : "";
                    run.Fail($"daily.lock exists: {lockPath} ({holder}); another daily report is running, or died (piuparts-site cleanup removes it at boot)");
                    return run.Finish();
                }
            }
            try
            {
                return Daily(run, output);
            }
            finally
            {
                if (!run.DryRun)
                    File.Delete(lockPath);
            }
        });
        return command;
    }

    private static int Daily(MaintenanceRun run, string output)
    {
        if (!XzFile.Available && !run.DryRun)
            run.Fail("liblzma.so.5 (package liblzma5) is needed to compress archived logs");
        else
            run.ForEachSection((section, _) => run.Carry(OldLogArchive.Plan(section.Path, section.Name, run.Now)));

        var stampPath = Path.Combine(output, NewFailures.StampFile);
        var since = File.Exists(stampPath) ? File.GetLastWriteTimeUtc(stampPath) : DateTime.UnixEpoch;
        var global = run.Config.Piuparts.Global;
        var urls = NewFailures.Since(run.Master, run.Sections, since, global.NonEmpty("urlbase") ?? NewFailures.DefaultUrlBase);
        var report = NewFailures.Report(urls, global.NonEmpty("testing-suite"));
        run.Output.Write(report);
        if (!run.DryRun)
        {
            var day = Path.Combine(output, "logs", run.Now.UtcDateTime.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture));
            Directory.CreateDirectory(day);
            AtomicFile.Replace(Path.Combine(day, "dailyreport.txt"), report);
            // The next report lists what is newer than this run's start.
            AtomicFile.Replace(stampPath, []);
            File.SetLastWriteTimeUtc(stampPath, run.Now.UtcDateTime);
        }
        run.Summary($"{urls.Count} new failures since {since:yyyy-MM-dd HH:mm:ss} UTC");
        return run.Finish();
    }
}
