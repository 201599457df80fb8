namespace Piuparts.Core.States;

// Reverse-dependency counters (package-states.md §8), used to order reservations and by the report.
public sealed partial class PackageDatabase
{
    private int[][]? _reverse;
    private ReverseCounts?[]? _counts;

    /// <summary>The reverse-dependency counters of a package; <see cref="ReverseCounts.Unknown"/> for a name not in the section.</summary>
    public ReverseCounts Reverse(string name)
    {
        Compute();
        if (!_slots.TryGetValue(name, out int slot))
            return ReverseCounts.Unknown;
        _counts ??= new ReverseCounts?[_nodes.Length];
        return _counts[slot] ??= CountReverse(slot);
    }

    // rdeps: for each own package, the own packages whose chosen dependencies resolve to it,
    // built once with the chosen alternatives of that moment.
    private int[][] ReverseEdges()
    {
        if (_reverse != null)
            return _reverse;
        var sets = new HashSet<int>?[_nodes.Length];
        foreach (var node in _nodes)
        {
            foreach (var name in node.Deps())
            {
                var target = GetPackage(name, recurse: true, resolveVirtual: true);
                // The key is the resolved package's name, else the name itself; only keys that
                // are own packages can ever be reached from an own package.
                var key = target?.Node.Name ?? name;
                if (_slots.TryGetValue(key, out int keySlot))
                    (sets[keySlot] ??= []).Add(node.Slot);
            }
        }
        return _reverse = sets.Select(s => s == null ? [] : s.ToArray()).ToArray();
    }

    private ReverseCounts CountReverse(int slot)
    {
        var reverse = ReverseEdges();
        var seen = new HashSet<int> { slot };
        var level = new List<int> { slot };
        int chain = 0;
        while (level.Count > 0)
        {
            chain++;
            var next = new List<int>();
            foreach (int x in level)
            {
                foreach (int y in reverse[x])
                {
                    if (seen.Add(y))
                        next.Add(y);
                }
            }
            level = next;
        }
        seen.Remove(slot);
        var own = _states![slot];
        int block = own.IsCountedError() ? seen.Count(x => _states[x].IsCountedError()) : 0;
        int waiting = own.IsWaiting() ? seen.Count(x => _states[x].IsWaiting()) : 0;
        return new ReverseCounts(seen.Count, block, waiting, chain);
    }
}
