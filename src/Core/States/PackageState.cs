namespace Piuparts.Core.States;

/// <summary>
/// The states of package-states.md §4: the fourteen list states (in the order status, _list and
/// the report use) followed by the answers that only a dependency name can get.
/// </summary>
public enum PackageState
{
    SuccessfullyTested,
    FailedTesting,
    CannotBeTested,
    EssentialRequired,
    WaitingToBeTested,
    WaitingForDependencyToBeTested,
    DependencyFailedTesting,
    DependencyCannotBeTested,
    DependencyDoesNotExist,
    CircularDependency,
    Unknown,
    UnknownPreferredAlternative,
    NoDependencyFromAlternativesExists,
    Outdated,

    DoesNotExist,
    IgnoreDoesNotExist,
    ForeignI386,
    Virtual,
}
