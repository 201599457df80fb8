using System.CommandLine;
using Piuparts.Cli.Maintenance;
using Piuparts.Core.Maintenance;

namespace Piuparts.Cli.Verbs;

/// <summary>piuparts-site rotate-logs: what piuparts' rotate_master_logs does.</summary>
public static class RotateLogsVerb
{
    public static Command Create()
    {
        var command = new Command("rotate-logs",
            "Rename each section's master.log over 1 MiB to master.<YYYYMMDD>.log (local date), compress the rotated " +
            "logs of earlier days with xz -9, delete compressed ones older than 90 days but the newest four, and " +
            "compress the files published under <output-directory>/logs/ a week ago, as piuparts' rotate_master_logs does.");
        var options = MaintenanceOptions.AddTo(command);
        command.SetAction(result =>
        {
            var run = MaintenanceRun.Start(result, "rotate-logs", options, out int exit);
            if (run == null)
                return exit;
            run.ForEachSection((section, _) =>
                run.Carry(MasterLogRotation.PlanSection(section.Path, section.Name, run.Now, TimeZoneInfo.Local)));
            if (run.Config.Piuparts.OutputDirectory is { } output)
                run.Carry(MasterLogRotation.PlanPublishedLogs(output, run.Now));
            return run.Finish();
        });
        return command;
    }
}
