using System.Runtime.CompilerServices;
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

    public static IReadOnlyList<string> Apply(MaintenanceRun run, SectionPlan plan) =>
        run.Interactive && plan.Changes.Count >= BarThreshold
            ? ApplyWithBar(plan)
            : ChangeApplier.Apply(plan.Changes, change => run.Output.WriteLine(change.Describe(run.Master.Root)));

    /// <summary>Runs <paramref name="work"/> with a bar of <paramref name="total"/> steps on a terminal; it reports each step done.</summary>
    public static T Count<T>(MaintenanceRun run, string label, int total, Func<Action, T> work) =>
        !run.Interactive || total < BarThreshold ? work(() => { }) : CountWithBar(label, total, work);

    // The bars live in methods of their own so that Spectre.Console is loaded only when one is
    // drawn: loading it is a tenth of a run with nothing to do.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static IReadOnlyList<string> ApplyWithBar(SectionPlan plan)
    {
        IReadOnlyList<string> errors = [];
        AnsiConsole.Progress().Start(context =>
        {
            var task = context.AddTask(Markup.Escape(plan.Section), maxValue: plan.Changes.Count);
            errors = ChangeApplier.Apply(plan.Changes, _ => task.Increment(1));
        });
        return errors;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static T CountWithBar<T>(string label, int total, Func<Action, T> work)
    {
        T result = default!;
        AnsiConsole.Progress().Start(context =>
        {
            var task = context.AddTask(Markup.Escape(label), maxValue: total);
            result = work(() => task.Increment(1));
        });
        return result;
    }
}
