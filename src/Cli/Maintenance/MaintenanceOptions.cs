using System.CommandLine;

namespace Piuparts.Cli.Maintenance;

/// <summary>The options every maintenance verb takes.</summary>
public static class MaintenanceOptions
{
    public static Option<string[]> Sections() => new("--section")
    {
        Description = "work on this section (repeatable) [default: every section of [global] sections]",
        AllowMultipleArgumentsPerToken = false,
    };

    public static Option<bool> DryRun() => new("--dry-run")
    {
        Description = "list what would change, change nothing",
    };

    public static Option<string?> Now() => new("--now")
    {
        Description = "the moment ages are measured from, ISO 8601 (2026-11-24T03:00:00Z) or unix seconds " +
                      "[default: SOURCE_DATE_EPOCH when set, else the clock]",
    };

    public static Option<int> LockWait() => new("--lock-wait")
    {
        Description = "seconds to wait for a section's master.lock (held while a master serves a slave) before skipping it",
        DefaultValueFactory = _ => 600,
    };

    public static Option<bool> Publish() => new("--publish")
    {
        Description = "append what is printed to <output-directory>/logs/YYYY/MM/DD/<verb>.txt (UTC date) instead, " +
                      "where piuparts' cron jobs publish theirs",
    };

    /// <summary>Adds the common options to a verb and returns them, for <see cref="MaintenanceRun.Start"/>.</summary>
    public static Set AddTo(Command command)
    {
        var options = new Set(Sections(), DryRun(), Now(), LockWait(), Publish());
        command.Add(options.Sections);
        command.Add(options.DryRun);
        command.Add(options.Now);
        command.Add(options.LockWait);
        command.Add(options.Publish);
        return options;
    }

    /// <summary>The common options of one verb.</summary>
    public sealed record Set(Option<string[]> Sections, Option<bool> DryRun, Option<string?> Now, Option<int> LockWait, Option<bool> Publish);
}
