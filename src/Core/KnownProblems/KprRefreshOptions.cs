namespace Piuparts.Core.KnownProblems;

/// <summary>What a <see cref="KprRefresher"/> pass covers (known-problems.md §4.2).</summary>
public sealed record KprRefreshOptions
{
    /// <summary>piuparts-report's directories, in scan order.</summary>
    public static readonly IReadOnlyList<string> ReportDirectories = ["pass", "bugged", "affected", "fail"];

    /// <summary>detect_well_known_errors' directories, in scan order.</summary>
    public static readonly IReadOnlyList<string> DetectDirectories = ["pass", "bugged", "affected", "fail", "untestable"];

    /// <summary>As piuparts-report refreshes before building pages.</summary>
    public static KprRefreshOptions Report => new();

    /// <summary>As the detect_well_known_errors cron job does, which also removes stale .bug files.</summary>
    public static KprRefreshOptions DetectWellKnownErrors => new() { Directories = DetectDirectories, CleanBugs = true };

    /// <summary>Log directory names below the section directory, in scan order (a later one wins a pkgspec).</summary>
    public IReadOnlyList<string> Directories { get; init; } = ReportDirectories;

    /// <summary>Delete .bug files whose log is gone or elsewhere (step 3).</summary>
    public bool CleanBugs { get; init; }

    /// <summary>--recheck: recompute every .kpr.</summary>
    public bool Recheck { get; init; }

    /// <summary>--recheck-failed: recompute every .kpr outside pass.</summary>
    public bool RecheckFailed { get; init; }

    /// <summary>
    /// When the definitions last changed (<see cref="ProblemSet.LastModified"/>): a .kpr older
    /// than that is recomputed too. Null, as in piuparts, keeps .kpr files across definition
    /// changes until --recheck.
    /// </summary>
    public DateTime? DefinitionsModified { get; init; }

    public int MaxParallelism { get; init; } = Environment.ProcessorCount;
}
