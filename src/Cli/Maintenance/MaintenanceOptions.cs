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

    /// <summary>Adds the four options to a verb and returns them, for <see cref="MaintenanceRun.Start"/>.</summary>
    public static (Option<string[]> Sections, Option<bool> DryRun, Option<string?> Now, Option<int> LockWait) AddTo(Command command)
    {
        var options = (Sections(), DryRun(), Now(), LockWait());
        command.Add(options.Item1);
        command.Add(options.Item2);
        command.Add(options.Item3);
        command.Add(options.Item4);
        return options;
    }
}
