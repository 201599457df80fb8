namespace Piuparts.Core.States;

/// <summary>
/// What depends on a package, directly or not (package-states.md §8): how many packages, how
/// many of them are blocked by its error or wait for it, and the length of the longest chain.
/// </summary>
public readonly record struct ReverseCounts(int RdepCount, int BlockCount, int WaitingCount, int ChainLength)
{
    /// <summary>The value piuparts gives a name that is not a package of the section.</summary>
    public static readonly ReverseCounts Unknown = new(-1, -1, -1, -1);
}
