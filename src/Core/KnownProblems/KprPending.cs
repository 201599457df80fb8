namespace Piuparts.Core.KnownProblems;

/// <summary>
/// What a .kpr refresh of a section would do (<see cref="KprRefresher.Pending"/>): the .kpr
/// and .bug files it would remove and the logs it would classify, as absolute paths.
/// </summary>
public sealed record KprPending(IReadOnlyList<string> StaleKprs, IReadOnlyList<string> StaleBugs, IReadOnlyList<string> LogsToClassify);
