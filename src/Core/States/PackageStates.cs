namespace Piuparts.Core.States;

/// <summary>Names and classes of the states (package-states.md §4.3).</summary>
public static class PackageStates
{
    /// <summary>The fourteen list states, obsolete ones included, in piuparts' order.</summary>
    public static readonly IReadOnlyList<PackageState> ListStates =
        Enumerable.Range(0, (int)PackageState.Outdated + 1).Select(i => (PackageState)i).ToArray();

    /// <summary>The ten states the engine assigns, in the order of status.</summary>
    public static readonly IReadOnlyList<PackageState> ActiveStates = ListStates.Where(s => !IsObsolete(s)).ToArray();

    private static readonly string[] Names =
    [
        "successfully-tested", "failed-testing", "cannot-be-tested", "essential-required",
        "waiting-to-be-tested", "waiting-for-dependency-to-be-tested", "dependency-failed-testing",
        "dependency-cannot-be-tested", "dependency-does-not-exist", "circular-dependency", "unknown",
        "unknown-preferred-alternative", "no-dependency-from-alternatives-exists", "outdated",
        "does-not-exist", "ignore-does-not-exist", "foreign:i386", "virtual",
    ];

    private static readonly Dictionary<string, PackageState> ByName =
        Names.Select((name, i) => (name, i)).ToDictionary(x => x.name, x => (PackageState)x.i, StringComparer.Ordinal);

    /// <summary>Priority for picking the best of a name and its providers: good, waiting, error (§5.4).</summary>
    internal static readonly PackageState[] Priority =
    [
        PackageState.SuccessfullyTested, PackageState.EssentialRequired, PackageState.IgnoreDoesNotExist,
        PackageState.ForeignI386, PackageState.WaitingToBeTested, PackageState.WaitingForDependencyToBeTested,
        PackageState.FailedTesting, PackageState.CannotBeTested, PackageState.DependencyFailedTesting,
        PackageState.DependencyCannotBeTested, PackageState.DependencyDoesNotExist, PackageState.DoesNotExist,
    ];

    public static string Name(this PackageState state) => Names[(int)state];

    /// <summary>A list state by its protocol name (the fourteen only).</summary>
    public static bool TryParseListState(string name, out PackageState state) =>
        ByName.TryGetValue(name, out state) && state <= PackageState.Outdated;

    public static bool IsObsolete(this PackageState state) => state is PackageState.EssentialRequired
        or PackageState.CircularDependency or PackageState.UnknownPreferredAlternative
        or PackageState.NoDependencyFromAlternativesExists;

    /// <summary>Satisfies a dependency.</summary>
    public static bool IsGood(this PackageState state) => state is PackageState.SuccessfullyTested
        or PackageState.EssentialRequired or PackageState.IgnoreDoesNotExist or PackageState.ForeignI386;

    public static bool IsWaiting(this PackageState state) =>
        state is PackageState.WaitingToBeTested or PackageState.WaitingForDependencyToBeTested;

    /// <summary>The error a dependency in <paramref name="state"/> passes on, or null when it passes none.</summary>
    public static PackageState? PropagatedError(this PackageState state) => state switch
    {
        PackageState.FailedTesting => PackageState.DependencyFailedTesting,
        PackageState.CannotBeTested => PackageState.DependencyCannotBeTested,
        PackageState.DependencyFailedTesting => PackageState.DependencyFailedTesting,
        PackageState.DependencyCannotBeTested => PackageState.DependencyCannotBeTested,
        PackageState.DependencyDoesNotExist => PackageState.DependencyCannotBeTested,
        PackageState.DoesNotExist => PackageState.DependencyDoesNotExist,
        _ => null,
    };

    /// <summary>Error states as the counters of §8 count them: the error keys that are list states.</summary>
    public static bool IsCountedError(this PackageState state) => state is PackageState.FailedTesting
        or PackageState.CannotBeTested or PackageState.DependencyFailedTesting
        or PackageState.DependencyCannotBeTested or PackageState.DependencyDoesNotExist;
}
