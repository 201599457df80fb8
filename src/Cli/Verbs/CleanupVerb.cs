using System.CommandLine;
using Piuparts.Cli.Maintenance;
using Piuparts.Core.Maintenance;

namespace Piuparts.Cli.Verbs;

/// <summary>piuparts-site cleanup: what piuparts' master_cleanup does at boot.</summary>
public static class CleanupVerb
{
    public static Command Create()
    {
        var command = new Command("cleanup",
            "At boot: delete <output-directory>/daily.lock, left behind by a daily report that died with the machine, " +
            "unless generate_daily_report or piuparts-report is running, as piuparts' master_cleanup does.");
        var options = MaintenanceOptions.AddTo(command);
        command.SetAction(result =>
        {
            var run = MaintenanceRun.Start(result, "cleanup", options, out int exit, "output-directory");
            if (run == null)
                return exit;
            run.Carry(DailyLock.PlanCleanup(run.Config.Piuparts.OutputDirectory!, DailyLock.RunningCommandLines()));
            return run.Finish();
        });
        return command;
    }
}
