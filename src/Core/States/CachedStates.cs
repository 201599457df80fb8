namespace Piuparts.Core.States;

/// <summary>What <see cref="StateCache"/> keeps of a computation: the status counts, the waiting packages, the reservation order and the log listing.</summary>
public sealed class CachedStates
{
    private readonly HashSet<string> _waiting;

    internal CachedStates(IReadOnlyList<(PackageState State, int Count)> counts, HashSet<string> waiting,
        List<(string Name, string Version)> order, IReadOnlyList<string>[] listing)
    {
        Counts = counts;
        _waiting = waiting;
        Order = order;
        Listing = listing;
    }

    public IReadOnlyList<(PackageState State, int Count)> Counts { get; }

    /// <summary>The reservation order as computed then.</summary>
    public List<(string Name, string Version)> Order { get; }

    /// <summary>Sorted log names per <see cref="MasterDir.LogDirectory"/>, as listed when the states were computed.</summary>
    internal IReadOnlyList<string>[] Listing { get; }

    /// <summary>Log file names of the packages that were waiting to be tested.</summary>
    internal HashSet<string> WaitingNames() => _waiting;
}
