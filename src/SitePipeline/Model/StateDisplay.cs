using Piuparts.Core.MasterDir;
using Piuparts.Core.States;

namespace Piuparts.SitePipeline.Model;

/// <summary>How the pages show states (report.md §2.3): which are errors with counts, which are emphasised.</summary>
public static class StateDisplay
{
    /// <summary>Error states: their pages show reverse-dependency and blocked counts and sort by the latter.</summary>
    public static bool IsError(PackageState state) => state is PackageState.FailedTesting or PackageState.CannotBeTested
        or PackageState.DependencyFailedTesting or PackageState.DependencyCannotBeTested or PackageState.DependencyDoesNotExist;

    /// <summary>The log directories whose logs a state is shown with (reserved never is).</summary>
    public static IReadOnlyList<LogDirectory> LogDirectories(PackageState state) => state switch
    {
        PackageState.SuccessfullyTested => [LogDirectory.Pass],
        PackageState.FailedTesting => [LogDirectory.Fail, LogDirectory.Bugged, LogDirectory.Affected],
        PackageState.CannotBeTested => [LogDirectory.Untestable],
        _ => [],
    };

    /// <summary>States shown emphasised ("bad") on pages.</summary>
    public static bool IsBad(PackageState state) => state is PackageState.FailedTesting or PackageState.CannotBeTested
        or PackageState.DependencyFailedTesting or PackageState.DependencyCannotBeTested or PackageState.DependencyDoesNotExist
        or PackageState.CircularDependency or PackageState.Unknown or PackageState.UnknownPreferredAlternative
        or PackageState.NoDependencyFromAlternativesExists or PackageState.Outdated or PackageState.DoesNotExist;
}
