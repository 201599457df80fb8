using System.CommandLine;
using Piuparts.Cli.Maintenance;
using Piuparts.Core.Maintenance;

namespace Piuparts.Cli.Verbs;

/// <summary>
/// piuparts-site reschedule-untestable and release-reserved: what piuparts'
/// report_untestable_packages and report_stale_reserved_packages do.
/// </summary>
public static class ReservationVerbs
{
    public static Command CreateRescheduleUntestable()
    {
        var command = new Command("reschedule-untestable",
            "Delete the untestable logs older than [global] reschedule-untestable-days (default 7), so those packages " +
            "are tested again, in every section whose precedence is at most 99, as piuparts' report_untestable_packages does.");
        var options = MaintenanceOptions.AddTo(command);
        command.SetAction(result =>
        {
            var run = MaintenanceRun.Start(result, "reschedule-untestable", options, out int exit);
            if (run == null)
                return exit;
            long days = run.Config.Piuparts.Global.Integer("reschedule-untestable-days");
            run.ForEachSection((section, settings) =>
            {
                if (settings.Integer("precedence") > UntestableLogs.MaxPrecedence)
                    run.Summary($"{section.Name}: precedence above {UntestableLogs.MaxPrecedence}, left alone");
                else
                    run.Carry(UntestableLogs.Plan(section.Path, section.Name, days, run.Now));
            });
            return run.Finish();
        });
        return command;
    }

    public static Command CreateReleaseReserved()
    {
        var command = new Command("release-reserved",
            "Move reservations older than a day (at least two days old) from reserved/ to recycle/, freeing packages whose " +
            "slave never reported back, as piuparts' report_stale_reserved_packages does.");
        var options = MaintenanceOptions.AddTo(command);
        command.SetAction(result =>
        {
            var run = MaintenanceRun.Start(result, "release-reserved", options, out int exit);
            if (run == null)
                return exit;
            run.ForEachSection((section, _) => run.Carry(StaleReservations.Plan(section.Path, section.Name, run.Now)));
            return run.Finish();
        });
        return command;
    }
}
