using System.CommandLine;
using Piuparts.Cli.Maintenance;
using Piuparts.Core.KnownProblems;

namespace Piuparts.Cli.Verbs;

/// <summary>piuparts-site detect-problems: what piuparts' detect_well_known_errors cron job does.</summary>
public static class DetectProblemsVerb
{
    public const string DefaultDefinitions = "/usr/share/piuparts/known_problems";
    public const string GlobalLock = "dwke.lock";

    public static Command Create()
    {
        var recheck = new Option<bool>("--recheck") { Description = "classify every log again" };
        var recheckFailed = new Option<bool>("--recheck-failed") { Description = "classify every log outside pass again" };
        var command = new Command("detect-problems",
            "Bring the known-problem reports (.kpr) of pass, bugged, affected, fail and untestable up to date, as " +
            "piuparts' detect_well_known_errors does: remove those whose log is gone, newer or moved, and .bug files " +
            "whose log is gone or moved, then classify every log without a report with the definitions of " +
            "known-problem-directory (less the section's exclude-known-problems). Unlike piuparts, a report older than " +
            "a definition is recomputed too. Prints the number of hits per problem. Takes <master-directory>/dwke.lock, " +
            "shared with piuparts' job: when another run holds it, exits at once.");
        command.Add(recheck);
        command.Add(recheckFailed);
        var options = MaintenanceOptions.AddTo(command);
        command.SetAction(result =>
        {
            var run = MaintenanceRun.Start(result, "detect-problems", options, out int exit);
            if (run == null)
                return exit;
            var directory = run.Config.Piuparts.Global.NonEmpty("known-problem-directory") ?? DefaultDefinitions;
            if (!Directory.Exists(directory))
            {
                run.Fail($"known-problem-directory {directory} does not exist");
                return run.Finish();
            }
            using var held = TakeGlobalLock(run);
            if (held == null)
            {
                if (run.Interactive)
                    run.Error.WriteLine("piuparts-site detect-problems: another detect-problems or detect_well_known_errors is running");
                return ExitCodes.Ok;
            }
            // Read when a log needs them: a run with nothing to classify does not.
            var problems = new Lazy<ProblemSet>(() =>
            {
                var loaded = ProblemSet.Load(directory);
                foreach (var error in loaded.Errors)
                    run.Error.WriteLine($"piuparts-site detect-problems: {error}: definition skipped");
                return loaded;
            });
            var refresh = KprRefreshOptions.DetectWellKnownErrors with
            {
                Recheck = result.GetValue(recheck),
                RecheckFailed = result.GetValue(recheckFailed),
                DefinitionsModified = ProblemSet.LastModified(directory),
            };
            int removed = 0, added = 0;
            run.ForEachSection((section, settings) =>
            {
                if (run.DryRun)
                {
                    var pending = KprRefresher.Pending(section.Path, refresh, run.Listings);
                    foreach (var path in pending.StaleKprs.Concat(pending.StaleBugs))
                        run.Output.WriteLine($"delete {Path.GetRelativePath(run.Master.Root, path)}");
                    foreach (var path in pending.LogsToClassify)
                        run.Output.WriteLine($"classify {Path.GetRelativePath(run.Master.Root, path)}");
                    run.Summary($"{section.Name}: parsed logfiles: {pending.StaleKprs.Count} removed, {pending.LogsToClassify.Count} added");
                    return;
                }
                var refresher = new KprRefresher(() => problems.Value.Without(settings.Words("exclude-known-problems")));
                int total = run.Interactive ? KprRefresher.Pending(section.Path, refresh, run.Listings).LogsToClassify.Count : 0;
                var outcome = Progress.Count(run, section.Name, total, step => refresher.Refresh(section.Path, refresh, step, run.Listings));
                removed += outcome.Removed;
                added += outcome.Added;
                foreach (var problem in outcome.Hits.Keys.Order(StringComparer.Ordinal))
                    run.Output.WriteLine($"{section.Name}: {problem}: {outcome.Hits[problem]}");
                foreach (var error in outcome.Errors)
                    run.Fail($"{section.Name}: {error}");
                run.Summary($"{section.Name}: parsed logfiles: {outcome.Removed} removed, {outcome.Added} added" +
                            (outcome.BugsRemoved > 0 ? $", {outcome.BugsRemoved} .bug removed" : ""));
            });
            if (!run.DryRun)
                run.Summary($"total parsed logfiles: {removed} removed, {added} added");
            return run.Finish();
        });
        return command;
    }

    // The lock piuparts' detect_well_known_errors takes, so the two never run at once. A dry
    // run does not create it.
    private static IDisposable? TakeGlobalLock(MaintenanceRun run)
    {
        var path = Path.Combine(run.Master.Root, GlobalLock);
        if (run.DryRun && !File.Exists(path))
            return new MemoryStream();
        try
        {
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.Write, FileShare.None);
        }
        catch (IOException)
        {
            return null;
        }
    }
}
