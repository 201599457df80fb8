using System.CommandLine;
using Piuparts.Cli.Maintenance;
using Piuparts.Core.Maintenance;

namespace Piuparts.Cli.Verbs;

/// <summary>piuparts-site backup: what piuparts' prepare_backup does.</summary>
public static class BackupVerb
{
    public static Command Create()
    {
        var command = new Command("backup",
            "Copy the history that cannot be recomputed (archive_issues.txt, bts_stats.txt, and each section's " +
            "submissions.txt and counts.txt) into backup-directory, each copy replacing the previous one only once " +
            "complete, as piuparts' prepare_backup does. Does nothing when backup-directory is not set.");
        var options = MaintenanceOptions.AddTo(command);
        command.SetAction(result =>
        {
            var run = MaintenanceRun.Start(result, "backup", options, out int exit);
            if (run == null)
                return exit;
            var global = run.Config.Piuparts.Global;
            if (global.NonEmpty("backup-directory") is not { } backup)
            {
                run.Summary("backup-directory is not set: nothing to back up");
                return run.Finish();
            }
            run.Carry(Backup.PlanMaster(run.Master.Root, Path.GetFullPath(backup)));
            run.ForEachSection((section, _) =>
                run.Carry(Backup.PlanSection(run.Master.Root, section.Name, Path.GetFullPath(backup), global.NonEmpty("testing-suite"))));
            return run.Finish();
        });
        return command;
    }
}
