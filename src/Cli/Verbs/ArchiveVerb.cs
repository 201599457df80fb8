using System.CommandLine;
using Piuparts.Cli.Maintenance;
using Piuparts.Core.IO;
using Piuparts.Core.Maintenance;

namespace Piuparts.Cli.Verbs;

/// <summary>piuparts-site archive: what piuparts' archive_old_logs does.</summary>
public static class ArchiveVerb
{
    public static Command Create()
    {
        var command = new Command("archive",
            "Keep only the newest log of each package across pass, fail, bugged and affected: move the older ones of " +
            "packages with a log newer than archive/stamp to archive/<directory>/ and compress everything in archive/ " +
            "with xz, as piuparts' archive_old_logs does.");
        var options = MaintenanceOptions.AddTo(command);
        command.SetAction(result =>
        {
            var run = MaintenanceRun.Start(result, "archive", options, out int exit);
            if (run == null)
                return exit;
            if (!XzFile.Available && !run.DryRun)
            {
                run.Fail("liblzma.so.5 (package liblzma5) is needed to compress archived logs");
                return run.Finish();
            }
            run.ForEachSection((section, _) => run.Carry(OldLogArchive.Plan(section.Path, section.Name, run.Now)));
            return run.Finish();
        });
        return command;
    }
}
