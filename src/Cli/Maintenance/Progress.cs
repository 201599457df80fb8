using Piuparts.Core.Maintenance;
using Spectre.Console;

namespace Piuparts.Cli.Maintenance;

/// <summary>
/// How a run shows that it moves on: a progress bar per section on a terminal (for plans long
/// enough to need one), else one line per change as it is made, for cron's mail.
/// </summary>
internal static class Progress
{
    /// <summary>Plans shorter than this finish before a bar would be seen.</summary>
    private const int BarThreshold = 200;

    public static IReadOnlyList<string> Apply(MaintenanceRun run, SectionPlan plan)
    {
        if (run.Interactive && plan.Changes.Count >= BarThreshold)
        {
            IReadOnlyList<string> errors = [];
            AnsiConsole.Progress().Start(context =>
            {
                var task = context.AddTask(Markup.Escape(plan.Section), maxValue: plan.Changes.Count);
                errors = ChangeApplier.Apply(plan.Changes, _ => task.Increment(1));
            });
            return errors;
        }
        return ChangeApplier.Apply(plan.Changes, change => run.Output.WriteLine(change.Describe(run.Master.Root)));
    }

    /// <summary>Runs <paramref name="work"/> with a bar of <paramref name="total"/> steps on a terminal; it reports each step done.</summary>
    public static T Count<T>(MaintenanceRun run, string label, int total, Func<Action, T> work)
    {
        if (!run.Interactive || total < BarThreshold)
            return work(() => { });
        T result = default!;
        AnsiConsole.Progress().Start(context =>
        {
            var task = context.AddTask(Markup.Escape(label), maxValue: total);
            result = work(() => task.Increment(1));
        });
        return result;
    }
}
