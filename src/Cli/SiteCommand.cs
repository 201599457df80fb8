using System.CommandLine;
using Piuparts.Cli.Verbs;

namespace Piuparts.Cli;

/// <summary>The piuparts-site command line: one verb per job of piuparts' server side.</summary>
public static class SiteCommand
{
    public static RootCommand Create()
    {
        var root = new RootCommand("piuparts-site: the server side of piuparts (master, slave, maintenance and the website)");
        root.Add(CommonOptions.Config);
        root.Add(CommonOptions.Distros);
        root.Add(MasterVerb.Create());
        root.Add(SlaveVerb.Create());
        root.Add(RescheduleVerb.Create());
        root.Add(RescheduleVerb.CreateExpire());
        root.Add(ReservationVerbs.CreateRescheduleUntestable());
        root.Add(ReservationVerbs.CreateReleaseReserved());
        root.Add(ArchiveVerb.Create());
        root.Add(BackupVerb.Create());
        root.Add(DetectProblemsVerb.Create());
        root.Add(RotateLogsVerb.Create());
        root.Add(DailyReportVerb.Create());
        root.Add(CleanupVerb.Create());
        root.Add(ReportVerb.Create());
        root.Add(ConfigVerb.Create());
        root.Add(CheckVerb.Create());
        return root;
    }

    /// <summary>Runs the command line with the given writers (tests pass their own).</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var parsed = Create().Parse(args);
        if (parsed.Errors.Count > 0 && !args.Any(a => a is "-h" or "--help" or "-?"))
        {
            foreach (var problem in parsed.Errors)
                error.WriteLine($"piuparts-site: {problem.Message}");
            error.WriteLine("Try 'piuparts-site --help'.");
            return ExitCodes.BadInput;
        }
        return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error });
    }
}
