namespace Piuparts.SitePipeline.Pipeline;

/// <summary>What a report run is asked to do (the verb's options, resolved).</summary>
public sealed record ReportOptions
{
    /// <summary>Sections to process; empty = every section of [global] sections.</summary>
    public IReadOnlyList<string> Sections { get; init; } = [];

    /// <summary>The output directory; null = the configured output-directory.</summary>
    public string? OutputDirectory { get; init; }

    /// <summary>The time the report is made at (SOURCE_DATE_EPOCH, --now or the clock).</summary>
    public required DateTimeOffset Now { get; init; }

    /// <summary>How long to wait for a section a master holds before skipping it.</summary>
    public TimeSpan LockWait { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Templates directory overriding the built-in templates (for site operators).</summary>
    public string? TemplatesDirectory { get; init; }

    /// <summary>
    /// How many of a period's tests recent.html lists (newest first; the counts cover them all):
    /// a busy site runs tens of thousands of tests a week, which would make a page of megabytes
    /// rendered again at every run.
    /// </summary>
    public int RecentTestsListed { get; init; } = 1000;

    /// <summary>Log how long each module took (for operators tuning a big site).</summary>
    public bool Timings { get; init; }
}
