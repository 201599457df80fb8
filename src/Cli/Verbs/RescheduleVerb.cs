using System.CommandLine;
using Piuparts.Cli.Maintenance;
using Piuparts.Core.Maintenance;

namespace Piuparts.Cli.Verbs;

/// <summary>piuparts-site reschedule and expire: what piuparts' reschedule_oldest_logs does, whole or only its expiry.</summary>
public static class RescheduleVerb
{
    public static Command Create() => Build("reschedule",
        "Mark the oldest passed and failed logs of each section for retesting (a hard link in recycle/) by " +
        "reschedule-old-days/-count and reschedule-fail-days/-count, delete marked logs never retested once older than " +
        "expire-old-days/expire-fail-days ('+N': N days after the reschedule age), and drop marks whose log is gone, " +
        "as piuparts' reschedule_oldest_logs does. Passed logs are rescheduled only while the section was idle in the " +
        "last two days (idle.stamp); auto-reschedule = no leaves a section's logs alone.",
        expireOnly: false);

    public static Command CreateExpire() => Build("expire",
        "Only the expiry half of reschedule: delete the logs marked for recycling that are older than expire-old-days " +
        "(while recycle/ is empty or idle) or expire-fail-days, with their marks.",
        expireOnly: true);

    private static Command Build(string name, string description, bool expireOnly)
    {
        var command = new Command(name, description);
        var options = MaintenanceOptions.AddTo(command);
        command.SetAction(result =>
        {
            var run = MaintenanceRun.Start(result, name, options, out int exit);
            if (run == null)
                return exit;
            run.ForEachSection((section, settings) =>
            {
                var rules = RescheduleRules.Of(settings);
                run.Carry(expireOnly
                    ? Rescheduler.PlanExpiry(section.Path, section.Name, rules, run.Now, run.Listings)
                    : Rescheduler.Plan(section.Path, section.Name, rules, run.Now, run.Listings));
            });
            return run.Finish();
        });
        return command;
    }
}
