namespace Piuparts.SitePipeline.Summary;

/// <summary>
/// A source package's result in summary.json (summary.md §2). The numeric value is the priority:
/// lower is worse.
/// </summary>
public enum SummaryFlag
{
    Failed = 0,
    Blocked = 1,
    Waiting = 2,
    Passed = 3,
    Unknown = 4,
}
