namespace Piuparts.Core.States;

// What the protocol's status and debug commands ask (package-states.md §7). All of these
// compute the states first if needed.
public sealed partial class PackageDatabase
{
    /// <summary>The own state of a package (outdated not resolved), as _list and status count it.</summary>
    public PackageState OwnState(string name)
    {
        Compute();
        return _states![_slots[name]];
    }

    /// <summary>_state N: the state as dependencies see it (outdated resolved through depends-sections); null when N is not a package here.</summary>
    public PackageState? StateOfPackage(string name)
    {
        Compute();
        return _slots.ContainsKey(name) ? StateOf(name) : null;
    }

    private int[]? _slotsByName;

    // The slots in name order, sorted once for every state asked (the report asks for each, on every core).
    private int[] SlotsByName() => LazyInitializer.EnsureInitialized(ref _slotsByName, () =>
    {
        var slots = Enumerable.Range(0, _nodes.Length).ToArray();
        Array.Sort(slots, (a, b) => string.CompareOrdinal(_nodes[a].Name, _nodes[b].Name));
        return slots;
    });

    /// <summary>_list S: the packages whose own state is S, sorted.</summary>
    public IReadOnlyList<string> InState(PackageState state)
    {
        Compute();
        var byName = SlotsByName();
        var names = new List<string>();
        foreach (int slot in byName)
        {
            if (_states![slot] == state)
                names.Add(_nodes[slot].Name);
        }
        return names;
    }

    /// <summary>status: the number of packages in each active state, in status order.</summary>
    public IReadOnlyList<(PackageState State, int Count)> Counts()
    {
        Compute();
        var counts = new int[PackageStates.ListStates.Count];
        foreach (var state in _states!)
            counts[(int)state]++;
        return PackageStates.ActiveStates.Select(s => (s, counts[(int)s])).ToArray();
    }

    /// <summary>_depends N: the chosen Depends then Pre-Depends as they are now; null when N is not a package here.</summary>
    public IReadOnlyList<string>? Depends(string name)
    {
        Compute();
        return Node(name)?.Deps().ToArray();
    }

    /// <summary>_recursive-depends N; null when N is not a package here.</summary>
    public IReadOnlyList<string>? RecursiveDepends(string name)
    {
        Compute();
        return Node(name) is { } node ? RecursiveDeps(node).Order : null;
    }

    /// <summary>_depcycle N; null when N is not a package here.</summary>
    public IReadOnlyList<string>? DependencyCycleOf(string name)
    {
        Compute();
        return Node(name) is null ? null : DependencyCycle(name);
    }
}
