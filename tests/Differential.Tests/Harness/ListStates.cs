namespace Piuparts.Differential.Tests.Harness;

/// <summary>
/// The 14 states <c>_list</c> accepts, in piuparts' order (package-states.md §4.1), and the 10
/// active ones <c>status</c> counts. Kept here as the harness's own copy of the spec, independent
/// of whatever the master under test uses.
/// </summary>
public static class ListStates
{
    public static readonly IReadOnlyList<string> All =
    [
        "successfully-tested",
        "failed-testing",
        "cannot-be-tested",
        "essential-required",
        "waiting-to-be-tested",
        "waiting-for-dependency-to-be-tested",
        "dependency-failed-testing",
        "dependency-cannot-be-tested",
        "dependency-does-not-exist",
        "circular-dependency",
        "unknown",
        "unknown-preferred-alternative",
        "no-dependency-from-alternatives-exists",
        "outdated",
    ];

    /// <summary>Never assigned since piuparts 0.x; kept "to not break counts.txt".</summary>
    public static readonly IReadOnlyList<string> Obsolete =
        ["essential-required", "circular-dependency", "unknown-preferred-alternative", "no-dependency-from-alternatives-exists"];

    public static readonly IReadOnlyList<string> Active = All.Where(s => !Obsolete.Contains(s)).ToList();
}
