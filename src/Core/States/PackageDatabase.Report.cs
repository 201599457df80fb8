using Piuparts.Core.Archive;

namespace Piuparts.Core.States;

// What the report asks besides the protocol's queries (report.md §2.3, §6.11).
public sealed partial class PackageDatabase
{
    /// <summary>Whether the name is a real package of this section's own index.</summary>
    public bool Contains(string name) => _slots.ContainsKey(name);

    /// <summary>The state of a dependency name without virtual resolution: may be virtual, does-not-exist, foreign:i386, ignore-does-not-exist or a depends-section's state.</summary>
    public PackageState DependencyState(string name)
    {
        Compute();
        return StateOf(name, resolveVirtual: false);
    }

    /// <summary>The fully resolved state of any name (virtual names take their first provider's state; outdated looked up in the depends-sections).</summary>
    public PackageState ResolvedState(string name)
    {
        Compute();
        return StateOf(name);
    }

    /// <summary>
    /// Every package in name order (ordinal) with its test version, its own state and its
    /// resolved state (<see cref="ResolvedState"/>): for the report's files that list the whole
    /// section (search index, feed record, summary), without looking each name up again.
    /// </summary>
    public IEnumerable<(BinaryPackage Package, string TestVersion, PackageState Own, PackageState Resolved)> PackagesByName()
    {
        Compute();
        foreach (int slot in SlotsByName())
        {
            var node = _nodes[slot];
            var own = _states![slot];
            // Only an outdated package's state is looked up further (in the depends-sections).
            yield return (node.Package, node.TestVersion, own, own == PackageState.Outdated ? StateOf(node.Name) : own);
        }
    }

    /// <summary>The providers of a name here, then in each depends-section, in order.</summary>
    public IReadOnlyList<string> ProvidersOfName(string name) => ProvidersOf(name, recurse: true).ToArray();

    /// <summary>
    /// The alternative groups of Depends then Pre-Depends, names only, as the state pages list
    /// them: consecutive identical groups shown once.
    /// </summary>
    public IReadOnlyList<string[]> DependencyGroups(string name)
    {
        if (Node(name) is not { } node)
            return [];
        var groups = new List<string[]>();
        foreach (var group in node.Groups(preDepends: false).Concat(node.Groups(preDepends: true)))
        {
            if (groups.Count > 0 && groups[^1].AsSpan().SequenceEqual(group))
                continue;
            groups.Add(group);
        }
        return groups;
    }
}
